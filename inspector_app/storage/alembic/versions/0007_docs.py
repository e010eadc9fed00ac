"""On-site document set: 询问笔录 (inquiries) and 送达回证 (service receipts)

Revision ID: 0007_docs
Revises: 0006
Create Date: 2026-12-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_docs"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inquiries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("person_name", sa.String(length=100), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("refused", sa.Boolean(), nullable=False),
        sa.Column("started_at", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"],
                                name=op.f("fk_inquiries_inspection_id_inspections")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inquiries")),
    )
    op.create_index(op.f("ix_inquiries_inspection_id"), "inquiries", ["inspection_id"], unique=False)
    op.create_table(
        "service_receipts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("served_document_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("served_at", sa.String(length=32), nullable=False),
        sa.Column("receiver_signed", sa.Boolean(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"],
                                name=op.f("fk_service_receipts_inspection_id_inspections")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_receipts")),
    )
    op.create_index(op.f("ix_service_receipts_inspection_id"), "service_receipts", ["inspection_id"], unique=False)
    op.create_index(op.f("ix_service_receipts_served_document_id"), "service_receipts", ["served_document_id"],
                    unique=False)


def downgrade() -> None:
    op.drop_table("service_receipts")
    op.drop_table("inquiries")
