"""The four pillars of trust measured on the workspace over a period, with their trend.

The facts are read here (decisions accepted and shared, the communication plan replayed, the
requests' first answers, work linked to objectives); the rates are ``domain.pillars``'.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from passerelle.domain import comms as comms_core
from passerelle.domain import pillars as core
from passerelle.domain.circles import Visibility
from passerelle.services import comms, roadmap
from passerelle.services.errors import invalid
from passerelle.store.models import DecisionRow
from passerelle.store.repos import requests as request_repo

IN_FORCE = ("accepted", "deprecated", "superseded")


def period_of(text: str) -> core.Period:
    try:
        return core.Period.parse(text)
    except core.PeriodError:
        raise invalid(
            f"Période invalide : {text!r} (un mois comme 2026-11 ou un trimestre comme 2026-Q4).",
            f"Invalid period: {text!r} (a month like 2026-11 or a quarter like 2026-Q4).",
        ) from None


def month_of(day: date) -> core.Period:
    return core.Period.parse(f"{day.year:04d}-{day.month:02d}")


def _accepted_on(
    status: str, decided_on: date | None, history: list[dict[str, str]]
) -> date | None:
    for step in history or ():
        if step.get("status") == "accepted" and step.get("on"):
            return date.fromisoformat(step["on"])
    return decided_on if status in IN_FORCE else None


def decision_facts(session: Session) -> list[core.DecisionFact]:
    d = DecisionRow
    query = select(d.status, d.decided_on, d.history, d.shared_on, d.visibility)
    return [
        core.DecisionFact(
            _accepted_on(status, decided, history),
            shared if visibility == Visibility.BUSINESS.value else None,
        )
        for status, decided, history, shared, visibility in session.execute(query)
    ]


def request_facts(session: Session) -> list[core.RequestFact]:
    return [
        core.RequestFact(on, explained) for on, explained in request_repo.answers(session).values()
    ]


def cadence_records(
    session: Session,
    period: core.Period,
    today: date | None = None,
    logs: Mapping[str, list[comms_core.Logged]] | None = None,
) -> list[comms_core.CadenceRecord]:
    """The plan replayed on the period. ``logs`` (per audience) must reach the period's end,
    or ``today`` when it comes first; days after it are ignored."""
    end = min(period.end, today) if today else period.end
    if end < period.start:
        return []
    by_audience = logs if logs is not None else comms.logs_by_audience(session, end)
    return [
        comms_core.cadence_record(entry, by_audience.get(entry.audience, []), period.start, end)
        for entry in comms.entries(session)
        if entry.since <= end
    ]


def measure(session: Session, period: core.Period, today: date | None = None) -> core.PillarReport:
    return core.measure(
        period,
        decisions=decision_facts(session),
        comms=cadence_records(session, period, today),
        requests=request_facts(session),
        work=roadmap.work_items(session, since=period.start),
    )


def trend(
    session: Session,
    period: core.Period,
    today: date | None = None,
    work: list[core.WorkItem] | None = None,
    logs: Mapping[str, list[comms_core.Logged]] | None = None,
) -> tuple[core.PillarTrend, ...]:
    """Each pillar on ``period`` against the period just before it. ``work`` may be given
    when the caller has already read it (from the previous period's start at least), and
    ``logs`` per audience (up to ``today``, or the period's end without ``today``)."""
    decisions = decision_facts(session)
    answers = request_facts(session)
    if work is None:
        work = roadmap.work_items(session, since=period.previous().start)
    if logs is None:
        last = min(period.end, today) if today else period.end
        logs = comms.logs_by_audience(session, last)

    def report(p: core.Period) -> core.PillarReport:
        records = cadence_records(session, p, today, logs)
        return core.measure(p, decisions=decisions, comms=records, requests=answers, work=work)

    return core.trend(report(period), report(period.previous()))
