"""Open the workspace's database: check the file, build the engine, check the schema."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from passerelle.domain.circles import Bilingual
from passerelle.settings import Settings
from passerelle.store import schema
from passerelle.store.engine import is_sqlite, make_engine, transaction
from passerelle.store.errors import DatabaseUnavailableError


@dataclass
class Store:
    settings: Settings
    engine: Engine
    factory: sessionmaker[Session]

    @property
    def sqlite_path(self) -> Path | None:
        return sqlite_path(self.engine.url.render_as_string(hide_password=False))

    @contextmanager
    def write(self) -> Iterator[Session]:
        with transaction(self.factory, write=True) as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with transaction(self.factory, write=False) as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _check_file(path: Path, *, create: bool) -> None:
    if path.exists():
        if path.is_dir():
            raise DatabaseUnavailableError(
                Bilingual(f"{path} est un dossier, pas une base.", f"{path} is a folder.")
            )
        if not os.access(path, os.R_OK | os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DatabaseUnavailableError(
                Bilingual(
                    f"La base {path} n’est pas accessible en écriture (fichier ou dossier en "
                    "lecture seule).",
                    f"The database {path} is not writable (read-only file or folder).",
                )
            )
        return
    if not create:
        raise DatabaseUnavailableError(
            Bilingual(f"La base {path} n’existe pas.", f"The database {path} does not exist.")
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseUnavailableError(
            Bilingual(
                f"Impossible de créer le dossier de la base {path.parent} : {exc.strerror}",
                f"Cannot create the database folder {path.parent}: {exc.strerror}",
            )
        ) from None


def connect(settings: Settings, *, create: bool = True) -> Store:
    """An engine on the settings' database, the file checked, the schema not yet checked."""
    url = settings.url
    path = sqlite_path(url)
    if path is not None:
        _check_file(path, create=create)
    engine = make_engine(url, busy_timeout_ms=settings.busy_timeout_ms)
    return Store(settings, engine, sessionmaker(engine, expire_on_commit=False))


def open_store(settings: Settings, *, create: bool = True) -> Store:
    """Connect and check the schema: an empty database is created, a newer one refused, an
    older one sent to ``passerelle db upgrade``.
    """
    store = connect(settings, create=create)
    try:
        schema.ensure(store.engine)
    except OperationalError as exc:
        store.close()
        raise DatabaseUnavailableError(
            Bilingual(
                f"La base de données est inaccessible : {exc.orig}",
                f"The database cannot be used: {exc.orig}",
            )
        ) from None
    except BaseException:
        store.close()
        raise
    return store


__all__ = ["Store", "connect", "is_sqlite", "open_store", "sqlite_path"]
