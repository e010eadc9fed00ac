"""Review events, outcomes and rectification tracking

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("finding_id", sa.String(length=36), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("author_officer_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"],
                                name=op.f("fk_review_events_inspection_id_inspections")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_events")),
    )
    with op.batch_alter_table("review_events") as batch:
        batch.create_index(batch.f("ix_review_events_inspection_id"), ["inspection_id"], unique=False)
    op.create_table(
        "outcomes",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("refund_amount", sa.String(length=24), nullable=False),
        sa.Column("fine_amount", sa.String(length=24), nullable=False),
        sa.Column("articles", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=100), nullable=False),
        sa.Column("decided_at", sa.String(length=32), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"],
                                name=op.f("fk_outcomes_inspection_id_inspections")),
        sa.PrimaryKeyConstraint("inspection_id", name=op.f("pk_outcomes")),
    )
    op.create_table(
        "rectifications",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("notice_document_id", sa.String(length=36), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("result", sa.String(length=10), nullable=True),
        sa.Column("reinspected_at", sa.String(length=32), nullable=True),
        sa.Column("reinspection_note", sa.Text(), nullable=False),
        sa.Column("reinspection_evidence", sa.Text(), nullable=False),
        sa.Column("voluntary_refund", sa.String(length=24), nullable=False),
        sa.Column("voluntary_refund_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"],
                                name=op.f("fk_rectifications_inspection_id_inspections")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rectifications")),
    )
    with op.batch_alter_table("rectifications") as batch:
        batch.create_index(batch.f("ix_rectifications_inspection_id"), ["inspection_id"], unique=False)


def downgrade() -> None:
    op.drop_table("rectifications")
    op.drop_table("outcomes")
    op.drop_table("review_events")
