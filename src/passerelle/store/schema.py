"""The schema version: create, check and upgrade a database with the packaged migrations."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from passerelle.domain.circles import Bilingual
from passerelle.store.errors import NewerDatabaseError, OutdatedDatabaseError

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


class State(StrEnum):
    EMPTY = "empty"
    CURRENT = "current"
    OUTDATED = "outdated"
    NEWER = "newer"


@dataclass(frozen=True, slots=True)
class Version:
    state: State
    current: str | None
    head: str


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head() -> str:
    heads = ScriptDirectory.from_config(_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must form one chain, found heads {heads}")
    return heads[0]


def version(engine: Engine) -> Version:
    script = ScriptDirectory.from_config(_config())
    target = head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_heads()
        tables = set(inspect(conn).get_table_names())
    if not current:
        return Version(
            State.EMPTY if not tables - {"alembic_version"} else State.NEWER, None, target
        )
    rev = current[0]
    if rev == target:
        return Version(State.CURRENT, rev, target)
    known = {s.revision for s in script.walk_revisions()}
    return Version(State.OUTDATED if rev in known else State.NEWER, rev, target)


def upgrade(engine: Engine, target: str = "heads") -> None:
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def downgrade(engine: Engine, target: str) -> None:
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target)


def ensure(engine: Engine) -> Version:
    """Create the schema on an empty database; refuse a newer one; ask to upgrade an older one."""
    found = version(engine)
    if found.state is State.EMPTY:
        upgrade(engine)
        return Version(State.CURRENT, found.head, found.head)
    if found.state is State.NEWER:
        raise NewerDatabaseError(
            Bilingual(
                f"Cette base a été écrite par une version plus récente de Passerelle "
                f"(schéma {found.current or 'inconnu'}, cette version connaît {found.head}). "
                "Mettez Passerelle à jour ; rien n’a été modifié.",
                f"This database was written by a newer Passerelle (schema "
                f"{found.current or 'unknown'}, this version knows {found.head}). Upgrade "
                "Passerelle; nothing was changed.",
            )
        )
    if found.state is State.OUTDATED:
        raise OutdatedDatabaseError(
            Bilingual(
                f"Cette base date d’une version antérieure (schéma {found.current}, attendu "
                f"{found.head}). Lancez `passerelle db upgrade` : une copie de sauvegarde est "
                "faite d’abord.",
                f"This database predates this version (schema {found.current}, expected "
                f"{found.head}). Run `passerelle db upgrade`: a backup copy is made first.",
            )
        )
    return found


def backup_copy(path: Path, revision: str | None) -> Path:
    """Copy a SQLite file (and its WAL) next to itself before migrating it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{revision or 'none'}.{stamp}.bak{path.suffix}")
    import sqlite3

    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    if not target.exists():  # pragma: no cover - sqlite always writes the file
        shutil.copy2(path, target)
    return target
