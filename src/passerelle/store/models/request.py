"""Business requests, their WSJF score, and every status change with the explanation the
requester reads."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from passerelle.store.base import Base, Record


class RequestRow(Base, Record):
    __tablename__ = "business_requests"
    __table_args__ = (Index("ix_business_requests_status", "status", "received_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    why: Mapped[str] = mapped_column(Text, default="")
    requester_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    department: Mapped[str] = mapped_column(String(200), default="")
    desired_on: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date] = mapped_column(Date)
    lang: Mapped[str] = mapped_column(String(2), default="en")  # the requester's language
    status: Mapped[str] = mapped_column(String(16), default="received")
    business_value: Mapped[int | None] = mapped_column(Integer)
    time_criticality: Mapped[int | None] = mapped_column(Integer)
    risk_opportunity: Mapped[int | None] = mapped_column(Integer)
    job_size: Mapped[int | None] = mapped_column(Integer)
    answered_on: Mapped[date | None] = mapped_column(Date)  # first accepted/planned/declined
    version: Mapped[int] = mapped_column(Integer, default=1)

    changes: Mapped[list[RequestChangeRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="RequestChangeRow.id"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class RequestChangeRow(Base, Record):
    __tablename__ = "business_request_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("business_requests.id", ondelete="CASCADE"), index=True
    )
    changed_on: Mapped[date] = mapped_column(Date)
    old_status: Mapped[str] = mapped_column(String(16))
    new_status: Mapped[str] = mapped_column(String(16))
    explanation: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    lang: Mapped[str] = mapped_column(String(2))
    explained: Mapped[bool] = mapped_column(Boolean, default=False)  # carries a trade-off
