"""Queries on stakeholder groups, and the names of every stakeholder by key."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from passerelle.store.models import Person, StakeholderGroup


def add(session: Session, group: StakeholderGroup) -> StakeholderGroup:
    session.add(group)
    session.flush()
    return group


def get(session: Session, group_id: int) -> StakeholderGroup | None:
    return session.get(StakeholderGroup, group_id)


def by_key(session: Session, key: str) -> StakeholderGroup | None:
    query = select(StakeholderGroup).where(StakeholderGroup.name_key == key)
    return session.scalars(query).first()


def matching(session: Session, key: str, limit: int = 10) -> Sequence[StakeholderGroup]:
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    query = (
        select(StakeholderGroup)
        .where(StakeholderGroup.name_key.like(f"%{escaped}%", escape="\\"))
        .order_by(StakeholderGroup.name)
    )
    return session.scalars(query.limit(limit)).all()


def listing(session: Session) -> Sequence[StakeholderGroup]:
    return session.scalars(select(StakeholderGroup).order_by(StakeholderGroup.name)).all()


def names(session: Session) -> dict[str, str]:
    """Every stakeholder's display name by ledger key (``p:12`` a person, ``g:3`` a group)."""
    people = session.execute(select(Person.id, Person.name)).all()
    found = {f"p:{pid}": name for pid, name in people}
    query = select(StakeholderGroup.id, StakeholderGroup.name)
    found.update({f"g:{gid}": name for gid, name in session.execute(query)})
    return found
