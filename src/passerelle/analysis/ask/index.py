"""Fast cue search: dispatch each word of the text to the few patterns that can start there.

Trying a few hundred alternatives at every position of a text is too slow for coaching as the
user types. Most patterns start with a literal word ("i'm", "has", "soit"), so each pattern is
indexed by its possible *heads* (its first one to three literal characters, read from the
parsed regex) and only tried, with ``match``, at the word starts whose first characters are one
of its heads. Patterns whose start cannot be read as literals (``\\w+ vs \\w+``, a bullet list,
a lone ``?``) are few and are searched over the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from re import _constants as sre_c  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from passerelle.analysis.ask.cues import Cue, Hit, all_cues, key, prepare

HEAD = 3
_WORD_START = re.compile(r"(?<!\w)\w")
_MAX_CLASS = 12


@dataclass(frozen=True, slots=True)
class _Entry:
    pattern: re.Pattern[str]
    cue: Cue


def _heads(items: list[Any]) -> frozenset[str] | None:
    """The literal strings (up to :data:`HEAD` characters) a match of ``items`` starts with.

    ``None`` when some match may start with something else than a listed literal.
    """
    out: set[str] = set()
    for head in _walk(items, "") or [None]:
        if head is None:
            return None
        out.add(head)
    return frozenset(out)


def _walk(items: list[Any], prefix: str) -> list[str | None]:
    if len(prefix) >= HEAD:
        return [prefix[:HEAD]]
    if not items:
        return [prefix or None]
    op, av = items[0]
    rest = items[1:]
    if op is sre_c.LITERAL:
        return _walk(rest, prefix + chr(av))
    if op is sre_c.BRANCH:
        return [h for alt in av[1] for h in _walk(list(alt) + rest, prefix)]
    if op is sre_c.SUBPATTERN:
        return _walk(list(av[-1]) + rest, prefix)
    if op in (sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT):
        return _walk(rest, prefix)
    if op is sre_c.IN:
        chars = _class_chars(av)
        if chars is not None:
            return [h for c in chars for h in _walk(rest, prefix + c)]
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        low, _high, sub = av
        if low >= 1:
            return _walk(list(sub) + rest, prefix) if prefix == "" else [prefix]
        return _walk(list(sub) + rest, prefix) + _walk(rest, prefix)
    return [prefix or None]


def _class_chars(items: list[Any]) -> list[str] | None:
    """The characters a small class (literals, digits) matches, else ``None``."""
    chars: list[str] = []
    for op, av in items:
        if op is sre_c.LITERAL:
            chars.append(chr(av))
        elif op is sre_c.CATEGORY and av is sre_c.CATEGORY_DIGIT:
            chars.extend("0123456789")
        else:
            return None
    return chars if len(chars) <= _MAX_CLASS else None


def heads(pattern: str) -> frozenset[str] | None:
    """Heads of a prepared pattern (see :func:`_heads`)."""
    return _heads(list(sre_parse.parse(pattern)))


@dataclass(frozen=True, slots=True)
class _Bucket:
    """The patterns sharing one head, tried together: one optional lookahead each, so that a
    single ``match`` reports every pattern that matches at a position, not only the first."""

    pattern: re.Pattern[str]
    entries: tuple[tuple[int, Cue], ...]  # (group index, cue)


def _bucket(entries: list[tuple[str, Cue]]) -> _Bucket:
    body = "".join(f"(?:(?=(?P<g{i}>{regex}))|)" for i, (regex, _) in enumerate(entries))
    compiled = re.compile(body, re.MULTILINE)
    return _Bucket(
        compiled,
        tuple((compiled.groupindex[f"g{i}"], cue) for i, (_, cue) in enumerate(entries)),
    )


@cache
def _index() -> tuple[dict[str, _Bucket], tuple[_Entry, ...]]:
    by_head: dict[str, list[tuple[str, Cue]]] = {}
    wild: list[_Entry] = []
    for cue in all_cues():
        for raw in cue.patterns:
            pattern = prepare(raw)
            regex = cue.wrap(pattern)
            found = heads(pattern) if cue.bounded else None
            if found is None or any(not h[0].isalnum() for h in found):
                wild.append(_Entry(re.compile(regex, re.MULTILINE), cue))
                continue
            for head in found:
                by_head.setdefault(head, []).append((regex, cue))
    return {h: _bucket(e) for h, e in by_head.items()}, tuple(wild)


def find(text: str) -> tuple[Hit, ...]:
    """Every cue hit in ``text``, sorted by position; overlapping hits of one cue kept once."""
    folded = key(text)
    by_head, wild = _index()
    hits: list[Hit] = []
    for entry in wild:
        for match in entry.pattern.finditer(folded):
            if match.end() > match.start():
                hits.append(Hit(entry.cue, match.start(), match.end()))
    for word in _WORD_START.finditer(folded):
        start = word.start()
        for size in range(1, HEAD + 1):
            bucket = by_head.get(folded[start : start + size])
            if bucket is None:
                continue
            found = bucket.pattern.match(folded, start)
            if found is None:
                continue
            spans = found.regs
            for group, cue in bucket.entries:
                end = spans[group][1]
                if end > start:
                    hits.append(Hit(cue, start, end))
    hits.sort(key=lambda h: (h.start, -h.end, h.cue.id))
    kept: list[Hit] = []
    last_end: dict[str, int] = {}
    for hit in hits:
        if hit.start < last_end.get(hit.cue.id, -1):
            continue
        last_end[hit.cue.id] = hit.end
        kept.append(hit)
    kept.sort(key=lambda h: (h.start, h.end, h.cue.id))
    return tuple(kept)
