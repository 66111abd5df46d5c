"""``passerelle demo``: a fictional scale-up CTO's year, so a newcomer sees every feature.

The story lives in ``company.yaml`` (people, asks in every state, learnings); the rhythm of
contacts over the year is drawn from a seeded random generator, so two demos are identical.
Everything is written through the services, as a person would through the commands.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from importlib import resources
from typing import Any

import yaml
from sqlalchemy import delete, func, select

from passerelle.domain.circles import Bilingual
from passerelle.services import asks, learnings, people
from passerelle.services.errors import InvalidStateError
from passerelle.store.models import Base, Person
from passerelle.store.repos import workspace as workspace_repo
from passerelle.store.workspace import Store

SEED = 2024
KINDS = {"peer": ["meal", "call", "event"], "mentor": ["meeting", "call"], "team": ["meeting"],
         "ceo": ["meeting"], "business": ["meeting", "message"], "expert": ["call"],
         "board": ["meeting"]}  # fmt: skip


def story() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("company.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def build(store: Store, today: date, *, replace: bool = False) -> dict[str, int]:
    data = story()
    with store.write() as s:
        if s.scalar(select(func.count()).select_from(Person)) and not replace:
            raise InvalidStateError(
                Bilingual(
                    "L’espace de travail contient déjà des données ; utilisez --replace (ou "
                    "--db AUTRE_FICHIER).",
                    "The workspace already holds data; use --replace (or --db OTHER_FILE).",
                )
            )
        for table in reversed(Base.metadata.sorted_tables):
            s.execute(delete(table))
        workspace_repo.create(s, data["workspace"]["name"], data["workspace"]["owner"])
        for p in data["people"]:
            people.add(
                s,
                p["name"],
                p["circle"],
                organisation=p.get("org", ""),
                expertise=p.get("expertise", []),
                cadence_days=p.get("cadence"),
                known_since=today - timedelta(days=p["known"]),
            )
        contacts = _rhythm(s, data, today)
        counts = _asks(s, data, today)
        for item in data["learnings"]:
            learnings.add(
                s,
                item["title"],
                item["body"],
                tags=item.get("tags"),
                day=today - timedelta(days=item["days_ago"]),
            )
        counts["learnings"] = counts.get("learnings", 0) + len(data["learnings"])
        from passerelle.demo import trust as trust_demo

        counts |= trust_demo.build(s, store.settings, today)
        from passerelle.demo import decisions as decisions_demo

        counts |= decisions_demo.build(s, today)
    return {"people": len(data["people"]), "interactions": contacts} | counts


def _rhythm(s: Any, data: dict[str, Any], today: date) -> int:
    rng = random.Random(SEED)
    rhythm = data["rhythm"]
    quiet: dict[str, int] = rhythm.get("quiet", {})
    count = 0
    for p in data["people"]:
        flow = rhythm[p["circle"]]
        every = int(flow["every"])
        ago = int(p["known"])
        stop = quiet.get(p["name"], 0)
        while True:
            ago -= max(1, round(every * rng.uniform(0.6, 1.3)))
            if ago < max(stop, 1):
                break
            gave = rng.choice(flow["gave"]) if flow["gave"] and rng.random() < 0.4 else ""
            received = rng.choice(flow["received"]) if rng.random() < 0.4 else ""
            people.log(
                s,
                p["name"],
                day=today - timedelta(days=ago),
                kind=rng.choice(KINDS[p["circle"]]),
                initiated_by="me" if rng.random() < 0.6 else "them",
                gave=gave,
                received=received,
                summary=gave or received or "catch-up",
            )
            count += 1
    return count


def _asks(s: Any, data: dict[str, Any], today: date) -> dict[str, int]:
    written = 0
    for item in data["asks"]:
        created = today - timedelta(days=item["days_ago"])
        draft = asks.Draft(title=item["title"], body=item["body"])
        ask, _ = asks.new(s, draft, urgency=item.get("urgency"), today=created)
        if not item.get("to"):
            continue
        asks.send(s, ask.id, item["to"], created)
        last = created
        for answer in item.get("answers", []):
            last = created + timedelta(days=answer["days_after"])
            asks.answer(s, ask.id, answer["from"], answer["text"], last, answer.get("useful"))
        learning = item.get("learning")
        if learning:
            asks.close(
                s,
                ask.id,
                last + timedelta(days=2),
                learning=learning["body"],
                title=learning["title"],
                tags=learning.get("tags"),
            )
            written += 1
    return {"asks": len(data["asks"]), "learnings": written}
