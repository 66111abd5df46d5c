"""What reading a decision record gives back: one result per file, and the problems met."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from passerelle.domain.circles import Bilingual
from passerelle.domain.decisions import Decision


class Format(StrEnum):
    MADR4 = "madr-4"  # YAML front matter: status, date, decision-makers, consulted, informed
    MADR3 = "madr-3"  # YAML front matter with ``deciders``
    MADR2 = "madr-2"  # a header list: * Status: / * Deciders: / * Date:
    LOG4BRAINS = "log4brains"  # MADR 2 header list, date-slug file names
    NYGARD = "nygard"  # adr-tools: # N. Title, Date:, ## Status


class Outcome(StrEnum):
    READ = "read"
    SKIPPED = "skipped"  # not a decision: README, index, template
    FAILED = "failed"


class Severity(StrEnum):
    ERROR = "error"  # the file is not taken
    WARNING = "warning"  # the file is taken, but this part could not be read as written


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    severity: Severity
    message: Bilingual
    line: int = 0  # 1-based line in the file, 0 when it concerns the whole file

    def describe(self, lang: str = "en") -> str:
        where = f"line {self.line}: " if lang != "fr" else f"ligne {self.line} : "
        return (where if self.line else "") + self.message.get(lang)


@dataclass(frozen=True, slots=True)
class Link:
    """A supersede link as written: ``kind`` is ``supersedes`` or ``superseded-by``."""

    kind: str
    target: str  # the file stem (or id, or ``ADR-0012``) the link points to
    line: int = 0


@dataclass(frozen=True, slots=True)
class RecordResult:
    source: str  # the file's path relative to the folder read, with ``/``
    outcome: Outcome
    key: str = ""  # idempotency key: the source path without its suffix
    content_hash: str = ""  # sha256 of the file's text, to tell an unchanged file
    format: Format | None = None
    decision: Decision | None = None
    links: tuple[Link, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)
