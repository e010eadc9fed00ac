"""The complete 证据清单: statutory type, provider and page count per item; the party's confirmation of the list;
the 留置送达 photo of a proof of service as a column (so it syncs as a blob)

Revision ID: 0012_evidence
Revises: 0011_leads_sync
Create Date: 2026-12-03
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_evidence"
down_revision = "0011_leads_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs (no table rebuild): the evidence table can be large.
    op.add_column("evidence", sa.Column("evidence_type", sa.String(length=20), nullable=False, server_default=""))
    op.add_column("evidence", sa.Column("provider", sa.String(length=100), nullable=False, server_default=""))
    op.add_column("evidence", sa.Column("page_count", sa.Integer(), nullable=True))
    # Existing items get the type a new item of their kind and measure gets (domain.evidence.default_type), so
    # a record signed before this release and one signed after print the same column.
    op.execute("""UPDATE evidence SET evidence_type = CASE
        WHEN measure = '封存' THEN '物证'
        WHEN measure = '调取数据' OR kind = 'data' THEN '电子数据'
        WHEN measure = '录音录像' OR kind = 'audio_video' THEN '视听资料'
        ELSE '书证' END""")
    op.add_column("service_receipts", sa.Column("photo_sha256", sa.String(length=64), nullable=True))
    op.execute("""UPDATE service_receipts SET photo_sha256 = NULLIF(json_extract(content, '$.photo_sha256'), '')
        WHERE json_valid(content)""")
    op.create_table(
        "evidence_confirmations",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("refused", sa.Boolean(), nullable=False),
        sa.Column("signer_name", sa.String(length=100), nullable=False),
        sa.Column("refusal_reason", sa.Text(), nullable=False),
        sa.Column("list_digest", sa.String(length=64), nullable=False),
        sa.Column("confirmed_at", sa.String(length=32), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"],
                                name=op.f("fk_evidence_confirmations_inspection_id_inspections")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_confirmations")),
        sa.UniqueConstraint("inspection_id", name=op.f("uq_evidence_confirmations_inspection_id")),
    )


def downgrade() -> None:
    op.drop_table("evidence_confirmations")
    with op.batch_alter_table("service_receipts") as batch:
        batch.drop_column("photo_sha256")
    with op.batch_alter_table("evidence") as batch:
        batch.drop_column("page_count")
        batch.drop_column("provider")
        batch.drop_column("evidence_type")
