"""The network at a glance: coverage per circle, who is overdue, reciprocity per person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from passerelle.domain.circles import Circle
from passerelle.services.access import OWNER, Role
from passerelle.services.people import PersonView, views
from passerelle.settings import Settings


@dataclass(frozen=True, slots=True)
class Coverage:
    circle: str
    people: int
    overdue: int
    minimum: int  # the fewest the radar wants in this circle (0: no opinion)

    @property
    def thin(self) -> bool:
        return self.people < self.minimum


@dataclass(frozen=True, slots=True)
class Network:
    today: date
    coverage: tuple[Coverage, ...]
    overdue: tuple[PersonView, ...]  # most overdue first
    reciprocity: tuple[PersonView, ...]  # most unbalanced first (received much, gave little)


def network(session: Session, settings: Settings, today: date, reader: Role = OWNER) -> Network:
    """The network as ``reader`` may see it (its people, counted over its interactions)."""
    everyone = views(session, settings, today, reader=reader)
    minimum = {
        Circle.PEER.value: settings.radar.min_peers,
        Circle.MENTOR.value: settings.radar.min_mentors,
    }
    coverage = tuple(
        Coverage(
            circle=circle.value,
            people=sum(1 for p in everyone if p.circle == circle.value),
            overdue=sum(1 for p in everyone if p.circle == circle.value and p.overdue_days),
            minimum=minimum.get(circle.value, 0),
        )
        for circle in Circle
    )
    overdue = tuple(sorted((p for p in everyone if p.overdue_days), key=lambda p: -p.overdue_days))
    exchanged = [p for p in everyone if p.given or p.received]
    reciprocity = tuple(
        sorted(exchanged, key=lambda p: (p.given - p.received, -(p.given + p.received)))
    )
    return Network(today, coverage, overdue, reciprocity)
