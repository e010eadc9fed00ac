"""Indexes for the inspection list at scale: answer states per inspection, outbox rows per entity

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("answers") as batch:
        batch.create_index("ix_answers_inspection_state", ["inspection_id", "state"])
    with op.batch_alter_table("outbox") as batch:
        batch.create_index("ix_outbox_entity", ["entity", "entity_id"])


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_index("ix_outbox_entity")
    with op.batch_alter_table("answers") as batch:
        batch.drop_index("ix_answers_inspection_state")
