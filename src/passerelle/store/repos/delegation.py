"""Queries on the delegation board: areas, holders and the dated level changes of each cell."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from passerelle.store.models import AreaRow, HolderRow, LevelChangeRow


def areas(session: Session) -> Sequence[AreaRow]:
    return session.scalars(select(AreaRow).order_by(AreaRow.id)).all()


def holders(session: Session) -> Sequence[HolderRow]:
    return session.scalars(select(HolderRow).order_by(HolderRow.id)).all()


def changes(session: Session) -> Sequence[LevelChangeRow]:
    """Every level change, grouped by cell and oldest first within a cell."""
    query = select(LevelChangeRow).order_by(
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
