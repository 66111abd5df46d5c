"""What was learned, searchable in both languages with accents folded."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from passerelle.store.base import Base, Record


class Learning(Base, Record):
    __tablename__ = "learnings"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    lang: Mapped[str] = mapped_column(String(2), default="en")
    learned_on: Mapped[date] = mapped_column(Date, index=True)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    ask_id: Mapped[int | None] = mapped_column(
        ForeignKey("asks.id", ondelete="SET NULL"), index=True
    )
    # Title, description, body and tags, case and accents folded: what full-text search reads.
    search_text: Mapped[str] = mapped_column(Text, default="")
