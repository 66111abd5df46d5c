"""The four pillars of trust from seed 004, each measured as a rate over a period.

- transparency: decisions accepted in the period that were shared with the business
  by the end of it / decisions accepted in the period;
- communication: communications that came on cadence / communications that fell due;
- mutual understanding: requests answered in the period with an explained trade-off /
  requests answered in the period;
- shared vision: work dated in the period (decisions, requests, commitments) linked to a
  company objective / all that work.

A rate with nothing to count is ``None`` ("nothing to measure"), never 0 or 100 %.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

import yaml

from passerelle.domain.comms import CadenceRecord


class PeriodError(ValueError):
    """A period cannot be read from the text given."""


class Pillar(StrEnum):
    TRANSPARENCY = "transparency"
    COMMUNICATION = "communication"
    UNDERSTANDING = "understanding"
    SHARED_VISION = "shared_vision"


@dataclass(frozen=True, slots=True)
class Period:
    """Calendar days from ``start`` to ``end``, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError("a period ends on or after its start")

    @classmethod
    def parse(cls, text: str) -> Period:
        """A month ("2026-11") or a quarter ("2026-Q4")."""
        text = text.strip()
        if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
            year, month = int(m[1]), int(m[2])
            if not 1 <= month <= 12:
                raise PeriodError(f"no month {month} in {text!r}")
            return cls(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))
        if m := re.fullmatch(r"(\d{4})-[Qq]([1-4])", text):
            year, q = int(m[1]), int(m[2])
            first = date(year, 3 * q - 2, 1)
            last_month = 3 * q
            return cls(first, date(year, last_month, calendar.monthrange(year, last_month)[1]))
        raise PeriodError(
            f"not a period: {text!r} (a month like 2026-11 or a quarter like 2026-Q4)"
        )

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def previous(self) -> Period:
        """The period of the same kind just before: the previous month for a month, the previous
        quarter for a quarter, else the same number of days."""
        before = self.start - timedelta(days=1)
        if self.start.day == 1 and self.end == _month_end(self.end):
            months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
            first = before.replace(day=1)
            for _ in range(months - 1):
                first = (first - timedelta(days=1)).replace(day=1)
            return Period(first, before)
        return Period(self.start - timedelta(days=self.days), before)


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


@dataclass(frozen=True, slots=True)
class Rate:
    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None


@dataclass(frozen=True, slots=True)
class DecisionFact:
    accepted_on: date | None
    shared_on: date | None  # shared with business visibility


@dataclass(frozen=True, slots=True)
class RequestFact:
    answered_on: date | None  # first accepted, planned or declined
    explained: bool  # the answer carried a written trade-off


@dataclass(frozen=True, slots=True)
class WorkItem:
    """A decision, request or commitment, and the company objective it serves, if any."""

    kind: str
    key: str
    title: str
    on: date
    objective: str | None = None


@dataclass(frozen=True, slots=True)
class PillarReport:
    period: Period
    rates: Mapping[Pillar, Rate]

    def __getitem__(self, pillar: Pillar) -> Rate:
        return self.rates[pillar]


def measure(
    period: Period,
    *,
    decisions: Iterable[DecisionFact] = (),
    comms: Iterable[CadenceRecord] = (),
    requests: Iterable[RequestFact] = (),
    work: Iterable[WorkItem] = (),
) -> PillarReport:
    """The four rates over ``period``. ``comms`` are the cadence records of that period."""
    accepted = [d for d in decisions if d.accepted_on and period.contains(d.accepted_on)]
    shared = sum(1 for d in accepted if d.shared_on is not None and d.shared_on <= period.end)
    records = list(comms)
    answered = [r for r in requests if r.answered_on and period.contains(r.answered_on)]
    items = [w for w in work if period.contains(w.on)]
    return PillarReport(
        period,
        {
            Pillar.TRANSPARENCY: Rate(shared, len(accepted)),
            Pillar.COMMUNICATION: Rate(
                sum(r.on_cadence for r in records), sum(r.due for r in records)
            ),
            Pillar.UNDERSTANDING: Rate(sum(1 for r in answered if r.explained), len(answered)),
            Pillar.SHARED_VISION: Rate(sum(1 for w in items if w.objective), len(items)),
        },
    )


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"
    FLAT = "flat"
    UNKNOWN = "unknown"  # one of the two periods had nothing to measure


@dataclass(frozen=True, slots=True)
class PillarTrend:
    pillar: Pillar
    current: Rate
    previous: Rate
    direction: Direction

    @property
    def delta(self) -> float | None:
        """The change in percentage points, when both periods have a rate."""
        now, before = self.current.value, self.previous.value
        if now is None or before is None:
            return None
        return (now - before) * 100


def trend(
    current: PillarReport, previous: PillarReport, flat_points: float = 2.0
) -> tuple[PillarTrend, ...]:
    """Each pillar's direction between two periods; a move under ``flat_points`` percentage
    points is flat."""
    out: list[PillarTrend] = []
    for pillar in Pillar:
        now, before = current[pillar], previous[pillar]
        if now.value is None or before.value is None:
            direction = Direction.UNKNOWN
        else:
            points = (now.value - before.value) * 100
            direction = (
                Direction.FLAT
                if abs(points) < flat_points
                else Direction.UP
                if points > 0
                else Direction.DOWN
            )
        out.append(PillarTrend(pillar, now, before, direction))
    return tuple(out)


@cache
def _texts(lang: str) -> Mapping[str, Any]:
    if lang not in ("fr", "en"):
        raise ValueError(f"no pillar texts for language {lang!r} (fr or en)")
    path = resources.files("passerelle") / "rules" / lang / "trust.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    pillars = data.get("pillars") if isinstance(data, dict) else None
    if not isinstance(pillars, dict) or any(
        not isinstance(pillars.get(p.value), dict)
        or {"label", "definition"} - set(pillars[p.value])
        for p in Pillar
    ):
        raise ValueError(f"rules/{lang}/trust.yaml: every pillar needs a label and a definition")
    return pillars


def label(pillar: Pillar, lang: str) -> str:
    return str(_texts(lang)[pillar.value]["label"])


def definition(pillar: Pillar, lang: str) -> str:
    return str(_texts(lang)[pillar.value]["definition"])


def percent(rate: Rate, lang: str) -> str:
    """ "83 %" in French (with a narrow no-break space), "83%" in English, "—" when empty."""
    if rate.value is None:
        return "—"
    number = round(rate.value * 100)
    return f"{number}\u202f%" if lang == "fr" else f"{number}%"


def summary(report: PillarReport, lang: str) -> Sequence[tuple[str, str]]:
    """Each pillar's label and rate, ready to print."""
    return [(label(p, lang), percent(report[p], lang)) for p in Pillar]
