"""Queries on asks, their recipients and answers."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Text, func, or_, select, type_coerce
from sqlalchemy.orm import Session, raiseload, selectinload

from passerelle.store.models import Answer, Ask, AskRecipient, Learning, Person


def add(session: Session, ask: Ask) -> Ask:
    session.add(ask)
    session.flush()
    return ask


Visibilities = Sequence[str] | None


def get(session: Session, ask_id: int, visibilities: Visibilities = None) -> Ask | None:
    """An ask with its recipients and answers; for a reader limited to ``visibilities``, the
    ask alone (its answers and recipients raise if touched: read them with ``answers`` and
    ``recipient_names``, which apply the reader's visibilities too)."""
    query = select(Ask).where(Ask.id == ask_id)
    if visibilities is None:
        query = query.options(selectinload(Ask.recipients), selectinload(Ask.answers))
    else:
        query = query.where(Ask.visibility.in_(list(visibilities))).options(raiseload("*"))
    return session.scalars(query).first()


def listing(
    session: Session,
    *,
    status: str | None = None,
    circle: str | None = None,
    urgency: str | None = None,
    limit: int | None = None,
    visibilities: Visibilities = None,
) -> Sequence[Ask]:
    query = select(Ask).order_by(Ask.created_on.desc(), Ask.id.desc())
    if visibilities is not None:
        query = query.where(Ask.visibility.in_(list(visibilities))).options(raiseload("*"))
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


def recipient_names(
    session: Session, ask_id: int, visibilities: Visibilities = None, hidden: Sequence[str] = ()
) -> list[str]:
    """The names of the people an ask went to (those at ``visibilities`` and outside the
    ``hidden`` circles, when given)."""
    query = (
        select(Person.name)
        .join(AskRecipient, AskRecipient.person_id == Person.id)
        .where(AskRecipient.ask_id == ask_id)
        .order_by(AskRecipient.id)
    )
    if visibilities is not None:
        query = query.where(Person.visibility.in_(list(visibilities)))
    if hidden:
        query = query.where(Person.circle.not_in(list(hidden)))
    return list(session.scalars(query))


def answers(session: Session, ask_id: int, visibilities: Visibilities = None) -> Sequence[Answer]:
    """An ask's answers, oldest first (those at ``visibilities`` only, when given)."""
    query = select(Answer).where(Answer.ask_id == ask_id).order_by(Answer.id)
    if visibilities is not None:
        query = query.where(Answer.visibility.in_(list(visibilities)))
    return session.scalars(query).all()


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


def _circles(raw: object) -> tuple[str, ...]:
    if isinstance(raw, str):  # SQLite hands JSON back as text: decode only what is not empty
        return tuple(json.loads(raw)) if raw not in ("[]", "") else ()
    return tuple(raw) if isinstance(raw, list) else ()


def last_sent(session: Session) -> date | None:
    """The day the latest ask was sent, if any was."""
    return session.scalar(select(func.max(Ask.__table__.c.sent_on)))


def radar_rows(session: Session, since: date) -> list[AskRow]:
    """The asks the review looks at (sent or answered since ``since``, or still waiting for
    an answer), with their recipients' circles and whether a learning was written, in three
    flat queries on the tables (no models built).
    """
    circles: dict[int, set[str]] = defaultdict(set)
    recipients = AskRecipient.__table__
    persons = Person.__table__
    join = (
        select(recipients.c.ask_id, persons.c.circle)
        .join(persons, persons.c.id == recipients.c.person_id)
        .where(recipients.c.sent_on >= since)
    )
    for ask_id, circle in session.execute(join):
        circles[ask_id].add(circle)
    learned_col = Learning.__table__.c.ask_id
    learned = set(session.scalars(select(learned_col).where(learned_col.is_not(None)).distinct()))
    t = Ask.__table__
    columns = select(
        t.c.id,
        t.c.title,
        t.c.status,
        t.c.urgency,
        t.c.quality,
        type_coerce(t.c.fitting_circles, Text),
        t.c.sent_on,
        t.c.answered_on,
    ).where(or_(t.c.sent_on >= since, t.c.answered_on >= since, t.c.status == "sent"))
    empty: set[str] = set()
    rows = session.execute(columns)
    return [
        AskRow(
            id=ask_id,
            title=title,
            status=status,
            urgency=urgency,
            quality=quality,
            fitting_circles=_circles(fitting),
            sent_on=sent_on,
            answered_on=answered_on,
            recipient_circles=tuple(circles.get(ask_id, empty)),
            has_learning=ask_id in learned,
        )
        for ask_id, title, status, urgency, quality, fitting, sent_on, answered_on in rows
    ]
