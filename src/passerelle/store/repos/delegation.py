"""Queries on the delegation board: areas, holders and the dated level changes of each cell."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from passerelle.store.models import AreaRow, HolderRow, LevelChangeRow


def areas(session: Session, visibilities: Sequence[str] | None = None) -> Sequence[AreaRow]:
    query = select(AreaRow).order_by(AreaRow.id)
    if visibilities is not None:
        query = query.where(AreaRow.visibility.in_(list(visibilities)))
    return session.scalars(query).all()


def holders(session: Session, visibilities: Sequence[str] | None = None) -> Sequence[HolderRow]:
    query = select(HolderRow).order_by(HolderRow.id)
    if visibilities is not None:
        query = query.where(HolderRow.visibility.in_(list(visibilities)))
    return session.scalars(query).all()


def changes(
    session: Session, visibilities: Sequence[str] | None = None
) -> Sequence[LevelChangeRow]:
    """Every level change (of the areas and holders at ``visibilities``, when given), grouped
    by cell and oldest first within a cell."""
    query = select(LevelChangeRow)
    if visibilities is not None:
        shown = list(visibilities)
        query = query.where(
            LevelChangeRow.area_id.in_(select(AreaRow.id).where(AreaRow.visibility.in_(shown))),
            LevelChangeRow.holder_id.in_(
                select(HolderRow.id).where(HolderRow.visibility.in_(shown))
            ),
        )
    query = query.order_by(
        LevelChangeRow.area_id,
        LevelChangeRow.holder_id,
        LevelChangeRow.changed_on,
        LevelChangeRow.id,
    )
    return session.scalars(query).all()


def area_named(session: Session, name: str) -> AreaRow | None:
    return session.scalars(select(AreaRow).where(AreaRow.name == name)).first()


def holder_named(session: Session, name: str) -> HolderRow | None:
    return session.scalars(select(HolderRow).where(HolderRow.name == name)).first()


def ensure_area(session: Session, name: str, visibility: str) -> AreaRow:
    row = area_named(session, name)
    if row is None:
        row = AreaRow(name=name, guardrails=[], standards=[], visibility=visibility)
        session.add(row)
        session.flush()
    return row


def ensure_holder(session: Session, name: str, visibility: str) -> HolderRow:
    row = holder_named(session, name)
    if row is None:
        row = HolderRow(name=name, visibility=visibility)
        session.add(row)
        session.flush()
    return row


def add_change(session: Session, change: LevelChangeRow) -> LevelChangeRow:
    session.add(change)
    session.flush()
    return change
