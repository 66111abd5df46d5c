"""What ``check_ask`` returns: frozen values, and the stable JSON contract they serialise to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Quality = Literal["productive", "incomplete", "paralysing"]
Urgency = Literal["routine", "soon", "crisis"]
QUALITIES: tuple[Quality, ...] = ("productive", "incomplete", "paralysing")
URGENCIES: tuple[Urgency, ...] = ("routine", "soon", "crisis")
PARTS: tuple[str, ...] = ("situation", "options", "doubts", "question")

SCHEMA_VERSION = 1


class AskError(ValueError):
    """Bad input to the ask coach."""


class UnknownCircleError(AskError):
    def __init__(self, circle: str, known: tuple[str, ...]) -> None:
        super().__init__(f"unknown circle {circle!r}; expected one of: {', '.join(known)}")
        self.circle = circle


class UnknownLanguageError(AskError):
    def __init__(self, lang: str) -> None:
        super().__init__(f"unknown language {lang!r}; expected 'fr' or 'en'")
        self.lang = lang


@dataclass(frozen=True, slots=True)
class CueRef:
    """One cue that fired: the evidence behind a part, a class, an urgency or a route."""

    id: str
    signal: str
    start: int
    end: int
    text: str
    circle: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "signal": self.signal,
            "span": [self.start, self.end],
            "text": self.text,
        }
        if self.circle:
            out["circle"] = self.circle
        return out


@dataclass(frozen=True, slots=True)
class Part:
    """One part of a request and the spans of text (``[start, end)`` code points) showing it."""

    name: str
    spans: tuple[tuple[int, int], ...]
    cues: tuple[str, ...]
    strength: float

    @property
    def found(self) -> bool:
        return bool(self.spans)


@dataclass(frozen=True, slots=True)
class CircleRank:
    circle: str
    score: float
    reason: str
    caution: str
    cues: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "circle": self.circle,
            "score": self.score,
            "reason": self.reason,
            "caution": self.caution,
            "cues": list(self.cues),
        }


@dataclass(frozen=True, slots=True)
class Fit:
    """Whether the circle the user chose fits the request, and why not when it does not."""

    circle: str
    fits: bool
    reason: str
    better: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "circle": self.circle,
            "fits": self.fits,
            "reason": self.reason,
            "better": self.better,
        }


@dataclass(frozen=True, slots=True)
class AskResult:
    lang: str
    quality: Quality
    score: int
    parts: tuple[Part, ...]
    missing: tuple[str, ...]
    suggestions: tuple[str, ...]
    template: str
    urgency: Urgency
    circles: tuple[CircleRank, ...]
    fit: Fit | None
    quality_reason: str
    quality_cues: tuple[str, ...]
    urgency_cues: tuple[str, ...]
    cues: tuple[CueRef, ...]

    @property
    def circle(self) -> str:
        return self.circles[0].circle

    def part(self, name: str) -> Part:
        for part in self.parts:
            if part.name == name:
                return part
        raise KeyError(name)

    def to_json(self) -> dict[str, Any]:
        """The stable contract documented in ``docs/ask.md`` (keys never removed nor renamed)."""
        return {
            "version": SCHEMA_VERSION,
            "lang": self.lang,
            "quality": self.quality,
            "score": self.score,
            "parts": {p.name: [list(s) for s in p.spans] for p in self.parts},
            "missing": list(self.missing),
            "suggestions": list(self.suggestions),
            "template": self.template,
            "urgency": self.urgency,
            "circle": self.circle,
            "circles": [c.to_json() for c in self.circles],
            "fit": self.fit.to_json() if self.fit else None,
            "explain": {
                "quality": {"reason": self.quality_reason, "cues": list(self.quality_cues)},
                "urgency": {"cues": list(self.urgency_cues)},
                "parts": {p.name: list(p.cues) for p in self.parts},
            },
            "cues": [c.to_json() for c in self.cues],
        }
