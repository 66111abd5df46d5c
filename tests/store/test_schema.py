"""The schema: created on first use, checked at start, migrated with a backup copy."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from passerelle.services import workspace as ws_service
from passerelle.settings import Settings
from passerelle.store import schema
from passerelle.store.errors import (
    DatabaseUnavailableError,
    NewerDatabaseError,
    OutdatedDatabaseError,
)
from passerelle.store.models import Base
from passerelle.store.testing import test_database_url
from passerelle.store.workspace import Store, open_store


def test_fresh_database_is_at_head(store: Store) -> None:
    found = schema.version(store.engine)
    assert found.state is schema.State.CURRENT
    assert found.current == schema.head()


def test_migrations_match_the_models(store: Store) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # full-text search lives outside the models: FTS5 virtual tables on SQLite, a generated
    # tsvector column and its index on PostgreSQL
    diff = [
        d
        for d in diff
        if not (d[0] == "remove_index" and d[1].name == "ix_learnings_search")
        and not (d[0] == "remove_table" and d[1].name.startswith("learnings_fts"))
        and not (d[0] == "remove_column" and d[3].name == "search_vector")
    ]
    assert diff == []


def test_sqlite_pragmas(tmp_path: Path) -> None:
    store = open_store(Settings(database_url=f"sqlite:///{tmp_path / 'w.sqlite'}"))
    with store.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    store.close()


def test_newer_database_is_refused(tmp_path: Path) -> None:
    url = test_database_url(tmp_path)
    store = open_store(Settings(database_url=url))
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    store.close()
    with pytest.raises(NewerDatabaseError) as caught:
        open_store(Settings(database_url=url))
    assert "9999_future" in caught.value.text("en")
    assert "plus récente" in caught.value.text("fr")
    with pytest.raises(NewerDatabaseError):
        ws_service.upgrade(Settings(database_url=url))


def test_outdated_database_upgrade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.sqlite"
    settings = Settings(database_url=f"sqlite:///{path}")
    open_store(settings).close()
    real_head = schema.head()
    # Pretend this version ships one more revision than the database has.
    monkeypatch.setattr(schema, "head", lambda: "0002_next")
    monkeypatch.setattr(schema, "upgrade", lambda engine, target="heads": _stamp(path))
    with pytest.raises(OutdatedDatabaseError) as caught:
        open_store(settings)
    assert "passerelle db upgrade" in caught.value.text("en")
    result = ws_service.upgrade(settings)
    assert result.before == real_head
    assert result.backup is not None and result.backup.exists()
    assert _revision(result.backup) == real_head
    assert _revision(path) == "0002_next"


def _stamp(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0002_next'")


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_downgrade_and_upgrade_round_trip(store: Store) -> None:
    schema.downgrade(store.engine, "base")
    assert schema.version(store.engine).state is schema.State.EMPTY
    schema.upgrade(store.engine)
    assert schema.version(store.engine).state is schema.State.CURRENT


def test_read_only_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite"
    open_store(Settings(database_url=f"sqlite:///{path}")).close()
    path.chmod(0o444)
    try:
        if path.stat().st_mode & 0o200 or _root():
            pytest.skip("running as root: file permissions are not enforced")
        with pytest.raises(DatabaseUnavailableError):
            open_store(Settings(database_url=f"sqlite:///{path}"))
    finally:
        path.chmod(0o644)


def test_missing_folder_is_created_and_a_folder_is_refused(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b" / "w.sqlite"
    open_store(Settings(database_url=f"sqlite:///{deep}")).close()
    assert deep.exists()
    with pytest.raises(DatabaseUnavailableError):
        open_store(Settings(database_url=f"sqlite:///{tmp_path / 'a'}"))


def _root() -> bool:
    import os

    return os.geteuid() == 0


def test_missing_file_without_create_and_unreachable_server(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailableError):
        open_store(Settings(database_url=f"sqlite:///{tmp_path / 'nope.sqlite'}"), create=False)
    with pytest.raises(DatabaseUnavailableError) as caught:
        open_store(Settings(database_url="postgresql+psycopg://nobody:x@127.0.0.1:9/none"))
    assert "cannot be used" in caught.value.text("en")
