"""Sentence boundaries and word counts."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from passerelle.analysis.sentences import _BOUNDARY, count_words, sentences

# The boundary pattern as one would first write it: an alternation, slow because ``re`` must try
# every branch at every position. The module's pattern must find exactly the same boundaries.
READABLE = re.compile(
    r"[.!?…]+[\"'»”)\]]*(?=\s|\Z)"
    r"|\n[ \t]*\n"
    r"|\n(?=[ \t]*(?:[-*+•]|\d{1,3}[.)]|#{1,6}|\|)[ \t])"
    r"|[:;](?=[ \t]*\n)"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 \t\n.!?…:;-*+•#|\"')»]")), max_size=80))
def test_boundaries_are_those_of_the_readable_pattern(text: str) -> None:
    assert [m.span() for m in _BOUNDARY.finditer(text)] == [
        m.span() for m in READABLE.finditer(text)
    ]


def test_a_sentence_ends_at_punctuation_blank_lines_and_list_items() -> None:
    text = "Nous livrons lundi. Et ensuite ?\n\nLa suite :\n- un point\n- 42\n"
    assert sentences(text).count == 4  # "- 42" holds no word


def test_words_are_runs_holding_a_letter() -> None:
    assert count_words("l'équipe livre 42 écrans — and/or 3,5 %") == 4


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["mot", "l'équipe", "42", "—", "a/b", "x."]), max_size=80))
def test_long_sentences_are_found_whatever_the_shortcut(words: list[str]) -> None:
    text = " ".join(words)
    for limit in (3, 10, 30):
        found = sentences(text, longer_than=limit).long
        expected = [
            s for s in found if count_words(text, s.start, s.end) == s.words and s.words > limit
        ]
        assert found == expected
        total = sum(count_words(text, m[0], m[1]) > limit for m in _spans(text))
        assert len(found) == total


def _spans(text: str) -> list[tuple[int, int]]:
    ends = [m.end() for m in _BOUNDARY.finditer(text)] + [len(text)]
    return list(zip([0, *ends[:-1]], ends, strict=True))
