"""The databases a storage benchmark runs on: a fresh SQLite file, then PostgreSQL when a URL
is given (``PASSERELLE_BENCH_DATABASE_URL``, or the suite's ``PASSERELLE_TEST_DATABASE_URL``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from passerelle.settings import Settings
from passerelle.store.testing import wipe
from passerelle.store.workspace import Store, open_store


def postgresql_url() -> str | None:
    return os.environ.get("PASSERELLE_BENCH_DATABASE_URL") or os.environ.get(
        "PASSERELLE_TEST_DATABASE_URL"
    )


@contextmanager
def _opened(url: str) -> Iterator[tuple[Store, Settings]]:
    config = Settings(database_url=url)
    store = open_store(config)
    try:
        yield store, config
    finally:
        store.close()


def each_database(folder: Path) -> Iterator[tuple[str, Store, Settings]]:
    """(label, store, settings) for SQLite then PostgreSQL, each emptied before and after."""
    with _opened(f"sqlite:///{folder / 'bench.sqlite'}") as (store, config):
        yield "sqlite", store, config
    url = postgresql_url()
    if not url:
        print("postgresql: skipped (set PASSERELLE_BENCH_DATABASE_URL)")
        return
    wipe(url)
    try:
        with _opened(url) as (store, config):
            yield "postgresql", store, config
    finally:
        wipe(url)
