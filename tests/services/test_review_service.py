"""Team-lead review, return and addendum, approval by countersignature, outcome, rectification tracking."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal

import pytest

from inspector_app.domain.errors import IllegalTransition, ValidationError
from inspector_app.domain.findings import FindingData
from inspector_app.domain.outcomes import Outcome, RectificationResult, load_penalty_map
from inspector_app.services.context import Actor
from inspector_app.services.signature_art import demo_strokes, strokes_to_png
from inspector_app.services.signing import PartySignoff
from tests.conftest import test_workspace_key
from tests.helpers import lead
from tests.services.test_signing_service import PASSWORD, org_ca, ready_to_sign, with_keys  # noqa: F401


def signed(app, roster, ca, evidence=()) -> str:  # type: ignore[no-untyped-def]
    with_keys(app, roster, ca)
    iid = ready_to_sign(app, roster)
    if evidence:  # evidence may still go in until the first signature
        assert app.evidence.import_files(lead(roster), iid, evidence).imported
    app.findings.add(lead(roster), iid, FindingData(
        "串换项目收费", amount_involved=Decimal("1000.00"), amount_to_recover=Decimal("1000.00"),
        legal_basis="条例 第十五条", penalty_article="条例 第三十八条(四)"))
    for o in roster["officers"][:2]:
        app.signing.sign_record(Actor(o.name, o.id), iid, o.id, PASSWORD)
    return iid


def as_actor(o) -> Actor:  # type: ignore[no-untyped-def]
    return Actor(o.name, o.id)


def test_return_addendum_resubmit_approve(app, roster, org_ca, tmp_path) -> None:  # type: ignore[no-untyped-def]
    iid = signed(app, roster, org_ca)
    boss = as_actor(roster["lead"])
    inspector = lead(roster)
    assert iid not in {s.id for s in app.queries.review_queue()}  # signed, not submitted: not the reviewer's yet
    app.review.submit(inspector, iid)
    assert [s.id for s in app.queries.review_queue()] == [iid]
    assert [s.id for s in app.queries.inspections(statuses={"submitted"})] == [iid]
    with pytest.raises(ValidationError) as caught:
        app.review.start_review(inspector, iid)  # an inspector cannot review
    assert caught.value.code == "rules.reviewer_only"
    app.review.start_review(boss, iid)
    app.review.comment(boss, iid, "问题 1 的涉及金额请核对发票。", app.findings.list(iid)[0].id)
    app.review.return_for_correction(boss, iid, "涉及金额与发票不符，请补正。")
    assert app.queries.summary(iid).status == "returned"
    with pytest.raises(ValidationError) as caught:
        app.review.submit(inspector, iid)
    assert caught.value.code == "review.return_unanswered"
    # the inspectors answer with a signed addendum; the record stays as it was signed
    s = demo_strokes(30)
    app.signing.capture_signature(inspector, iid, "party", "周一鸣", s, strokes_to_png(s), document_kind="addendum")
    app.signing.record_party_signoff(inspector, iid, PartySignoff(refused=False, signer_name="周一鸣"),
                                     document_kind="addendum")
    o1 = roster["officers"][0]
    s = demo_strokes(31)
    app.signing.capture_signature(inspector, iid, "officer", o1.name, s, strokes_to_png(s), o1.id,
                                  document_kind="addendum")
    app.documents.create_addendum(inspector, iid, reason="按审核意见更正", officer_id=o1.id, password=PASSWORD,
                                  changes=[("问题 1 涉及金额", "1,000.00 元", "1,200.00 元")])
    app.review.submit(inspector, iid)
    app.review.start_review(boss, iid)
    with pytest.raises(ValidationError) as caught:
        app.review.approve(inspector, iid, PASSWORD)
    assert caught.value.code == "rules.reviewer_only"
    app.review.approve(boss, iid, PASSWORD)
    assert app.queries.summary(iid).status == "approved"
    pdf = app.verification.export_record(iid, tmp_path / "approved.pdf")
    report = app.verification.verify(pdf)
    assert report.ok and len(report.signatures) == 3 and not report.pending_fields, report.reasons
    if shutil.which("pdfsig"):
        out = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True).stdout
        assert out.count("Signature is Valid.") == 3
    kinds = [e.kind for e in app.review.events(iid)]
    assert kinds == ["comment", "return", "approve"]
    assert app.journal.verify(iid).ok


def test_outcome_rectification_overdue_and_close(app, roster, org_ca, clock) -> None:  # type: ignore[no-untyped-def]
    iid = signed(app, roster, org_ca)
    boss, inspector = as_actor(roster["lead"]), lead(roster)
    app.documents.create_notice(inspector, iid, deadline=dt.date(2026, 12, 5), officer_id=roster["officers"][0].id,
                                password=PASSWORD)
    app.review.submit(inspector, iid)
    app.review.start_review(boss, iid)
    app.review.approve(boss, iid, PASSWORD)
    [suggestion] = app.review.suggest(iid)
    assert suggestion.article == "第三十八条" and (suggestion.low, suggestion.high) == (Decimal("1000.00"),
                                                                                      Decimal("2000.00"))
    with pytest.raises(ValidationError) as caught:
        app.review.set_outcome(boss, iid, Outcome.NO_PROBLEM, refund="10")
    assert caught.value.code == "review.no_problem_with_amounts"
    app.review.set_outcome(boss, iid, Outcome.RECTIFY, refund="1000.00", fine="1500.00", articles="第三十八条")
    assert app.queries.summary(iid).status == "rectification"
    [rect] = app.review.rectifications()
    assert rect.deadline == dt.date(2026, 12, 5) and rect.days_left == 15 and not rect.overdue
    clock.advance(days=20)
    [rect] = app.review.rectifications()
    assert rect.overdue and rect.days_left == -5
    dash = app.review.dashboard()
    assert dash.overdue and dash.to_refund == Decimal("1000.00") and dash.fines == Decimal("1500.00")
    assert dash.findings_by_article["第三十八条"] == 1
    app.review.record_voluntary_refund(inspector, rect.id, "1000.00", dt.date(2026, 12, 8))
    with pytest.raises(ValidationError) as caught:
        app.review.close(boss, iid)
    assert caught.value.code == "review.rectification_open"
    o1, o2 = roster["officers"][0], roster["officers"][1]
    rein, _ = app.reinspections.open(inspector, rect.id, [o1.id, o2.id])
    app.reinspections.update(inspector, rein.id, result=RectificationResult.OVERDUE, note="逾期后方完成退款")
    app.reinspections.sign(inspector, rein.id, o1.id, PASSWORD)
    assert app.review.dashboard().overdue  # 逾期未改 stays overdue: it opens the 第三十九条 fine
    app.review.close(boss, iid)
    assert app.queries.summary(iid).status == "closed"
    with pytest.raises(IllegalTransition):
        app.review.submit(inspector, iid)


def test_province_can_override_the_penalty_map(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "shandong.toml"
    path.write_text('["第三十八条"]\nbasis = "multiple"\nlow = 1\nhigh = 1.5\nnote = "省裁量基准"\n', encoding="utf-8")
    rules = load_penalty_map(path)
    assert rules["第三十八条"].suggest(Decimal("100.00")) == (Decimal("100.00"), Decimal("150.00"))
    path.write_text('["第三十八条"]\nbasis = "multiple"\nlow = 3\nhigh = 1\n', encoding="utf-8")
    with pytest.raises(ValidationError, match="low"):
        load_penalty_map(path)


def test_the_workspace_penalty_file_sets_the_suggestions(tmp_path, clock, mini_forms, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.app import build_context

    config = tmp_path / "ws" / "config"
    config.mkdir(parents=True)
    (config / "penalties.toml").write_text('["第三十八条"]\nbasis = "multiple"\nlow = 1\nhigh = 1.5\n',
                                           encoding="utf-8")
    app = build_context(str(tmp_path / "ws"), clock=clock, workspace_key=test_workspace_key())
    try:
        rule = app.review._penalties["第三十八条"]
        assert rule.suggest(Decimal("100.00")) == (Decimal("100.00"), Decimal("150.00"))
    finally:
        app.close()
