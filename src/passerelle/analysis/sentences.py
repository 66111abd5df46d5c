"""Sentences of a (masked) text, for sentence length and readability.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by a space, at a blank line, and before
a Markdown list item, heading or table row: a bullet is a sentence of its own.

A word is what readability counts too: a run of non-space characters holding at least one
letter ("l'équipe" and "and/or" are one word, "42" and "—" none).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Where a sentence ends: end punctuation (with closing quotes) before a space, a blank line, a
# line break before a list item, heading or table row, a colon or semicolon closing a line.
# Written as one character class then a branch per kind, each checking which character it
# follows: a pattern opening on a class lets ``re`` skip to the next candidate character in C,
# three times faster than trying every branch at every position.
_BOUNDARY = re.compile(
    r"[.!?…\n:;]"
    r"(?:(?<=[.!?…])[.!?…]*[\"'»”)\]]*(?=\s|\Z)"  # end punctuation
    r"|(?<=\n)[ \t]*\n"  # blank line
    r"|(?<=\n)(?=[ \t]*(?:[-*+•]|\d{1,3}[.)]|#{1,6}|\|)[ \t])"  # a list item, heading or table row
    r"|(?<=[:;])(?=[ \t]*\n))"  # a colon or semicolon closing a line that introduces a list
)

_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]\S*")  # from the first letter of a run of non-spaces to its end


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    words: int


@dataclass(slots=True)
class Sentences:
    """How many sentences a stretch of text holds, and the ones longer than a limit."""

    count: int = 0
    long: list[Sentence] = field(default_factory=list)


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    return len(_WORD.findall(text, start, len(text) if end is None else end))


def sentences(
    text: str, start: int = 0, end: int | None = None, longer_than: int | None = None
) -> Sentences:
    """Count the sentences of ``text[start:end]`` that hold a word, and list those of more
    than ``longer_than`` words.

    Most sentences are ruled out without counting their words: ``k`` words take at least
    ``2k - 1`` characters, at most one more word than there are spaces, and no more words
    than runs of non-spaces.
    ``text`` should have its no-break spaces folded to spaces (``fold``) so that they count.
    """
    stop = len(text) if end is None else end
    found = Sentences()
    ends = [m.end() for m in _BOUNDARY.finditer(text, start, stop)]
    ends.append(stop)
    letter, count, begin = _LETTER.search, 0, start
    if not longer_than:
        for boundary in ends:
            count += letter(text, begin, boundary) is not None
            begin = boundary
        found.count = count
        return found
    limit, shortest = longer_than, 2 * longer_than
    for boundary in ends:
        first = letter(text, begin, boundary)
        if first is not None:
            count += 1
            if (
                boundary - begin > shortest
                and boundary - first.start() > shortest
                and _spaces(text, begin, boundary) >= limit
                and len(text[begin:boundary].split()) > limit  # indented lines: many spaces
            ):
                words = count_words(text, begin, boundary)
                if words > limit:
                    last = boundary
                    while last > first.start() and text[last - 1].isspace():
                        last -= 1
                    found.long.append(Sentence(first.start(), last, words))
        begin = boundary
    found.count = count
    return found


def _spaces(text: str, start: int, end: int) -> int:
    return text.count(" ", start, end) + text.count("\n", start, end) + text.count("\t", start, end)
