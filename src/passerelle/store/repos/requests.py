"""Queries on business requests and their status history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from passerelle.store.models import Person, RequestChangeRow, RequestRow

OPEN = ("received", "planned", "accepted")


def add(session: Session, row: RequestRow) -> RequestRow:
    session.add(row)
    session.flush()
    return row


def get(
    session: Session, request_id: int, visibilities: Sequence[str] | None = None
) -> RequestRow | None:
    query = (
        select(RequestRow)
        .where(RequestRow.id == request_id)
        .options(selectinload(RequestRow.changes))
    )
    if visibilities is not None:
        query = query.where(RequestRow.visibility.in_(list(visibilities)))
    return session.scalars(query).first()


def listing(
    session: Session,
    *,
    statuses: Sequence[str] | None = None,
    visibilities: Sequence[str] | None = None,
    touching: tuple[date, date] | None = None,
) -> Sequence[RequestRow]:
    """Requests, oldest first; ``touching`` keeps those received or changed in the period,
    or still open at its end."""
    query = select(RequestRow).options(selectinload(RequestRow.changes))
    if statuses:
        query = query.where(RequestRow.status.in_(list(statuses)))
    if visibilities is not None:
        query = query.where(RequestRow.visibility.in_(list(visibilities)))
    if touching is not None:
        start, end = touching
        changed = select(RequestChangeRow.request_id).where(
            RequestChangeRow.changed_on.between(start, end)
        )
        query = query.where(
            or_(
                RequestRow.received_on.between(start, end),
                RequestRow.id.in_(changed),
                RequestRow.status.in_(OPEN) & (RequestRow.received_on <= end),
            )
        )
    return session.scalars(query.order_by(RequestRow.received_on, RequestRow.id)).all()


def open_requests(
    session: Session, visibilities: Sequence[str] | None = None
) -> Sequence[RequestRow]:
    query = select(RequestRow).where(RequestRow.status.in_(OPEN)).order_by(RequestRow.id)
    if visibilities is not None:
        query = query.where(RequestRow.visibility.in_(list(visibilities)))
    return session.scalars(query).all()


def facts(session: Session) -> list[tuple[int, str, date, date | None]]:
    """Every request's id, title, day received and first answer: the review's input."""
    r = RequestRow
    query = select(r.id, r.title, r.received_on, r.answered_on)
    return [(i, t, rec, ans) for i, t, rec, ans in session.execute(query)]


def answers(session: Session) -> dict[int, tuple[date, bool]]:
    """Per request, its first answer (accepted, planned or declined): the day and whether it
    carried a written trade-off."""
    c = RequestChangeRow
    query = (
        select(c.request_id, c.changed_on, c.explained)
        .where(c.new_status.in_(("accepted", "planned", "declined")))
        .order_by(c.id)
    )
    found: dict[int, tuple[date, bool]] = {}
    for rid, on, explained in session.execute(query):
        found.setdefault(rid, (on, bool(explained)))
    return found


def requester_names(session: Session) -> dict[int, str]:
    query = select(Person.id, Person.name).where(
        Person.id.in_(select(RequestRow.requester_id).distinct())
    )
    return {int(pid): str(name) for pid, name in session.execute(query)}
