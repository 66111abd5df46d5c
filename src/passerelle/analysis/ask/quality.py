"""Classify a request as productive, incomplete or paralysing, with a 0-100 score.

The rules follow seed 000. A *productive* request names options and asks a specific question
about a concrete subject (a situation, a doubt or a known topic). A *paralysing* one has
neither options nor question and either shows distress or names no subject at all, or shows
distress with no direction. Everything else has some direction but misses options or the
question: *incomplete*. The score adds the parts' points and takes off points for distress,
then stays inside the band of its class, so that score and class never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from passerelle.analysis.ask.result import Part, Quality

POINTS = {"situation": 25, "options": 30, "doubts": 15, "question": 30}
DISTRESS_POINTS = 10
DISTRESS_CAP = 40
# Distress at this weight with no options and no subject wins over a lone question.
STRONG_DISTRESS = 2.0
BANDS: dict[Quality, tuple[int, int]] = {
    "paralysing": (0, 34),
    "incomplete": (35, 69),
    "productive": (70, 100),
}


@dataclass(frozen=True, slots=True)
class Verdict:
    quality: Quality
    score: int
    reason: str


def classify(parts: dict[str, Part], distress: float, topical: bool) -> Verdict:
    """``distress``: weight of the paralysis cues; ``topical``: a circle topic was named."""
    has = {name: part.found for name, part in parts.items()}
    subject = has["situation"] or has["doubts"] or topical
    quality: Quality
    if has["options"] and has["question"] and subject:
        quality, reason = "productive", "options and a specific question about a concrete subject"
    elif not has["options"] and not has["question"] and (distress > 0 or not subject):
        reason = (
            "distress with no option and no question"
            if distress
            else "no subject, option or question"
        )
        quality = "paralysing"
    elif not has["options"] and not has["situation"] and distress >= STRONG_DISTRESS:
        quality, reason = "paralysing", "strong distress and no direction: no situation, no option"
    else:
        lacking = [n for n in ("situation", "options", "question") if not has[n]]
        if not subject and "situation" not in lacking:
            lacking.insert(0, "situation")
        quality, reason = (
            "incomplete",
            "some direction, but missing: " + ", ".join(lacking or ["subject"]),
        )
    raw = sum(POINTS[name] for name, found in has.items() if found)
    raw -= min(DISTRESS_CAP, round(distress * DISTRESS_POINTS))
    low, high = BANDS[quality]
    return Verdict(quality, max(low, min(high, raw)), reason)
