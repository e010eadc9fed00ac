"""Sync client tables: server state per record, mirrored conflicts, blob upload progress, sync settings

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('blob_local',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('rel_path', sa.String(length=200), nullable=False),
    sa.Column('upload_status', sa.String(length=12), nullable=False),
    sa.Column('upload_offset', sa.Integer(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.String(length=32), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_blob_local'))
    )
    with op.batch_alter_table('blob_local', schema=None) as batch_op:
        batch_op.create_index('ix_blob_local_status', ['upload_status'], unique=False)

    op.create_table('conflicts_local',
    sa.Column('conflict_id', sa.String(length=64), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=200), nullable=False),
    sa.Column('field', sa.String(length=80), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('base_value', sa.Text(), nullable=True),
    sa.Column('server_value', sa.Text(), nullable=True),
    sa.Column('client_value', sa.Text(), nullable=True),
    sa.Column('payload', sa.Text(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('mutation_id', sa.String(length=64), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('resolution_mutation', sa.String(length=64), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('conflict_id', name=op.f('pk_conflicts_local'))
    )
    with op.batch_alter_table('conflicts_local', schema=None) as batch_op:
        batch_op.create_index('ix_conflicts_local_record', ['entity', 'entity_id'], unique=False)
        batch_op.create_index('ix_conflicts_local_status', ['status'], unique=False)

    op.create_table('sync_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_sync_meta'))
    )
    op.create_table('sync_records',
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=200), nullable=False),
    sa.Column('server_version', sa.Integer(), nullable=True),
    sa.Column('server_data', sa.Text(), nullable=True),
    sa.Column('server_state', sa.String(length=12), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('has_open_conflict', sa.Boolean(), nullable=False),
    sa.Column('team_id', sa.String(length=64), nullable=True),
    sa.Column('parent_id', sa.String(length=200), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=True),
    sa.Column('materialized', sa.Boolean(), nullable=False),
    sa.Column('materialize_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('entity', 'entity_id', name=op.f('pk_sync_records'))
    )
    with op.batch_alter_table('sync_records', schema=None) as batch_op:
        batch_op.create_index('ix_sync_records_parent', ['parent_id'], unique=False)
        batch_op.create_index('ix_sync_records_unmaterialized', ['materialized'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('sync_records', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_records_unmaterialized')
        batch_op.drop_index('ix_sync_records_parent')

    op.drop_table('sync_records')
    op.drop_table('sync_meta')
    with op.batch_alter_table('conflicts_local', schema=None) as batch_op:
        batch_op.drop_index('ix_conflicts_local_status')
        batch_op.drop_index('ix_conflicts_local_record')

    op.drop_table('conflicts_local')
    with op.batch_alter_table('blob_local', schema=None) as batch_op:
        batch_op.drop_index('ix_blob_local_status')

    op.drop_table('blob_local')
