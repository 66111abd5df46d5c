"""The trust part of the weekly review: the trust signals (``domain.trust_signals``) and the
four pillars with their trend. Owner only: it quotes trust scores."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from passerelle.domain import commitments as core
from passerelle.domain import comms as comms_core
from passerelle.domain import pillars as pillar_core
from passerelle.domain import trust_signals as signals
from passerelle.domain.pillars import WorkItem
from passerelle.services import comms, pillars, roadmap, trust
from passerelle.services.access import OWNER, Kind, Role, require
from passerelle.services.stakeholders import names
from passerelle.settings import Settings
from passerelle.store.repos import commitments as commitment_repo
from passerelle.store.repos import requests as request_repo

ARROWS = {
    pillar_core.Direction.UP: "↑",
    pillar_core.Direction.DOWN: "↓",
    pillar_core.Direction.FLAT: "→",
    pillar_core.Direction.UNKNOWN: "·",
}


@dataclass(frozen=True, slots=True)
class TrustSection:
    today: date
    signals: tuple[signals.Signal, ...]
    period: pillar_core.Period
    pillars: tuple[pillar_core.PillarTrend, ...]


def _open_commitments(session: Session, who: dict[str, str]) -> list[core.Commitment]:
    out = []
    for r in commitment_repo.ledger(session, with_text=True, open_only=True):
        key = f"p:{r.person_id}" if r.person_id is not None else f"g:{r.group_id}"
        to = who.get(key, key)
        out.append(
            core.Commitment(r.what, to, r.made_on, r.due, r.confidence, f"commitment:{r.id}")
        )
    return out


def facts(
    session: Session,
    settings: Settings,
    today: date,
    work: list[WorkItem] | None = None,
    logs: dict[str, list[comms_core.Logged]] | None = None,
) -> signals.Facts:
    """What the trust signals read, in a fixed number of queries. ``logs`` (per audience, up
    to ``today``) spares reading the communication log again."""
    th = trust.thresholds(settings)
    p = trust.params(settings)
    who = names(session)
    by_audience = logs if logs is not None else comms.logs_by_audience(session, today)
    book = trust.ledger(session, today, by_audience)
    now = book.scores(today, p)
    before = book.scores(today - timedelta(days=th.trust_window_days), p)
    latest = comms.latest(by_audience, today)
    due = comms_core.due_list(comms.entries(session), latest, today)
    return signals.Facts(
        today=today,
        trust_now={who.get(k, k): s for k, s in now.items()},
        trust_before={who.get(k, k): s for k, s in before.items()},
        commitments=_open_commitments(session, who),
        comms=[
            replace(d, entry=replace(d.entry, audience=who.get(d.entry.audience, d.entry.audience)))
            for d in due
        ],
        requests=[
            signals.WaitingRequest(f"request:{i}", title, received, answered)
            for i, title, received, answered in request_repo.facts(session)
        ],
        work=work if work is not None else roadmap.work_items(session, since=_since(th, today)),
    )


def _since(th: signals.Thresholds, today: date) -> date:
    return today - timedelta(days=th.objective_window_days)


def section(
    session: Session, settings: Settings, today: date, reader: Role = OWNER
) -> TrustSection:
    """The trust part of the weekly review: the owner's only."""
    require(reader, Kind.TRUST)
    th = trust.thresholds(settings)
    period = pillars.month_of(today)
    # One read of the work serves both the signal window and the two months of the pillars.
    work = roadmap.work_items(session, since=min(_since(th, today), period.previous().start))
    # One read of the communication log serves the ledger, the due list and the pillars.
    logs = comms.logs_by_audience(session, today)
    found = signals.scan(facts(session, settings, today, work, logs), th)
    trends = pillars.trend(session, period, today, work, logs)
    return TrustSection(today, tuple(found), period, trends)


def pillars_json(trends: tuple[pillar_core.PillarTrend, ...], lang: str) -> list[dict[str, Any]]:
    return [
        {
            "pillar": t.pillar.value,
            "label": pillar_core.label(t.pillar, lang),
            "rate": t.current.value,
            "numerator": t.current.numerator,
            "denominator": t.current.denominator,
            "previous": t.previous.value,
            "direction": t.direction.value,
        }
        for t in trends
    ]


def to_json(s: TrustSection, lang: str) -> dict[str, Any]:
    def say(text: signals.Text) -> dict[str, str]:
        return {"fr": text.fr, "en": text.en, "text": text.get(lang)}

    return {
        "signals": [
            {
                "code": x.code,
                "severity": x.severity,
                "seen": say(x.seen),
                "why": say(x.why),
                "next_step": say(x.next_step),
                "refs": list(x.refs),
            }
            for x in s.signals
        ],
        "pillars": {
            "period": {"start": s.period.start.isoformat(), "end": s.period.end.isoformat()},
            "rates": pillars_json(s.pillars, lang),
        },
    }


def pillar_lines(trends: tuple[pillar_core.PillarTrend, ...], lang: str) -> list[str]:
    out = []
    for t in trends:
        was = pillar_core.percent(t.previous, lang)
        now = pillar_core.percent(t.current, lang)
        before = "avant" if lang == "fr" else "before"
        name = pillar_core.label(t.pillar, lang)
        out.append(f"- {name}: **{now}** {ARROWS[t.direction]} ({before} {was})")
    return out


HEADINGS = {
    "fr": ("Confiance et communication", "Les quatre piliers", "Rien à signaler."),
    "en": ("Trust and communication", "The four pillars", "Nothing to report."),
}


def to_markdown(s: TrustSection, lang: str) -> list[str]:
    title, pillars_h, nothing = HEADINGS["fr" if lang == "fr" else "en"]
    out = [f"## {title}", ""]
    for x in s.signals:
        out.append(f"- **{x.seen.get(lang)}** {x.why.get(lang)} → {x.next_step.get(lang)}")
    if not s.signals:
        out.append(nothing)
    span = f"{s.period.start.isoformat()} → {s.period.end.isoformat()}"
    out += ["", f"## {pillars_h} ({span})", "", *pillar_lines(s.pillars, lang)]
    return out
