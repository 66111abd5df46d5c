"""Find many phrases at once, as whole words, in one pass over the text.

Python's ``re`` with hundreds of alternatives is slow; an Aho-Corasick automaton (pyahocorasick,
written in C) finds every phrase in time linear in the text, whatever the size of the glossary.
Word boundaries are then checked on each candidate with Unicode-aware rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from passerelle.analysis.text import at_word_boundary, ends_word, fold_case

P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class Hit(Generic[P]):
    start: int
    end: int
    payload: P


# What one spelling stands for: its payload, the words one of which must come just before it,
# the phrases that must not follow it, and the spelling as written for a case-sensitive phrase.
# Plain tuples: the rule cache holds thousands, and pickle restores plain tuples twice as fast
# as named ones, which is most of a one-line check's start-up.
_Entry = tuple[P, frozenset[str], tuple[str, ...], str | None]
# Everything one lower-cased key stands for: its entries, and the references of the passes that
# marked it (see ``PhraseMatcher.mark``).
_Slot = tuple[tuple[_Entry[P], ...], tuple[int, ...]]


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


# An automaton value packs the index of the matched key's slot and the key's length into one int:
# an automaton of plain ints restores from the rule cache ten times faster than one holding
# Python objects, which is most of a one-line check's start-up.
_LENGTHS = 4096

Mark = tuple[int, tuple[int, ...]]
"""A marked word found in the text: where it ends, and the references it was marked with."""


class PhraseMatcher(Generic[P]):
    """Whole-word matching of many phrases, case-insensitive or exact, each with a payload.

    One automaton over the lower-cased text holds every phrase: reading a megabyte costs the
    same 25 ms or so whatever the number of phrases, so the checker reads each text once, for
    every kind of rule. Case-sensitive phrases are found through their lower-cased key and
    then compared with the text as written. Other passes may ``mark`` words they need to know
    about (the regular-expression prefilter does): they are reported from the same reading.
    """

    def __init__(self) -> None:
        self._automaton: ahocorasick.Automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self._slots: list[_Slot[P]] = []
        # Build-time only (identity keys mean nothing once pickled): compile() clears them.
        self._entry_ids: dict[tuple[int, int, int, str | None], _Entry[P]] = {}
        self._slot_ids: dict[tuple[tuple[int, ...], tuple[int, ...]], int] = {}

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
        entry = self._entry(
            payload, preceded_by, not_followed_by, phrase if case_sensitive else None
        )
        self._put(fold_case(phrase), (entry,), ())

    def mark(self, word: str, ref: int) -> None:
        """Report every occurrence of ``word`` (lower-cased, inside words too) to ``find``'s
        ``marks``, with ``ref``."""
        self._put(fold_case(word), (), (ref,))

    def _put(self, key: str, entries: tuple[_Entry[P], ...], marks: tuple[int, ...]) -> None:
        if len(key) >= _LENGTHS:
            raise ValueError(f"phrase longer than {_LENGTHS - 1} characters: {key[:40]}…")
        existing = self._automaton.get(key, None)
        if existing is not None:
            old_entries, old_marks = self._slots[existing // _LENGTHS]
            entries = (*old_entries, *(e for e in entries if e not in old_entries))
            marks = (*old_marks, *(m for m in marks if m not in old_marks))
        self._automaton.add_word(key, self._slot((entries, marks)) * _LENGTHS + len(key))

    def _entry(
        self,
        payload: P,
        preceded_by: Iterable[str],
        not_followed_by: Iterable[str],
        exact: str | None,
    ) -> _Entry[P]:
        ids = (id(payload), id(preceded_by), id(not_followed_by), exact)
        entry = self._entry_ids.get(ids)
        if entry is None:
            entry = (
                payload,
                frozenset(preceded_by),
                tuple(fold_case(w) for w in not_followed_by),
                exact,
            )
            self._entry_ids[ids] = entry
        return entry

    def _slot(self, slot: _Slot[P]) -> int:
        ids = (tuple(map(id, slot[0])), slot[1])
        index = self._slot_ids.get(ids)
        if index is None:
            index = self._slot_ids[ids] = len(self._slots)
            self._slots.append(slot)
        return index

    def compile(self) -> PhraseMatcher[P]:
        if len(self._automaton):
            self._automaton.make_automaton()
        self._entry_ids, self._slot_ids = {}, {}
        return self

    def find(
        self,
        folded: str,
        lowered: str,
        start: int = 0,
        end: int = -1,
        marks: list[Mark] | None = None,
    ) -> list[Hit[P]]:
        """Every whole-word occurrence in ``[start, end)``, in the order they end; the marked
        words go to ``marks`` when given.

        ``folded`` is the text after ``fold`` (typography only), ``lowered`` after ``fold_case``;
        both have the length of the original text.
        """
        end = len(lowered) if end < 0 else end
        hits: list[Hit[P]] = []
        if not len(self._automaton):
            return hits
        slots, length = self._slots, len(lowered)
        for end_index, value in self._automaton.iter(lowered, start, end):
            stop = end_index + 1
            begin = stop - value % _LENGTHS
            entries, marked = slots[value // _LENGTHS]
            if marked and marks is not None:
                marks.append((stop, marked))
            if (
                not entries
                # Most candidates are short keys inside a longer word ("pr" in "provided"):
                # a glance at the characters around rules them out before the full check.
                or (begin and lowered[begin - 1].isalnum())
                or (stop < length and lowered[stop].isalnum())
                or not at_word_boundary(lowered, begin, stop)
            ):
                continue
            for payload, preceded_by, not_followed_by, exact in entries:
                if exact is not None and folded[begin:stop] != exact:
                    continue
                if preceded_by and _previous_word(lowered, begin) not in preceded_by:
                    continue
                if not_followed_by and _followed_by(lowered, stop, not_followed_by):
                    continue
                hits.append(Hit(begin, stop, payload))
        return hits


def longest_first(hits: list[Hit[P]]) -> list[Hit[P]]:
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
