"""The workspace: people, interactions, asks, answers, learnings (with full-text search).

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _record() -> list[sa.Column[object]]:
    return [
        sa.Column("visibility", sa.String(16), nullable=False, server_default="private"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "workspace",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        *_record(),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("circle", sa.String(16), nullable=False),
        sa.Column("organisation", sa.String(200), nullable=False),
        sa.Column("expertise", sa.JSON, nullable=False),
        sa.Column("cadence_days", sa.Integer),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("known_since", sa.Date, nullable=False),
        sa.Column("snoozed_until", sa.Date),
        sa.Column("version", sa.Integer, nullable=False),
        *_record(),
        sa.UniqueConstraint("name_key", name="uq_people_name_key"),
    )
    op.create_index("ix_people_circle", "people", ["circle"])
    op.create_table(
        "asks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("situation", sa.Text, nullable=False),
        sa.Column("decision", sa.Text, nullable=False),
        sa.Column("options", sa.Text, nullable=False),
        sa.Column("doubts", sa.Text, nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("urgency", sa.String(16), nullable=False),
        sa.Column("circle", sa.String(16)),
        sa.Column("quality", sa.String(16)),
        sa.Column("score", sa.Float),
        sa.Column("fitting_circles", sa.JSON, nullable=False),
        sa.Column("created_on", sa.Date, nullable=False),
        sa.Column("sent_on", sa.Date),
        sa.Column("answered_on", sa.Date),
        sa.Column("closed_on", sa.Date),
        sa.Column("decision_id", sa.Integer),
        sa.Column("version", sa.Integer, nullable=False),
        *_record(),
    )
    op.create_index("ix_asks_status_sent", "asks", ["status", "sent_on"])
    op.create_table(
        "interactions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "person_id",
            sa.Integer,
            sa.ForeignKey("people.id", ondelete="CASCADE", name="fk_interactions_person_id_people"),
            nullable=False,
        ),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("initiated_by", sa.String(8), nullable=False),
        sa.Column("gave", sa.Text, nullable=False),
        sa.Column("received", sa.Text, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column(
            "ask_id",
            sa.Integer,
            sa.ForeignKey("asks.id", ondelete="SET NULL", name="fk_interactions_ask_id_asks"),
        ),
        *_record(),
    )
    op.create_index("ix_interactions_person_day", "interactions", ["person_id", "occurred_on"])
    op.create_table(
        "ask_recipients",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "ask_id",
            sa.Integer,
            sa.ForeignKey("asks.id", ondelete="CASCADE", name="fk_ask_recipients_ask_id_asks"),
            nullable=False,
        ),
        sa.Column(
            "person_id",
            sa.Integer,
            sa.ForeignKey(
                "people.id", ondelete="CASCADE", name="fk_ask_recipients_person_id_people"
            ),
            nullable=False,
        ),
        sa.Column("sent_on", sa.Date, nullable=False),
        *_record(),
    )
    op.create_index("ix_ask_recipients_ask_id", "ask_recipients", ["ask_id"])
    op.create_index("ix_ask_recipients_person_id", "ask_recipients", ["person_id"])
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "ask_id",
            sa.Integer,
            sa.ForeignKey("asks.id", ondelete="CASCADE", name="fk_answers_ask_id_asks"),
            nullable=False,
        ),
        sa.Column(
            "person_id",
            sa.Integer,
            sa.ForeignKey("people.id", ondelete="SET NULL", name="fk_answers_person_id_people"),
        ),
        sa.Column("answered_on", sa.Date, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("usefulness", sa.Integer),
        *_record(),
    )
    op.create_index("ix_answers_ask_id", "answers", ["ask_id"])
    op.create_index("ix_answers_person_id", "answers", ["person_id"])
    op.create_table(
        "learnings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("slug", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("learned_on", sa.Date, nullable=False),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("categories", sa.JSON, nullable=False),
        sa.Column(
            "ask_id",
            sa.Integer,
            sa.ForeignKey("asks.id", ondelete="SET NULL", name="fk_learnings_ask_id_asks"),
        ),
        sa.Column("search_text", sa.Text, nullable=False),
        *_record(),
        sa.UniqueConstraint("slug", name="uq_learnings_slug"),
    )
    op.create_index("ix_learnings_learned_on", "learnings", ["learned_on"])
    op.create_index("ix_learnings_ask_id", "learnings", ["ask_id"])
    _create_search()


def _create_search() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE learnings_fts USING fts5(search_text, content='learnings', "
            "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER learnings_fts_ai AFTER INSERT ON learnings BEGIN "
            "INSERT INTO learnings_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
        )
        op.execute(
            "CREATE TRIGGER learnings_fts_ad AFTER DELETE ON learnings BEGIN "
            "INSERT INTO learnings_fts(learnings_fts, rowid, search_text) "
            "VALUES ('delete', old.id, old.search_text); END"
        )
        op.execute(
            "CREATE TRIGGER learnings_fts_au AFTER UPDATE ON learnings BEGIN "
            "INSERT INTO learnings_fts(learnings_fts, rowid, search_text) "
            "VALUES ('delete', old.id, old.search_text); "
            "INSERT INTO learnings_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
        )
    elif dialect == "postgresql":
        # A stored vector: ranking then reads it instead of parsing every matching text.
        op.execute(
            "ALTER TABLE learnings ADD COLUMN search_vector tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED"
        )
        op.execute("CREATE INDEX ix_learnings_search ON learnings USING gin (search_vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS learnings_fts")
    for table in (
        "learnings",
        "answers",
        "ask_recipients",
        "interactions",
        "asks",
        "people",
        "workspace",
    ):
        op.drop_table(table)
