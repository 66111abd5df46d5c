"""Trust per stakeholder: an asymmetric beta-reputation model with forgetting.

The model follows Jøsang & Ismail's beta reputation system (2002): positive evidence ``r`` and
negative evidence ``s`` are summed, and the expected trust is the mean of Beta(r + 1, s + 1),
``E = (r + 1) / (r + s + 2)``, with the uncertainty of subjective logic ``u = 2 / (r + s + 2)``.
Two changes make it fit a CTO's relationships:

- asymmetry (Slovic, 1993): negative events weigh several times more than positive ones and are
  forgotten more slowly, so trust is slow to build and quick to lose;
- forgetting in time: each piece of evidence decays with the half-life of its kind, so with no
  new events trust drifts back to neutral (0.5) and the uncertainty grows again.

Evidence is summed with ``math.fsum`` (correctly rounded), so the result does not depend on the
order in which events were recorded, down to the last bit.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from enum import StrEnum
from itertools import chain
from typing import NamedTuple, cast


class TrustParamsError(ValueError):
    """The trust parameters from the configuration are unusable."""


class Evidence(StrEnum):
    """The kinds of event that move trust."""

    KEPT = "kept"
    KEPT_EARLY = "kept_early"
    ON_CADENCE = "on_cadence"
    RENEGOTIATED = "renegotiated"
    LATE = "late"
    BROKEN = "broken"
    SURPRISE = "surprise"


POSITIVE: frozenset[Evidence] = frozenset({Evidence.KEPT, Evidence.KEPT_EARLY, Evidence.ON_CADENCE})
NEGATIVE: frozenset[Evidence] = frozenset(set(Evidence) - POSITIVE)
# The failures the asymmetry principle is about; a renegotiation in time is not one of them.
FAILURES: frozenset[Evidence] = frozenset({Evidence.LATE, Evidence.BROKEN, Evidence.SURPRISE})


@dataclass(frozen=True, slots=True)
class Rule:
    """How much one event of a kind counts, and how fast it is forgotten."""

    weight: float
    half_life_days: float


@dataclass(frozen=True, slots=True)
class TrustParams:
    """The model's parameters; the defaults and their sources are in ``docs/trust.md``."""

    kept: Rule = Rule(1.0, 180)
    kept_early: Rule = Rule(1.2, 180)
    on_cadence: Rule = Rule(0.5, 60)
    renegotiated: Rule = Rule(0.5, 90)
    late: Rule = Rule(2.0, 270)
    broken: Rule = Rule(5.0, 365)
    surprise: Rule = Rule(3.0, 365)

    def __post_init__(self) -> None:
        for kind in Evidence:
            rule = self.rule(kind)
            if not (rule.weight > 0 and math.isfinite(rule.weight)):
                raise TrustParamsError(f"trust.{kind.value}.weight must be a positive number")
            if not (rule.half_life_days > 0 and math.isfinite(rule.half_life_days)):
                raise TrustParamsError(f"trust.{kind.value}.half_life_days must be positive")
        heaviest_positive = max(self.rule(k).weight for k in POSITIVE)
        for kind in FAILURES:
            if self.rule(kind).weight <= heaviest_positive:
                raise TrustParamsError(
                    f"trust.{kind.value}.weight must exceed every positive weight "
                    f"({heaviest_positive}): a failure weighs more than a success"
                )
        if self.renegotiated.weight >= self.broken.weight:
            raise TrustParamsError(
                "trust.renegotiated.weight must stay below trust.broken.weight: "
                "renegotiating in time has to cost less than breaking the promise"
            )

    def rule(self, kind: Evidence) -> Rule:
        rule: Rule = getattr(self, kind.value)
        return rule

    @classmethod
    def from_mapping(cls, data: Mapping[str, object] | None) -> TrustParams:
        """Parameters from the configuration, e.g. ``{"broken": {"weight": 6}}``; the rest
        keeps its default. Unknown kinds or fields are named in the error."""
        params = cls()
        if not data:
            return params
        known = {f.name for f in fields(cls)}
        changes: dict[str, Rule] = {}
        for key, value in data.items():
            if key not in known:
                raise TrustParamsError(f"unknown trust evidence kind: {key!r}")
            if not isinstance(value, Mapping):
                raise TrustParamsError(f"trust.{key} must be a mapping of weight/half_life_days")
            base: Rule = getattr(params, key)
            extra = set(value) - {"weight", "half_life_days"}
            if extra:
                raise TrustParamsError(f"unknown field(s) in trust.{key}: {sorted(extra)}")
            changes[key] = Rule(
                weight=_number(value.get("weight", base.weight), f"trust.{key}.weight"),
                half_life_days=_number(
                    value.get("half_life_days", base.half_life_days),
                    f"trust.{key}.half_life_days",
                ),
            )
        return replace(params, **changes)


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TrustParamsError(f"{where} must be a number, not {value!r}")
    return float(value)


