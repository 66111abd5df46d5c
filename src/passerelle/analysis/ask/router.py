"""Rank the five circles for a request, and say whether a chosen circle fits.

Each circle scores the weights of its topic cues that fired (a cue seen again adds a quarter
of its weight, up to twice its weight), plus a small prior for peer CTOs, the default circle
for an open question. A cue family found in both languages' lexicons (franglais) counts once.
A topic named in the question itself weighs more than one named in the context: the ask says
whom it is for. A paralysing request leans towards mentors (overwhelm is their ground). The
scores are shared out so that they sum to 1; ties keep seed 000's order.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from passerelle.analysis.ask.cues import CIRCLES, Hit, load_yaml
from passerelle.analysis.ask.result import CircleRank, Fit, Quality
from passerelle.analysis.lang import Lang

PRIOR = {"peers": 0.3}
REPEAT = 0.25
# A paralysing request leans to mentors: personal overwhelm is their ground, not the team's.
PARALYSING_TO_MENTORS = 0.5
# A chosen circle still fits when it scores at least this share of the best one.
CLOSE_ENOUGH = 0.6
QUOTED = 3
# A topic cue inside the question's sentences weighs this much more.
IN_QUESTION = 1.5


@cache
def _circles(lang: Lang) -> dict[str, Any]:
    return load_yaml(lang, "circles.yaml")


def _family(hit: Hit) -> str:
    """The cue id without its language: ``en.topic.x`` and ``fr.topic.x`` are one family."""
    return hit.cue.id.split(".", 1)[1]


def _in(hit: Hit, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= hit.start and hit.end <= end for start, end in spans)


def _raw_scores(
    hits: tuple[Hit, ...], paralysing: bool, question: tuple[tuple[int, int], ...] = ()
) -> dict[str, tuple[float, list[Hit]]]:
    counts: dict[str, list[Hit]] = {}
    for hit in hits:
        if hit.signal == "topic":
            counts.setdefault(_family(hit), []).append(hit)
    scores: dict[str, tuple[float, list[Hit]]] = {}
    for circle in CIRCLES:
        total = PRIOR.get(circle, 0.0)
        evidence: list[Hit] = []
        for found in counts.values():
            cue = max((h.cue for h in found), key=lambda c: c.weight)
            if cue.circle != circle:
                continue
            weight = cue.weight * (IN_QUESTION if any(_in(h, question) for h in found) else 1.0)
            seen = len({h.start for h in found})  # one word seen by both lexicons is one sighting
            total += min(2 * weight, weight * (1 + REPEAT * (seen - 1)))
            evidence.extend(found)
        if circle == "mentors" and paralysing:
            total += PARALYSING_TO_MENTORS
        scores[circle] = (total, sorted(evidence, key=lambda h: h.start))
    return scores


def rank(
    text: str,
    hits: tuple[Hit, ...],
    lang: Lang,
    quality: Quality,
    question: tuple[tuple[int, int], ...] = (),
) -> tuple[CircleRank, ...]:
    """The five circles, best first. ``question``: the spans of the request's question."""
    data = _circles(lang)
    messages = data["messages"]
    scores = _raw_scores(hits, quality == "paralysing", question)
    total = sum(score for score, _ in scores.values()) or 1.0
    ranks = []
    for circle in CIRCLES:
        score, evidence = scores[circle]
        info = data["circles"][circle]
        reason = messages["reason"].format(**{"for": info["for"]})
        quoted: list[str] = []
        for hit in evidence:
            snippet = f"“{text[hit.start : hit.end].strip()}”"
            if snippet not in quoted:
                quoted.append(snippet)
        if quoted:
            reason += "; " + messages["cues"].format(cues=", ".join(quoted[:QUOTED]))
        elif circle in PRIOR:
            reason += "; " + messages["no_cue"]
        ranks.append(
            CircleRank(
                circle=circle,
                score=round(score / total, 2),
                reason=reason,
                caution=str(info["caution"]),
                cues=tuple(dict.fromkeys(h.cue.id for h in evidence)),
            )
        )
    order = {c: i for i, c in enumerate(CIRCLES)}
    raw = {c: scores[c][0] for c in CIRCLES}
    ranks.sort(key=lambda r: (-raw[r.circle], order[r.circle]))
    return tuple(ranks)


def fit(chosen: str, ranks: tuple[CircleRank, ...], quality: Quality, lang: Lang) -> Fit:
    """Does ``chosen`` fit? When it does not, say why and which circle fits better."""
    data = _circles(lang)
    messages = data["messages"]
    by_circle = {r.circle: r for r in ranks}
    others = [r.circle for r in ranks if r.circle != chosen]
    best = ranks[0].circle
    better = best if best != chosen else others[0]
    name = data["circles"][chosen]["name"]

    def no(why: str, instead: str) -> Fit:
        return Fit(chosen, False, messages["not_fit"].format(name=name, why=why), instead)

    if chosen == "team" and quality == "paralysing":
        instead = "mentors" if best == "team" else best
        return no(messages["not_fit_team_paralysis"], instead)
    if chosen == "experts" and not by_circle["experts"].cues:
        return no(messages["not_fit_experts_routine"], better)
    info = data["circles"][chosen]
    if chosen == best:
        return Fit(chosen, True, messages["fits"].format(name=name, why=info["for"]), None)
    mine = by_circle[chosen]
    if mine.cues and mine.score >= CLOSE_ENOUGH * ranks[0].score:
        best_name = data["circles"][best]["name"]
        text = messages["fits_also"].format(name=name, why=info["for"], best=best_name)
        return Fit(chosen, True, text, best)
    return no(info["not_for"][best], best)
