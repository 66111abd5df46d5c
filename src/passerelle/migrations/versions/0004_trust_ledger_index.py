"""The trust ledger's index: commitments by stakeholder, outcome and closing day, so the
database groups the ledger's evidence from the index alone, already in order.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_commitments_ledger", "commitments", ["person_id", "group_id", "outcome", "closed_on"]
    )


def downgrade() -> None:
    op.drop_index("ix_commitments_ledger", table_name="commitments")
