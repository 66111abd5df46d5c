"""The communication plan (a cadence and a format per audience), the communications logged,
and the digests written for an audience and a period."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from passerelle.store.base import Base, Record
from passerelle.store.models.commitment import ONE_STAKEHOLDER


class CommsPlanRow(Base, Record):
    __tablename__ = "comms_plan"
    __table_args__ = (CheckConstraint(ONE_STAKEHOLDER, name="one_stakeholder"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), unique=True
    )
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("stakeholder_groups.id", ondelete="CASCADE"), unique=True
    )
    cadence_days: Mapped[int] = mapped_column(Integer)
    format: Mapped[str] = mapped_column(String(16))
    since: Mapped[date] = mapped_column(Date)
    grace_days: Mapped[int] = mapped_column(Integer, default=0)


class CommunicationRow(Base, Record):
    __tablename__ = "communications"
    __table_args__ = (
        CheckConstraint(ONE_STAKEHOLDER, name="one_stakeholder"),
        Index("ix_communications_person_day", "person_id", "occurred_on"),
        Index("ix_communications_group_day", "group_id", "occurred_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("stakeholder_groups.id", ondelete="CASCADE")
    )
    occurred_on: Mapped[date] = mapped_column(Date)
    format: Mapped[str | None] = mapped_column(String(16))
    summary: Mapped[str] = mapped_column(Text, default="")
    digest_id: Mapped[int | None] = mapped_column(
        ForeignKey("digests.id", ondelete="SET NULL"), index=True
    )


class DigestRow(Base, Record):
    __tablename__ = "digests"
    __table_args__ = (Index("ix_digests_period", "period", "audience", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(16))
    audience: Mapped[str] = mapped_column(String(16))
    lang: Mapped[str] = mapped_column(String(2))
    markdown: Mapped[str] = mapped_column(Text)
    html: Mapped[str] = mapped_column(Text)
    plain: Mapped[str] = mapped_column(Text)
    written_on: Mapped[date] = mapped_column(Date)
    check_errors: Mapped[int] = mapped_column(Integer, default=0)
    check_warnings: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(8), default="draft")  # draft | sent
    sent_on: Mapped[date | None] = mapped_column(Date)
    recipients: Mapped[list[str]] = mapped_column(JSON, default=list)
