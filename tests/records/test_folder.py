"""Reading a folder with records already known: unchanged files are not parsed again."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from passerelle.records import Known, Outcome, content_hash, read_folder, record_key

DATA = Path(__file__).resolve().parents[1] / "data" / "records"


def _known(root: Path, marked: str = " (as stored)") -> dict[str, Known]:
    """What an importer holds after a first import, each title marked so that a decision
    taken from here, not parsed from the file, can be told apart."""
    first = read_folder(root)
    return {
        r.key: Known(r.content_hash, replace(r.decision, title=r.decision.title + marked))
        for r in first.results
        if r.decision is not None
    }


def test_an_unchanged_file_gives_the_known_decision_without_parsing(tmp_path: Path) -> None:
    folder = tmp_path / "adr"
    shutil.copytree(DATA / "madr4", folder)
    known = _known(folder)
    again = read_folder(folder, known=known)
    read = again.of(Outcome.READ)
    assert len(read) == len(known)
    for r in read:
        assert r.decision is not None and r.decision.title.endswith(" (as stored)")
        assert r.decision.id == known[r.key].decision.id
        assert r.problems == () and r.format is None
    # README and the template are still looked at, and still skipped
    assert again.counts()["skipped"] == 2


def test_a_changed_file_is_parsed_again(tmp_path: Path) -> None:
    folder = tmp_path / "adr"
    shutil.copytree(DATA / "madr4", folder)
    known = _known(folder)
    path = folder / "2026-04-10-keep-sqlite-for-laptops.md"
    path.write_text(path.read_text(encoding="utf-8").replace("# Keep", "# Still keep"), "utf-8")
    again = {r.key: r for r in read_folder(folder, known=known).results}
    changed = again["2026-04-10-keep-sqlite-for-laptops"]
    assert changed.decision is not None and changed.decision.title.startswith("Still keep")
    assert changed.content_hash == content_hash(path.read_text(encoding="utf-8"))
    assert changed.content_hash != known[changed.key].content_hash
    other = again["2026-03-02-use-postgresql-for-the-workspace"]
    assert other.decision is not None and other.decision.title.endswith(" (as stored)")


def test_links_from_a_changed_file_reach_an_unchanged_one(tmp_path: Path) -> None:
    folder = tmp_path / "adr"
    shutil.copytree(DATA / "nygard", folder)
    known = _known(folder, marked="")
    newer = folder / "0003-deploy-with-a-pipeline.md"
    newer.write_text(newer.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    plain = {r.key: r for r in read_folder(folder).results}
    fast = {r.key: r for r in read_folder(folder, known=known).results}
    key = record_key("0003-deploy-with-a-pipeline.md")
    assert fast[key].outcome is Outcome.READ
    assert fast[key].decision == plain[key].decision
    assert fast[key].decision is not None and fast[key].decision.supersedes
