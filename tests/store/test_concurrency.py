"""Two writers at once: no lost update, and a clear error when the lock lasts too long."""

from __future__ import annotations

from pathlib import Path

import pytest

from passerelle.services import people
from passerelle.settings import Settings
from passerelle.store.errors import ConcurrentEditError, WorkspaceBusyError
from passerelle.store.testing import test_database_url
from passerelle.store.workspace import open_store


def test_stale_edit_is_refused_not_lost(tmp_path: Path) -> None:
    url = test_database_url(tmp_path)
    first = open_store(Settings(database_url=url))
    second = open_store(Settings(database_url=url))
    with first.write() as s:
        people.add(s, "Léa", "peer")
    try:
        with pytest.raises(ConcurrentEditError), second.write() as s2:
            mine = people.find(s2, "Léa")
            mine.notes = "second"
            s2.commit()
            # meanwhile the first process changes the same record and commits
            with first.write() as s1:
                people.find(s1, "Léa").notes = "first"
            mine.organisation = "stale write"  # based on a stale read: must be refused
        with first.read() as s:
            lea = people.find(s, "Léa")
            assert lea.notes == "first"
            assert lea.organisation == ""
    finally:
        first.close()
        second.close()


def test_locked_too_long_gives_a_clear_error(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.sqlite'}"
    holder = open_store(Settings(database_url=url))
    waiter = open_store(Settings(database_url=url, busy_timeout_ms=100))
    try:
        with holder.write() as s:
            people.add(s, "Léa", "peer")
            with pytest.raises(WorkspaceBusyError) as caught, waiter.write() as s2:
                people.add(s2, "Max", "peer")
            assert "verrouillée" in caught.value.text("fr")
        with waiter.read() as s:
            assert people.find(s, "Léa").name == "Léa"
    finally:
        holder.close()
        waiter.close()
