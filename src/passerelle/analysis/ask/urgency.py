"""How urgent a request is: routine, soon (days or weeks) or crisis (now)."""

from __future__ import annotations

from passerelle.analysis.ask.cues import Hit
from passerelle.analysis.ask.result import Urgency

CRISIS = 1.0
SOON = 0.5


def urgency(hits: tuple[Hit, ...]) -> tuple[Urgency, tuple[str, ...]]:
    """The urgency, and the cues that set it. Each distinct cue counts once."""
    crisis: dict[str, float] = {}
    soon: dict[str, float] = {}
    for hit in hits:
        if hit.signal == "crisis":
            crisis[hit.cue.id] = hit.cue.weight
        elif hit.signal == "soon":
            soon[hit.cue.id] = hit.cue.weight
    if sum(crisis.values()) >= CRISIS:
        return "crisis", tuple(sorted(crisis))
    if sum(crisis.values()) + sum(soon.values()) >= SOON:
        return "soon", tuple(sorted(crisis | soon))
    return "routine", ()
