"""Inspection use cases through the services, as the UI and CLI call them."""

import datetime as dt
import shutil
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from inspector_app.domain.errors import FrozenRecord, TeamRuleViolation, ValidationError
from inspector_app.domain.findings import FindingData, Severity
from inspector_app.domain.inspection import InspectionMode, InspectionType, Status
from inspector_app.storage.orm import JournalEventRow, OutboxRow, SyncStateRow
from tests.helpers import answer_ids, lead, new_inspection, start_on_site


def counts(app):  # type: ignore[no-untyped-def]
    with app.ctx.read() as s:
        return (s.scalar(select(func.count()).select_from(JournalEventRow)),
                s.scalar(select(func.count()).select_from(OutboxRow)))


def test_cannot_create_with_one_valid_officer(app, roster) -> None:  # type: ignore[no-untyped-def]
    before = counts(app)
    with pytest.raises(TeamRuleViolation) as caught:
        new_inspection(app, roster, officers=(0, 3))  # officer 3's certificate expired
    assert "team.too_few_officers" in caught.value.codes
    assert counts(app) == before, "a refused action must leave no journal or outbox trace"
    assert app.queries.inspections() == []


def test_create_pins_templates_and_makes_one_answer_row_per_item(app, roster) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    detail = app.queries.detail(iid)
    template = app.library.templates["mini"]
    assert detail.template_hashes == (template.content_hash,)
    assert [a.item_id for a in detail.answers] == [i.id for i in template.items()]
    assert detail.summary.status == "draft" and len(detail.team) == 2
    assert detail.summary.unsynced > 0


def test_going_on_site_needs_credentials_and_recusal(app, roster) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    actor = lead(roster)
    with pytest.raises(TeamRuleViolation) as caught:
        app.inspections.start_on_site(actor, iid)
    assert "team.recusal_missing" in caught.value.codes
    for o in roster["officers"][:2]:
        app.inspections.declare_recusal(actor, iid, o.id, has_conflict=False)
    with pytest.raises(TeamRuleViolation) as caught:
        app.inspections.start_on_site(actor, iid)
    assert caught.value.codes == ["team.problems"] + ["team.credentials_not_shown"] * 2
    for o in roster["officers"][:2]:
        app.inspections.record_credentials_shown(actor, iid, o.id)
    app.inspections.start_on_site(actor, iid)
    summary = app.queries.summary(iid)
    assert summary.status == "on_site" and summary.started_at is not None


def test_a_declared_conflict_needs_a_reason_and_a_replacement(app, roster) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    actor = lead(roster)
    with pytest.raises(ValidationError) as caught:
        app.inspections.declare_recusal(actor, iid, roster["officers"][1].id, has_conflict=True)
    assert caught.value.code == "team.conflict_needs_note"
    app.inspections.declare_recusal(actor, iid, roster["officers"][1].id, True, "与该院院长系近亲属")
    app.inspections.declare_recusal(actor, iid, roster["officers"][0].id, False)
    app.inspections.record_credentials_shown(actor, iid, roster["officers"][0].id)
    with pytest.raises(TeamRuleViolation):
        app.inspections.start_on_site(actor, iid)


def test_answers_of_every_type_and_thresholds(app, roster) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    ids = answer_ids(app, iid)
    actor = lead(roster)
    cases = [
        ("T-01", "yes", "compliant"), ("T-01", "no", "violation"),
        ("T-02", "no", "compliant"), ("T-02", "yes", "violation"), ("T-02", "na", "not_applicable"),
        ("T-03", "42", "compliant"),
        ("T-04", "7.9", "compliant"), ("T-04", "8", "compliant"), ("T-04", "8.01", "violation"),
        ("T-05", "1,234.50", "compliant"), ("T-06", "2026-03-01", "compliant"),
        ("T-07", "林书远 医保办主任", "compliant"),
        ("T-08", "专职人员", "compliant"), ("T-09", ["处方", "财务账目"], "compliant"),
        ("T-10", {"rows": [{"record_no": "ZY001", "amount": "860", "admitted": "2026-04-01", "days": "3",
                            "consent": "否"}]}, "compliant"),
        ("T-10", {"rows": [{"record_no": "ZY001", "amount": "860", "violation": True}]}, "violation"),
    ]
    for item, value, expected in cases:
        state, _ = app.inspections.answer(actor, ids[item], value)
        assert state == expected, (item, value)
    detail = app.queries.detail(iid)
    by_item = {a.item_id: a for a in detail.answers}
    assert by_item["T-05"].value == "1234.50"
    assert by_item["T-09"].value == ["财务账目", "处方"]  # kept in the template's order
    assert by_item["T-10"].value["rows"][0]["amount"] == "860.00"


@pytest.mark.parametrize("item,value,code", [
    ("T-01", "maybe", "answer.yes_no"), ("T-03", "-1", "answer.negative_count"),
    ("T-03", "三", "answer.not_an_integer"), ("T-04", "101", "answer.percent_range"),
    ("T-05", "12.345", "money.too_precise"), ("T-05", "abc", "money.malformed"),
    ("T-06", "2026/13/01", "answer.bad_date"),
    ("T-08", "别的", "answer.not_a_choice"), ("T-10", {"rows": [{"nope": 1}]}, "answer.sample_unknown_columns"),
    ("T-10", {"rows": [{"amount": "x"}]}, "money.malformed"),
])
def test_bad_answers_are_refused_clearly_and_change_nothing(app, roster, item, value, code) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    ids = answer_ids(app, iid)
    before = counts(app)
    with pytest.raises(ValidationError) as caught:
        app.inspections.answer(lead(roster), ids[item], value)
    assert caught.value.code == code
    assert counts(app) == before
    assert {a.item_id: a.value for a in app.queries.detail(iid).answers}[item] is None


