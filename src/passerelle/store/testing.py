"""Fresh workspaces for tests: a new SQLite file each time, or a wiped PostgreSQL database
when ``PASSERELLE_TEST_DATABASE_URL`` is set (CI sets it, so every storage test runs on both).
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import create_engine, text

from passerelle.settings import Settings
from passerelle.store.workspace import Store, open_store

ENV = "PASSERELLE_TEST_DATABASE_URL"


def test_database_url(tmp_path: Path, name: str = "workspace.sqlite") -> str:
    """The URL a test should use: PostgreSQL, wiped clean, when configured; else a new file."""
    url = os.environ.get(ENV)
    if not url:
        return f"sqlite+pysqlite:///{tmp_path / name}"
    wipe(url)
    return url


def wipe(url: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            # A session a previous test left open would hold its locks and block the drop
            # forever: end every other session on this (test) database first.
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                    "AND usename = current_user"
                )
            )
            conn.execute(text("SET lock_timeout = '10s'"))
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


def fresh_store(tmp_path: Path, **settings: object) -> Store:
    """A migrated, empty workspace on the test database."""
    config = Settings(database_url=test_database_url(tmp_path), **settings)  # type: ignore[arg-type]
    return open_store(config)


test_database_url.__test__ = False  # type: ignore[attr-defined]
