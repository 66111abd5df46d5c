"""People of the network and the interactions with them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from passerelle.store.base import Base, Record


class Person(Base, Record):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # The name folded (case, accents, spacing): unique, and what lookups compare.
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    circle: Mapped[str] = mapped_column(String(16), index=True)
    organisation: Mapped[str] = mapped_column(String(200), default="")
    expertise: Mapped[list[str]] = mapped_column(JSON, default=list)
    cadence_days: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    known_since: Mapped[date] = mapped_column(Date)
    snoozed_until: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)

    interactions: Mapped[list[Interaction]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )

    # Optimistic locking: an edit based on a stale read fails instead of losing an update.
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Interaction(Base, Record):
    __tablename__ = "interactions"
    __table_args__ = (Index("ix_interactions_person_day", "person_id", "occurred_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    occurred_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16), default="message")
    initiated_by: Mapped[str] = mapped_column(String(8), default="me")  # me | them
    gave: Mapped[str] = mapped_column(Text, default="")
    received: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    ask_id: Mapped[int | None] = mapped_column(ForeignKey("asks.id", ondelete="SET NULL"))

    person: Mapped[Person] = relationship(back_populates="interactions")
