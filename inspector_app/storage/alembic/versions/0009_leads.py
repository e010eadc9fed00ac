"""Data leads (数据比对): sources, imports, settlement lines, leads; campaigns with self-inspection returns

Revision ID: 0009_leads
Revises: 0008_plans
Create Date: 2026-12-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_leads"
down_revision = "0008_plans"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lead_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_key", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lead_settings")),
    )
    op.create_table(
        "lead_sources",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("mapping", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lead_sources")),
        sa.UniqueConstraint("name", name=op.f("uq_lead_sources_name")),
    )
    op.create_table(
        "lead_imports",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("sheet", sa.String(length=100), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("ignored_columns", sa.Text(), nullable=False),
        sa.Column("imported_by", sa.String(length=100), nullable=False),
        sa.Column("imported_at", sa.String(length=32), nullable=False),
        sa.Column("first_line_id", sa.Integer(), nullable=True),
        sa.Column("last_line_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["source_id"], ["lead_sources.id"],
                                name=op.f("fk_lead_imports_source_id_lead_sources")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lead_imports")),
        sa.UniqueConstraint("sha256", name=op.f("uq_lead_imports_sha256")),
    )
    with op.batch_alter_table("lead_imports") as batch:
        batch.create_index(batch.f("ix_lead_imports_source_id"), ["source_id"], unique=False)
    op.create_table(
        "lead_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.String(length=36), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("row_key", sa.Integer(), nullable=False),
        sa.Column("settlement_no", sa.String(length=200), nullable=False),
        sa.Column("institution_code", sa.String(length=200), nullable=False),
        sa.Column("patient_hash", sa.String(length=32), nullable=False),
        sa.Column("patient_masked", sa.String(length=200), nullable=False),
        sa.Column("admitted_on", sa.String(length=10), nullable=False),
        sa.Column("discharged_on", sa.String(length=10), nullable=False),
        sa.Column("institution_name", sa.String(length=200), nullable=True),
        sa.Column("diagnosis", sa.String(length=200), nullable=True),
        sa.Column("total_fen", sa.Integer(), nullable=True),
        sa.Column("item_code", sa.String(length=200), nullable=True),
        sa.Column("item_name", sa.String(length=200), nullable=True),
        sa.Column("quantity_milli", sa.Integer(), nullable=True),
        sa.Column("unit_price_fen", sa.Integer(), nullable=True),
        sa.Column("amount_fen", sa.Integer(), nullable=True),
        sa.Column("fee_date", sa.String(length=10), nullable=True),
        sa.Column("rule_hit", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["import_id"], ["lead_imports.id"],
                                name=op.f("fk_lead_lines_import_id_lead_imports")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lead_lines")),
    )
    op.create_table(
        "leads",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("import_id", sa.String(length=36), nullable=False),
        sa.Column("rule", sa.String(length=40), nullable=False),
        sa.Column("institution_code", sa.String(length=200), nullable=False),
        sa.Column("institution_id", sa.String(length=36), nullable=True),
        sa.Column("settlement_no", sa.String(length=200), nullable=False),
        sa.Column("patient_hash", sa.String(length=32), nullable=False),
        sa.Column("patient_masked", sa.String(length=200), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("finding_id", sa.String(length=36), nullable=True),
        sa.Column("campaign_item", sa.String(length=80), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["import_id"], ["lead_imports.id"], name=op.f("fk_leads_import_id_lead_imports")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leads")),
    )
    with op.batch_alter_table("leads") as batch:
        batch.create_index(batch.f("ix_leads_import_id"), ["import_id"], unique=False)
        batch.create_index(batch.f("ix_leads_institution_code"), ["institution_code"], unique=False)
        batch.create_index(batch.f("ix_leads_institution_id"), ["institution_id"], unique=False)
    op.create_table(
        "campaigns",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("phases", sa.Text(), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("self_check_deadline", sa.Date(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
    )
    op.create_table(
        "campaign_institutions",
        sa.Column("campaign_id", sa.String(length=36), nullable=False),
        sa.Column("institution_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"],
                                name=op.f("fk_campaign_institutions_campaign_id_campaigns")),
        sa.ForeignKeyConstraint(["institution_id"], ["institutions.id"],
                                name=op.f("fk_campaign_institutions_institution_id_institutions")),
        sa.PrimaryKeyConstraint("campaign_id", "institution_id", name=op.f("pk_campaign_institutions")),
    )
    op.create_table(
        "selfcheck_returns",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("campaign_id", sa.String(length=36), nullable=False),
        sa.Column("institution_id", sa.String(length=36), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("committed_by", sa.String(length=100), nullable=False),
        sa.Column("committed_on", sa.Date(), nullable=True),
        sa.Column("imported_by", sa.String(length=100), nullable=False),
        sa.Column("imported_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"],
                                name=op.f("fk_selfcheck_returns_campaign_id_campaigns")),
        sa.ForeignKeyConstraint(["institution_id"], ["institutions.id"],
                                name=op.f("fk_selfcheck_returns_institution_id_institutions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_selfcheck_returns")),
        sa.UniqueConstraint("campaign_id", "institution_id", name=op.f("uq_selfcheck_returns_campaign_id")),
    )
    with op.batch_alter_table("selfcheck_returns") as batch:
        batch.create_index(batch.f("ix_selfcheck_returns_campaign_id"), ["campaign_id"], unique=False)
        batch.create_index(batch.f("ix_selfcheck_returns_institution_id"), ["institution_id"], unique=False)
    op.create_table(
        "selfcheck_problems",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("return_id", sa.String(length=36), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=80), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("refunded_fen", sa.Integer(), nullable=False),
        sa.Column("refunded_on", sa.Date(), nullable=True),
        sa.Column("receipt_no", sa.String(length=100), nullable=False),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["return_id"], ["selfcheck_returns.id"],
                                name=op.f("fk_selfcheck_problems_return_id_selfcheck_returns")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_selfcheck_problems")),
    )
    with op.batch_alter_table("selfcheck_problems") as batch:
        batch.create_index(batch.f("ix_selfcheck_problems_return_id"), ["return_id"], unique=False)


def downgrade() -> None:
    op.drop_table("selfcheck_problems")
    op.drop_table("selfcheck_returns")
    op.drop_table("campaign_institutions")
    op.drop_table("campaigns")
    op.drop_table("leads")
    op.drop_table("lead_lines")
    op.drop_table("lead_imports")
    op.drop_table("lead_sources")
    op.drop_table("lead_settings")
