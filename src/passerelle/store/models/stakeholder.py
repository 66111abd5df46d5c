"""Stakeholder groups: audiences that are not one person (the executive committee, the team).

A commitment, a surprise, a communication or a plan entry is about one stakeholder: either a
person of the network or one of these groups, never both (a check constraint says so).
"""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from passerelle.store.base import Base, Record


class StakeholderGroup(Base, Record):
    __tablename__ = "stakeholder_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    lang: Mapped[str] = mapped_column(String(2), default="en")  # the language it reads
    notes: Mapped[str] = mapped_column(Text, default="")
