"""Engines and sessions: SQLite with WAL, foreign keys and a busy timeout; PostgreSQL as is."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from passerelle.domain.circles import Bilingual
from passerelle.store.errors import (
    ConcurrentEditError,
    DatabaseUnavailableError,
    WorkspaceBusyError,
)

WRITE = "passerelle_write"


def is_sqlite(engine_or_url: Engine | str) -> bool:
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else make_url(engine_or_url)
    return url.get_backend_name() == "sqlite"


def make_engine(url: str, *, busy_timeout_ms: int = 5000) -> Engine:
    """An engine for ``url``. On SQLite every connection gets WAL, foreign keys and a busy
    timeout, and write transactions start with ``BEGIN IMMEDIATE`` so that two writers queue
    instead of failing half-way.
    """
    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": busy_timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves, below
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cur.execute("PRAGMA foreign_keys = ON")
        mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() not in ("wal", "memory"):
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _locked(exc: OperationalError) -> bool:
    text = str(exc.orig).lower()
    return "locked" in text or "busy" in text


@contextmanager
def transaction(factory: sessionmaker[Session], *, write: bool = True) -> Iterator[Session]:
    """A session in one transaction: committed on success, rolled back on error, with the
    database's own failures turned into named errors.
    """
    session = factory()
    if write:
        bind = session.get_bind()
        if isinstance(bind, Engine) and is_sqlite(bind):
            session.bind = bind.execution_options(**{WRITE: True})
    try:
        yield session
        session.commit()
    except StaleDataError:
        session.rollback()
        raise ConcurrentEditError(
            Bilingual(
                "Cette fiche a été modifiée entre-temps par un autre processus ; relisez-la "
                "puis recommencez.",
                "This record changed meanwhile in another process; read it again and retry.",
            )
        ) from None
    except OperationalError as exc:
        session.rollback()
        if _locked(exc):
            raise WorkspaceBusyError(
                Bilingual(
                    "La base est verrouillée par un autre processus depuis trop longtemps ; "
                    "réessayez dans un instant.",
                    "The database has been locked by another process for too long; try "
                    "again in a moment.",
                )
            ) from None
        raise DatabaseUnavailableError(
            Bilingual(
                f"La base de données est inaccessible : {exc.orig}",
                f"The database cannot be used: {exc.orig}",
            )
        ) from None
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
