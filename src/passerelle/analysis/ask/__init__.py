"""The ask coach and the circle router (seed 000): how to ask for help, and whom to ask.

``check_ask(text)`` finds the parts of a help request (situation, options, doubts, question),
classifies it as productive, incomplete or paralysing, coaches what is missing, reads its
urgency and ranks the five circles to ask. Every class and route cites the cues behind it.
"""

from __future__ import annotations

from passerelle.analysis.ask import coach, cues, parts, quality, router, urgency
from passerelle.analysis.ask.result import (
    AskError,
    AskResult,
    CircleRank,
    CueRef,
    Fit,
    Part,
    UnknownCircleError,
    UnknownLanguageError,
)
from passerelle.analysis.lang import LANGS, Lang, detect

__all__ = [
    "AskError",
    "AskResult",
    "CircleRank",
    "CueRef",
    "Fit",
    "Part",
    "UnknownCircleError",
    "UnknownLanguageError",
    "check_ask",
]

CIRCLES = cues.CIRCLES


def _lang(text: str, lang: str | None) -> Lang:
    if lang is None:
        return detect(text)
    for known in LANGS:
        if lang == known:
            return known
    raise UnknownLanguageError(lang)


def check_ask(text: str, circle: str | None = None, lang: str | None = None) -> AskResult:
    """Analyse a help request; ``circle`` asks whether that circle fits it."""
    if circle is not None and circle not in CIRCLES:
        raise UnknownCircleError(circle, CIRCLES)
    language = _lang(text, lang)
    spans = parts.sentences(text)
    hits = parts.drop_rhetorical(cues.find(text), spans)
    found = parts.find_parts(hits, spans)
    by_name = {p.name: p for p in found}
    distress_cues = {h.cue.id: h.cue.weight for h in hits if h.signal == "paralysis"}
    distress = sum(distress_cues.values())
    topical = any(h.signal == "topic" for h in hits)
    verdict = quality.classify(by_name, distress, topical)
    missing = tuple(p.name for p in found if not p.found)
    topic = coach.subject(hits, language)
    level, urgency_cues = urgency.urgency(hits)
    ranks = router.rank(text, hits, language, verdict.quality, by_name["question"].spans)
    quality_cues = tuple(c for p in found for c in p.cues) + tuple(sorted(distress_cues))
    return AskResult(
        lang=language,
        quality=verdict.quality,
        score=verdict.score,
        parts=found,
        missing=missing,
        suggestions=coach.suggestions(missing, distress, topic, language),
        template=coach.template(text, found, topic, language),
        urgency=level,
        circles=ranks,
        fit=router.fit(circle, ranks, verdict.quality, language) if circle else None,
        quality_reason=verdict.reason,
        quality_cues=quality_cues,
        urgency_cues=urgency_cues,
        cues=tuple(
            cues_ref
            for cues_ref in (
                CueRef(h.cue.id, h.signal, h.start, h.end, text[h.start : h.end], h.cue.circle)
                for h in hits
            )
        ),
    )
