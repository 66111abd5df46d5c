"""Trust and communication: stakeholder groups, commitments and their renegotiations,
surprises, the communication plan and log, digests, business requests with their history,
objectives and the links to them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ONE_STAKEHOLDER = "(person_id IS NULL) <> (group_id IS NULL)"


def _record() -> list[sa.Column[object]]:
    return [
        sa.Column("visibility", sa.String(16), nullable=False, server_default="private"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    ]


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{target}.id", ondelete=ondelete, name=f"fk_{table}_{column}_{target}")


def _stakeholder(table: str) -> list[sa.Column[object]]:
    return [
        sa.Column("person_id", sa.Integer, _fk(table, "person_id", "people", "CASCADE")),
        sa.Column("group_id", sa.Integer, _fk(table, "group_id", "stakeholder_groups", "CASCADE")),
    ]


def upgrade() -> None:
    op.create_table(
        "stakeholder_groups",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        *_record(),
        sa.UniqueConstraint("name_key", name="uq_stakeholder_groups_name_key"),
    )
    op.create_table(
        "commitments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("what", sa.Text, nullable=False),
        *_stakeholder("commitments"),
        sa.Column("made_on", sa.Date, nullable=False),
        sa.Column("due", sa.Date, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("outcome", sa.String(16)),
        sa.Column("closed_on", sa.Date),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        *_record(),
        sa.CheckConstraint(ONE_STAKEHOLDER, name="ck_commitments_one_stakeholder"),
    )
    op.create_index("ix_commitments_outcome_due", "commitments", ["outcome", "due"])
    op.create_index("ix_commitments_person_id", "commitments", ["person_id"])
    op.create_index("ix_commitments_group_id", "commitments", ["group_id"])
    op.create_table(
        "commitment_renegotiations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "commitment_id",
            sa.Integer,
            _fk("commitment_renegotiations", "commitment_id", "commitments", "CASCADE"),
            nullable=False,
        ),
        sa.Column("agreed_on", sa.Date, nullable=False),
        sa.Column("old_due", sa.Date, nullable=False),
        sa.Column("new_due", sa.Date, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        *_record(),
    )
    op.create_index(
        "ix_commitment_renegotiations_commitment_id",
        "commitment_renegotiations",
        ["commitment_id"],
    )
    op.create_table(
        "trust_surprises",
        sa.Column("id", sa.Integer, primary_key=True),
        *_stakeholder("trust_surprises"),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("weight", sa.Float, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        *_record(),
        sa.CheckConstraint(ONE_STAKEHOLDER, name="ck_trust_surprises_one_stakeholder"),
    )
    op.create_index("ix_trust_surprises_person_id", "trust_surprises", ["person_id"])
    op.create_index("ix_trust_surprises_group_id", "trust_surprises", ["group_id"])
    op.create_table(
        "comms_plan",
        sa.Column("id", sa.Integer, primary_key=True),
        *_stakeholder("comms_plan"),
        sa.Column("cadence_days", sa.Integer, nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("since", sa.Date, nullable=False),
        sa.Column("grace_days", sa.Integer, nullable=False),
        *_record(),
        sa.CheckConstraint(ONE_STAKEHOLDER, name="ck_comms_plan_one_stakeholder"),
        sa.UniqueConstraint("person_id", name="uq_comms_plan_person_id"),
        sa.UniqueConstraint("group_id", name="uq_comms_plan_group_id"),
    )
    op.create_table(
        "digests",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("period", sa.String(16), nullable=False),
        sa.Column("audience", sa.String(16), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("markdown", sa.Text, nullable=False),
        sa.Column("html", sa.Text, nullable=False),
        sa.Column("plain", sa.Text, nullable=False),
        sa.Column("written_on", sa.Date, nullable=False),
        sa.Column("check_errors", sa.Integer, nullable=False),
        sa.Column("check_warnings", sa.Integer, nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("sent_on", sa.Date),
        sa.Column("recipients", sa.JSON, nullable=False),
        *_record(),
    )
    op.create_index("ix_digests_period", "digests", ["period", "audience", "lang"])
    op.create_table(
        "communications",
        sa.Column("id", sa.Integer, primary_key=True),
        *_stakeholder("communications"),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("format", sa.String(16)),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column(
            "digest_id",
            sa.Integer,
            _fk("communications", "digest_id", "digests", "SET NULL"),
        ),
        *_record(),
        sa.CheckConstraint(ONE_STAKEHOLDER, name="ck_communications_one_stakeholder"),
    )
    op.create_index("ix_communications_person_day", "communications", ["person_id", "occurred_on"])
    op.create_index("ix_communications_group_day", "communications", ["group_id", "occurred_on"])
    op.create_index("ix_communications_digest_id", "communications", ["digest_id"])
    op.create_table(
        "business_requests",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("why", sa.Text, nullable=False),
        sa.Column(
            "requester_id",
            sa.Integer,
            _fk("business_requests", "requester_id", "people", "CASCADE"),
            nullable=False,
        ),
        sa.Column("department", sa.String(200), nullable=False),
        sa.Column("desired_on", sa.Date),
        sa.Column("received_on", sa.Date, nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("business_value", sa.Integer),
        sa.Column("time_criticality", sa.Integer),
        sa.Column("risk_opportunity", sa.Integer),
        sa.Column("job_size", sa.Integer),
        sa.Column("answered_on", sa.Date),
        sa.Column("version", sa.Integer, nullable=False),
        *_record(),
    )
    op.create_index("ix_business_requests_status", "business_requests", ["status", "received_on"])
    op.create_index("ix_business_requests_requester_id", "business_requests", ["requester_id"])
    op.create_table(
        "business_request_changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "request_id",
            sa.Integer,
            _fk("business_request_changes", "request_id", "business_requests", "CASCADE"),
            nullable=False,
        ),
        sa.Column("changed_on", sa.Date, nullable=False),
        sa.Column("old_status", sa.String(16), nullable=False),
        sa.Column("new_status", sa.String(16), nullable=False),
        sa.Column("explanation", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("explained", sa.Boolean, nullable=False),
        *_record(),
    )
    op.create_index(
        "ix_business_request_changes_request_id", "business_request_changes", ["request_id"]
    )
    op.create_table(
        "objectives",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("title_key", sa.String(300), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("created_on", sa.Date, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        *_record(),
        sa.UniqueConstraint("title_key", name="uq_objectives_title_key"),
    )
    op.create_table(
        "objective_links",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "objective_id",
            sa.Integer,
            _fk("objective_links", "objective_id", "objectives", "CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("ref_id", sa.Integer, nullable=False),
        *_record(),
        sa.UniqueConstraint("kind", "ref_id", "objective_id", name="uq_objective_links_item"),
    )
    op.create_index("ix_objective_links_objective_id", "objective_links", ["objective_id"])
    op.create_index("ix_objective_links_kind_ref", "objective_links", ["kind", "ref_id"])


def downgrade() -> None:
    for table in (
        "objective_links",
        "objectives",
        "business_request_changes",
        "business_requests",
        "communications",
        "digests",
        "comms_plan",
        "trust_surprises",
        "commitment_renegotiations",
        "commitments",
        "stakeholder_groups",
    ):
        op.drop_table(table)
