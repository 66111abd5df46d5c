"""When to next get in touch with someone: a cadence per circle or per person, and snoozes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from passerelle.domain.circles import DEFAULT_CADENCE_DAYS, Circle


@dataclass(frozen=True, slots=True)
class Contact:
    """Where a relationship stands on one day."""

    cadence_days: int
    last_contact: date | None
    next_contact: date
    overdue_days: int

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


def cadence_for(
    circle: Circle | str, own: int | None, defaults: Mapping[str, int] | None = None
) -> int:
    """The person's own cadence if they have one, else their circle's default."""
    if own is not None:
        return own
    key = Circle(circle)
    if defaults is not None and key.value in defaults:
        return defaults[key.value]
    return DEFAULT_CADENCE_DAYS[key]


def next_contact(
    *,
    cadence_days: int,
    last_contact: date | None,
    known_since: date,
    snoozed_until: date | None = None,
) -> date:
    """The day a contact is due: a cadence after the last contact (or after the day the
    person was added, when there was none yet), pushed back by a snooze if there is one.
    """
    if cadence_days < 1:
        raise ValueError("a cadence is at least one day")
    base = last_contact if last_contact is not None else known_since
    due = base + timedelta(days=cadence_days)
    if snoozed_until is not None and snoozed_until > due:
        return snoozed_until
    return due


def contact_status(
    today: date,
    *,
    cadence_days: int,
    last_contact: date | None,
    known_since: date,
    snoozed_until: date | None = None,
    grace_days: int = 0,
) -> Contact:
    due = next_contact(
        cadence_days=cadence_days,
        last_contact=last_contact,
        known_since=known_since,
        snoozed_until=snoozed_until,
    )
    late = (today - due).days
    return Contact(
        cadence_days=cadence_days,
        last_contact=last_contact,
        next_contact=due,
        overdue_days=late if late > grace_days else 0,
    )
