"""Signed records: documents, signature captures, party sign-offs, workspace settings; inspection record number

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("signed_fields", sa.Text(), nullable=False),
        sa.Column("pending_fields", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"],
                                name=op.f("fk_documents_inspection_id_inspections")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("kind", "number", name=op.f("uq_documents_kind")),
    )
    with op.batch_alter_table("documents") as batch:
        batch.create_index(batch.f("ix_documents_inspection_id"), ["inspection_id"], unique=False)
    op.create_table(
        "signature_captures",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("document_kind", sa.String(length=20), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("officer_id", sa.String(length=36), nullable=True),
        sa.Column("signer_name", sa.String(length=100), nullable=False),
        sa.Column("strokes", sa.Text(), nullable=False),
        sa.Column("png_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"],
                                name=op.f("fk_signature_captures_inspection_id_inspections")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signature_captures")),
    )
    with op.batch_alter_table("signature_captures") as batch:
        batch.create_index(batch.f("ix_signature_captures_inspection_id"), ["inspection_id"], unique=False)
    op.create_table(
        "party_signoffs",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("document_kind", sa.String(length=20), nullable=False),
        sa.Column("refused", sa.Boolean(), nullable=False),
        sa.Column("signer_name", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("id_number", sa.String(length=40), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("opinion", sa.Text(), nullable=False),
        sa.Column("recusal_answer", sa.Text(), nullable=False),
        sa.Column("refusal_reason", sa.Text(), nullable=False),
        sa.Column("witness_name", sa.String(length=100), nullable=False),
        sa.Column("witness_id_number", sa.String(length=40), nullable=False),
        sa.Column("witness_relation", sa.String(length=100), nullable=False),
        sa.Column("officer_note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"],
                                name=op.f("fk_party_signoffs_inspection_id_inspections")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party_signoffs")),
        sa.UniqueConstraint("inspection_id", "document_kind", name=op.f("uq_party_signoffs_inspection_id")),
    )
    with op.batch_alter_table("party_signoffs") as batch:
        batch.create_index(batch.f("ix_party_signoffs_inspection_id"), ["inspection_id"], unique=False)
    op.create_table(
        "workspace_settings",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_workspace_settings")),
    )
    with op.batch_alter_table("inspections") as batch:
        batch.add_column(sa.Column("record_number", sa.String(length=60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("inspections") as batch:
        batch.drop_column("record_number")
    op.drop_table("workspace_settings")
    op.drop_table("party_signoffs")
    op.drop_table("signature_captures")
    op.drop_table("documents")
