"""Commitments made to stakeholders, their renegotiations, and surprises: the trust ledger's
raw evidence. Trust itself is never stored; it is computed from these rows when asked.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from passerelle.store.base import Base, Record

ONE_STAKEHOLDER = "(person_id IS NULL) <> (group_id IS NULL)"


class CommitmentRow(Base, Record):
    __tablename__ = "commitments"
    __table_args__ = (
        CheckConstraint(ONE_STAKEHOLDER, name="one_stakeholder"),
        Index("ix_commitments_outcome_due", "outcome", "due"),
        Index("ix_commitments_person_id", "person_id"),
        Index("ix_commitments_group_id", "group_id"),
        # The trust ledger groups closed commitments per stakeholder and outcome (0004).
        Index("ix_commitments_ledger", "person_id", "group_id", "outcome", "closed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    what: Mapped[str] = mapped_column(Text)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("stakeholder_groups.id", ondelete="CASCADE")
    )
    made_on: Mapped[date] = mapped_column(Date)
    due: Mapped[date] = mapped_column(Date)  # the current due date, after renegotiations
    confidence: Mapped[float] = mapped_column(Float, default=0.8)
    outcome: Mapped[str | None] = mapped_column(String(16))  # kept|kept_early|late|broken
    closed_on: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    lang: Mapped[str] = mapped_column(String(2), default="en")
    version: Mapped[int] = mapped_column(Integer, default=1)

    renegotiations: Mapped[list[RenegotiationRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="RenegotiationRow.id"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class RenegotiationRow(Base, Record):
    __tablename__ = "commitment_renegotiations"

    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitments.id", ondelete="CASCADE"), index=True
    )
    agreed_on: Mapped[date] = mapped_column(Date)
    old_due: Mapped[date] = mapped_column(Date)
    new_due: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)


class SurpriseRow(Base, Record):
    """An event the owner logged as a surprise for a stakeholder. Always private."""

    __tablename__ = "trust_surprises"
    __table_args__ = (
        CheckConstraint(ONE_STAKEHOLDER, name="one_stakeholder"),
        Index("ix_trust_surprises_person_id", "person_id"),
        Index("ix_trust_surprises_group_id", "group_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("stakeholder_groups.id", ondelete="CASCADE")
    )
    occurred_on: Mapped[date] = mapped_column(Date)
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    note: Mapped[str] = mapped_column(Text, default="")
