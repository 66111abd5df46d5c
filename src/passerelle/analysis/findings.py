"""What the analysers return: plain frozen values, easy to test and to serialise."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    SUGGESTION = "suggestion"


LEVEL_ORDER = {Level.ERROR: 0, Level.WARNING: 1, Level.SUGGESTION: 2}


class Category(StrEnum):
    JARGON = "jargon"
    ACRONYM = "acronym"
    OVERPROMISE = "overpromise"
    SENTENCE_LENGTH = "sentence-length"
    READABILITY = "readability"


class Audience(StrEnum):
    BUSINESS = "business"
    TECH = "tech"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing worth changing in a text, located by code points in the original text."""

    rule: str
    category: Category
    level: Level
    offset: int
    length: int
    match: str
    message: str
    suggestion: str = ""
    explanation: str = ""
    line: int = 0
    column: int = 0


@dataclass(frozen=True, slots=True)
class Readability:
    formula: str
    score: float
    words: int
    sentences: int
    syllables: int


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Everything ``check_text`` found in one text."""

    lang: str
    findings: tuple[Finding, ...] = ()
    readability: Readability | None = None
    langs: tuple[str, ...] = field(default_factory=tuple)

    def count(self, level: Level) -> int:
        return sum(1 for f in self.findings if f.level is level)

    @property
    def has_errors(self) -> bool:
        return any(f.level is Level.ERROR for f in self.findings)