def test_every_change_writes_journal_and_outbox_in_the_same_transaction(app, roster) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    ids = answer_ids(app, iid)
    j0, o0 = counts(app)
    app.inspections.answer(lead(roster), ids["T-01"], "yes")
    assert counts(app) == (j0 + 1, o0 + 1)
    with app.ctx.read() as s:
        row = s.scalars(select(OutboxRow).order_by(OutboxRow.client_seq.desc())).first()
        state = s.get(SyncStateRow, 1)
        seqs = s.scalars(select(OutboxRow.client_seq).order_by(OutboxRow.client_seq)).all()
    assert row.entity == "answer" and row.entity_id == ids["T-01"]
    assert row.payload == {"fields": {"value": [None, "yes"]}}
    assert seqs == list(range(1, len(seqs) + 1)) and state.next_client_seq == len(seqs) + 1
    assert app.journal.verify(iid).ok


def test_unchanged_answer_writes_nothing(app, roster) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    ids = answer_ids(app, iid)
    app.inspections.answer(lead(roster), ids["T-01"], "yes")
    before = counts(app)
    app.inspections.answer(lead(roster), ids["T-01"], "yes")
    assert counts(app) == before


def test_findings_keep_exact_amounts_and_prefill_from_the_item(app, roster) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    ids = answer_ids(app, iid)
    draft = app.findings.prefill_from_item(ids["T-01"])
    assert "第十四条" in draft.legal_basis and "第三十九条" in draft.penalty_article
    f, _ = app.findings.add(lead(roster), iid, FindingData(
        description="未建立内部管理制度", severity=Severity.SERIOUS, amount_involved=Decimal("0.10"),
        amount_to_recover=Decimal("0.10"), legal_basis=draft.legal_basis), answer_id=ids["T-01"])
    app.findings.update(lead(roster), f.id, amount_involved="0.30")
    found = app.findings.list(iid)
    assert found[0].amount_involved == Decimal("0.30") and found[0].amount_to_recover == Decimal("0.10")
    assert found[0].item_id == "T-01"
    app.findings.remove(lead(roster), f.id, "重复录入")
    assert app.findings.list(iid) == []
    assert app.queries.summary(iid).findings == 0


def test_status_path_and_frozen_record(app, roster) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    actor = lead(roster)
    with pytest.raises(ValidationError) as caught:
        app.inspections.answer(actor, answer_ids(app, iid)["T-01"], "yes")
    assert caught.value.code == "rules.not_on_site"
    start_on_site(app, roster, iid)
    with pytest.raises(ValidationError) as caught:
        app.inspections.finish_on_site(actor, iid)
    assert caught.value.code == "inspection.required_unanswered"
    ids = answer_ids(app, iid)
    values = {"T-01": "yes", "T-02": "no", "T-03": 1, "T-04": "1", "T-05": "0", "T-06": "2026-01-01",
              "T-07": "x", "T-08": "专职人员", "T-09": ["处方"], "T-10": {"rows": []}}
    for item, value in values.items():
        app.inspections.answer(actor, ids[item], value)
    app.inspections.finish_on_site(actor, iid)  # T-11 is optional
    app.inspections.transition(actor, iid, Status.SIGNED)
    with pytest.raises(FrozenRecord) as caught:
        app.inspections.answer(actor, ids["T-01"], "no")
    assert caught.value.code == "rules.wrong_status"
    with pytest.raises(FrozenRecord):
        app.findings.add(actor, iid, FindingData(description="x"))
    assert app.journal.verify(iid).ok


def test_template_edit_keeps_pinned_snapshot(app, roster, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.catalog.loader import load_library
    from tests.conftest import FIXTURES

    iid = new_inspection(app, roster)
    old_hash = app.library.templates["mini"].content_hash
    forms = tmp_path / "forms2"
    shutil.copytree(FIXTURES / "forms", forms)
    text = (forms / "mini.toml").read_text(encoding="utf-8")
    (forms / "mini.toml").write_text(text.replace('label = "内部管理制度"', 'label = "内部管理制度（修订）"')
                                     .replace('version = "1"', 'version = "2"'), encoding="utf-8")
    new_lib = load_library(forms)
    assert new_lib.templates["mini"].content_hash != old_hash
    app.library.templates.clear()
    app.library.templates.update(new_lib.templates)
    iid2 = new_inspection(app, roster)
    assert app.queries.detail(iid).template_hashes == (old_hash,)
    assert app.queries.detail(iid2).template_hashes == (new_lib.templates["mini"].content_hash,)
    from inspector_app.services.templates import pinned

    with app.ctx.read() as s:
        assert pinned(s, old_hash).item("T-01").label == "内部管理制度"
        assert pinned(s, new_lib.templates["mini"].content_hash).item("T-01").label == "内部管理制度（修订）"


def test_periods_and_naive_times_are_checked(app, roster) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        app.inspections.create(lead(roster), institution_id=roster["hospital"].id,
                               inspection_type=InspectionType.ROUTINE, mode=InspectionMode.AGREEMENT,
                               planned_at=app.ctx.clock(), officer_ids=[o.id for o in roster["officers"][:2]],
                               template_ids=["mini"], period_from=dt.date(2026, 2, 1), period_to=dt.date(2026, 1, 1))
    assert caught.value.code == "inspection.period_reversed"
    with pytest.raises(ValidationError) as caught:
        app.inspections.create(lead(roster), institution_id=roster["hospital"].id,
                               inspection_type=InspectionType.ROUTINE, mode=InspectionMode.AGREEMENT,
                               planned_at=app.ctx.clock(), officer_ids=[o.id for o in roster["officers"][:2]],
                               template_ids=["no-such"])
    assert caught.value.code == "inspection.templates_missing"
