"""Backup and restore: a JSON export that imports back identically, and a SQLite copy."""

from __future__ import annotations

import json
import string
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passerelle.services import backup, learnings, people
from passerelle.services.errors import InvalidInputError, InvalidStateError
from passerelle.settings import Settings
from passerelle.store.testing import fresh_store
from passerelle.store.workspace import Store, open_store


def _fill(store: Store) -> None:
    with store.write() as s:
        people.add(s, "Éloïse N’Diaye", "mentor", expertise="board", notes="privé\u00a0!")
        people.log(s, "Éloïse", day=date(2026, 1, 2), received="avis sur le board")
        learnings.add(s, "Le conseil d’administration", "Préparer trois options.", tags="board")


def test_json_round_trip_is_identical(store: Store, tmp_path: Path) -> None:
    _fill(store)
    first = backup.export_data(store)
    target = fresh_store(tmp_path / "other")
    try:
        counts = backup.import_data(target, json.loads(json.dumps(first)))
        assert counts["people"] == 1 and counts["learnings"] == 1
        assert backup.export_data(target) == first
        with target.read() as s:  # the search index follows the import
            assert [x.title for x in learnings.search(s, "conseil")] == [
                "Le conseil d’administration"
            ]
        with target.write() as s:  # ids continue after the imported ones
            assert people.add(s, "Next", "peer").id == 2
    finally:
        target.close()


def test_import_refuses_a_busy_workspace_unless_replace(store: Store) -> None:
    _fill(store)
    data = backup.export_data(store)
    with pytest.raises(InvalidStateError):
        backup.import_data(store, data)
    backup.import_data(store, data, replace=True)
    assert backup.export_data(store) == data
    with pytest.raises(InvalidInputError):
        backup.import_data(store, {"format": "something else"})
    with pytest.raises(InvalidInputError):
        backup.import_data(store, {**data, "schema": "0000_old"}, replace=True)


def test_files_json_and_sqlite(store: Store, tmp_path: Path) -> None:
    _fill(store)
    assert backup.backup(store, tmp_path / "w.json") == "json"
    restored = open_store(Settings(database_url=f"sqlite:///{tmp_path / 'r.sqlite'}"))
    try:
        backup.restore(restored, tmp_path / "w.json")
        assert backup.export_data(restored) == backup.export_data(store)
        if store.sqlite_path is not None:
            assert backup.backup(store, tmp_path / "copy.sqlite") == "sqlite"
            again = open_store(Settings(database_url=f"sqlite:///{tmp_path / 'again.sqlite'}"))
            backup.restore(again, tmp_path / "copy.sqlite")
            assert backup.export_data(again) == backup.export_data(store)
            again.close()
        with pytest.raises(InvalidInputError):
            backup.restore(restored, tmp_path / "missing.json")
        (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
        with pytest.raises(InvalidInputError):
            backup.restore(restored, tmp_path / "bad.json", replace=True)
    finally:
        restored.close()


TEXT = st.text(
    alphabet=st.sampled_from(string.ascii_letters + " éèçàœÉ’'\u00a0-.,!?\n"), max_size=40
)
NAMES = st.lists(
    st.text(alphabet=string.ascii_letters + "éÉ", min_size=1, max_size=12),
    min_size=1,
    max_size=5,
    unique_by=str.lower,
)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    names=NAMES,
    circles=st.lists(st.sampled_from(["peer", "mentor", "team", "ceo", "expert"]), min_size=5),
    notes=st.lists(TEXT, min_size=5, max_size=5),
    days=st.lists(st.integers(0, 700), min_size=1, max_size=6),
    titles=st.lists(TEXT.filter(lambda t: t.strip()), max_size=4),
)
def test_export_import_round_trip_property(
    tmp_path_factory: pytest.TempPathFactory,
    names: list[str],
    circles: list[str],
    notes: list[str],
    days: list[int],
    titles: list[str],
) -> None:
    base = tmp_path_factory.mktemp("rt")
    source = fresh_store(base / "a")
    try:
        with source.write() as s:
            for i, name in enumerate(names):
                people.add(s, name, circles[i], notes=notes[i], cadence_days=days[0] + 1)
            for i, offset in enumerate(days):
                people.log(
                    s,
                    f"#{1 + i % len(names)}",
                    day=date(2025, 1, 1) + timedelta(days=offset),
                    summary=notes[i % 5],
                    gave=notes[(i + 1) % 5],
                )
            for title in titles:
                learnings.add(s, title, notes[0], tags=notes[1].replace(",", " "))
        data = backup.export_data(source)
    finally:
        source.close()
    target = fresh_store(base / "b")
    try:
        backup.import_data(target, json.loads(json.dumps(data, ensure_ascii=False)))
        assert backup.export_data(target) == data
    finally:
        target.close()
