"""Backup and restore: a consistent SQLite copy, or a JSON export of every table that
imports back identically on either database.

The export walks ``Base.metadata``, so tables added by later revisions are included without
touching this module. A backup holds every record, private ones included: it is the owner's
only (``reader`` other than the owner is refused, ``AccessRefusedError``).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Table, delete, func, insert, select, text

from passerelle.domain.circles import Bilingual
from passerelle.services.access import OWNER, Kind, Role, require
from passerelle.services.errors import InvalidInputError, InvalidStateError, invalid
from passerelle.store import schema
from passerelle.store.models import Base
from passerelle.store.workspace import Store

FORMAT = "passerelle-workspace"


def _dump(value: Any) -> Any:
    if isinstance(value, datetime):  # SQLite keeps no zone: the workspace writes UTC
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _load(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column in table.columns:
        if column.name not in row:
            continue
        value = row[column.name]
        if value is not None and isinstance(column.type, DateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Date):
            value = date.fromisoformat(value)
        out[column.name] = value
    return out


def tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def export_data(store: Store, reader: Role = OWNER) -> dict[str, Any]:
    """Every row of every table, read in one transaction (one consistent snapshot)."""
    require(reader, Kind.BACKUP)
    data: dict[str, Any] = {"format": FORMAT, "schema": schema.head(), "tables": {}}
    with store.read() as session:
        for table in tables():
            order = list(table.primary_key.columns)
            rows = session.execute(select(table).order_by(*order)).mappings()
            data["tables"][table.name] = [
                {key: _dump(value) for key, value in row.items()} for row in rows
            ]
    return data


def import_data(store: Store, data: dict[str, Any], *, replace: bool = False) -> dict[str, int]:
    """Load an export into the workspace. It must be empty (a fresh workspace row aside)
    unless ``replace`` wipes it first. Returns the number of rows per table."""
    if data.get("format") != FORMAT or "tables" not in data:
        raise invalid("Ce fichier n’est pas un export Passerelle.", "Not a Passerelle export.")
    if data.get("schema") != schema.head():
        raise InvalidInputError(
            Bilingual(
                f"Export au schéma {data.get('schema')}, cette version attend {schema.head()}.",
                f"Export at schema {data.get('schema')}; this version expects {schema.head()}.",
            )
        )
    counts: dict[str, int] = {}
    with store.write() as session:
        busy = [
            t.name
            for t in tables()
            if t.name != "workspace" and session.scalar(select(func.count()).select_from(t))
        ]
        if busy and not replace:
            raise InvalidStateError(
                Bilingual(
                    "L’espace de travail n’est pas vide ; utilisez --replace pour l’écraser.",
                    "The workspace is not empty; use --replace to overwrite it.",
                )
            )
        for table in reversed(tables()):
            session.execute(delete(table))
        for table in tables():
            rows = [_load(table, row) for row in data["tables"].get(table.name, [])]
            if rows:
                session.execute(insert(table), rows)
            counts[table.name] = len(rows)
        if session.get_bind().dialect.name == "postgresql":
            for table in tables():
                if "id" in table.columns:
                    session.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                        )
                    )
    return counts


def backup(store: Store, target: Path, reader: Role = OWNER) -> str:
    """``*.json``: the JSON export; anything else: a SQLite copy made with SQLite's online
    backup (consistent even while another process writes). Returns the kind written."""
    require(reader, Kind.BACKUP)
    if target.suffix.lower() == ".json":
        data = export_data(store)
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        return "json"
    path = store.sqlite_path
    if path is None:
        raise invalid(
            "Sur PostgreSQL, sauvegardez en JSON (FICHIER.json) ou avec pg_dump.",
            "On PostgreSQL, back up as JSON (FILE.json) or with pg_dump.",
        )
    if target.exists():
        target.unlink()
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return "sqlite"


def restore(store: Store, source: Path, *, replace: bool = False) -> dict[str, int]:
    """Restore from a JSON export, or from a SQLite backup (read through the same path)."""
    if not source.is_file():
        raise invalid(f"Fichier introuvable : {source}", f"File not found: {source}")
    if source.suffix.lower() == ".json":
        try:
            data = json.loads(source.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise invalid(f"JSON illisible : {exc}", f"Unreadable JSON: {exc}") from None
        return import_data(store, data, replace=replace)
    from passerelle.settings import Settings
    from passerelle.store.workspace import open_store

    other = open_store(Settings(database_url=f"sqlite:///{source}"), create=False)
    try:
        data = export_data(other)
    finally:
        other.close()
    return import_data(store, data, replace=replace)
