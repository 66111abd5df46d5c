"""Sentences of a (masked) text, for sentence length and readability.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by a space, at a blank line, and before
a Markdown list item, heading or table row: a bullet is a sentence of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from passerelle.analysis.text import WORD_RE

_BOUNDARY = re.compile(
    r"[.!?…]+[\"'»”)\]]*(?=\s|\Z)"  # end punctuation
    r"|\n[ \t]*\n"  # blank line
    r"|\n(?=[ \t]*(?:[-*+•]|\d{1,3}[.)]|#{1,6}|\|)[ \t])"  # a list item, heading or table row
    r"|[:;](?=[ \t]*\n)"  # a colon or semicolon closing a line that introduces a list
)


_LETTER = re.compile(r"[^\W_]")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int

    def count_words(self, text: str) -> int:
        return len(WORD_RE.findall(text, self.start, self.end))


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[Sentence]:
    """The sentences of ``text[start:end]`` that hold at least one word."""
    stop = len(text) if end is None else end
    begin = start
    for boundary in _BOUNDARY.finditer(text, start, stop):
        yield from _sentence(text, begin, boundary.end())
        begin = boundary.end()
    yield from _sentence(text, begin, stop)


def _sentence(text: str, start: int, end: int) -> Iterator[Sentence]:
    first = _LETTER.search(text, start, end)
    if first:
        start = first.start()
        while end > start and text[end - 1].isspace():
            end -= 1
        yield Sentence(start, end)
