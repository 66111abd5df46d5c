"""The demo's decision log and delegation board: a board for three teams, decisions in every
status (written through the services, as the commands would), and older decision records
imported from the folder ``records/`` shipped beside this module.
"""

from __future__ import annotations

from datetime import date, timedelta
from importlib import resources
from typing import Any

import yaml
from sqlalchemy.orm import Session

from passerelle.domain.circles import Visibility
from passerelle.domain.decisions import BusinessRendering, Decision, Option, Status
from passerelle.services import decision_records, decisions, delegation


def story() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("decisions.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def build(s: Session, today: date) -> dict[str, int]:
    data = story()
    with resources.as_file(resources.files(__package__).joinpath("records")) as folder:
        imported = decision_records.import_folder(s, folder)
    _board(s, data["board"], today)
    made = _decisions(s, data["decisions"], today)
    return {
        "decisions": made + len(imported.created),
        "decision records imported": len(imported.created),
        "delegation areas": len(data["board"]),
    }


def _board(s: Session, areas: list[dict[str, Any]], today: date) -> None:
    for area in areas:
        delegation.frame(
            s, area["area"], guardrails=area.get("guardrails"), standards=area.get("standards")
        )
        for cell in area.get("cells", []):
            on = today - timedelta(days=cell["days_ago"])
            delegation.set_level(
                s, area["area"], cell["holder"], on=on, current=cell["current"],
                target=cell.get("target"),
            )  # fmt: skip
            moved = cell.get("moved")
            if moved:
                delegation.set_level(
                    s, area["area"], cell["holder"],
                    on=today - timedelta(days=moved["days_ago"]), current=moved["current"],
                    note="a first library chosen alone went well",
                )  # fmt: skip


def _decisions(s: Session, items: list[dict[str, Any]], today: date) -> int:
    ids: dict[str, str] = {}
    for item in items:
        on = today - timedelta(days=item["days_ago"])
        review = item.get("review_days")
        business = item.get("business", {})
        draft = Decision(
            id="draft",
            title=item["title"],
            date=on,
            context=item.get("context", ""),
            options=tuple(Option(o) for o in item.get("options", [])),
            chosen_option=item.get("chosen", ""),
            rationale=item.get("because", ""),
            deciders=tuple(item.get("deciders", [])),
            consulted=tuple(item.get("consulted", [])),
            area=item.get("area", ""),
            review_on=on + timedelta(days=item["days_ago"] + review) if review else None,
            visibility=Visibility.TEAM,
            business=BusinessRendering(
                business.get("value", ""), business.get("cost", ""),
                business.get("risk", ""), business.get("timing", ""),
            ),
        )  # fmt: skip
        slug = decisions.new(s, draft, today=on, by=draft.deciders[0]).decision.id
        ids[item["title"]] = slug
        for step, status in enumerate(item.get("moves", [])):
            when = on + timedelta(days=step * 30 if status == "deprecated" else step)
            decisions.move(
                s, slug, Status(status), today=min(when, today), by="Claire Martin",
                reason=item.get("reason", "") if status in ("rejected", "deprecated") else "",
            )  # fmt: skip
        older = item.get("supersedes")
        if older:
            decisions.supersede(s, ids[older], slug, today=on, by="Claire Martin")
        if item.get("share"):
            decisions.share(
                s, slug, "business", today=on, force=bool(item.get("force")),
                reason=item.get("force", ""),
            )  # fmt: skip
    return len(items)
