"""Queries on the communication plan, the communications logged and the digests."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from passerelle.store.models import CommsPlanRow, CommunicationRow, DigestRow
from passerelle.store.repos.days import day_of, raw


def plan(session: Session, visibilities: Sequence[str] | None = None) -> Sequence[CommsPlanRow]:
    query = select(CommsPlanRow).order_by(CommsPlanRow.id)
    if visibilities is not None:
        query = query.where(CommsPlanRow.visibility.in_(list(visibilities)))
    return session.scalars(query).all()


def plan_entry(
    session: Session, *, person_id: int | None, group_id: int | None
) -> CommsPlanRow | None:
    query = select(CommsPlanRow)
    if person_id is not None:
        query = query.where(CommsPlanRow.person_id == person_id)
    else:
        query = query.where(CommsPlanRow.group_id == group_id)
    return session.scalars(query).first()


def add(session: Session, row: CommsPlanRow | CommunicationRow | DigestRow) -> None:
    session.add(row)
    session.flush()


def log_dates(
    session: Session, until: date | None = None, visibilities: Sequence[str] | None = None
) -> dict[str, list[tuple[date, str | None]]]:
    """Every communication's day and format (at ``visibilities`` only, when given), per
    stakeholder key (``p:1``, ``g:2``)."""
    c = CommunicationRow
    query = select(c.person_id, c.group_id, raw(c.occurred_on), c.format)
    if until is not None:
        query = query.where(c.occurred_on <= until)
    if visibilities is not None:
        query = query.where(c.visibility.in_(list(visibilities)))
    found: dict[str, list[tuple[date, str | None]]] = defaultdict(list)
    for pid, gid, on, fmt in session.connection().execute(query).all():
        found[f"p:{pid}" if pid is not None else f"g:{gid}"].append((day_of(on), fmt))
    return found


def recent(
    session: Session, limit: int = 20, visibilities: Sequence[str] | None = None
) -> Sequence[CommunicationRow]:
    query = select(CommunicationRow).order_by(
        CommunicationRow.occurred_on.desc(), CommunicationRow.id.desc()
    )
    if visibilities is not None:
        query = query.where(CommunicationRow.visibility.in_(list(visibilities)))
    return session.scalars(query.limit(limit)).all()


def digest(
    session: Session,
    period: str,
    audience: str,
    lang: str,
    visibilities: Sequence[str] | None = None,
) -> DigestRow | None:
    query = (
        select(DigestRow)
        .where(DigestRow.period == period, DigestRow.audience == audience, DigestRow.lang == lang)
        .order_by(DigestRow.id.desc())
    )
    if visibilities is not None:
        query = query.where(DigestRow.visibility.in_(list(visibilities)))
    return session.scalars(query).first()
