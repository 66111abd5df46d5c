"""Decision records in and out: import a folder of Markdown records, export MADR 4 files.

Importing is idempotent: each record is known by where it came from (its path in the folder)
and its text's hash, so importing the same folder twice changes nothing (a file whose text is
unchanged is not even parsed again), and a record edited since is updated in place. A record
whose id is already taken by a decision written here (an exported folder read back) is that
same decision. The whole import is one transaction: a
failure in the database writes nothing; a file that cannot be read is reported and skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.orm import Session

from passerelle.domain.circles import Bilingual
from passerelle.domain.decisions import Decision, find_cycle
from passerelle.records import (
    FolderReport,
    Known,
    Outcome,
    RecordResult,
    read_folder,
    record_key,
    write_folder,
)
from passerelle.records.folder import markdown_files
from passerelle.services.decision_rows import fill, new_row, to_decision
from passerelle.services.decisions import Role, readable
from passerelle.services.errors import InvalidInputError
from passerelle.store.models import DecisionRow
from passerelle.store.repos import decisions as repo

B = Bilingual
MAX_ID = 200  # the width of the id column


@dataclass(frozen=True, slots=True)
class Imported:
    created: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]
    report: FolderReport

    @property
    def failed(self) -> tuple[RecordResult, ...]:
        return self.report.of(Outcome.FAILED)

    @property
    def skipped(self) -> tuple[RecordResult, ...]:
        return self.report.of(Outcome.SKIPPED)


def count_files(root: Path) -> int:
    return sum(1 for _ in markdown_files(root))


def _check_folder(root: Path) -> None:
    if not root.is_dir():
        raise InvalidInputError(B(f"{root} n’est pas un dossier.", f"{root} is not a folder."))


def import_folder(
    session: Session, root: Path, progress: Callable[[Path], None] | None = None
) -> Imported:
    """Read every record under ``root`` and store what could be read. ``progress`` is called
    with each file once read."""
    _check_folder(root)
    keys = [record_key(path.relative_to(root).as_posix()) for path in markdown_files(root)]
    by_key = repo.by_source_keys(session, keys)
    known = {k: Known(row.source_hash, to_decision(row)) for k, row in by_key.items()}
    report = read_folder(root, progress, known)
    results = [r for r in report.results if r.outcome is Outcome.READ and r.decision]
    too_long = [r for r in results if r.decision and len(r.decision.id) > MAX_ID]
    if too_long:
        names = ", ".join(r.source for r in too_long[:3])
        raise InvalidInputError(
            B(
                f"Nom de fichier trop long pour un identifiant (plus de {MAX_ID} caractères) : "
                f"{names}. Raccourcissez-le ; rien n’a été importé.",
                f"File name too long for an id (over {MAX_ID} characters): {names}. Shorten "
                "it; nothing was imported.",
            )
        )
    wanted = {r.decision.id for r in results if r.decision and r.key not in by_key}
    by_slug = repo.by_slugs(session, wanted)
    taken: set[str] = set()
    renamed: dict[str, str] = {}  # id in the folder -> id stored here
    claimed: set[int] = set()
    plan: list[tuple[RecordResult, DecisionRow | None]] = []
    for r in results:
        assert r.decision is not None
        # Known by where it came from; else by its id, since a date-slug id names one decision
        # wherever it is written (an exported folder read back is the same decisions).
        row = by_key.get(r.key) or by_slug.get(r.decision.id)
        if row is not None and id(row) in claimed:  # two files for one decision: keep both
            row = None
            if not taken:
                taken.update(repo.all_slugs(session))
                taken.update(x.decision.id for x in results if x.decision)
            renamed[r.decision.id] = _free(r.decision.id, taken)
        if row is not None:
            claimed.add(id(row))
            renamed[r.decision.id] = row.slug
        plan.append((r, row))
    created, updated, unchanged = [], [], []
    for r, row in plan:
        assert r.decision is not None
        decision = _renamed(r.decision, renamed)
        if row is None:
            fresh = new_row(decision)
            fresh.source_key, fresh.source_hash = r.key, r.content_hash
            session.add(fresh)
            created.append(decision.id)
        elif row.source_hash == r.content_hash and row.source_key == r.key:
            unchanged.append(row.slug)
        else:
            if to_decision(row) != decision:
                fill(row, decision)
                updated.append(decision.id)
            else:
                unchanged.append(row.slug)
            row.source_key, row.source_hash = r.key, r.content_hash
    session.flush()
    _refuse_cycles(session)
    return Imported(tuple(created), tuple(updated), tuple(unchanged), report)


def _free(slug: str, taken: set[str]) -> str:
    n, candidate = 2, f"{slug}-2"
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate


def _renamed(d: Decision, renamed: dict[str, str]) -> Decision:
    if not renamed:
        return d
    return replace(
        d,
        id=renamed.get(d.id, d.id),
        supersedes=tuple(renamed.get(s, s) for s in d.supersedes),
        superseded_by=renamed.get(d.superseded_by, d.superseded_by) if d.superseded_by else None,
    )


def _refuse_cycles(session: Session) -> None:
    edges: dict[str, set[str]] = {}
    for r in repo.linked(session):
        edges.setdefault(r.slug, set())
        if r.superseded_by:
            edges[r.slug].add(r.superseded_by)
        for older in r.supersedes or ():
            edges.setdefault(older, set()).add(r.slug)
    cycle = find_cycle(edges)
    if cycle:
        chain = " → ".join((*cycle, cycle[0]))
        raise InvalidInputError(
            B(
                f"Avec les décisions déjà là, les remplacements tourneraient en rond : {chain}. "
                "Rien n’a été importé.",
                f"With the decisions already here, supersede links would form a cycle: {chain}. "
                "Nothing was imported.",
            )
        )


def export_folder(session: Session, root: Path, role: Role = Role.OWNER) -> list[Path]:
    """Write every decision ``role`` may read as a MADR 4 file ``<id>.md`` under ``root``."""
    if role is Role.STAKEHOLDER:
        raise InvalidInputError(
            B(
                "Les lecteurs métier n’exportent pas les dossiers techniques ; utilisez "
                "`decide show --for business`.",
                "Business readers do not export technical records; use "
                "`decide show --for business`.",
            )
        )
    if root.exists() and not root.is_dir():
        raise InvalidInputError(B(f"{root} n’est pas un dossier.", f"{root} is not a folder."))
    decisions = [to_decision(row) for row in repo.everything(session, readable(role))]
    try:
        return write_folder(root, decisions)
    except OSError as error:
        raise InvalidInputError(
            B(
                f"Écriture impossible dans {root} : {error.strerror or error}",
                f"Cannot write to {root}: {error.strerror or error}",
            )
        ) from None
