"""Acronym-like words of a text, and the ones the text spells out.

A text defines an acronym either way round ("SLA (service-level agreement)" or "service-level
agreement (SLA)"), anywhere: a definition may come after the first use. Lines written in capitals
(titles, licence disclaimers) hold no acronym worth explaining.
"""

from __future__ import annotations

import re

# An acronym-like word; what may not come before it (a letter, a digit, _ & / -) is checked on
# each match rather than by a look-behind, which would cost the regex its fast scan for capitals.
_ACRONYM = re.compile(r"([A-Z][A-Z0-9&]{1,7})s?(?![\w&/-])")
_SPELLED_AFTER = re.compile(r"[ \t]*\([ \t]*([^\W\d_][^()\n]{2,160})\)")
_DEFINED_BEFORE = re.compile(r"\( ?([A-Z][A-Z0-9&]{1,7})s? ?\)")  # "(SLA)" after its words
_LATIN_CAPITALS = re.compile(r"[A-ZÀ-ÖØ-Þ]")

Candidate = tuple[int, int, str]  # start, end, the acronym (a plural "s" left out)


def find(text: str) -> list[Candidate]:
    """The acronym-like words of ``text`` (the masked text: code and URLs already blanked), in
    order, leaving out those the text spells out and those on lines in capitals."""
    defined = {m.group(1) for m in _DEFINED_BEFORE.finditer(text) if _after_word(text, m.start())}
    candidates: list[Candidate] = []
    lines = _Lines(text)
    for m in _ACRONYM.finditer(text):
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_&/-"):
            continue  # inside a word
        name = m.group(1)
        if not name[1:].strip("0123456789&") or not name.strip("IVXLCDM"):
            continue  # one capital only ("A1"), or a Roman numeral ("XIV")
        spelled = _SPELLED_AFTER.match(text, m.end())
        if spelled and " " in spelled.group(1).strip():
            defined.add(name)
        if not lines.shouting(start):
            candidates.append((start, m.end(1), name))
    return [c for c in candidates if c[2] not in defined]


class _Lines:
    """Whether a position is on a line in capitals, worked out once per line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[int, bool] = {}

    def shouting(self, offset: int) -> bool:
        """True when ``offset`` is on a line in capitals (judged on its first 160 characters)."""
        start = self.text.rfind("\n", 0, offset) + 1
        known = self.known.get(start)
        if known is None:
            end = self.text.find("\n", offset)
            line = self.text[start : min(end if end != -1 else len(self.text), start + 160)]
            known = self.known[start] = shouting(line)
        return known


def shouting(line: str) -> bool:
    """True for a line written in capitals (a title, a shout): no acronym to define there."""
    if line.isupper():  # no small letter at all: a shout if it holds enough letters
        return sum(map(str.isupper, line)) > 12
    if len(_LATIN_CAPITALS.findall(line)) <= 8:
        return False  # most lines: a quick count of capitals in C rules them out
    upper = sum(map(str.isupper, line))
    letters = upper + sum(map(str.islower, line))
    return letters > 12 and upper / letters > 0.7


def _after_word(text: str, start: int) -> bool:
    """True when a word ends right before ``start``, or one space before it."""
    before = start - 1 if start and text[start - 1] == " " else start
    return before > 0 and text[before - 1].isalnum()
