"""The decision log: one row per decision, its history and supersede links kept alongside.

The public id is the date slug (``2026-11-22-use-postgresql``); the integer key is only for
joins. The business rendering's error count from the plain-language checker is kept with it
(``business_errors``, recomputed whenever the rendering changes) so that the weekly review does
not run the checker over the whole log.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from passerelle.store.base import Base, Record


class DecisionRow(Base, Record):
    __tablename__ = "decisions"
    __table_args__ = (
        Index("ix_decisions_status_date", "status", "decided_on"),
        Index("ix_decisions_review_on", "review_on"),
        Index("ix_decisions_area", "area"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(16), default="proposed")
    decided_on: Mapped[date | None] = mapped_column(Date)
    context: Mapped[str] = mapped_column(Text, default="")
    drivers: Mapped[list[str]] = mapped_column(JSON, default=list)
    # [{"title", "description", "pros", "cons", "neutral"}]
    options: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    chosen_option: Mapped[str] = mapped_column(Text, default="")
    rationale: Mapped[str] = mapped_column(Text, default="")
    consequences: Mapped[str] = mapped_column(Text, default="")
    deciders: Mapped[list[str]] = mapped_column(JSON, default=list)
    consulted: Mapped[list[str]] = mapped_column(JSON, default=list)
    informed: Mapped[list[str]] = mapped_column(JSON, default=list)
    area: Mapped[str] = mapped_column(String(200), default="")
    delegation_level: Mapped[int | None] = mapped_column(Integer)
    review_on: Mapped[date | None] = mapped_column(Date)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    # [{"status", "on", "by", "reason"}], oldest first
    history: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    supersedes: Mapped[list[str]] = mapped_column(JSON, default=list)
    superseded_by: Mapped[str | None] = mapped_column(String(200))
    business_value: Mapped[str] = mapped_column(Text, default="")
    business_cost: Mapped[str] = mapped_column(Text, default="")
    business_risk: Mapped[str] = mapped_column(Text, default="")
    business_timing: Mapped[str] = mapped_column(Text, default="")
    # error-level findings of the checker on the business rendering; None = not checked yet
    business_errors: Mapped[int | None] = mapped_column(Integer)
    more_information: Mapped[str] = mapped_column(Text, default="")
    share_override: Mapped[str] = mapped_column(Text, default="")
    shared_on: Mapped[date | None] = mapped_column(Date)
    # Where an imported record came from (its path in the folder, without suffix) and the
    # hash of its text: importing the same folder twice updates instead of duplicating.
    source_key: Mapped[str | None] = mapped_column(String(500), unique=True)
    source_hash: Mapped[str] = mapped_column(String(64), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
