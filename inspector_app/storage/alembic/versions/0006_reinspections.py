"""Re-inspection records (复查) with their own evidence

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reinspections",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rectification_id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("officer_ids", sa.Text(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("visited_at", sa.String(length=32), nullable=False),
        sa.Column("result", sa.String(length=10), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("document_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"],
                                name=op.f("fk_reinspections_inspection_id_inspections")),
        sa.ForeignKeyConstraint(["rectification_id"], ["rectifications.id"],
                                name=op.f("fk_reinspections_rectification_id_rectifications")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reinspections")),
    )
    with op.batch_alter_table("reinspections") as batch:
        batch.create_index(batch.f("ix_reinspections_inspection_id"), ["inspection_id"], unique=False)
        batch.create_index(batch.f("ix_reinspections_rectification_id"), ["rectification_id"], unique=False)
    # A plain ADD COLUMN (no table rebuild): the evidence table can be large.
    op.add_column("evidence", sa.Column("reinspection_id", sa.String(length=36), nullable=True))
    op.create_index(op.f("ix_evidence_reinspection_id"), "evidence", ["reinspection_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_evidence_reinspection_id"), table_name="evidence")
    with op.batch_alter_table("evidence") as batch:
        batch.drop_column("reinspection_id")
    op.drop_table("reinspections")
