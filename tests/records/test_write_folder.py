"""Export a folder and import it back: same decisions, same links, no stray files."""

from __future__ import annotations

from pathlib import Path

from passerelle.records import Outcome, read_folder, write_folder

DATA = Path(__file__).resolve().parents[1] / "data" / "records"


def test_every_fixture_folder_survives_export_and_import(tmp_path: Path) -> None:
    for folder in ("madr4", "madr2", "log4brains", "nygard"):
        first = read_folder(DATA / folder)
        out = tmp_path / folder
        written = write_folder(out, first.decisions)
        assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)
        again = read_folder(out)
        assert again.counts()["failed"] == 0
        assert sorted(again.decisions, key=lambda d: d.id) == sorted(
            first.decisions, key=lambda d: d.id
        )


def test_export_overwrites_in_place_and_reimport_is_stable(tmp_path: Path) -> None:
    decisions = read_folder(DATA / "nygard").decisions
    write_folder(tmp_path, decisions)
    before = {p.name: p.read_text() for p in tmp_path.iterdir()}
    write_folder(tmp_path, read_folder(tmp_path).decisions)
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == before
    assert all(r.outcome is Outcome.READ for r in read_folder(tmp_path).results)
