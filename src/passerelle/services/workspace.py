"""Create, open and upgrade the workspace."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from passerelle.settings import Settings
from passerelle.store import schema
from passerelle.store.repos import workspace as repo
from passerelle.store.workspace import Store, connect, open_store

DEFAULT_NAME = "Passerelle"


def open_workspace(settings: Settings) -> Store:
    """Open the workspace, creating the database and its workspace row on first use."""
    store = open_store(settings)
    with store.write() as session:
        if repo.get(session) is None:
            repo.create(session, DEFAULT_NAME)
    return store


@dataclass(frozen=True, slots=True)
class InitResult:
    url: str
    name: str
    created: bool


def init(settings: Settings, name: str | None = None, owner: str = "") -> InitResult:
    store = open_store(settings)
    try:
        with store.write() as session:
            info = repo.get(session)
            created = info is None
            if info is None:
                info = repo.create(session, name or DEFAULT_NAME, owner)
            elif name:
                info.name = name
                if owner:
                    info.owner = owner
            return InitResult(store.engine.url.render_as_string(), info.name, created)
    finally:
        store.close()


@dataclass(frozen=True, slots=True)
class UpgradeResult:
    before: str | None
    after: str
    backup: Path | None


def upgrade(settings: Settings) -> UpgradeResult:
    """Migrate the database to this version's schema, after a backup copy for SQLite.
    A newer database is refused, as everywhere.
    """
    store = connect(settings)
    try:
        found = schema.version(store.engine)
        if found.state is schema.State.NEWER:
            schema.ensure(store.engine)  # raises the clear refusal
        backup: Path | None = None
        path = store.sqlite_path
        if found.state is schema.State.OUTDATED and path is not None and path.exists():
            backup = schema.backup_copy(path, found.current)
        if found.state is not schema.State.CURRENT:
            schema.upgrade(store.engine)
        return UpgradeResult(found.current, schema.head(), backup)
    finally:
        store.close()
