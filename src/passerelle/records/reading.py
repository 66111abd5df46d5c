"""The state of reading one record, how a reading fails or finds no decision, and the reading
of the record's status and of its supersede links (as written: the folder reader resolves
them across files).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

from passerelle.domain.circles import Bilingual
from passerelle.domain.decisions import DecisionError, Status, parse_status
from passerelle.records import body, fields
from passerelle.records import markdown as md
from passerelle.records.results import Link, Problem, Severity
from passerelle.records.stems import id_from_stem

B = Bilingual


class FailError(Exception):
    """The file cannot be taken; ``problem`` says why and where."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.message.en)


def error(code: str, fr: str, en: str, line: int = 0) -> FailError:
    return FailError(Problem(code, Severity.ERROR, B(fr, en), line))


class SkipError(Exception):
    """The file is not a decision (a template, say): skipped, not failed."""

    def __init__(self, why: Bilingual) -> None:
        self.why = why
        super().__init__(why.en)


class RecordReader(fields.Notes):
    """One record being read: its text, its file name's stem, the supersede links met and
    where the body starts (the lines of the front matter before it)."""

    def __init__(self, text: str, stem: str) -> None:
        super().__init__()
        self.text, self.stem = text, stem
        self.links: list[Link] = []
        self.offset = 0  # lines before the body (the front matter)
        self.header_lines: dict[str, int] = {}

    # --- status and links -----------------------------------------------------------------

    def status_text(
        self, meta: dict[str, Any], header: dict[str, str], sections: dict[str, md.Section]
    ) -> tuple[str | None, int]:
        lines = self.header_lines
        if meta.get("status") is not None:
            return str(meta["status"]), 2
        if "status" in header:
            return header["status"], lines.get("status", 0)
        section = sections.get("status")
        if section is not None:
            for n, line in enumerate(section.lines):
                if line.strip():
                    return line.strip(), self.offset + section.start + n + 1
        return None, 0

    def status(self, text: str | None, line: int, decided: bool) -> Status:
        if text is None or not text.strip():
            status = Status.ACCEPTED if decided else Status.PROPOSED
            self.warn(
                "no-status",
                f"pas de statut ; lu comme « {status.label('fr')} »",
                f"no status; read as '{status.value}'",
            )
            return status
        try:
            status = parse_status(text)
        except DecisionError:
            raise error(
                "unknown-status",
                f"statut inconnu : {text.strip()!r}",
                f"unknown status: {text.strip()!r}",
                line,
            ) from None
        words = " ".join(re.findall(r"[^\W\d_]+", text.casefold()))
        if status is not Status.SUPERSEDED and words not in (status.value, status.label("fr")):
            self.warn(
                "status-alias",
                f"statut {text.strip()!r} lu comme « {status.label('fr')} »",
                f"status {text.strip()!r} read as '{status.value}'",
                line,
            )
        return status

    def supersede_links(
        self,
        status_text: str | None,
        status_line: int,
        meta: dict[str, Any],
        sections: dict[str, md.Section],
    ) -> str | None:
        """Collect links; return the id of the successor named by the status, if any."""
        successor: str | None = None
        if status_text and re.match(r"\s*(superseded by|remplacée par)", status_text, re.I):
            target = _link_target(status_text) or _bare_target(status_text)
            if target:
                self.links.append(Link("superseded-by", target, status_line))
                successor = id_from_stem(target, None)
        for older in fields.names(self, meta.get("supersedes"), "supersedes"):
            self.links.append(Link("supersedes", older, 2))
        for name in ("status", "links"):
            section = sections.get(name)
            if section is None:
                continue
            for n, line in enumerate(section.lines):
                m = body.SUPERSEDE.match(line)
                target = _link_target(line) if m else None
                if not (m and target):
                    continue
                kind = "supersedes" if m.group(1).casefold() in ("supersedes", "remplace") else ""
                at = self.offset + section.start + n + 1
                if kind:
                    self.links.append(Link(kind, target, at))
                elif successor is None:
                    self.links.append(Link("superseded-by", target, at))
                    successor = id_from_stem(target, None)
        return successor


def _link_target(text: str) -> str | None:
    m = md.LINK.search(text)
    if not m:
        return None
    target = m.group(2).split("#")[0]
    return PurePosixPath(target).stem if target else None


def _bare_target(text: str) -> str | None:
    m = re.search(r"(?:superseded by|remplacée par)\s+(\S+)", text, re.IGNORECASE)
    return m.group(1).strip(".,;") if m else None
