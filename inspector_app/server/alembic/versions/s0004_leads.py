"""Intake data (data leads, campaigns, self-inspection returns): the team each institution is assigned to

Revision ID: s0004_leads
Revises: s0002_srvsec
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 's0004_leads'
down_revision = 's0003_plans'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('institution_teams',
    sa.Column('institution_id', sa.String(length=200), nullable=False),
    sa.Column('team_id', sa.String(length=64), nullable=False),
    sa.Column('assigned_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('institution_id', name=op.f('pk_institution_teams'))
    )


def downgrade() -> None:
    op.drop_table('institution_teams')
