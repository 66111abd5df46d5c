"""Which language a text is written in: French or English.

Two signals, cheapest first. Function words are decisive in most business prose, including
franglais where the nouns are English and the grammar is French. When they do not settle it
(a title, a few words), lingua's n-gram models decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Literal

import yaml

from passerelle.analysis.text import fold_case

RULES_DIR = resources.files("passerelle") / "rules"

Lang = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("fr", "en")

# A paragraph is settled by function words when one language has at least this many
# more hits than the other.
_MARGIN = 2
# Function words are dense: the first few hundred characters of a paragraph are enough, and
# a glance at the first hundred or so settles most paragraphs by a wider margin.
_SAMPLE = 300
_GLANCE, _GLANCE_MARGIN = 120, 3
# The letters of the function words of both languages: a class of lower-case letters keeps the
# regex on its fast path (a Unicode class such as [^\W\d_] costs half as much again), and a
# word with another letter is of no use to the vote anyway.
_LOWER = "a-zàâäçéèêëîïôöûùüÿœæ"
_VOTERS = re.compile(rf"[{_LOWER}]+(?:'[{_LOWER}]+)*")


@cache
def function_words(lang: Lang) -> frozenset[str]:
    data = (RULES_DIR / lang / "language.yaml").read_text("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available
    return frozenset(str(w) for w in yaml.load(data, Loader=loader)["function_words"])


@cache
def _detector():  # type: ignore[no-untyped-def]
    from lingua import Language, LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.FRENCH)
        .with_low_accuracy_mode()
        .build()
    )


def _votes(text: str, folded: bool, size: int = _SAMPLE) -> tuple[int, int]:
    sample = text[:size]
    tokens = _VOTERS.findall(sample if folded else fold_case(sample))
    fr, en = function_words("fr"), function_words("en")
    return sum(map(fr.__contains__, tokens)), sum(map(en.__contains__, tokens))


def detect(text: str, default: Lang = "en", *, folded: bool = False, guess: bool = True) -> Lang:
    """The language of ``text``; ``default`` when there is nothing to tell from.

    ``folded=True`` says the text already went through ``fold_case`` (it saves a pass).
    ``guess=False`` keeps ``default`` for a text with at most one function word (a list of
    names, a heading, a line of figures) instead of asking the n-gram models, which can only
    guess there: a paragraph of a longer text is best read in the language around it.
    """
    votes_fr, votes_en = _votes(text, folded, _GLANCE)
    if abs(votes_fr - votes_en) < _GLANCE_MARGIN and len(text) > _GLANCE:
        votes_fr, votes_en = _votes(text, folded)
    if votes_fr - votes_en >= _MARGIN:
        return "fr"
    if votes_en - votes_fr >= _MARGIN:
        return "en"
    if not any(ch.isalpha() for ch in text[:_SAMPLE]):
        return default
    if votes_fr != votes_en and max(votes_fr, votes_en) >= 1 and len(text) < 200:
        return "fr" if votes_fr > votes_en else "en"
    if not guess and max(votes_fr, votes_en) <= 1:
        return default
    from lingua import Language

    found = _detector().detect_language_of(text[: _SAMPLE * 2])
    if found is Language.FRENCH:
        return "fr"
    if found is Language.ENGLISH:
        return "en"
    return default


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the paragraphs of a text (blocks separated by blank lines)."""
    start = 0
    length = len(text)
    while start < length:
        end = text.find("\n\n", start)
        if end == -1:
            end = length
        if text[start:end].strip():
            yield start, end
        start = end + 2
