"""Find the parts of a request: the sentences that carry each part's cues.

A part is *found* when the distinct cues behind it weigh at least :data:`THRESHOLD`. Its spans
are the sentences (or list items) that hold those cues, merged, in ``[start, end)`` code points
of the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from passerelle.analysis.ask.cues import Hit
from passerelle.analysis.ask.result import PARTS, Part

THRESHOLD = 1.0
QUESTION_MARK = "question.mark"

# A sentence ends at . ! ? … (possibly repeated) followed by white space, or at a line break.
_BOUNDARY = re.compile(r"[.!?…]+(?=\s)|\n")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences and lines of ``text``, trimmed of white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        _add(text, start, match.end(), spans)
        start = match.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _start(span: tuple[int, int]) -> int:
    return span[0]


def _sentence_at(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the sentence holding ``offset`` (the one before, between two sentences)."""
    return max(0, bisect_right(spans, offset, key=_start) - 1)


def covering(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The span of the sentences that ``[start, end)`` touches."""
    if not spans:
        return start, end
    first = spans[_sentence_at(spans, start)]
    last = spans[_sentence_at(spans, max(start, end - 1))]
    return min(first[0], start), max(last[1], end)


def merge(spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def drop_rhetorical(hits: tuple[Hit, ...], spans: list[tuple[int, int]]) -> tuple[Hit, ...]:
    """Drop a bare question mark ending a sentence of distress ("why is everything so hard?").

    Such a question is not an ask: it only counts when a specific question cue shares the
    sentence. Repeated marks in one sentence count once.
    """
    by_sentence: dict[int, set[str]] = {}
    for hit in hits:
        if hit.signal in ("paralysis", "question"):
            by_sentence.setdefault(_sentence_at(spans, hit.start), set()).add(
                hit.signal if hit.cue.id.split(".", 1)[1] != QUESTION_MARK else "mark"
            )
    kept: list[Hit] = []
    marked: set[int] = set()
    for hit in hits:
        if hit.cue.id.endswith(QUESTION_MARK):
            index = _sentence_at(spans, hit.start)
            signals = by_sentence.get(index, set())
            if index in marked or ("paralysis" in signals and "question" not in signals):
                continue
            marked.add(index)
        kept.append(hit)
    return tuple(kept)


def find_parts(hits: tuple[Hit, ...], spans: list[tuple[int, int]]) -> tuple[Part, ...]:
    parts = []
    for name in PARTS:
        mine = [h for h in hits if h.signal == name]
        weights: dict[str, float] = {}
        for hit in mine:
            weights[hit.cue.id] = hit.cue.weight
        strength = round(sum(weights.values()), 2)
        if strength >= THRESHOLD:
            found = merge(covering(spans, h.start, h.end) for h in mine)
            cues = tuple(sorted(weights))
        else:
            found, cues = (), ()
        parts.append(Part(name, found, cues, strength))
    return tuple(parts)
