"""Cue lexicons for the ask coach: YAML data loaded, validated and compiled once.

A *cue* is a small set of regular expressions that, when one of them matches, is evidence
for one *signal*: a part of a request (``situation``, ``options``, ``doubts``, ``question``),
a sign of a paralysing request (``paralysis``), an urgency level (``soon``, ``crisis``) or a
subject that belongs to a circle (``topic``, with its ``circle``).

Matching runs on a *key* of the text: typography and case folded by
:func:`passerelle.analysis.text.fold_case`, then accents stripped one character for one
character, so every offset in the key is an offset in the original text. Patterns are written
in lower case; their accents are stripped the same way and a literal space in a pattern
matches any run of white space (`` ?`` any run or none). Every cue carries examples that must
match and must not: ``tests/analysis/ask/test_lexicons.py`` runs them all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any

import yaml

from passerelle.analysis.lang import LANGS, Lang
from passerelle.analysis.text import fold, fold_case

ASK_DIR = "ask"
SIGNALS = frozenset(
    {"situation", "options", "doubts", "question", "paralysis", "soon", "crisis", "topic"}
)
CIRCLES: tuple[str, ...] = ("peers", "mentors", "team", "ceo", "experts")


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Cue:
    id: str
    lang: Lang
    signal: str
    weight: float
    patterns: tuple[str, ...]
    circle: str | None = None
    subject: str | None = None
    bounded: bool = True
    match: tuple[str, ...] = ()
    no_match: tuple[str, ...] = ()
    source: str = ""

    @property
    def regex(self) -> str:
        """One regular expression for all the cue's patterns, bounded by word edges."""
        return self.wrap("|".join(prepare(p) for p in self.patterns))

    def wrap(self, body: str) -> str:
        if self.bounded:
            return rf"{_START}(?:{body}){_END}"
        return f"(?:{body})"

    def finditer(self, key: str) -> Iterator[re.Match[str]]:
        return _compiled(self.regex).finditer(key)


@dataclass(frozen=True, slots=True)
class Hit:
    """One cue found in a text: ``text[start:end]`` is what showed it."""

    cue: Cue
    start: int
    end: int

    @property
    def signal(self) -> str:
        return self.cue.signal


# A cue is a whole word or phrase: no letter (or letter and hyphen) glued to either end. An end
# that is already a space or a punctuation mark needs no boundary ("options:", "?").
_START = r"(?:(?!\w)|(?<!\w)(?<!\w-))"
_END = r"(?:(?<!\w)|(?!\w|-\w))"


def _strip_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0]
    return base if base.isascii() else ch


# Latin letters with diacritics folded to their base letter, one character for one.
_STRIP = str.maketrans(
    {
        chr(code): _strip_char(chr(code))
        for code in range(0xC0, 0x250)
        if _strip_char(chr(code)) != chr(code)
    }
)


def key(text: str) -> str:
    """The text as the cues see it: folded, lower case, no accents, same length."""
    return fold_case(text).translate(_STRIP)


def prepare(pattern: str) -> str:
    """A lexicon pattern as matched against :func:`key`."""
    pattern = fold(pattern).translate(_STRIP)
    pattern = re.sub(r"(?<!\\) \?", r"\\s*", pattern)
    return re.sub(r"(?<!\\) ", r"\\s+", pattern)


@cache
def _compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.MULTILINE)


def _ask_files(lang: Lang) -> list[Traversable]:
    folder = resources.files("passerelle") / "rules" / lang / ASK_DIR
    return sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)


def load_yaml(lang: Lang, name: str) -> dict[str, Any]:
    """One ask data file (``circles.yaml``, ``coaching.yaml``...) of a language."""
    path = resources.files("passerelle") / "rules" / lang / ASK_DIR / name
    data = yaml.safe_load(path.read_text("utf-8"))
    if not isinstance(data, dict):
        raise LexiconError(f"{lang}/{ASK_DIR}/{name}: expected a mapping at the top")
    return data


def _strings(value: Any, where: str, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: '{field}' must be a list of strings")
    return tuple(value)


def _cue(raw: Any, lang: Lang, source: str) -> Cue:
    if not isinstance(raw, dict) or "id" not in raw:
        raise LexiconError(f"{source}: every cue needs an 'id'")
    where = f"{source}: cue {raw['id']!r}"
    signal = raw.get("signal")
    if signal not in SIGNALS:
        raise LexiconError(f"{where}: unknown signal {signal!r}")
    circle = raw.get("circle")
    if (signal == "topic") != (circle is not None) or (circle and circle not in CIRCLES):
        raise LexiconError(f"{where}: a topic cue needs a known 'circle', and only topics")
    patterns = _strings(raw.get("patterns"), where, "patterns")
    if not patterns:
        raise LexiconError(f"{where}: no patterns")
    cue = Cue(
        id=f"{lang}.{raw['id']}",
        lang=lang,
        signal=str(signal),
        weight=float(raw.get("weight", 1.0)),
        patterns=patterns,
        circle=circle,
        subject=raw.get("subject"),
        bounded=bool(raw.get("bounded", True)),
        match=_strings(raw.get("match"), where, "match"),
        no_match=_strings(raw.get("no_match"), where, "no_match"),
        source=source,
    )
    try:
        _compiled(cue.regex)
    except re.error as exc:
        raise LexiconError(f"{where}: bad pattern: {exc}") from exc
    return cue


@cache
def lexicon(lang: Lang) -> tuple[Cue, ...]:
    """Every cue of a language, in file order."""
    cues: list[Cue] = []
    seen: set[str] = set()
    for path in _ask_files(lang):
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        if "cues" not in data:
            continue
        source = f"{lang}/{ASK_DIR}/{path.name}"
        for raw in data["cues"]:
            cue = _cue(raw, lang, source)
            if cue.id in seen:
                raise LexiconError(f"{source}: duplicate cue id {cue.id!r}")
            seen.add(cue.id)
            cues.append(cue)
    return tuple(cues)


@cache
def all_cues() -> tuple[Cue, ...]:
    """The cues of both languages. Both are always searched: CTOs write franglais, and a cue
    is a phrase specific enough not to fire in the other language."""
    return tuple(cue for lang in LANGS for cue in lexicon(lang))


def find(text: str) -> tuple[Hit, ...]:
    """Every cue hit in ``text``, sorted by position (see :mod:`.index`)."""
    from passerelle.analysis.ask.index import find as find_indexed

    return find_indexed(text)
