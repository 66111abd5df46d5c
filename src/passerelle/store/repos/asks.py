"""Queries on asks, their recipients and answers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from passerelle.store.models import Answer, Ask, AskRecipient, Learning, Person


def add(session: Session, ask: Ask) -> Ask:
    session.add(ask)
    session.flush()
    return ask


def get(session: Session, ask_id: int) -> Ask | None:
    query = (
        select(Ask)
        .where(Ask.id == ask_id)
        .options(selectinload(Ask.recipients), selectinload(Ask.answers))
    )
    return session.scalars(query).first()


def listing(
    session: Session,
    *,
    status: str | None = None,
    circle: str | None = None,
    urgency: str | None = None,
    limit: int | None = None,
) -> Sequence[Ask]:
    query = select(Ask).order_by(Ask.created_on.desc(), Ask.id.desc())
    if status:
        query = query.where(Ask.status == status)
    if circle:
        query = query.where(Ask.circle == circle)
    if urgency:
        query = query.where(Ask.urgency == urgency)
    if limit:
        query = query.limit(limit)
    return session.scalars(query).all()


def add_recipient(session: Session, recipient: AskRecipient) -> None:
    session.add(recipient)


def add_answer(session: Session, answer: Answer) -> None:
    session.add(answer)


def recipient_names(session: Session, ask_id: int) -> list[str]:
    query = (
        select(Person.name)
        .join(AskRecipient, AskRecipient.person_id == Person.id)
        .where(AskRecipient.ask_id == ask_id)
        .order_by(AskRecipient.id)
    )
    return list(session.scalars(query))


@dataclass(frozen=True, slots=True)
class AskRow:
    id: int
    title: str
    status: str
    urgency: str
    quality: str | None
    fitting_circles: tuple[str, ...]
    sent_on: date | None
    answered_on: date | None
    recipient_circles: tuple[str, ...]
    has_learning: bool


def radar_rows(session: Session) -> list[AskRow]:
    """Every ask with its recipients' circles and whether a learning was written: the radar's
    and the review's input, in three flat queries.
    """
    circles: dict[int, set[str]] = defaultdict(set)
    join = select(AskRecipient.ask_id, Person.circle).join(
        Person, Person.id == AskRecipient.person_id
    )
    for ask_id, circle in session.execute(join):
        circles[ask_id].add(circle)
    learned = set(
        session.scalars(select(Learning.ask_id).where(Learning.ask_id.is_not(None)).distinct())
    )
    columns = select(
        Ask.id,
        Ask.title,
        Ask.status,
        Ask.urgency,
        Ask.quality,
        Ask.fitting_circles,
        Ask.sent_on,
        Ask.answered_on,
    )
    return [
        AskRow(
            id=row.id,
            title=row.title,
            status=row.status,
            urgency=row.urgency,
            quality=row.quality,
            fitting_circles=tuple(row.fitting_circles or ()),
            sent_on=row.sent_on,
            answered_on=row.answered_on,
            recipient_circles=tuple(sorted(circles.get(row.id, ()))),
            has_learning=row.id in learned,
        )
        for row in session.execute(columns)
    ]
