"""Plans and 双随机 draws (issue 14): accounts linked to their roster officer, and the drafts a draw made that are
served only to the drawn officers and the lead who drew until the visit starts (seed 003 §七.3).

Plans, plan items, draws, signed draw records and declared conflicts are ordinary synced records (the `records`
table, with versions, compare-and-set and the change feed like every other entity); they need no table of their own.

Revision ID: s0003_plans
Revises: s0002_srvsec
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 's0003_plans'
down_revision = 's0002_srvsec'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('officer_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_users_officer_id'), ['officer_id'], unique=False)
    op.create_table('restricted_inspections',
    sa.Column('inspection_id', sa.String(length=200), nullable=False),
    sa.Column('draw_id', sa.String(length=200), nullable=False),
    sa.Column('drawn_by', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('released_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('inspection_id', name=op.f('pk_restricted_inspections'))
    )


def downgrade() -> None:
    op.drop_table('restricted_inspections')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_officer_id'))
        batch_op.drop_column('officer_id')
