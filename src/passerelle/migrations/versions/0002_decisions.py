"""Decisions and the delegation board: the decision log, areas, holders and level changes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _record() -> list[sa.Column[object]]:
    return [
        sa.Column("visibility", sa.String(16), nullable=False, server_default="private"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("slug", sa.String(200), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("decided_on", sa.Date),
        sa.Column("context", sa.Text, nullable=False),
        sa.Column("drivers", sa.JSON, nullable=False),
        sa.Column("options", sa.JSON, nullable=False),
        sa.Column("chosen_option", sa.Text, nullable=False),
        sa.Column("rationale", sa.Text, nullable=False),
        sa.Column("consequences", sa.Text, nullable=False),
        sa.Column("deciders", sa.JSON, nullable=False),
        sa.Column("consulted", sa.JSON, nullable=False),
        sa.Column("informed", sa.JSON, nullable=False),
        sa.Column("area", sa.String(200), nullable=False),
        sa.Column("delegation_level", sa.Integer),
        sa.Column("review_on", sa.Date),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("history", sa.JSON, nullable=False),
        sa.Column("supersedes", sa.JSON, nullable=False),
        sa.Column("superseded_by", sa.String(200)),
        sa.Column("business_value", sa.Text, nullable=False),
        sa.Column("business_cost", sa.Text, nullable=False),
        sa.Column("business_risk", sa.Text, nullable=False),
        sa.Column("business_timing", sa.Text, nullable=False),
        sa.Column("business_errors", sa.Integer),
        sa.Column("more_information", sa.Text, nullable=False),
        sa.Column("share_override", sa.Text, nullable=False),
        sa.Column("shared_on", sa.Date),
        sa.Column("source_key", sa.String(500)),
        sa.Column("source_hash", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        *_record(),
        sa.UniqueConstraint("slug", name="uq_decisions_slug"),
        sa.UniqueConstraint("source_key", name="uq_decisions_source_key"),
    )
    op.create_index("ix_decisions_status_date", "decisions", ["status", "decided_on"])
    op.create_index("ix_decisions_review_on", "decisions", ["review_on"])
    op.create_index("ix_decisions_area", "decisions", ["area"])
    op.create_table(
        "delegation_areas",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("guardrails", sa.JSON, nullable=False),
        sa.Column("standards", sa.JSON, nullable=False),
        *_record(),
        sa.UniqueConstraint("name", name="uq_delegation_areas_name"),
    )
    op.create_table(
        "delegation_holders",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        *_record(),
        sa.UniqueConstraint("name", name="uq_delegation_holders_name"),
    )
    op.create_table(
        "delegation_changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "area_id",
            sa.Integer,
            sa.ForeignKey(
                "delegation_areas.id",
                ondelete="CASCADE",
                name="fk_delegation_changes_area_id_delegation_areas",
            ),
            nullable=False,
        ),
        sa.Column(
            "holder_id",
            sa.Integer,
            sa.ForeignKey(
                "delegation_holders.id",
                ondelete="CASCADE",
                name="fk_delegation_changes_holder_id_delegation_holders",
            ),
            nullable=False,
        ),
        sa.Column("changed_on", sa.Date, nullable=False),
        sa.Column("current", sa.Integer, nullable=False),
        sa.Column("target", sa.Integer),
        sa.Column("note", sa.Text, nullable=False),
        *_record(),
    )
    op.create_index(
        "ix_delegation_changes_cell", "delegation_changes", ["area_id", "holder_id", "changed_on"]
    )
    op.create_index("ix_delegation_changes_holder_id", "delegation_changes", ["holder_id"])


def downgrade() -> None:
    for table in ("delegation_changes", "delegation_holders", "delegation_areas", "decisions"):
        op.drop_table(table)
