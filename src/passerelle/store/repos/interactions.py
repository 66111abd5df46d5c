"""Queries on interactions."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from passerelle.store.models import Interaction


def add(session: Session, interaction: Interaction) -> Interaction:
    session.add(interaction)
    session.flush()
    return interaction


def for_person(session: Session, person_id: int, limit: int = 20) -> Sequence[Interaction]:
    query = (
        select(Interaction)
        .where(Interaction.person_id == person_id)
        .order_by(Interaction.occurred_on.desc(), Interaction.id.desc())
        .limit(limit)
    )
    return session.scalars(query).all()


def count_for_person(session: Session, person_id: int) -> int:
    query = select(func.count()).where(Interaction.person_id == person_id)
    return int(session.scalar(query) or 0)
