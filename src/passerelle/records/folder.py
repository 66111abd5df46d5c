"""Read a folder of decision records, and write one.

``read_folder`` only reads: it parses every Markdown file under the folder, gives each
decision a unique id, resolves supersede links across files (a link to a record that is not
there, or a cycle, fails the files concerned with a clear message) and returns one result per
file, in path order. A file the caller already knows (same key, same text hash) is not parsed
again: the caller's decision stands for it. ``write_folder`` writes MADR 4 files, each one
whole or not at all.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from passerelle.domain.circles import Bilingual
from passerelle.domain.decisions import Decision, Status, find_cycle
from passerelle.records.madr import file_name, to_madr
from passerelle.records.parse import content_hash, parse_record, record_key
from passerelle.records.results import Outcome, Problem, RecordResult, Severity

B = Bilingual
SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True, slots=True)
class Known:
    """A record read before: the hash of its text then, and the decision it gave."""

    content_hash: str
    decision: Decision


@dataclass(frozen=True, slots=True)
class FolderReport:
    results: tuple[RecordResult, ...]

    def of(self, outcome: Outcome) -> tuple[RecordResult, ...]:
        return tuple(r for r in self.results if r.outcome is outcome)

    @property
    def decisions(self) -> tuple[Decision, ...]:
        return tuple(r.decision for r in self.results if r.decision is not None)

    def counts(self) -> dict[str, int]:
        return {o.value: len(self.of(o)) for o in Outcome}


def markdown_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.suffix.casefold() in SUFFIXES and path.is_file():
            yield path


def read_folder(
    root: Path, progress: object = None, known: Mapping[str, Known] | None = None
) -> FolderReport:
    """Parse every Markdown file under ``root``. ``progress``, if given, is called with each
    path once read (for a progress bar). A file whose key is in ``known`` with the same text
    hash is not parsed: its known decision is taken as read."""
    results = []
    for path in markdown_files(root):
        source = path.relative_to(root).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as bad:
            problem = Problem(
                "unreadable-file",
                Severity.ERROR,
                B(f"fichier illisible : {bad}", f"cannot read the file: {bad}"),
            )
            results.append(RecordResult(source, Outcome.FAILED, problems=(problem,)))
            continue
        results.append(_known(known, text, source) or parse_record(text, source))
        if callable(progress):
            progress(path)
    return FolderReport(tuple(resolve(results)))


def _known(known: Mapping[str, Known] | None, text: str, source: str) -> RecordResult | None:
    if not known:
        return None
    key = record_key(source)
    seen = known.get(key)
    digest = content_hash(text) if seen is not None else ""
    if seen is None or seen.content_hash != digest:
        return None
    return RecordResult(source, Outcome.READ, key, digest, decision=seen.decision)


def _fail(result: RecordResult, problem: Problem) -> RecordResult:
    return replace(
        result, outcome=Outcome.FAILED, decision=None, problems=(*result.problems, problem)
    )


def _number(text: str) -> int | None:
    m = re.match(r"^(?:adr[-_ ]?)?0*(\d+)\b", text, re.IGNORECASE)
    return int(m.group(1)) if m else None


def resolve(results: Iterable[RecordResult]) -> list[RecordResult]:
    """Unique ids across the folder, supersede links turned into ids both ways, cycles failed."""
    items = list(results)
    taken: set[str] = set()
    by_stem: dict[str, int] = {}
    by_number: dict[int, int] = {}
    for i, r in enumerate(items):
        if r.decision is None:
            continue
        base, n = r.decision.id, 1
        new_id = base
        while new_id in taken:
            n += 1
            new_id = f"{base}-{n}"
        taken.add(new_id)
        if new_id != base:
            items[i] = r = replace(r, decision=replace(r.decision, id=new_id))
        stem = Path(r.source).stem
        by_stem.setdefault(stem, i)
        by_stem.setdefault(new_id, i)
        number = _number(stem)
        if number is not None:
            by_number.setdefault(number, i)

    def find(target: str) -> int | None:
        if target in by_stem:
            return by_stem[target]
        number = _number(target)
        return by_number.get(number) if number is not None else None

    newer: dict[int, str] = {}  # index -> id of its successor
    older: dict[int, list[str]] = {}  # index -> ids it supersedes
    for i, r in enumerate(items):
        if r.decision is None:
            continue
        for link in r.links:
            j = find(link.target)
            if j is None or items[j].decision is None:
                missing = Problem(
                    "supersede-target-missing",
                    Severity.ERROR if link.kind == "superseded-by" else Severity.WARNING,
                    B(
                        f"lien de remplacement vers une décision absente du dossier : "
                        f"{link.target}",
                        f"supersede link to a record that is not in the folder: {link.target}",
                    ),
                    link.line,
                )
                if link.kind == "superseded-by":
                    items[i] = _fail(items[i], missing)
                    break
                items[i] = replace(items[i], problems=(*items[i].problems, missing))
                continue
            other = items[j].decision
            assert other is not None
            if link.kind == "superseded-by":
                newer[i] = other.id
                older.setdefault(j, []).append(r.decision.id)
            else:
                older.setdefault(i, []).append(other.id)
                newer.setdefault(j, r.decision.id)
    for i, r in enumerate(items):
        d = r.decision
        if d is None or r.outcome is not Outcome.READ:
            continue
        successor = newer.get(i, d.superseded_by if d.superseded_by in taken else None)
        status = d.status
        if successor and status is not Status.SUPERSEDED:
            # The successor says so, but this record's own status does not: trust the link.
            status = Status.SUPERSEDED
        supersedes = tuple(dict.fromkeys(older.get(i, [])))
        items[i] = replace(
            r,
            decision=replace(d, status=status, superseded_by=successor, supersedes=supersedes),
        )
    return _fail_cycles(items)


def _fail_cycles(items: list[RecordResult]) -> list[RecordResult]:
    while True:
        edges: dict[str, set[str]] = {}
        for r in items:
            if r.decision is not None:
                edges.setdefault(r.decision.id, set())
                if r.decision.superseded_by:
                    edges[r.decision.id].add(r.decision.superseded_by)
        cycle = find_cycle(edges)
        if cycle is None:
            return items
        chain = " → ".join((*cycle, cycle[0]))
        problem = Problem(
            "supersede-cycle",
            Severity.ERROR,
            B(
                f"les liens de remplacement tournent en rond : {chain}",
                f"supersede links form a cycle: {chain}",
            ),
        )
        items = [
            _fail(r, problem) if r.decision is not None and r.decision.id in cycle else r
            for r in items
        ]


def write_folder(root: Path, decisions: Iterable[Decision]) -> list[Path]:
    """Write each decision as ``<id>.md``; each file appears whole (written aside, then moved)."""
    root.mkdir(parents=True, exist_ok=True)
    written = []
    for d in decisions:
        target = root / file_name(d)
        fd, tmp = tempfile.mkstemp(dir=root, prefix=".tmp-", suffix=".md")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
                out.write(to_madr(d))
            Path(tmp).replace(target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(target)
    return written
