"""封存 / 先行登记保存 (seizures, with their clocks) and the 音像记录 register (recordings)

Revision ID: 0010_seizures
Revises: 0009_leads
Create Date: 2026-12-03
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_seizures"
down_revision = "0009_leads"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "seizures",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("measure", sa.String(length=20), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.String(length=32), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("extended", sa.Boolean(), nullable=False),
        sa.Column("extension_reason", sa.Text(), nullable=False),
        sa.Column("extended_at", sa.String(length=32), nullable=True),
        sa.Column("closed", sa.String(length=20), nullable=False),
        sa.Column("closed_note", sa.Text(), nullable=False),
        sa.Column("closed_at", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"],
                                name=op.f("fk_seizures_inspection_id_inspections")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seizures")),
    )
    op.create_index(op.f("ix_seizures_inspection_id"), "seizures", ["inspection_id"], unique=False)
    op.create_table(
        "recordings",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("evidence_id", sa.String(length=36), nullable=False),
        sa.Column("media", sa.String(length=10), nullable=False),
        sa.Column("recorded_by", sa.String(length=36), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("captured_at", sa.String(length=32), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"],
                                name=op.f("fk_recordings_inspection_id_inspections")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recordings")),
    )
    op.create_index(op.f("ix_recordings_inspection_id"), "recordings", ["inspection_id"], unique=False)
    op.create_index(op.f("ix_recordings_evidence_id"), "recordings", ["evidence_id"], unique=False)
    # The original photos of a seizure's items are evidence scoped to that seizure (like a re-inspection's): a
    # plain ADD COLUMN (no table rebuild), the evidence table can be large.
    op.add_column("evidence", sa.Column("seizure_id", sa.String(length=36), nullable=True))
    op.create_index(op.f("ix_evidence_seizure_id"), "evidence", ["seizure_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_evidence_seizure_id"), table_name="evidence")
    with op.batch_alter_table("evidence") as batch:
        batch.drop_column("seizure_id")
    op.drop_table("recordings")
    op.drop_table("seizures")
