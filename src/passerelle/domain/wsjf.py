"""Weighted Shortest Job First, and planning business requests against the team's capacity.

WSJF = cost of delay / job size, where the cost of delay is business value + time criticality +
risk reduction or opportunity enablement, each scored on the modified Fibonacci scale
(1, 2, 3, 5, 8, 13, 20). The relative scale is the point: requests are compared with each other,
not measured in days.

Planning walks the requests in order (work already started first, then by WSJF) and lets the
team's capacity flow through them: a request starts when the ones before it have used up the
capacity ahead of it. That says which requests fit this period, which move, and by about how
many weeks, which is what the trade-off wording needs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

SCALE: tuple[int, ...] = (1, 2, 3, 5, 8, 13, 20)


class WsjfError(ValueError):
    """A score or a plan cannot be computed from what was given."""


class OffScaleError(WsjfError):
    def __init__(self, field: str, value: object) -> None:
        scale = ", ".join(str(v) for v in SCALE)
        super().__init__(f"{field} must be one of {scale}, not {value!r}")
        self.field = field
        self.value = value


class CapacityError(WsjfError):
    pass


class UnknownRequestError(WsjfError):
    def __init__(self, key: str) -> None:
        super().__init__(f"no request {key!r} in the plan")
        self.key = key


def on_scale(field: str, value: object) -> int:
    """The value as an int if it is on the scale, else ``OffScaleError`` naming the field."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise OffScaleError(field, value)
    try:
        number = float(value)
    except ValueError:
        raise OffScaleError(field, value) from None
    if not number.is_integer() or int(number) not in SCALE:
        raise OffScaleError(field, value)
    return int(number)


@dataclass(frozen=True, slots=True)
class Score:
    business_value: int
    time_criticality: int
    risk_opportunity: int
    job_size: int

    def __post_init__(self) -> None:
        for name in ("business_value", "time_criticality", "risk_opportunity", "job_size"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
                raise OffScaleError(name, value)

    @property
    def cost_of_delay(self) -> int:
        return self.business_value + self.time_criticality + self.risk_opportunity

    @property
    def wsjf(self) -> float:
        return self.cost_of_delay / self.job_size


def score(
    business_value: object, time_criticality: object, risk_opportunity: object, job_size: object
) -> Score:
    """A WSJF score from raw input (numbers or strings), each checked against the scale."""
    return Score(
        on_scale("business_value", business_value),
        on_scale("time_criticality", time_criticality),
        on_scale("risk_opportunity", risk_opportunity),
        on_scale("job_size", job_size),
    )


@dataclass(frozen=True, slots=True)
class Capacity:
    """How much the team can take on: job-size points per period, and a period's length."""

    points_per_period: float
    weeks_per_period: float = 4.0

    def __post_init__(self) -> None:
        for name in ("points_per_period", "weeks_per_period"):
            value = getattr(self, name)
            if not (isinstance(value, int | float) and math.isfinite(value) and value > 0):
                raise CapacityError(f"{name} must be a positive number, not {value!r}")

    @property
    def points_per_week(self) -> float:
        return self.points_per_period / self.weeks_per_period


@dataclass(frozen=True, slots=True)
class Candidate:
    """A request as the planner sees it."""

    key: str
    title: str
    score: Score
    received_on: date | None = None
    desired: date | None = None
    started: bool = False  # work already under way keeps its place ahead of new requests


@dataclass(frozen=True, slots=True)
class Placement:
    candidate: Candidate
    rank: int  # 0 is first
    start_week: float  # weeks from the plan's start until the team can begin
    end_week: float
    period: int  # 0 = the current period: the request is finished within it

    @property
    def fits_this_period(self) -> bool:
        return self.period == 0


@dataclass(frozen=True, slots=True)
class Plan:
    capacity: Capacity
    placements: tuple[Placement, ...]

    def find(self, key: str) -> Placement:
        for p in self.placements:
            if p.candidate.key == key:
                return p
        raise UnknownRequestError(key)

    @property
    def this_period(self) -> tuple[Placement, ...]:
        return tuple(p for p in self.placements if p.period == 0)

    @property
    def later(self) -> tuple[Placement, ...]:
        return tuple(p for p in self.placements if p.period > 0)

    def end_date(self, key: str, start: date) -> date:
        """The day the request should be finished, if the plan starts on ``start``."""
        return start + timedelta(days=round(self.find(key).end_week * 7))

    def weeks_late(self, key: str, start: date) -> float:
        """Weeks past the requester's desired date (0 when on time or with no date)."""
        desired = self.find(key).candidate.desired
        if desired is None:
            return 0.0
        return max(0.0, (self.end_date(key, start) - desired).days / 7)


def _order(c: Candidate) -> tuple[bool, float, int, date, str]:
    return (not c.started, -c.score.wsjf, -c.score.cost_of_delay, c.received_on or date.max, c.key)


def _lay_out(ordered: Sequence[Candidate], capacity: Capacity) -> Plan:
    placements: list[Placement] = []
    used = 0.0
    for rank, c in enumerate(ordered):
        start, used = used, used + c.score.job_size
        # Small epsilon: a request ending exactly at the boundary belongs to that period.
        period = max(0, math.ceil(used / capacity.points_per_period - 1e-9) - 1)
        placements.append(
            Placement(
                c,
                rank,
                start / capacity.points_per_week,
                used / capacity.points_per_week,
                period,
            )
        )
    return Plan(capacity, tuple(placements))


def plan(candidates: Iterable[Candidate], capacity: Capacity) -> Plan:
    """Requests in order (started work first, then highest WSJF) laid out on the capacity."""
    items = list(candidates)
    keys = [c.key for c in items]
    if len(set(keys)) != len(keys):
        raise WsjfError("two requests share the same key")
    return _lay_out(sorted(items, key=_order), capacity)


def start_now(current: Plan, key: str) -> Plan:
    """The plan if the request ``key`` jumps the queue and starts now."""
    chosen = current.find(key).candidate
    rest = [p.candidate for p in current.placements if p.candidate.key != key]
    return _lay_out([replace(chosen, started=True), *rest], current.capacity)


def add(current: Plan, candidate: Candidate) -> Plan:
    """The plan with one more request, placed by its score."""
    return plan([*(p.candidate for p in current.placements), candidate], current.capacity)


def drop(current: Plan, key: str) -> Plan:
    """The plan without the request ``key`` (declined, or withdrawn)."""
    current.find(key)
    return _lay_out(
        [p.candidate for p in current.placements if p.candidate.key != key], current.capacity
    )


@dataclass(frozen=True, slots=True)
class Shift:
    """How a request moved between two plans."""

    key: str
    title: str
    weeks: float  # > 0 moved back (later), < 0 moved forward
    period_before: int
    period_after: int

    @property
    def leaves_this_period(self) -> bool:
        return self.period_before == 0 and self.period_after > 0


def shifts(before: Plan, after: Plan, min_weeks: float = 0.5) -> tuple[Shift, ...]:
    """Requests present in both plans whose start moved by at least ``min_weeks``, the
    largest move first."""
    old = {p.candidate.key: p for p in before.placements}
    moved: list[Shift] = []
    for p in after.placements:
        q = old.get(p.candidate.key)
        if q is None:
            continue
        weeks = p.start_week - q.start_week
        if abs(weeks) >= min_weeks or p.period != q.period:
            moved.append(Shift(p.candidate.key, p.candidate.title, weeks, q.period, p.period))
    moved.sort(key=lambda s: (-abs(s.weeks), s.key))
    return tuple(moved)
