"""Queries on people: lookups by name, circle sizes, last contacts and reciprocity.

Every lookup takes the visibilities its reader may read (``None``: all, for the owner) and the
circles hidden from them, so that people a reader may not see are never loaded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, bindparam, case, func, select, text
from sqlalchemy.orm import Session

from passerelle.store.models import Interaction, Person

Visibilities = Sequence[str] | None
Q = TypeVar("Q", bound=Select[Any])


def readable(query: Q, visibilities: Visibilities = None, hidden: Sequence[str] = ()) -> Q:
    """``query`` on people kept to those at ``visibilities`` and outside the ``hidden`` circles."""
    if visibilities is not None:
        query = query.where(Person.visibility.in_(list(visibilities)))
    if hidden:
        query = query.where(Person.circle.not_in(list(hidden)))
    return query


def get(
    session: Session, person_id: int, visibilities: Visibilities = None, hidden: Sequence[str] = ()
) -> Person | None:
    if visibilities is None and not hidden:
        return session.get(Person, person_id)
    query = readable(select(Person).where(Person.id == person_id), visibilities, hidden)
    return session.scalars(query).first()


def by_key(
    session: Session, key: str, visibilities: Visibilities = None, hidden: Sequence[str] = ()
) -> Person | None:
    """The person whose folded name is ``key``."""
    query = readable(select(Person).where(Person.name_key == key), visibilities, hidden)
    return session.scalars(query).first()


def matching(
    session: Session,
    key: str,
    limit: int = 10,
    visibilities: Visibilities = None,
    hidden: Sequence[str] = (),
) -> Sequence[Person]:
    """People whose folded name contains ``key`` (itself folded)."""
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    query = (
        select(Person)
        .where(Person.name_key.like(f"%{escaped}%", escape="\\"))
        .order_by(Person.name)
    )
    return session.scalars(readable(query, visibilities, hidden).limit(limit)).all()


def add(session: Session, person: Person) -> Person:
    session.add(person)
    session.flush()
    return person


def listing(
    session: Session,
    circle: str | None = None,
    visibilities: Visibilities = None,
    hidden: Sequence[str] = (),
) -> Sequence[Person]:
    query = select(Person).order_by(Person.name)
    if circle:
        query = query.where(Person.circle == circle)
    return session.scalars(readable(query, visibilities, hidden)).all()


def circle_sizes(session: Session) -> dict[str, int]:
    rows = session.execute(select(Person.circle, func.count()).group_by(Person.circle))
    return {str(circle): int(count) for circle, count in rows}


@dataclass(frozen=True, slots=True)
class ContactStats:
    last: date | None
    given: int
    received: int


def contact_stats(session: Session, visibilities: Visibilities = None) -> dict[int, ContactStats]:
    """Per person, in one pass over the interactions (those at ``visibilities``): the day of
    the last one, and how many gave help and how many received it."""
    if visibilities is not None and not visibilities:
        return {}
    if session.get_bind().dialect.name == "sqlite":
        # One scan of the table beats walking the (person, day) index and fetching every row.
        where = "" if visibilities is None else "WHERE visibility IN :visibilities "
        query = text(
            "SELECT person_id, max(occurred_on), sum(gave != ''), sum(received != '') "
            f"FROM interactions NOT INDEXED {where}GROUP BY person_id"
        )
        if visibilities is not None:
            query = query.bindparams(bindparam("visibilities", list(visibilities), expanding=True))
        rows = session.execute(query)
        return {
            int(pid): ContactStats(date.fromisoformat(last) if last else None, int(g), int(r))
            for pid, last, g, r in rows
        }
    given = func.sum(case((Interaction.gave != "", 1), else_=0))
    received = func.sum(case((Interaction.received != "", 1), else_=0))
    query = select(
        Interaction.person_id, func.max(Interaction.occurred_on), given, received
    ).group_by(Interaction.person_id)
    if visibilities is not None:
        query = query.where(Interaction.visibility.in_(list(visibilities)))
    return {
        int(pid): ContactStats(last, int(g or 0), int(r or 0))
        for pid, last, g, r in session.execute(query)
    }


@dataclass(frozen=True, slots=True)
class PersonRow:
    id: int
    name: str
    circle: str
    organisation: str
    expertise: tuple[str, ...]
    cadence_days: int | None
    known_since: date
    snoozed_until: date | None
    visibility: str


def rows(
    session: Session,
    circle: str | None = None,
    visibilities: Visibilities = None,
    hidden: Sequence[str] = (),
) -> list[PersonRow]:
    """Everyone (or one circle) as plain values, by name: cheaper than loading models."""
    table = Person.__table__
    query = select(
        table.c.id,
        table.c.name,
        table.c.circle,
        table.c.organisation,
        table.c.expertise,
        table.c.cadence_days,
        table.c.known_since,
        table.c.snoozed_until,
        table.c.visibility,
    ).order_by(table.c.name)
    if circle:
        query = query.where(table.c.circle == circle)
    query = readable(query, visibilities, hidden)
    return [
        PersonRow(r[0], r[1], r[2], r[3], tuple(r[4] or ()), r[5], r[6], r[7], r[8])
        for r in session.execute(query)
    ]


def with_expertise(session: Session, circle: str | None = None) -> Sequence[Person]:
    """People with at least one expertise tag, for matching an ask to the right people."""
    query = select(Person).order_by(Person.name)
    if circle:
        query = query.where(Person.circle == circle)
    return [p for p in session.scalars(query) if p.expertise]