DEFAULT_PARAMS = TrustParams()


@dataclass(frozen=True, slots=True)
class TrustEvent:
    """One piece of evidence about one stakeholder."""

    stakeholder: str
    on: date
    kind: Evidence
    weight: float = 1.0  # a multiplier on the kind's weight
    note: str = ""
    ref: str = ""  # where it comes from, e.g. "commitment:12"

    def __post_init__(self) -> None:
        if not (self.weight >= 0 and math.isfinite(self.weight)):
            raise ValueError(f"an event's weight is a finite number >= 0, not {self.weight!r}")
        if not self.stakeholder.strip():
            raise ValueError("an event needs a stakeholder")


@dataclass(frozen=True, slots=True)
class TrustScore:
    stakeholder: str
    at: date
    positive: float  # r, decayed
    negative: float  # s, decayed
    events: int

    @property
    def expected(self) -> float:
        """E = (r + 1) / (r + s + 2), between 0 and 1; 0.5 is neutral."""
        return (self.positive + 1) / (self.positive + self.negative + 2)

    @property
    def uncertainty(self) -> float:
        """u = 2 / (r + s + 2): 1 with no evidence, towards 0 as evidence piles up."""
        return 2 / (self.positive + self.negative + 2)

    @property
    def variance(self) -> float:
        """The variance of Beta(r + 1, s + 1)."""
        a, b = self.positive + 1, self.negative + 1
        return a * b / ((a + b) ** 2 * (a + b + 1))

    @property
    def spread(self) -> float:
        """The standard deviation of Beta(r + 1, s + 1)."""
        return math.sqrt(self.variance)


def contribution(event: TrustEvent, at: date, params: TrustParams = DEFAULT_PARAMS) -> float:
    """What the event still counts for on ``at`` (0 for an event after ``at``)."""
    days = (at - event.on).days
    if days < 0:
        return 0.0
    rule = params.rule(event.kind)
    return rule.weight * event.weight * math.pow(0.5, days / rule.half_life_days)


def score(
    stakeholder: str,
    events: Iterable[TrustEvent],
    at: date,
    params: TrustParams = DEFAULT_PARAMS,
) -> TrustScore:
    """Trust in one stakeholder on ``at``, from the events up to that day."""
    pos: list[float] = []
    neg: list[float] = []
    for event in events:
        if event.stakeholder != stakeholder or event.on > at:
            continue
        (pos if event.kind in POSITIVE else neg).append(contribution(event, at, params))
    return TrustScore(stakeholder, at, math.fsum(pos), math.fsum(neg), len(pos) + len(neg))


def scores(
    events: Iterable[TrustEvent], at: date, params: TrustParams = DEFAULT_PARAMS
) -> dict[str, TrustScore]:
    """Trust in every stakeholder that has events, on ``at``, in one pass over the events."""
    day = at.toordinal()
    rules = {k: params.rule(k) for k in Evidence}
    pos: dict[str, list[float]] = defaultdict(list)
    neg: dict[str, list[float]] = defaultdict(list)
    for e in events:
        age = day - e.on.toordinal()
        if age < 0:
            continue
        rule = rules[e.kind]
        # The same expression as ``contribution``, so both give the same bits.
        value = rule.weight * e.weight * math.pow(0.5, age / rule.half_life_days)
        (pos if e.kind in POSITIVE else neg)[e.stakeholder].append(value)
    out: dict[str, TrustScore] = {}
    for who in sorted(set(pos) | set(neg)):
        p, n = pos.get(who, []), neg.get(who, [])
        out[who] = TrustScore(who, at, math.fsum(p), math.fsum(n), len(p) + len(n))
    return out


