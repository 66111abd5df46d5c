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


def for_person(
    session: Session,
    person_id: int,
    limit: int = 20,
    visibilities: Sequence[str] | None = None,
) -> Sequence[Interaction]:
    """The latest interactions with a person, those at ``visibilities`` only when given."""
    if visibilities is not None and not visibilities:
        return ()
    query = select(Interaction).where(Interaction.person_id == person_id)
    if visibilities is not None:
        query = query.where(Interaction.visibility.in_(list(visibilities)))
    order = (Interaction.occurred_on.desc(), Interaction.id.desc())
    return session.scalars(query.order_by(*order).limit(limit)).all()


def count_for_person(session: Session, person_id: int) -> int:
    query = select(func.count()).where(Interaction.person_id == person_id)
    return int(session.scalar(query) or 0)
