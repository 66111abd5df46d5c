"""Company objectives, and the decisions, requests and commitments that serve them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from passerelle.store.base import Base, Record

LINK_KINDS = ("decision", "request", "commitment")


class ObjectiveRow(Base, Record):
    __tablename__ = "objectives"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    title_key: Mapped[str] = mapped_column(String(300), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    created_on: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ObjectiveLinkRow(Base, Record):
    """One piece of work serving one objective. ``ref_id`` is the id in the table ``kind``
    names (decisions, business_requests, commitments), so it carries no foreign key."""

    __tablename__ = "objective_links"
    __table_args__ = (
        UniqueConstraint("kind", "ref_id", "objective_id", name="uq_objective_links_item"),
        Index("ix_objective_links_kind_ref", "kind", "ref_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    objective_id: Mapped[int] = mapped_column(
        ForeignKey("objectives.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    ref_id: Mapped[int] = mapped_column(Integer)