class Tally(NamedTuple):
    """The events of one kind about one stakeholder, each of ``weight``, by day (a day comes
    once per event): the evidence as the store groups it before the model sees it."""

    stakeholder: str
    kind: Evidence
    days: Sequence[date]
    weight: float = 1.0


def tallied_scores(
    tallies: Iterable[Tally],
    at: date,
    params: TrustParams = DEFAULT_PARAMS,
    events: Iterable[TrustEvent] = (),
) -> dict[str, TrustScore]:
    """``scores`` on grouped evidence: bit for bit what ``scores`` gives on the events the
    tallies stand for plus ``events``. Events of the same kind, weight and day contribute the
    same value and ``math.fsum`` is exact whatever the order, so grouping changes nothing but
    the work: one ``pow`` per kind, weight and day instead of one per event."""
    day = at.toordinal()
    rules = {k: params.rule(k) for k in Evidence}
    pos: dict[str, list[float]] = defaultdict(list)
    neg: dict[str, list[float]] = defaultdict(list)
    seen: dict[tuple[Evidence, float], dict[date, float | None]] = {}
    singles = (Tally(e.stakeholder, e.kind, (e.on,), e.weight) for e in events)
    for who, kind, days, weight in chain(tallies, singles):
        values = seen.get((kind, weight))
        if values is None:
            values = seen[(kind, weight)] = {}
        for on in days:
            if on not in values:
                rule = rules[kind]
                age = day - on.toordinal()
                # The same expression as ``contribution``, so both give the same bits.
                values[on] = (
                    None
                    if age < 0
                    else rule.weight * weight * math.pow(0.5, age / rule.half_life_days)
                )
        found = list(map(values.__getitem__, days))
        if None in found:  # events after ``at`` do not count
            found = [v for v in found if v is not None]
        if found:
            (pos if kind in POSITIVE else neg)[who].extend(cast("list[float]", found))
    out: dict[str, TrustScore] = {}
    for who in sorted(set(pos) | set(neg)):
        p, n = pos.get(who, []), neg.get(who, [])
        out[who] = TrustScore(who, at, math.fsum(p), math.fsum(n), len(p) + len(n))
    return out


@dataclass(frozen=True, slots=True)
class TrendPoint:
    on: date
    expected: float
    uncertainty: float


def trend(
    stakeholder: str,
    events: Sequence[TrustEvent],
    start: date,
    end: date,
    every_days: int = 7,
    params: TrustParams = DEFAULT_PARAMS,
) -> tuple[TrendPoint, ...]:
    """Trust sampled every ``every_days`` from ``start`` to ``end`` (both included)."""
    if every_days < 1:
        raise ValueError("the trend needs a step of at least one day")
    if end < start:
        raise ValueError("the trend ends before it starts")
    mine = [e for e in events if e.stakeholder == stakeholder]
    points: list[TrendPoint] = []
    day = start
    while True:
        s = score(stakeholder, mine, day, params)
        points.append(TrendPoint(day, s.expected, s.uncertainty))
        if day >= end:
            break
        day = min(end, day + timedelta(days=every_days))
    return tuple(points)


@dataclass(frozen=True, slots=True)
class Mover:
    """An event and how much trust would differ today without it."""

    event: TrustEvent
    delta: float  # E with the event minus E without it: > 0 raised trust, < 0 lowered it


def movers(
    stakeholder: str,
    events: Iterable[TrustEvent],
    at: date,
    limit: int = 5,
    params: TrustParams = DEFAULT_PARAMS,
) -> tuple[Mover, ...]:
    """The events that move today's trust the most, largest effect first.

    The effect of an event is measured by leaving it out: ``E(all) - E(all but this one)``,
    both on ``at``, so old events that have faded count for little.
    """
    mine = [e for e in events if e.stakeholder == stakeholder and e.on <= at]
    total = score(stakeholder, mine, at, params)
    r, s, e_all = total.positive, total.negative, total.expected
    found: list[Mover] = []
    for event in mine:
        c = contribution(event, at, params)
        if event.kind in POSITIVE:
            without = (r - c + 1) / (r - c + s + 2)
        else:
            without = (r + 1) / (r + s - c + 2)
        found.append(Mover(event, e_all - without))
    found.sort(key=lambda m: (-abs(m.delta), m.event.on, m.event.kind.value, m.event.ref))
    return tuple(found[: max(limit, 0)])
