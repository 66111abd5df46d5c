"""The trust ledger on the workspace: evidence gathered from commitments, surprises and the
communication plan, scored by ``domain.trust`` for every stakeholder or one.

Trust is private to the owner: nothing here is ever read by the digest, an export meant for
others or a shared view. Scores are computed when asked, never stored. Every read (``events``,
``ledger``, ``board``, ``detail``) takes a ``reader`` and refuses any but the owner
(``access.AccessRefusedError``), as the read policy says.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from passerelle.domain import commitments as core
from passerelle.domain import comms as comms_core
from passerelle.domain import trust as model
from passerelle.domain.trust_signals import Thresholds, ThresholdsError
from passerelle.services import comms
from passerelle.services.access import OWNER, Kind, Role, require
from passerelle.services.errors import invalid
from passerelle.services.stakeholders import Stakeholder, find, names
from passerelle.settings import Settings
from passerelle.store.models import SurpriseRow
from passerelle.store.repos import commitments as repo


def params(settings: Settings) -> model.TrustParams:
    try:
        return model.TrustParams.from_mapping(settings.trust)
    except model.TrustParamsError as exc:
        raise invalid(
            f"Paramètres de confiance invalides : {exc}", f"Bad trust parameters: {exc}"
        ) from None


def thresholds(settings: Settings) -> Thresholds:
    try:
        return Thresholds.from_mapping(settings.trust_signals)
    except ThresholdsError as exc:
        raise invalid(f"Seuils invalides : {exc}", f"Bad thresholds: {exc}") from None


_STATUS = {s.value: s for s in core.Status}
Step = tuple[date, date, date, str]
_EVIDENCE = {s.value: model.Evidence(s.value) for s in core.CLOSED}


def commitment_events(
    session: Session, today: date, who: Stakeholder | None = None, *, with_text: bool = False
) -> list[model.TrustEvent]:
    """The evidence commitments give, as ``domain.commitments.trust_events`` defines it.

    A closed commitment never renegotiated gives one event, its outcome on the day it closed:
    that common case is built directly (``tests/services/trust`` checks it against the core);
    every other commitment goes through the core.
    """
    rows = repo.ledger(
        session,
        person_id=who.person_id if who else None,
        group_id=who.group_id if who else None,
        with_text=with_text,
    )
    steps = repo.renegotiations(session, [r.id for r in rows] if who else None)
    events: list[model.TrustEvent] = []
    for r in rows:
        key = f"p:{r.person_id}" if r.person_id is not None else f"g:{r.group_id}"
        moved = steps.get(r.id)
        if r.outcome is not None and r.closed_on is not None and not moved:
            kind = _EVIDENCE[r.outcome]
            events.append(
                model.TrustEvent(key, r.closed_on, kind, 1.0, r.what, f"commitment:{r.id}")
            )
            continue
        events.extend(core.trust_events(_commitment(r, steps), today))
    return events


def surprise_events(session: Session, who: Stakeholder | None = None) -> list[model.TrustEvent]:
    rows = repo.surprises(
        session,
        person_id=who.person_id if who else None,
        group_id=who.group_id if who else None,
    )
    return [
        model.TrustEvent(
            f"p:{r.person_id}" if r.person_id is not None else f"g:{r.group_id}",
            r.occurred_on,
            model.Evidence.SURPRISE,
            weight=r.weight,
            note=r.note,
            ref=f"surprise:{r.id}",
        )
        for r in rows
    ]


def cadence_events(
    session: Session, today: date, who: Stakeholder | None = None
) -> list[model.TrustEvent]:
    return _cadence(session, today, None, who)


def _cadence(
    session: Session,
    today: date,
    logs: Mapping[str, list[comms_core.Logged]] | None,
    who: Stakeholder | None = None,
) -> list[model.TrustEvent]:
    plan = comms.entries(session)
    if who is not None:
        plan = [p for p in plan if p.audience == who.key]
    if not plan:
        return []
    by_audience = logs if logs is not None else comms.logs_by_audience(session, today)
    out: list[model.TrustEvent] = []
    for entry in plan:
        mine = [g for g in by_audience.get(entry.audience, ()) if g.on <= today]
        start = min([entry.since, *(g.on for g in mine)])
        if start <= today:
            out.extend(comms_core.cadence_events(entry, mine, start, today))
    return out


def events(
    session: Session,
    today: date,
    who: Stakeholder | None = None,
    *,
    with_text: bool = False,
    reader: Role = OWNER,
) -> list[model.TrustEvent]:
    """Every piece of evidence up to ``today``, for one stakeholder or all."""
    require(reader, Kind.TRUST)
    return [
        *commitment_events(session, today, who, with_text=with_text),
        *surprise_events(session, who),
        *cadence_events(session, today, who),
    ]


@dataclass(frozen=True, slots=True)
class Ledger:
    """Every stakeholder's evidence, the bulk of it grouped by the database per stakeholder,
    kind and day (``tallies``), the rest as events. Scores exactly as ``events`` would."""

    tallies: tuple[model.Tally, ...]
    events: tuple[model.TrustEvent, ...]

    def scores(self, at: date, p: model.TrustParams) -> dict[str, model.TrustScore]:
        return model.tallied_scores(self.tallies, at, p, self.events)


def ledger(
    session: Session,
    today: date,
    logs: Mapping[str, list[comms_core.Logged]] | None = None,
    reader: Role = OWNER,
) -> Ledger:
    """The evidence of every stakeholder up to ``today``, in a fixed number of queries.
    ``logs`` (per audience, up to ``today`` at least) spares reading the log again."""
    require(reader, Kind.TRUST)
    kinds = {**_EVIDENCE, "late": model.Evidence.LATE, "renegotiated": model.Evidence.RENEGOTIATED}
    tallies = tuple(
        model.Tally(f"p:{p}" if p is not None else f"g:{g}", kinds[kind], days)
        for p, g, kind, days in repo.tallies(session, today)
    )
    found = (*surprise_events(session), *_cadence(session, today, logs))
    return Ledger(tallies, found)


def _commitment(r: repo.LedgerRow, steps: Mapping[int, list[Step]]) -> core.Commitment:
    return core.Commitment(
        what=r.what,
        to=f"p:{r.person_id}" if r.person_id is not None else f"g:{r.group_id}",
        made_on=r.made_on,
        due=r.due,
        confidence=r.confidence,
        ref=f"commitment:{r.id}",
        outcome=_STATUS[r.outcome] if r.outcome else None,
        closed_on=r.closed_on,
        reason=r.reason,
        renegotiations=tuple(core.Renegotiation(*s) for s in steps.get(r.id) or ()),
    )


def log_surprise(
    session: Session, to: str, on: date, note: str, weight: float = 1.0
) -> Stakeholder:
    who = find(session, to)
    if not note.strip():
        raise invalid("Dites ce qui a surpris.", "Say what came as a surprise.")
    if not (0 < weight <= 10):
        raise invalid("Le poids est entre 0 et 10.", "The weight is between 0 and 10.")
    repo.add_surprise(
        session,
        SurpriseRow(
            person_id=who.person_id,
            group_id=who.group_id,
            occurred_on=on,
            weight=weight,
            note=note.strip(),
        ),
    )
    return who


@dataclass(frozen=True, slots=True)
class StakeholderTrust:
    key: str
    name: str
    now: model.TrustScore
    before: model.TrustScore  # the signal window's length ago

    @property
    def change(self) -> float:
        return self.now.expected - self.before.expected


def _empty(key: str, at: date) -> model.TrustScore:
    return model.TrustScore(key, at, 0.0, 0.0, 0)


def board(
    session: Session,
    settings: Settings,
    today: date,
    found: Iterable[model.TrustEvent] | None = None,
    reader: Role = OWNER,
) -> list[StakeholderTrust]:
    """Trust in every stakeholder with evidence, lowest first."""
    require(reader, Kind.TRUST)
    p = params(settings)
    window = thresholds(settings).trust_window_days
    if found is not None:
        evidence = list(found)
        now = model.scores(evidence, today, p)
        before = model.scores(evidence, today - timedelta(days=window), p)
    else:
        book = ledger(session, today)
        now, before = book.scores(today, p), book.scores(today - timedelta(days=window), p)
    everyone = names(session)
    rows = [
        StakeholderTrust(k, everyone.get(k, k), s, before.get(k, _empty(k, s.at)))
        for k, s in now.items()
    ]
    return sorted(rows, key=lambda r: (r.now.expected, r.name))


@dataclass(frozen=True, slots=True)
class Moved:
    on: date
    kind: model.Evidence
    delta: float
    note: str
    ref: str


@dataclass(frozen=True, slots=True)
class TrustDetail:
    stakeholder: Stakeholder
    score: model.TrustScore
    trend: tuple[model.TrendPoint, ...]
    movers: tuple[Moved, ...]


def detail(
    session: Session,
    settings: Settings,
    ref: str,
    today: date,
    *,
    weeks: int = 52,
    limit: int = 5,
    reader: Role = OWNER,
) -> TrustDetail:
    require(reader, Kind.TRUST)
    who = find(session, ref)
    p = params(settings)
    evidence = events(session, today, who, with_text=True)
    score = model.score(who.key, evidence, today, p)
    start = today - timedelta(weeks=max(weeks, 1))
    points = model.trend(who.key, evidence, start, today, 7, p)
    moved = tuple(
        Moved(m.event.on, m.event.kind, m.delta, m.event.note, m.event.ref)
        for m in model.movers(who.key, evidence, today, limit, p)
    )
    return TrustDetail(who, score, points, moved)
