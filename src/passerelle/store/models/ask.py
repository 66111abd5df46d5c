"""Requests for help: the ask, whom it went to, and the answers it received."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from passerelle.store.base import Base, Record


class Ask(Base, Record):
    __tablename__ = "asks"
    __table_args__ = (Index("ix_asks_status_sent", "status", "sent_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    situation: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str] = mapped_column(Text, default="")
    options: Mapped[str] = mapped_column(Text, default="")
    doubts: Mapped[str] = mapped_column(Text, default="")
    question: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    lang: Mapped[str] = mapped_column(String(2), default="en")
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft|sent|answered|closed
    urgency: Mapped[str] = mapped_column(String(16), default="routine")  # routine|soon|crisis
    circle: Mapped[str | None] = mapped_column(String(16))  # the circle it is meant for
    quality: Mapped[str | None] = mapped_column(String(16))
    score: Mapped[float | None] = mapped_column(Float)
    fitting_circles: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_on: Mapped[date] = mapped_column(Date)
    sent_on: Mapped[date | None] = mapped_column(Date)
    answered_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    # The decision it serves (revision 0005 made this a foreign key).
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    recipients: Mapped[list[AskRecipient]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="AskRecipient.id"
    )
    answers: Mapped[list[Answer]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Answer.id"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class AskRecipient(Base, Record):
    __tablename__ = "ask_recipients"

    id: Mapped[int] = mapped_column(primary_key=True)
    ask_id: Mapped[int] = mapped_column(ForeignKey("asks.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    sent_on: Mapped[date] = mapped_column(Date)


class Answer(Base, Record):
    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    ask_id: Mapped[int] = mapped_column(ForeignKey("asks.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    answered_on: Mapped[date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text, default="")
    usefulness: Mapped[int | None] = mapped_column(Integer)  # 1..5
