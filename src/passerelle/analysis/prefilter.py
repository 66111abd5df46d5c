"""Run many regular expressions over a long text without scanning it once per expression.

Python's ``re`` walks the whole text for every pattern that does not start with a literal
(about 35 ms per megabyte each, whatever the pattern). Most patterns still contain a word that
any match must hold ("never", "garanti", "100"): this module finds such words by reading the
parsed pattern, looks for all of them in one Aho-Corasick pass, and runs each pattern only in a
window around the places where one of its words occurs. When every match starts with one of the
words (after look-arounds: "(?<!not )guaranteed"), the pattern is only tried where such a word
starts: one attempt instead of a search through the window. Patterns without such a word run on
the whole text, as before: the result is always the same, only faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from importlib import import_module
from typing import Any, Generic, TypeVar

import ahocorasick

from passerelle.analysis.matcher import Mark, PhraseMatcher
from passerelle.analysis.text import is_word_char

sre_parse: Any
sre_constants: Any
try:  # the parser behind re; private, so everything here falls back to a full scan without it
    sre_parse = import_module("re._parser")
    sre_constants = import_module("re._constants")
except ImportError:  # pragma: no cover - Python < 3.11
    sre_parse = sre_constants = None

P = TypeVar("P")

# How far a match may extend on either side of the word that revealed it.
_WINDOW = 300


@cache
def _parsed(pattern: str) -> list[tuple[Any, Any]] | None:
    """The items of ``pattern`` as ``re`` parses it, or None when that parser is not there."""
    if sre_parse is None:
        return None
    try:
        return list(sre_parse.parse(pattern))
    except re.error:
        return None


def _words(found: set[str] | None) -> frozenset[str] | None:
    return frozenset(found) if found and min(map(len, found)) >= 2 else None


def required_words(pattern: str) -> frozenset[str] | None:
    """Words of which any match of ``pattern`` contains at least one, or None if unsure."""
    items = _parsed(pattern)
    return _words(_required(items)) if items is not None else None


def _required(items: list[tuple[Any, Any]]) -> set[str] | None:
    assert sre_constants is not None
    c = sre_constants
    candidates: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append({"".join(run)})
            run.clear()

    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is c.BRANCH:
            branches = [_required(list(branch)) for branch in av[1]]
            if all(branches):
                candidates.append(set().union(*branches))  # type: ignore[arg-type]
        elif op is c.SUBPATTERN:
            inner = _required(list(av[-1]))
            if inner:
                candidates.append(inner)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            low, _, sub = av
            inner = _required(list(sub)) if low >= 1 else None
            if inner:
                candidates.append(inner)
    flush()
    if not candidates:
        return None
    return max(candidates, key=lambda words: (min(map(len, words)), -len(words)))


def leading_words(pattern: str) -> frozenset[str] | None:
    """Words of which any match of ``pattern`` starts with one, or None if unsure."""
    items = _parsed(pattern)
    return _words(_leading(items)) if items is not None else None


def _leading(items: list[tuple[Any, Any]]) -> set[str] | None:
    assert sre_constants is not None
    c = sre_constants
    for at, (op, av) in enumerate(items):
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero width: the match starts after it
        if op is c.LITERAL:
            run = []
            for next_op, next_av in items[at:]:
                if next_op is not c.LITERAL:
                    break
                run.append(chr(next_av))
            return {"".join(run)}
        if op is c.SUBPATTERN:
            return _leading(list(av[-1]))
        if op is c.BRANCH:
            branches = [_leading(list(branch)) for branch in av[1]]
            return set().union(*branches) if all(branches) else None  # type: ignore[arg-type]
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            low, _, sub = av
            inner = _leading(list(sub))
            if low >= 1 or inner is None:
                return inner
            rest = _leading(items[at + 1 :])  # optional: the match starts with it or after it
            return inner | rest if rest else None
        return None
    return None


def starts_on_boundary(pattern: str) -> bool:
    """True when every match of ``pattern`` begins at a word boundary (``\\b``, after any
    look-arounds), so that it cannot begin inside a word."""
    items = _parsed(pattern)
    return items is not None and _on_boundary(items)


def _on_boundary(items: list[tuple[Any, Any]]) -> bool:
    assert sre_constants is not None
    c = sre_constants
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.AT:
            if av is c.AT_BOUNDARY:
                return True
            continue
        if op is c.SUBPATTERN:
            return _on_boundary(list(av[-1]))
        if op is c.BRANCH:
            return all(_on_boundary(list(branch)) for branch in av[1])
        return False
    return False


def _rarer(words: frozenset[str] | None, than: frozenset[str]) -> bool:
    """True when ``words`` are clearly longer, so rarer, than ``than``: a window around
    "definitely" is opened less often than an attempt at each "will" is made."""
    return words is not None and min(map(len, words)) > min(map(len, than)) + 2


class _Pattern(Generic[P]):
    """A pattern and its payload, compiled at first use: a short text needs few of them, and
    compiling them all would be most of the time a one-line check takes."""

    __slots__ = ("_regex", "payload", "source")

    def __init__(self, source: str, payload: P) -> None:
        self.source, self.payload = source, payload
        self._regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = re.compile(self.source)
        return self._regex

    def __getstate__(self) -> tuple[str, P]:
        return self.source, self.payload  # the compiled form is not kept in the rule cache

    def __setstate__(self, state: tuple[str, P]) -> None:
        self.source, self.payload = state
        self._regex = None


class PatternSet(Generic[P]):
    """Regular expressions with payloads, run together over a text.

    The words that reveal a pattern are found by this set's own automaton, or, when the caller
    already reads the text with one (the checker's ``PhraseMatcher``), given as marks: the
    words are registered there with ``marks_into`` and their occurrences passed to ``finditer``.
    """

    def __init__(self, patterns: Sequence[tuple[str, P]]) -> None:
        self._patterns = [_Pattern(source, payload) for source, payload in patterns]
        self._always: list[int] = []
        anchored: set[int] = set()  # patterns whose matches start with one of their words
        # Patterns found through rarer words, whose matches still start with one of these: in
        # a window, they are only tried where such a word starts.
        self._leads: dict[int, tuple[str, ...]] = {}
        indices: dict[str, tuple[int, ...]] = {}
        for index, (source, _) in enumerate(patterns):
            leading, words = leading_words(source), required_words(source)
            if leading is not None and not _rarer(words, leading):
                anchored.add(index)
                words = leading
            elif leading is not None:
                self._leads[index] = tuple(sorted(leading))
            if words is None:
                self._always.append(index)
                continue
            for word in sorted(words):
                indices[word] = (*indices.get(word, ()), index)
        self._words = sorted(indices)
        # Anchored patterns that want a word boundary before their first word: a mark inside a
        # word ("ne" in "une", "all" in "call") cannot start one of their matches.
        bounded = {i for i in anchored if starts_on_boundary(patterns[i][0])}
        # word ref -> (its length, the anchored patterns it starts, those of them it can start
        # only at the beginning of a word, the others it reveals)
        self._reveals = [
            (
                len(word),
                tuple(i for i in indices[word] if i in anchored),
                tuple(
                    i
                    for i in indices[word]
                    if i in anchored and not (i in bounded and is_word_char(word[0]))
                ),
                tuple(i for i in indices[word] if i not in anchored),
            )
            for word in self._words
        ]
        self._automaton: ahocorasick.Automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for ref, word in enumerate(self._words):
            self._automaton.add_word(word, ref)
        if self._words:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self._patterns)

    def marks_into(self, matcher: PhraseMatcher[Any]) -> None:
        """Have ``matcher`` report the words that reveal these patterns."""
        for ref, word in enumerate(self._words):
            matcher.mark(word, ref)

    def finditer(
        self, text: str, start: int, end: int, marks: Iterable[Mark] | None = None
    ) -> Iterator[tuple[re.Match[str], P]]:
        """Every match of every pattern in ``text[start:end]``, with its payload.

        ``marks`` are the occurrences of this set's words found by a matcher it was registered
        with (``marks_into``); without them the set looks for its words itself.
        """
        for index in self._always:
            pattern = self._patterns[index]
            for match in pattern.regex.finditer(text, start, end):
                yield match, pattern.payload
        if not self._words:
            return
        if marks is None:
            marks = ((last + 1, (ref,)) for last, ref in self._automaton.iter(text, start, end))
        windows: dict[int, list[tuple[int, int]]] = {}
        starts: dict[int, list[int]] = {}
        for stop, refs in marks:
            for ref in refs:
                length, anchored, inside, windowed = self._reveals[ref]
                at = stop - length
                if at > start and is_word_char(text[at - 1]):
                    anchored = inside  # the mark is inside a word
                for index in anchored:
                    if index in starts:
                        starts[index].append(at)
                    else:
                        starts[index] = [at]
                for index in windowed:
                    low = max(start, at - _WINDOW)
                    high = min(end, stop + _WINDOW)
                    spans = windows.setdefault(index, [])
                    if spans and low <= spans[-1][1]:
                        spans[-1] = (min(spans[-1][0], low), max(spans[-1][1], high))
                    else:
                        spans.append((low, high))
        for index in sorted(starts):
            pattern = self._patterns[index]
            for found in _attempts(pattern.regex, text, sorted(set(starts[index])), start, end):
                yield found, pattern.payload
        for index in sorted(windows):
            pattern = self._patterns[index]
            lead = self._leads.get(index)
            for low, high in windows[index]:
                if lead is None:
                    matches: Iterable[re.Match[str]] = pattern.regex.finditer(text, low, high)
                else:
                    matches = _attempts(
                        pattern.regex, text, _starts(text, lead, low, high), low, high
                    )
                for match in matches:
                    yield match, pattern.payload


def _starts(text: str, words: tuple[str, ...], start: int, end: int) -> list[int]:
    """Where one of ``words`` starts in ``text[start:end]``, in order."""
    found: list[int] = []
    for word in words:
        at = text.find(word, start, end)
        while at != -1:
            found.append(at)
            at = text.find(word, at + 1, end)
    return sorted(set(found))


def _attempts(
    regex: re.Pattern[str], text: str, starts: list[int], start: int, end: int
) -> Iterator[re.Match[str]]:
    """What ``regex.finditer(text, start, end)`` finds when every match must begin at one of
    ``starts`` (sorted): one attempt at each, skipping those inside the last match."""
    reach = start
    for at in starts:
        if at < reach:
            continue  # inside the last match: a scan would not have looked there
        found = regex.match(text, at, end)
        if found is not None:
            reach = max(found.end(), at + 1)
            yield found
