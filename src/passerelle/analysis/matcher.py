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


# An automaton value packs the index of the matched phrase's entries and the phrase's length
# into one int: an automaton of plain ints restores from the rule cache ten times faster than
# one holding Python objects, which is most of a one-line check's start-up.
_LENGTHS = 4096


class PhraseMatcher(Generic[P]):
    """Whole-word matching of many phrases, case-insensitive or exact, each with a payload."""

    def __init__(self) -> None:
        self._folded: ahocorasick.Automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self._exact: ahocorasick.Automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self._has_exact = self._has_folded = False
        self._groups: list[tuple[_Entry[P], ...]] = []  # the entries of each distinct phrase set
        # Build-time only (identity keys mean nothing once pickled): compile() clears them.
        self._entry_ids: dict[tuple[int, int, int], _Entry[P]] = {}
        self._group_ids: dict[tuple[int, ...], int] = {}

    def add(
        self,
        phrase: str,
        payload: P,
        *,
        case_sensitive: bool = False,
        preceded_by: Iterable[str] = (),
        not_followed_by: Iterable[str] = (),
    ) -> None:
        """Add a phrase. Pass the same payload object for every spelling of one term: entries
        are shared by identity, which keeps the compiled matcher small."""
        key = phrase if case_sensitive else fold_case(phrase)
        if len(key) >= _LENGTHS:
            raise ValueError(f"phrase longer than {_LENGTHS - 1} characters: {phrase[:40]}…")
        automaton = self._exact if case_sensitive else self._folded
        entry = self._entry(payload, preceded_by, not_followed_by)
        existing = automaton.get(key, None)
        group = (entry,) if existing is None else (*self._groups[existing // _LENGTHS], entry)
        automaton.add_word(key, self._group(group) * _LENGTHS + len(key))
        if case_sensitive:
            self._has_exact = True
        else:
            self._has_folded = True

    def _entry(
        self, payload: P, preceded_by: Iterable[str], not_followed_by: Iterable[str]
    ) -> _Entry[P]:
        ids = (id(payload), id(preceded_by), id(not_followed_by))
        entry = self._entry_ids.get(ids)
        if entry is None:
            entry = _Entry(
                payload, frozenset(preceded_by), tuple(fold_case(w) for w in not_followed_by)
            )
            self._entry_ids[ids] = entry
        return entry

    def _group(self, group: tuple[_Entry[P], ...]) -> int:
        ids = tuple(map(id, group))
        index = self._group_ids.get(ids)
        if index is None:
            index = self._group_ids[ids] = len(self._groups)
            self._groups.append(group)
        return index

    def compile(self) -> PhraseMatcher[P]:
        if self._has_folded:
            self._folded.make_automaton()
        if self._has_exact:
            self._exact.make_automaton()
        self._entry_ids, self._group_ids = {}, {}
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

    def _scan(
        self, automaton: ahocorasick.Automaton, text: str, lowered: str, begin: int, stop: int
    ) -> Iterator[Hit[P]]:
        groups = self._groups
        for end_index, value in automaton.iter(text, begin, stop):
            end = end_index + 1
            start = end - value % _LENGTHS
            if not at_word_boundary(text, start, end):
                continue
            for entry in groups[value // _LENGTHS]:
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
