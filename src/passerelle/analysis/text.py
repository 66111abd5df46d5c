"""Unicode-aware text helpers shared by every analyser.

Every transformation here keeps the length of the text, so that an offset found in the
normalised text is also the offset in the original one. That is what lets a finding point
at ``text[offset:offset + length]`` whatever typography the author used.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

# Typographic variants folded to one ASCII form, one character for one character.
_FOLD = {
    "\u2019": "'",  # right single quotation mark, the French apostrophe
    "\u2018": "'",
    "\u02bc": "'",  # modifier letter apostrophe
    "\u00b4": "'",
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space (before ; : ! ? in French)
    "\u2009": " ",  # thin space
    "\u2007": " ",
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u00ad": "-",  # soft hyphen
}

WORD_RE = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
"""A word: letters or digits (any script, accents included), joined by apostrophes or hyphens."""

LETTER_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
"""A word made of letters (numbers left out), for counting words and syllables."""


def fold(text: str) -> str:
    """Fold apostrophes, no-break spaces and hyphens to ASCII, keeping every offset."""
    if text.isascii():
        return text
    # A few str.replace passes run at memory speed; str.translate with a dict is ten times slower.
    for char, ascii_form in _FOLD.items():
        if char in text:
            text = text.replace(char, ascii_form)
    return text


def fold_case(text: str) -> str:
    """Fold typography and case, keeping every offset.

    ``str.lower`` can change the length of a few characters (``İ``); those keep their case.
    """
    folded = fold(text)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    return "".join(_lower_char(ch) for ch in folded)


@lru_cache(maxsize=256)
def _lower_char(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


def is_word_char(ch: str) -> bool:
    """What ``\\w`` matches in a regular expression: a letter, a digit or ``_``."""
    return ch.isalnum() or ch == "_"


def starts_word(text: str, start: int) -> bool:
    """True when no word goes on before ``start``.

    A hyphen or an apostrophe between two letters joins them (``ci-dessous`` is one word,
    ``l'API`` is two), so a hyphen glued to a letter is not a boundary.
    """
    if start <= 0:
        return True
    before = text[start - 1]
    if before.isalnum():
        return False
    return not (before == "-" and start > 1 and text[start - 2].isalnum())


def ends_word(text: str, end: int) -> bool:
    """True when no word goes on after ``end`` (see ``starts_word``)."""
    if end >= len(text):
        return True
    after = text[end]
    if after.isalnum():
        return False
    return not (after == "-" and end + 1 < len(text) and text[end + 1].isalnum())


def at_word_boundary(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a whole word or phrase, not part of a longer word."""
    return starts_word(text, start) and ends_word(text, end)


class LineIndex:
    """Turns a code-point offset into a 1-based line and column."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self._starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1
