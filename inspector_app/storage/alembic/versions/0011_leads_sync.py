"""Leads reach other laptops by sync: a pulled lead has no local import (the extract and its lines stay on the
importing laptop), so leads.import_id becomes nullable.

Revision ID: 0011_leads_sync
Revises: 0010_seizures
Create Date: 2026-12-03
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_leads_sync"
down_revision = "0010_seizures"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("leads") as batch:
        batch.alter_column("import_id", existing_type=sa.String(length=36), nullable=True)


def downgrade() -> None:
    # Pulled leads (no import) cannot be kept under the old constraint.
    op.execute("DELETE FROM leads WHERE import_id IS NULL")
    with op.batch_alter_table("leads") as batch:
        batch.alter_column("import_id", existing_type=sa.String(length=36), nullable=False)
