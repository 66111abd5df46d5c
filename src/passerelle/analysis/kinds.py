"""The closed set of rule kinds. A rule is a value of one of these kinds, never code.

Every kind shares the same head (id, category, level, message, source, examples) and adds the
few fields it needs, as Vale and proselint do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from passerelle.analysis.findings import Audience, Category, Level

KIND_NAMES = ("existence", "substitution", "acronym", "sentence-length", "readability")

Kind = Literal["existence", "substitution", "acronym", "sentence-length", "readability"]


@dataclass(frozen=True, slots=True)
class Examples:
    fail: tuple[str, ...]
    ok: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Head:
    """What every rule has, whatever its kind."""

    id: str
    lang: str
    category: Category
    level: Level
    message: str
    source: str
    examples: Examples
    audiences: frozenset[Audience]
    suggestion: str = ""
    path: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Existence:
    """Flags each phrase of ``tokens`` (literal, matched as whole words) or ``patterns``
    (regular expressions, for what literals cannot say: "100 % disponible", "by Friday")."""

    head: Head
    tokens: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    kind: Kind = "existence"


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary entry: a jargon term, its plain alternative and a one-line explanation."""

    id: str
    term: str
    forms: tuple[str, ...]  # matched whatever their case
    plain: str
    explain: str
    example: str
    exact_forms: tuple[str, ...] = ()  # matched in this case only (CI, MR, HA)
    preceded_by: frozenset[str] = field(default_factory=frozenset)
    not_followed_by: tuple[str, ...] = ()
    path: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Substitution:
    """Flags each glossary term and proposes its plain alternative."""

    head: Head
    terms: tuple[Term, ...]
    borrowed: bool = False  # the glossary of another language (English terms in French text)
    kind: Kind = "substitution"


@dataclass(frozen=True, slots=True)
class Acronym:
    """Flags acronyms used without being spelled out in the same text."""

    head: Head
    known: frozenset[str]
    expansions: dict[str, str]
    min_length: int = 2
    max_length: int = 6
    kind: Kind = "acronym"


@dataclass(frozen=True, slots=True)
class SentenceLength:
    """Flags sentences longer than ``max_words`` for the audience."""

    head: Head
    max_words: dict[Audience, int]
    kind: Kind = "sentence-length"


@dataclass(frozen=True, slots=True)
class ReadabilityRule:
    """Scores the whole text with a readability formula and flags it under ``min_score``."""

    head: Head
    formula: str
    min_score: dict[Audience, float]
    min_words: int = 40
    kind: Kind = "readability"


Rule = Existence | Substitution | Acronym | SentenceLength | ReadabilityRule
