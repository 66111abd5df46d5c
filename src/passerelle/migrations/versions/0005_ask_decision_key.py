"""An ask's decision becomes a foreign key: deleting a decision leaves its asks without one.

A reference to a decision that no longer exists is cleared first, as the key would have done.
SQLite cannot add a foreign key in place: the batch operation rebuilds ``asks``, and dropping
the old table inside the upgrade's transaction (foreign keys on) would delete its recipients
and answers and clear the learnings and interactions that point at it. Those rows are taken
aside in temporary tables for the rebuild and put back as they were.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Connection

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

FK = "fk_asks_decision_id_decisions"


def upgrade() -> None:
    op.execute(
        "UPDATE asks SET decision_id = NULL WHERE decision_id IS NOT NULL "
        "AND decision_id NOT IN (SELECT id FROM decisions)"
    )
    with _references_kept(op.get_bind(), "asks"), op.batch_alter_table("asks") as batch:
        batch.create_foreign_key(FK, "decisions", ["decision_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    with _references_kept(op.get_bind(), "asks"), op.batch_alter_table("asks") as batch:
        batch.drop_constraint(FK, type_="foreignkey")


@contextmanager
def _references_kept(conn: Connection, parent: str) -> Iterator[None]:
    """On SQLite, take the rows that point at ``parent`` out of its way while it is rebuilt,
    then put them back as they were: rows an ON DELETE CASCADE would delete are copied aside
    and removed, references an ON DELETE SET NULL would clear are noted and cleared. Dropping
    the old table then touches nothing else (doing it with the references still there also
    fails outright: clearing ``learnings.ask_id`` fires the full-text triggers, which SQLite
    refuses while it drops a table). Elsewhere the table is altered in place."""
    if conn.dialect.name != "sqlite":
        yield
        return
    refs = _referring(conn, parent)
    for table, column, action in refs:
        kept = f'temp."keep_{table}_{column}"'
        if action == "CASCADE":
            if _referring(conn, table):
                raise RuntimeError(f"rows pointing at {table} would be lost with it")
            conn.exec_driver_sql(
                f'CREATE TEMP TABLE "keep_{table}_{column}" AS SELECT * FROM "{table}" '
                f'WHERE "{column}" IS NOT NULL'
            )
            conn.exec_driver_sql(f'DELETE FROM "{table}" WHERE "{column}" IS NOT NULL')
        elif action == "SET NULL":
            conn.exec_driver_sql(
                f'CREATE TEMP TABLE "keep_{table}_{column}" AS SELECT rowid AS rid, "{column}" '
                f'AS ref FROM "{table}" WHERE "{column}" IS NOT NULL'
            )
            conn.exec_driver_sql(f'UPDATE "{table}" SET "{column}" = NULL WHERE rowid IN '
                                 f"(SELECT rid FROM {kept})")  # fmt: skip
        else:
            raise RuntimeError(f"{table}.{column} ({action}) blocks the rebuild of {parent}")
    yield
    for table, column, action in refs:
        kept = f'temp."keep_{table}_{column}"'
        if action == "CASCADE":
            conn.exec_driver_sql(f'INSERT INTO "{table}" SELECT * FROM {kept}')
        else:
            conn.exec_driver_sql(
                f'UPDATE "{table}" SET "{column}" = (SELECT ref FROM {kept} '
                f'WHERE rid = "{table}".rowid) WHERE rowid IN (SELECT rid FROM {kept})'
            )
        conn.exec_driver_sql(f"DROP TABLE {kept}")


def _referring(conn: Connection, parent: str) -> list[tuple[str, str, str]]:
    """(table, column, ON DELETE action) of every foreign key that points at ``parent``."""
    found = []
    for table in sa.inspect(conn).get_table_names():
        for fk in conn.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")').all():
            # (id, seq, table, from, to, on_update, on_delete, match)
            if fk[2] == parent:
                found.append((table, str(fk[3]), str(fk[6]).upper()))
    return found
