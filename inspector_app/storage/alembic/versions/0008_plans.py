"""Inspection plans and campaigns, their items, 双随机 draws, officers' declared conflicts and regions

Revision ID: 0008_plans
Revises: 0007_docs
Create Date: 2026-12-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_plans"
down_revision = "0007_docs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('plans',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('issuer', sa.String(length=200), nullable=False),
    sa.Column('document_no', sa.String(length=100), nullable=False),
    sa.Column('window_start', sa.Date(), nullable=False),
    sa.Column('window_end', sa.Date(), nullable=False),
    sa.Column('filing_due', sa.Date(), nullable=True),
    sa.Column('summary_due', sa.Date(), nullable=True),
    sa.Column('phases', sa.Text(), nullable=False),
    sa.Column('source_hash', sa.String(length=64), nullable=False),
    sa.Column('server_version', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plans')),
    sa.UniqueConstraint('key', name=op.f('uq_plans_key'))
    )
    op.create_index(op.f('ix_plans_status'), 'plans', ['status'], unique=False)
    op.create_table('officer_conflicts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('officer_id', sa.String(length=36), nullable=False),
    sa.Column('institution_id', sa.String(length=36), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('server_version', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'],
                            name=op.f('fk_officer_conflicts_institution_id_institutions')),
    sa.ForeignKeyConstraint(['officer_id'], ['officers.id'], name=op.f('fk_officer_conflicts_officer_id_officers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_officer_conflicts')),
    sa.UniqueConstraint('officer_id', 'institution_id', name=op.f('uq_officer_conflicts_officer_id'))
    )
    op.create_index(op.f('ix_officer_conflicts_institution_id'), 'officer_conflicts', ['institution_id'], unique=False)
    op.create_index(op.f('ix_officer_conflicts_officer_id'), 'officer_conflicts', ['officer_id'], unique=False)
    op.create_table('plan_items',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('plan_id', sa.String(length=36), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('requirements', sa.Text(), nullable=False),
    sa.Column('scope', sa.Text(), nullable=False),
    sa.Column('target_kind', sa.String(length=8), nullable=False),
    sa.Column('target_value', sa.String(length=12), nullable=False),
    sa.Column('frequency', sa.Integer(), nullable=False),
    sa.Column('window_start', sa.Date(), nullable=False),
    sa.Column('window_end', sa.Date(), nullable=False),
    sa.Column('division', sa.String(length=200), nullable=False),
    sa.Column('templates', sa.Text(), nullable=False),
    sa.Column('inspection_type', sa.String(length=20), nullable=False),
    sa.Column('server_version', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_items_plan_id_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_items')),
    sa.UniqueConstraint('plan_id', 'key', name=op.f('uq_plan_items_plan_id'))
    )
    op.create_index(op.f('ix_plan_items_plan_id'), 'plan_items', ['plan_id'], unique=False)
    op.create_table('draws',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('plan_item_id', sa.String(length=36), nullable=False),
    sa.Column('round_no', sa.Integer(), nullable=False),
    sa.Column('attempt', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('seed', sa.String(length=64), nullable=False),
    sa.Column('algorithm', sa.String(length=20), nullable=False),
    sa.Column('planned_on', sa.Date(), nullable=False),
    sa.Column('cross_check', sa.Boolean(), nullable=False),
    sa.Column('rules', sa.Text(), nullable=False),
    sa.Column('pool', sa.Text(), nullable=True),
    sa.Column('pool_hash', sa.String(length=64), nullable=True),
    sa.Column('result', sa.Text(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('record_sha256', sa.String(length=64), nullable=True),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('drawn_at', sa.String(length=32), nullable=True),
    sa.Column('decided_at', sa.String(length=32), nullable=True),
    sa.Column('server_version', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['plan_item_id'], ['plan_items.id'], name=op.f('fk_draws_plan_item_id_plan_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draws')),
    sa.UniqueConstraint('plan_item_id', 'round_no', 'attempt', name=op.f('uq_draws_plan_item_id'))
    )
    op.create_index(op.f('ix_draws_plan_item_id'), 'draws', ['plan_item_id'], unique=False)
    op.create_table('plan_item_inspections',
    sa.Column('inspection_id', sa.String(length=36), nullable=False),
    sa.Column('plan_item_id', sa.String(length=36), nullable=False),
    sa.Column('draw_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspections.id'],
                            name=op.f('fk_plan_item_inspections_inspection_id_inspections')),
    sa.ForeignKeyConstraint(['plan_item_id'], ['plan_items.id'],
                            name=op.f('fk_plan_item_inspections_plan_item_id_plan_items')),
    sa.PrimaryKeyConstraint('inspection_id', name=op.f('pk_plan_item_inspections'))
    )
    op.create_index(op.f('ix_plan_item_inspections_draw_id'), 'plan_item_inspections', ['draw_id'], unique=False)
    op.create_index(op.f('ix_plan_item_inspections_plan_item_id'), 'plan_item_inspections', ['plan_item_id'],
                    unique=False)
    # A plain ADD COLUMN (no table rebuild); existing officers get an empty region.
    op.add_column('officers', sa.Column('region', sa.String(length=100), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table("officers") as batch:
        batch.drop_column("region")
    for table in ("plan_item_inspections", "draws", "plan_items", "officer_conflicts", "plans"):
        op.drop_table(table)
