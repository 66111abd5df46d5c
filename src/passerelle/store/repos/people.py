"""Queries on people: lookups by name, circle sizes, last contacts and reciprocity."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from passerelle.store.models import Interaction, Person


def get(session: Session, person_id: int) -> Person | None:
    return session.get(Person, person_id)


def by_key(session: Session, key: str) -> Person | None:
    """The person whose folded name is ``key``."""
    return session.scalars(select(Person).where(Person.name_key == key)).first()


def matching(session: Session, key: str, limit: int = 10) -> Sequence[Person]:
    """People whose folded name contains ``key`` (itself folded)."""
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    query = (
        select(Person)
        .where(Person.name_key.like(f"%{escaped}%", escape="\\"))
        .order_by(Person.name)
    )
    return session.scalars(query.limit(limit)).all()


def add(session: Session, person: Person) -> Person:
    session.add(person)
    session.flush()
    return person


def listing(session: Session, circle: str | None = None) -> Sequence[Person]:
    query = select(Person).order_by(Person.name)
    if circle:
        query = query.where(Person.circle == circle)
    return session.scalars(query).all()


def circle_sizes(session: Session) -> dict[str, int]:
    rows = session.execute(select(Person.circle, func.count()).group_by(Person.circle))
    return {str(circle): int(count) for circle, count in rows}


def last_contacts(session: Session) -> dict[int, date]:
    """The day of each person's last interaction."""
    query = select(Interaction.person_id, func.max(Interaction.occurred_on)).group_by(
        Interaction.person_id
    )
    return {int(pid): day for pid, day in session.execute(query)}


def reciprocity(session: Session) -> dict[int, tuple[int, int]]:
    """Per person: how many interactions where help was given, and where it was received."""
    given = func.sum(case((Interaction.gave != "", 1), else_=0))
    received = func.sum(case((Interaction.received != "", 1), else_=0))
    query = select(Interaction.person_id, given, received).group_by(Interaction.person_id)
    return {pid: (int(g or 0), int(r or 0)) for pid, g, r in session.execute(query)}


def with_expertise(session: Session, circle: str | None = None) -> Sequence[Person]:
    """People with at least one expertise tag, for matching an ask to the right people."""
    query = select(Person).order_by(Person.name)
    if circle:
        query = query.where(Person.circle == circle)
    return [p for p in session.scalars(query) if p.expertise]
