"""Review signals for trust and communication, as pure functions over plain facts.

Trust low or falling for a stakeholder; commitments late or due this week; communications
overdue; business requests waiting too long for an answer; work that serves no objective. Each
signal says what it saw, why it matters, and one next step, in French and English; the texts
live in ``rules/<lang>/trust.yaml``. Nothing here reads a database or a clock.

The signals are for the CTO alone: they quote trust scores, which never leave the owner's view.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

import yaml

from passerelle.domain.commitments import Commitment
from passerelle.domain.comms import Due
from passerelle.domain.pillars import WorkItem
from passerelle.domain.trust import TrustScore

CODES = (
    "trust-low",
    "trust-falling",
    "commitments-late",
    "commitments-due",
    "comms-overdue",
    "requests-waiting",
    "work-without-objective",
)
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
_NAMED = 3  # subjects named in a signal before "and N more"


class ThresholdsError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Thresholds:
    trust_low: float = 0.4  # expected trust under which a stakeholder is flagged
    trust_min_evidence: float = 1.0  # r + s needed before a low score means anything
    trust_fall: float = 0.1  # a drop of expected trust this large over the window
    trust_window_days: int = 30
    due_soon_days: int = 7
    request_wait_days: int = 14
    objective_window_days: int = 90

    @classmethod
    def from_mapping(cls, data: Mapping[str, object] | None) -> Thresholds:
        """Thresholds from the configuration; unknown keys and non-numbers are named."""
        if not data:
            return cls()
        known = {f.name: f for f in fields(cls)}
        changes: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                raise ThresholdsError(f"unknown review threshold: {key!r}")
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not math.isfinite(value)
                or value < 0
            ):
                raise ThresholdsError(f"threshold {key} must be a number >= 0, not {value!r}")
            changes[key] = int(value) if key.endswith("_days") else float(value)
        return replace(cls(), **changes)


@dataclass(frozen=True, slots=True)
class Text:
    fr: str
    en: str

    def get(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


@dataclass(frozen=True, slots=True)
class Signal:
    """One thing the review shows: what was seen, why it matters, one next step."""

    code: str
    severity: str  # high | medium | low
    seen: Text
    why: Text
    next_step: Text
    refs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WaitingRequest:
    key: str
    title: str
    received_on: date
    answered_on: date | None = None


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the detectors need, gathered by a service."""

    today: date
    trust_now: Mapping[str, TrustScore] = field(default_factory=dict)
    trust_before: Mapping[str, TrustScore] = field(default_factory=dict)  # window days ago
    commitments: Sequence[Commitment] = ()
    comms: Sequence[Due] = ()
    requests: Sequence[WaitingRequest] = ()
    work: Sequence[WorkItem] = ()


@cache
def _texts(lang: str) -> Mapping[str, Any]:
    path = resources.files("passerelle") / "rules" / lang / "trust.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    signals = data.get("signals") if isinstance(data, dict) else None
    if not isinstance(signals, dict):
        raise ValueError(f"rules/{lang}/trust.yaml: no 'signals' mapping")
    for code in CODES:
        entry = signals.get(code)
        if not isinstance(entry, dict) or {"seen", "why", "next_step"} - set(entry):
            raise ValueError(f"rules/{lang}/trust.yaml: signal {code!r} needs seen, why, next_step")
    texts: Mapping[str, Any] = data
    return texts


def _names(items: Sequence[tuple[str, int | None]], lang: str) -> str:
    t = _texts(lang)
    shown = [
        name if days is None else str(t["item_days"]).format(name=name, days=days)
        for name, days in items[:_NAMED]
    ]
    if len(items) > _NAMED:
        shown.append(str(t["more"]).format(count=len(items) - _NAMED))
    return ", ".join(shown)


def _percent(value: float, lang: str) -> str:
    number = round(value * 100)
    return f"{number}\u202f%" if lang == "fr" else f"{number}%"


def _signal(
    code: str,
    severity: str,
    refs: Sequence[str],
    values: Mapping[str, Any],
    items: Sequence[tuple[str, int | None]] = (),
) -> Signal:
    def text(part: str) -> Text:
        out = []
        for lang in ("fr", "en"):
            filled = {k: (v(lang) if callable(v) else v) for k, v in values.items()}
            if items:
                filled["names"] = _names(items, lang)
            out.append(str(_texts(lang)["signals"][code][part]).format(**filled))
        return Text(out[0], out[1])

    return Signal(code, severity, text("seen"), text("why"), text("next_step"), tuple(refs))


