"""The communication plan: who hears from the CTO, how often, in what form, and what is overdue.

Each audience (a person or a group) has a cadence in days and a format. The next communication
is due a cadence after the last one logged (or after the day the audience was added to the
plan). Over a period, ``cadence_record`` replays the log against the cadence and counts the
communications that were due and those that came on time: the communication pillar's rate and
the trust ledger's "communication on cadence" evidence both come from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from passerelle.domain.trust import Evidence, TrustEvent


class CommsError(ValueError):
    """A plan entry or a log cannot be used as given."""


class CadenceError(CommsError):
    pass


class Format(StrEnum):
    ONE_TO_ONE = "one_to_one"
    DIGEST = "digest"
    MEETING = "meeting"
    EMAIL = "email"
    DEMO = "demo"


NAMED_CADENCES: dict[str, int] = {
    "weekly": 7,
    "fortnightly": 14,
    "biweekly": 14,
    "monthly": 30,
    "quarterly": 91,
    "hebdomadaire": 7,
    "bimensuel": 14,
    "quinzaine": 14,
    "mensuel": 30,
    "trimestriel": 91,
}

# The defaults seed 004 suggests, per kind of audience: days and format.
DEFAULT_PLAN: dict[str, tuple[int, Format]] = {
    "ceo": (7, Format.ONE_TO_ONE),
    "executive_committee": (30, Format.DIGEST),
    "business": (30, Format.DIGEST),
    "board": (91, Format.DIGEST),
    "team": (14, Format.MEETING),
}


def parse_cadence(value: int | str) -> int:
    """Days between communications, from a number of days or a name ("weekly", "mensuel")."""
    if isinstance(value, bool):
        raise CadenceError(f"not a cadence: {value!r}")
    if isinstance(value, str):
        text = value.strip().lower()
        if text in NAMED_CADENCES:
            return NAMED_CADENCES[text]
        if not text.isdigit():
            names = ", ".join(sorted(NAMED_CADENCES))
            raise CadenceError(f"unknown cadence {value!r}: a number of days or one of {names}")
        value = int(text)
    if value < 1:
        raise CadenceError("a cadence is at least one day")
    return value


@dataclass(frozen=True, slots=True)
class PlanEntry:
    audience: str  # a person or a group
    cadence_days: int
    format: Format
    since: date  # the day the audience joined the plan
    grace_days: int = 0  # a communication this many days after the due date still counts

    def __post_init__(self) -> None:
        if not self.audience.strip():
            raise CommsError("a plan entry needs an audience")
        if self.cadence_days < 1:
            raise CadenceError("a cadence is at least one day")
        if self.grace_days < 0 or self.grace_days >= self.cadence_days:
            raise CadenceError("the grace period is between 0 and the cadence, exclusive")


@dataclass(frozen=True, slots=True)
class Logged:
    """One communication that happened."""

    audience: str
    on: date
    format: Format | None = None
    summary: str = ""


@dataclass(frozen=True, slots=True)
class Due:
    entry: PlanEntry
    last: date | None
    next_due: date
    overdue_days: int  # 0 when not overdue (grace included)

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


def _dates(entry: PlanEntry, logs: Iterable[Logged]) -> list[date]:
    return sorted({g.on for g in logs if g.audience == entry.audience})


def next_due(entry: PlanEntry, last: date | None) -> date:
    return (last if last is not None else entry.since) + timedelta(days=entry.cadence_days)


def due(entry: PlanEntry, logs: Iterable[Logged], today: date) -> Due:
    """Where one audience stands on ``today``."""
    past = [d for d in _dates(entry, logs) if d <= today]
    last = past[-1] if past else None
    when = next_due(entry, last)
    late = (today - when).days
    return Due(entry, last, when, late if late > entry.grace_days else 0)


def due_list(plan: Sequence[PlanEntry], logs: Sequence[Logged], today: date) -> tuple[Due, ...]:
    """Every audience, most overdue first, then the soonest due."""
    names = [p.audience for p in plan]
    if len(set(names)) != len(names):
        raise CommsError("an audience appears twice in the plan")
    rows = [due(p, logs, today) for p in plan]
    rows.sort(key=lambda d: (-d.overdue_days, d.next_due, d.entry.audience))
    return tuple(rows)


def overdue(plan: Sequence[PlanEntry], logs: Sequence[Logged], today: date) -> tuple[Due, ...]:
    return tuple(d for d in due_list(plan, logs, today) if d.overdue)


@dataclass(frozen=True, slots=True)
class CadenceRecord:
    audience: str
    due: int  # communications that fell due in the period
    on_time: tuple[date, ...]  # the communications that met a due date

    @property
    def on_cadence(self) -> int:
        return len(self.on_time)

    @property
    def missed(self) -> int:
        return self.due - self.on_cadence


def cadence_record(
    entry: PlanEntry, logs: Iterable[Logged], start: date, end: date
) -> CadenceRecord:
    """Replay the log from ``start`` to ``end``: each due date is met by the first communication
    that comes no later than its grace period; a missed one is counted once and the next due
    date follows from it, or from the late communication that finally came."""
    if end < start:
        raise CommsError("the period ends before it starts")
    dates = _dates(entry, logs)
    before = [d for d in dates if d < start]
    when = next_due(entry, before[-1] if before else None)
    pending = [d for d in dates if start <= d <= end]
    i = 0
    due_count = 0
    met: list[date] = []
    while True:
        deadline = when + timedelta(days=entry.grace_days)
        # Communications before the due date stand for it; keep the last of them as anchor.
        j = i
        while j < len(pending) and pending[j] <= deadline:
            j += 1
        if j > i:
            due_count += 1
            met.append(pending[j - 1])
            when, i = pending[j - 1] + timedelta(days=entry.cadence_days), j
            continue
        if deadline >= end:
            break  # still open at the end of the period: not counted either way
        if when >= start:
            due_count += 1  # missed
        if i < len(pending) and pending[i] < when + timedelta(days=entry.cadence_days):
            # A late communication restarts the cycle from its own date.
            when, i = pending[i] + timedelta(days=entry.cadence_days), i + 1
        else:
            when += timedelta(days=entry.cadence_days)
    return CadenceRecord(entry.audience, due_count, tuple(met))


def cadence_events(
    entry: PlanEntry, logs: Iterable[Logged], start: date, end: date
) -> tuple[TrustEvent, ...]:
    """Trust evidence for the audience: one "on cadence" event per communication on time."""
    record = cadence_record(entry, logs, start, end)
    return tuple(
        TrustEvent(entry.audience, d, Evidence.ON_CADENCE, ref=f"comms:{entry.audience}")
        for d in record.on_time
    )
