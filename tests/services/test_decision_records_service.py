"""Importing folders of decision records into a workspace and exporting them back: idempotent,
failures reported file by file with nothing half-written, and a round trip through the store."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from passerelle.domain.circles import Visibility
from passerelle.domain.decisions import BusinessRendering, Decision, Option, Status
from passerelle.domain.delegation import DelegationLevel
from passerelle.records import Outcome
from passerelle.records.markdown import normalize_line, normalize_text
from passerelle.services import decision_records as records
from passerelle.services import decisions as ds
from passerelle.services.decision_rows import to_decision
from passerelle.services.errors import InvalidInputError
from passerelle.store.models import DecisionRow
from passerelle.store.testing import fresh_store
from passerelle.store.workspace import Store

DATA = Path(__file__).resolve().parent.parent / "data" / "records"
TODAY = date(2026, 11, 22)


def count(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(DecisionRow)) or 0)


@pytest.mark.parametrize("folder", ["madr4", "madr2", "log4brains", "nygard"])
def test_importing_twice_does_not_duplicate(store: Store, folder: str) -> None:
    seen: list[Path] = []
    with store.write() as s:
        first = records.import_folder(s, DATA / folder, seen.append)
    assert first.created and not first.failed
    assert len(seen) == records.count_files(DATA / folder)
    with store.write() as s:
        second = records.import_folder(s, DATA / folder)
    assert second.created == () and second.updated == ()
    assert sorted(second.unchanged) == sorted(first.created)
    assert count(store) == len(first.created)


def test_a_record_changed_since_is_updated_in_place(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "adr"
    shutil.copytree(DATA / "madr4", folder)
    with store.write() as s:
        first = records.import_folder(s, folder)
    path = folder / "2026-04-10-keep-sqlite-for-laptops.md"
    path.write_text(path.read_text(encoding="utf-8").replace("# Keep", "# Still keep"), "utf-8")
    with store.write() as s:
        second = records.import_folder(s, folder)
    assert second.updated == ("2026-04-10-keep-sqlite-for-laptops",)
    assert count(store) == len(first.created)
    with store.read() as s:
        d = ds.get(s, "2026-04-10-keep-sqlite-for-laptops", ds.Role.OWNER)
    assert d.title.startswith("Still keep")


def test_broken_files_are_reported_one_by_one_and_not_written(store: Store) -> None:
    with store.write() as s:
        result = records.import_folder(s, DATA / "broken")
    failed = {r.source: " ".join(p.describe("en") for p in r.errors) for r in result.failed}
    assert "malformed YAML" in failed["2025-01-01-malformed-yaml.md"]
    assert "unknown status" in failed["2025-01-02-unknown-status.md"]
    assert "not in the folder" in failed["2025-01-03-superseded-by-a-ghost.md"]
    assert "never closed" in failed["2025-01-06-front-matter-not-closed.md"]
    assert "no title" in failed["0001.md"]
    assert count(store) == len(result.created)
    with store.read() as s:
        stored = {d.id for d in ds.listing(s, ds.Role.OWNER)}
    assert not any("malformed" in i or "ghost" in i for i in stored)


def test_a_cycle_in_the_folder_fails_its_files_only(store: Store) -> None:
    with store.write() as s:
        result = records.import_folder(s, DATA / "cycle")
    cyclic = [r for r in result.failed if any(p.code == "supersede-cycle" for p in r.problems)]
    assert len(cyclic) == 2
    assert count(store) == len(result.created) == 1


def test_not_a_folder_is_bad_input(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError) as caught, store.write() as s:
        records.import_folder(s, tmp_path / "missing")
    assert caught.value.exit_code == 2


def test_export_then_import_into_the_same_workspace_changes_nothing(
    store: Store, tmp_path: Path
) -> None:
    with store.write() as s:
        records.import_folder(s, DATA / "nygard")
        ds.new(s, Decision(id="draft", title="Keep a decision log"), today=TODAY)
    before = count(store)
    with store.read() as s:
        written = records.export_folder(s, tmp_path / "out")
    assert len(written) == before
    with store.write() as s:
        again = records.import_folder(s, tmp_path / "out")
    assert again.created == () and again.updated == () and not again.failed
    assert count(store) == before


def test_a_business_reader_cannot_export(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError), store.read() as s:
        records.export_folder(s, tmp_path / "out", ds.Role.STAKEHOLDER)


def test_the_export_of_a_member_leaves_private_decisions_out(store: Store, tmp_path: Path) -> None:
    with store.write() as s:
        ds.new(s, Decision(id="draft", title="Private one"), today=TODAY)
        ds.new(s, Decision(id="draft", title="Team one", visibility=Visibility.TEAM), today=TODAY)
    with store.read() as s:
        written = records.export_folder(s, tmp_path / "out", ds.Role.MEMBER)
    assert [p.name for p in written] == ["2026-11-22-team-one.md"]


# --- round trip through the store: decision -> row -> MADR 4 file -> import -> same row ----

# Accents, typographic apostrophes, no-break spaces and Markdown characters, normalised as the
# record format keeps them (the records' own round trip test covers the text itself).
ALPHABET = st.sampled_from([*"abcéèàçœ ’'\u00a0#*-_`<>[]():|.,0129", "\n"])
text = st.text(ALPHABET, max_size=60).map(normalize_text)
line = st.text(ALPHABET, max_size=25).map(normalize_line)
words = st.lists(line.filter(bool), max_size=3).map(tuple)
days = st.dates(date(2000, 1, 1), date(2040, 12, 31))


@st.composite
def decisions(draw: st.DrawFn) -> Decision:
    titles = draw(st.lists(line.filter(bool), max_size=3, unique=True))
    return Decision(
        id="draft",
        title=draw(line.filter(bool)),
        status=draw(st.sampled_from([Status.PROPOSED, Status.ACCEPTED, Status.REJECTED])),
        date=draw(days),
        context=draw(text),
        drivers=draw(words),
        options=tuple(Option(t, draw(text), draw(words), draw(words)) for t in titles),
        chosen_option=draw(st.sampled_from(titles)) if titles else "",
        rationale=draw(text),
        deciders=draw(words),
        consulted=draw(words),
        area=draw(line),
        delegation_level=draw(st.none() | st.sampled_from(list(DelegationLevel))),
        review_on=draw(st.none() | days),
        tags=draw(words),
        visibility=draw(st.sampled_from(list(Visibility))),
        business=BusinessRendering(draw(text), draw(text), draw(text), draw(text)),
    )


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(decisions())
def test_round_trip_through_the_store(
    tmp_path_factory: pytest.TempPathFactory, d: Decision
) -> None:
    here = tmp_path_factory.mktemp("rt")
    source, target = fresh_store(here / "a"), None
    try:
        with source.write() as s:
            created = ds.new(s, d, today=TODAY).decision
        with source.read() as s:
            records.export_folder(s, here / "out")
        source.close()
        target = fresh_store(here / "b")
        with target.write() as s:
            result = records.import_folder(s, here / "out")
        assert [r.outcome for r in result.report.results] == [Outcome.READ]
        with target.read() as s:
            back = to_decision(s.scalars(select(DecisionRow)).one())
        assert back == created
    finally:
        source.close()
        if target is not None:
            target.close()