def trust_at_risk(facts: Facts, th: Thresholds) -> list[Signal]:
    """One signal per stakeholder whose trust is low, or else falling."""
    found: list[Signal] = []
    for who, now in sorted(facts.trust_now.items()):
        enough = now.positive + now.negative >= th.trust_min_evidence
        before = facts.trust_before.get(who)
        drop = before.expected - now.expected if before is not None else 0.0
        values: dict[str, Any] = {
            "who": who,
            "score": lambda lang, e=now.expected: _percent(e, lang),
            "drop": round(drop * 100),
            "window": th.trust_window_days,
        }
        if enough and now.expected < th.trust_low:
            severity = (
                "high" if drop >= th.trust_fall or now.expected < th.trust_low - 0.1 else "medium"
            )
            found.append(_signal("trust-low", severity, [who], values))
        elif drop >= th.trust_fall:
            found.append(_signal("trust-falling", "medium", [who], values))
    return found


def commitments_late(facts: Facts, th: Thresholds) -> list[Signal]:
    late = sorted(
        (c for c in facts.commitments if c.overdue_days(facts.today) > 0),
        key=lambda c: (-c.overdue_days(facts.today), c.what),
    )
    if not late:
        return []
    items = [(f"{c.what} → {c.to}", c.overdue_days(facts.today)) for c in late]
    values = {"count": len(late), "first": late[0].what}
    return [_signal("commitments-late", "high", [c.ref or c.what for c in late], values, items)]


def commitments_due(facts: Facts, th: Thresholds) -> list[Signal]:
    soon = sorted(
        (c for c in facts.commitments if c.due_within(facts.today, th.due_soon_days)),
        key=lambda c: (c.due, c.what),
    )
    if not soon:
        return []
    items: list[tuple[str, int | None]] = [
        (f"{c.what} → {c.to} ({c.due.isoformat()})", None) for c in soon
    ]
    values = {"count": len(soon), "days": th.due_soon_days, "first": soon[0].what}
    return [_signal("commitments-due", "low", [c.ref or c.what for c in soon], values, items)]


def comms_overdue(facts: Facts, th: Thresholds) -> list[Signal]:
    late = sorted((d for d in facts.comms if d.overdue), key=lambda d: -d.overdue_days)
    if not late:
        return []
    items = [(d.entry.audience, d.overdue_days) for d in late]
    worst = late[0]
    severity = "medium" if worst.overdue_days >= worst.entry.cadence_days else "low"
    values = {"count": len(late), "first": worst.entry.audience}
    return [_signal("comms-overdue", severity, [d.entry.audience for d in late], values, items)]


def requests_waiting(facts: Facts, th: Thresholds) -> list[Signal]:
    limit = facts.today - timedelta(days=th.request_wait_days)
    waiting = sorted(
        (r for r in facts.requests if r.answered_on is None and r.received_on < limit),
        key=lambda r: (r.received_on, r.key),
    )
    if not waiting:
        return []
    items = [(r.title, (facts.today - r.received_on).days) for r in waiting]
    oldest = (facts.today - waiting[0].received_on).days
    severity = "high" if oldest > 2 * th.request_wait_days else "medium"
    values = {"count": len(waiting), "days": th.request_wait_days, "first": waiting[0].title}
    return [_signal("requests-waiting", severity, [r.key for r in waiting], values, items)]


def work_without_objective(facts: Facts, th: Thresholds) -> list[Signal]:
    start = facts.today - timedelta(days=th.objective_window_days)
    recent = [w for w in facts.work if start <= w.on <= facts.today]
    orphans = sorted((w for w in recent if not w.objective), key=lambda w: (w.on, w.key))
    if not orphans:
        return []
    share = len(orphans) / len(recent)
    items: list[tuple[str, int | None]] = [(w.title, None) for w in orphans]
    values = {
        "count": len(orphans),
        "window": th.objective_window_days,
        "share": lambda lang: _percent(share, lang),
        "first": orphans[0].title,
    }
    severity = "medium" if share > 0.5 else "low"
    return [_signal("work-without-objective", severity, [w.key for w in orphans], values, items)]


DETECTORS = (
    trust_at_risk,
    commitments_late,
    commitments_due,
    comms_overdue,
    requests_waiting,
    work_without_objective,
)


def scan(facts: Facts, th: Thresholds | None = None) -> list[Signal]:
    """Every signal on ``facts.today``, the most severe first (stable within a severity)."""
    thresholds = th or Thresholds()
    found = [s for detect in DETECTORS for s in detect(facts, thresholds)]
    return sorted(found, key=lambda s: SEVERITY_ORDER[s.severity])
