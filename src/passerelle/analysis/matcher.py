"""Find many phrases at once, as whole words, in one pass over the text.

Python's ``re`` with hundreds of alternatives is slow; an Aho-Corasick automaton (pyahocorasick,
written in C) finds every phrase in time linear in the text, whatever the size of the glossary.
Word boundaries are then checked on each candidate with Unicode-aware rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

import ahocorasick

from passerelle.analysis.text import at_word_boundary, ends_word, fold_case

P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class Hit(Generic[P]):
    start: int
    end: int
    payload: P


class _Entry(NamedTuple, Generic[P]):
    """What one spelling stands for. A named tuple: the automaton holds tens of thousands of
    them, and tuples are what pickle restores fastest from the rule cache."""

    payload: P
    preceded_by: frozenset[str]
    not_followed_by: tuple[str, ...]


def _previous_word(text: str, start: int) -> str:
    """The word just before ``start`` (elided articles such as ``l'`` and ``d'`` included)."""
    end = start
    while end > 0 and text[end - 1] == " ":
        end -= 1
    if end > 0 and text[end - 1] == "'":
        begin = end - 1
        while begin > 0 and text[begin - 1].isalpha():
            begin -= 1
        return text[begin:end]
    begin = end
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "'-"):
        begin -= 1
    return text[begin:end]


def _followed_by(text: str, end: int, phrases: tuple[str, ...]) -> bool:
    """True when one of ``phrases`` comes right after ``end`` ("back" then "office")."""
    start = end
    while start < len(text) and text[start] in " -":
        start += 1
    return any(
        text.startswith(phrase, start) and ends_word(text, start + len(phrase))
        for phrase in phrases
    )


class PhraseMatcher(Generic[P]):
    """Whole-word matching of many phrases, case-insensitive or exact, each with a payload."""

    def __init__(self) -> None:
        self._folded: ahocorasick.Automaton = ahocorasick.Automaton()
        self._exact: ahocorasick.Automaton = ahocorasick.Automaton()
        self._has_exact = self._has_folded = False

    def add(
        self,
        phrase: str,
        payload: P,
        *,
        case_sensitive: bool = False,
        preceded_by: Iterable[str] = (),
        not_followed_by: Iterable[str] = (),
    ) -> None:
        key = phrase if case_sensitive else fold_case(phrase)
        automaton = self._exact if case_sensitive else self._folded
        entry = _Entry(
            payload, frozenset(preceded_by), tuple(fold_case(w) for w in not_followed_by)
        )
        existing = automaton.get(key, None)
        automaton.add_word(key, (len(key), (*existing[1], entry) if existing else (entry,)))
        if case_sensitive:
            self._has_exact = True
        else:
            self._has_folded = True

    def compile(self) -> PhraseMatcher[P]:
        if self._has_folded:
            self._folded.make_automaton()
        if self._has_exact:
            self._exact.make_automaton()
        return self

    def find(self, folded: str, lowered: str, start: int = 0, end: int = -1) -> list[Hit[P]]:
        """Every whole-word occurrence in ``[start, end)``, longest first where two overlap.

        ``folded`` is the text after ``fold`` (typography only), ``lowered`` after ``fold_case``;
        both have the length of the original text.
        """
        end = len(folded) if end < 0 else end
        hits: list[Hit[P]] = []
        if self._has_folded:
            hits.extend(self._scan(self._folded, lowered, lowered, start, end))
        if self._has_exact:
            hits.extend(self._scan(self._exact, folded, lowered, start, end))
        return _longest_first(hits)

    @staticmethod
    def _scan(
        automaton: ahocorasick.Automaton, text: str, lowered: str, begin: int, stop: int
    ) -> Iterator[Hit[P]]:
        for end_index, (length, entries) in automaton.iter(text, begin, stop):
            end = end_index + 1
            start = end - length
            if not at_word_boundary(text, start, end):
                continue
            for entry in entries:
                if entry.preceded_by and _previous_word(lowered, start) not in entry.preceded_by:
                    continue
                if entry.not_followed_by and _followed_by(lowered, end, entry.not_followed_by):
                    continue
                yield Hit(start, end, entry.payload)


def _longest_first(hits: list[Hit[P]]) -> list[Hit[P]]:
    """Drop hits inside a longer one ("dette technique" wins over "dette")."""
    if len(hits) < 2:
        return hits
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit[P]] = []
    reach = -1
    for hit in hits:
        if hit.start >= reach:
            kept.append(hit)
            reach = hit.end
    return kept
