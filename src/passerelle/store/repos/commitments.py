"""Queries on commitments, their renegotiations and surprises: the trust ledger's input."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from passerelle.store.models import CommitmentRow, RenegotiationRow, SurpriseRow
from passerelle.store.repos.days import day, day_of, raw


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
    if person_id is not None:
        query = query.where(CommitmentRow.person_id == person_id)
    if group_id is not None:
        query = query.where(CommitmentRow.group_id == group_id)
    if open_only:
        query = query.where(CommitmentRow.outcome.is_(None))
    if visibilities is not None:
        query = query.where(CommitmentRow.visibility.in_(list(visibilities)))
    if due_after is not None:
        query = query.where(CommitmentRow.due > due_after)
    if due_until is not None:
        query = query.where(CommitmentRow.due <= due_until)
    if touching is not None:
        start, end = touching
        query = query.where(
            or_(
                CommitmentRow.made_on.between(start, end),
                CommitmentRow.due.between(start, end),
                CommitmentRow.closed_on.between(start, end),
                (CommitmentRow.outcome.is_(None) & (CommitmentRow.made_on <= end)),
            )
        )
    return session.scalars(query.order_by(CommitmentRow.due, CommitmentRow.id)).all()


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


def renegotiations(
    session: Session, ids: Sequence[int] | None = None
) -> dict[int, list[tuple[date, date, date, str]]]:
    """Per commitment: (agreed on, old due, new due, reason), oldest first."""
    r = RenegotiationRow
    query = select(r.commitment_id, r.agreed_on, r.old_due, r.new_due, r.reason).order_by(r.id)
    if ids is not None:
        query = query.where(r.commitment_id.in_(list(ids)))
    found: dict[int, list[tuple[date, date, date, str]]] = defaultdict(list)
    for cid, on, old, new, reason in session.connection().execute(query):
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
