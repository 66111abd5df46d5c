"""The delegation board: decision areas with their frame, holders (teams or people), and the
dated level changes of each area × holder cell (the cell's current state is its latest change).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from passerelle.store.base import Base, Record


class AreaRow(Base, Record):
    __tablename__ = "delegation_areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    guardrails: Mapped[list[str]] = mapped_column(JSON, default=list)
    standards: Mapped[list[str]] = mapped_column(JSON, default=list)


class HolderRow(Base, Record):
    __tablename__ = "delegation_holders"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class LevelChangeRow(Base, Record):
    __tablename__ = "delegation_changes"
    __table_args__ = (Index("ix_delegation_changes_cell", "area_id", "holder_id", "changed_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("delegation_areas.id", ondelete="CASCADE"))
    holder_id: Mapped[int] = mapped_column(
        ForeignKey("delegation_holders.id", ondelete="CASCADE"), index=True
    )
    changed_on: Mapped[date] = mapped_column(Date)
    current: Mapped[int] = mapped_column(Integer)
    target: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
