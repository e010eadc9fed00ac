"""Server hardening: blob grants (team-scoped evidence), who made each blob reference, sign-in throttling

Revision ID: s0002_srvsec
Revises: s0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 's0002_srvsec'
down_revision = 's0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('blob_grants',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sha256', 'user_id', name=op.f('pk_blob_grants'))
    )
    with op.batch_alter_table('blob_grants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_blob_grants_user_id'), ['user_id'], unique=False)
    op.create_table('login_throttle',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('blocked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_failure_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('locked_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_login_throttle'))
    )
    # Existing references keep created_by NULL: they were made before possession was checked and stay trusted.
    with op.batch_alter_table('blob_refs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('created_by', sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('blob_refs', schema=None) as batch_op:
        batch_op.drop_column('created_by')
    op.drop_table('login_throttle')
    with op.batch_alter_table('blob_grants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_blob_grants_user_id'))
    op.drop_table('blob_grants')
