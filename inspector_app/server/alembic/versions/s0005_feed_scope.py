"""The change feed indexed by team: a pull reads its own teams' changes (and the shared ones), so its cost follows
the team's changes, not every team's (issue 17)

Revision ID: s0005_feed_scope
Revises: s0004_leads
"""
from __future__ import annotations

from alembic import op

revision = 's0005_feed_scope'
down_revision = 's0004_leads'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_changes_team_seq', 'changes', ['team_id', 'seq'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_changes_team_seq', table_name='changes')
