"""Queries on commitments, their renegotiations and surprises: the trust ledger's input."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from passerelle.store.models import CommitmentRow, RenegotiationRow, SurpriseRow
from passerelle.store.repos.days import day, day_of, days_in, raw


def add(session: Session, row: CommitmentRow) -> CommitmentRow:
    session.add(row)
    session.flush()
    return row


def get(session: Session, commitment_id: int) -> CommitmentRow | None:
    query = (
        select(CommitmentRow)
        .where(CommitmentRow.id == commitment_id)
        .options(selectinload(CommitmentRow.renegotiations))
    )
    return session.scalars(query).first()


def _filtered(
    query: Any,
    *,
    person_id: int | None = None,
    group_id: int | None = None,
    open_only: bool = False,
    visibilities: Sequence[str] | None = None,
    touching: tuple[date, date] | None = None,
    due_after: date | None = None,
    due_until: date | None = None,
) -> Any:
    c = CommitmentRow
    if person_id is not None:
        query = query.where(c.person_id == person_id)
    if group_id is not None:
        query = query.where(c.group_id == group_id)
    if open_only:
        query = query.where(c.outcome.is_(None))
    if visibilities is not None:
        query = query.where(c.visibility.in_(list(visibilities)))
    if due_after is not None:
        query = query.where(c.due > due_after)
    if due_until is not None:
        query = query.where(c.due <= due_until)
    if touching is not None:
        start, end = touching
        query = query.where(
            or_(
                c.made_on.between(start, end),
                c.due.between(start, end),
                c.closed_on.between(start, end),
                (c.outcome.is_(None) & (c.made_on <= end)),
            )
        )
    return query


def listing(
    session: Session,
    *,
    person_id: int | None = None,
    group_id: int | None = None,
    open_only: bool = False,
    visibilities: Sequence[str] | None = None,
    touching: tuple[date, date] | None = None,
    due_after: date | None = None,
    due_until: date | None = None,
) -> Sequence[CommitmentRow]:
    """Commitments, soonest due first. ``touching`` keeps those made, due or closed in the
    period, or still open at its end."""
    query = select(CommitmentRow).options(selectinload(CommitmentRow.renegotiations))
    query = _filtered(
        query,
        person_id=person_id,
        group_id=group_id,
        open_only=open_only,
        visibilities=visibilities,
        touching=touching,
        due_after=due_after,
        due_until=due_until,
    )
    return session.scalars(query.order_by(CommitmentRow.due, CommitmentRow.id)).all()


class CommitmentFacts(NamedTuple):
    """A commitment and its renegotiations as plain values: what listings read."""

    id: int
    what: str
    person_id: int | None
    group_id: int | None
    made_on: date
    due: date
    confidence: float
    outcome: str | None
    closed_on: date | None
    reason: str
    visibility: str
    lang: str
    renegotiations: tuple[tuple[date, date, date, str], ...]


def facts(
    session: Session,
    *,
    person_id: int | None = None,
    group_id: int | None = None,
    open_only: bool = False,
    visibilities: Sequence[str] | None = None,
    touching: tuple[date, date] | None = None,
    due_after: date | None = None,
    due_until: date | None = None,
) -> list[CommitmentFacts]:
    """``listing`` as plain values, in two queries on the connection (the commitments, then
    the renegotiations of those same commitments), without ORM objects."""
    c = CommitmentRow
    filters = {
        "person_id": person_id,
        "group_id": group_id,
        "open_only": open_only,
        "visibilities": visibilities,
        "touching": touching,
        "due_after": due_after,
        "due_until": due_until,
    }
    query = select(
        c.id,
        c.what,
        c.person_id,
        c.group_id,
        raw(c.made_on),
        raw(c.due),
        c.confidence,
        c.outcome,
        raw(c.closed_on),
        c.reason,
        c.visibility,
        c.lang,
    )
    query = _filtered(query, **filters).order_by(c.due, c.id)
    conn = session.connection()
    rows = conn.execute(query).all()
    r = RenegotiationRow
    # From the renegotiations to their commitments: few rows, looked up by key.
    moved = _filtered(
        select(r.commitment_id, r.agreed_on, r.old_due, r.new_due, r.reason).join(
            c, c.id == r.commitment_id
        ),
        **filters,
    )
    steps: dict[int, list[tuple[date, date, date, str]]] = defaultdict(list)
    for cid, on, old, new, why in conn.execute(moved.order_by(r.id)).all():
        steps[cid].append((on, old, new, why))
    return [
        CommitmentFacts(
            i, what, pid, gid, day_of(made), day_of(due), conf, outcome, day(closed), reason,
            vis, lang, tuple(steps.get(i, ())),
        )
        for i, what, pid, gid, made, due, conf, outcome, closed, reason, vis, lang in rows
    ]  # fmt: skip


@dataclass(frozen=True, slots=True)
class LedgerRow:
    id: int
    person_id: int | None
    group_id: int | None
    what: str
    made_on: date
    due: date
    confidence: float
    outcome: str | None
    closed_on: date | None
    reason: str


def ledger(
    session: Session,
    *,
    person_id: int | None = None,
    group_id: int | None = None,
    with_text: bool = False,
    open_only: bool = False,
) -> list[LedgerRow]:
    """Commitments as plain rows, in one query on the connection without ORM objects: what
    the trust ledger and the review read. Text columns are skipped unless asked for."""
    c = CommitmentRow
    text_cols = (c.what, c.reason) if with_text else ()
    query = select(
        c.id,
        c.person_id,
        c.group_id,
        raw(c.made_on),
        raw(c.due),
        c.confidence,
        c.outcome,
        raw(c.closed_on),
        *text_cols,
    )
    if person_id is not None:
        query = query.where(c.person_id == person_id)
    if group_id is not None:
        query = query.where(c.group_id == group_id)
    if open_only:
        query = query.where(c.outcome.is_(None))
    rows = session.connection().execute(query).all()
    if with_text:
        return [
            LedgerRow(
                r[0], r[1], r[2], r[8], day_of(r[3]), day_of(r[4]), r[5], r[6], day(r[7]), r[9]
            )
            for r in rows
        ]
    return [
        LedgerRow(r[0], r[1], r[2], "", day_of(r[3]), day_of(r[4]), r[5], r[6], day(r[7]), "")
        for r in rows
    ]


def tallies(session: Session, today: date) -> list[tuple[int | None, int | None, str, list[date]]]:
    """The evidence every commitment gives, as ``domain.commitments.trust_events`` defines
    it, grouped by the database per stakeholder and kind: (person id, group id, kind, days),
    a day once per event. A closed commitment counts its outcome on the day it closed; any
    other, once past its due date on ``today``, counts as late from the day after; every
    renegotiation counts as "renegotiated" on the day it was agreed."""
    c, r = CommitmentRow, RenegotiationRow
    conn = session.connection()
    grouped, split = _grouped_days(conn.dialect.name)
    closed = (
        select(c.person_id, c.group_id, c.outcome, grouped(c.closed_on))
        .where(c.outcome.is_not(None), c.closed_on.is_not(None))
        .group_by(c.person_id, c.group_id, c.outcome)
    )
    found = [(p, g, kind, split(days)) for p, g, kind, days in conn.execute(closed).all()]
    late = (
        select(c.person_id, c.group_id, grouped(c.due))
        .where(or_(c.outcome.is_(None), c.closed_on.is_(None)), c.due < today)
        .group_by(c.person_id, c.group_id)
    )
    after = timedelta(days=1)
    for p, g, days in conn.execute(late).all():
        found.append((p, g, "late", [d + after for d in split(days)]))
    moved = (
        select(c.person_id, c.group_id, grouped(r.agreed_on))
        .join(c, c.id == r.commitment_id)
        .group_by(c.person_id, c.group_id)
    )
    found.extend((p, g, "renegotiated", split(days)) for p, g, days in conn.execute(moved).all())
    return found


def _grouped_days(dialect: str) -> tuple[Callable[[Any], Any], Callable[[Any], list[date]]]:
    """How to aggregate a date column into every day of the group, and read it back: an array
    of dates on PostgreSQL, a comma-separated string of ISO days on SQLite."""
    if dialect == "postgresql":
        return (lambda column: func.array_agg(column)), list
    return (lambda column: func.group_concat(column, ",")), days_in


def renegotiations(
    session: Session, ids: Sequence[int] | None = None
) -> dict[int, list[tuple[date, date, date, str]]]:
    """Per commitment: (agreed on, old due, new due, reason), oldest first."""
    r = RenegotiationRow
    query = select(r.commitment_id, r.agreed_on, r.old_due, r.new_due, r.reason).order_by(r.id)
    if ids is not None:
        query = query.where(r.commitment_id.in_(list(ids)))
    found: dict[int, list[tuple[date, date, date, str]]] = defaultdict(list)
    for cid, on, old, new, reason in session.connection().execute(query).all():
        found[cid].append((on, old, new, reason))
    return found


def add_surprise(session: Session, row: SurpriseRow) -> SurpriseRow:
    session.add(row)
    session.flush()
    return row


def surprises(
    session: Session, *, person_id: int | None = None, group_id: int | None = None
) -> Sequence[SurpriseRow]:
    query = select(SurpriseRow).order_by(SurpriseRow.occurred_on, SurpriseRow.id)
    if person_id is not None:
        query = query.where(SurpriseRow.person_id == person_id)
    if group_id is not None:
        query = query.where(SurpriseRow.group_id == group_id)
    return session.scalars(query).all()
