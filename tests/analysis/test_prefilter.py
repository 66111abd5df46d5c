"""The keyword prefilter must find exactly what a plain scan with each pattern finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelle.analysis.prefilter import PatternSet, leading_words, required_words
from passerelle.analysis.rules import load_rules


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"(?<!not )(?<!n't )\bguaranteed?\b", {"guarantee"}),
        (r"\b(?:will|'ll)\s+(?:definitely|certainly)\b", {"will", "'ll"}),
        (r"(?=sans)sans (?:aucun )?risque", {"sans "}),
        (r"\bnever\s+again", {"never"}),
        (r"(?:very )+sure", {"very "}),
        (r"\b(?:sans\s+)?aucun(?:e)?\s+panne", {"sans", "aucun"}),
        (r"(?:very )?sure", {"very ", "sure"}),
        (r"(?:ab)?\w+", None),
        (r"(?:ab|)c", None),
        (r"\w+ never", None),
        (r"a?bc", None),
    ],
)
def test_leading_words_are_read_from_the_pattern(pattern: str, words: set[str] | None) -> None:
    found = leading_words(pattern)
    assert (set(found) if found is not None else None) == words


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\b(?:will|'ll)\s+(?:definitely|certainly)\b", {"definitely", "certainly"}),
        (r"(?<=[,—–-] )100 ?%(?=[.!]|$)", {"100"}),
        (r"\bnever\s+(?:\w+\s+){1,4}?again\b", {"never"}),
        (r"\bzéro\s+(?:bugs?|pannes?)", {"zéro"}),
        (r"\w+", None),
        (r"(?:ab|)c?", None),
    ],
)
def test_required_words_are_read_from_the_pattern(pattern: str, words: set[str] | None) -> None:
    found = required_words(pattern)
    assert (set(found) if found is not None else None) == words


BUILT_IN = [
    (pattern, rule.head.id)
    for lang in ("fr", "en")
    for rule in load_rules(lang)
    for pattern in getattr(rule, "patterns", ())
]
VOCABULARY = sorted(
    {
        word
        for source, _ in BUILT_IN
        for word in (required_words(source) or set()) | (leading_words(source) or set())
    }
    | set("we will never be down again the site sera toujours disponible 100 % , . sans".split())
)


def _plain(text: str) -> list[tuple[int, int, str]]:
    return sorted(
        (m.start(), m.end(), rule) for source, rule in BUILT_IN for m in re.finditer(source, text)
    )


PATTERNS = PatternSet(BUILT_IN)
# Words glued to letters or to each other too: a word found inside another must not start a
# pattern that wants a word boundary, and must still start one that does not.
GLUE = st.sampled_from([" ", " ", " ", "", "x", "é", "'", "-", ", "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(VOCABULARY), GLUE), max_size=60))
def test_prefilter_finds_what_a_full_scan_finds(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + glue for word, glue in pieces)
    found = sorted((m.start(), m.end(), rule) for m, rule in PATTERNS.finditer(text, 0, len(text)))
    assert found == _plain(text)
