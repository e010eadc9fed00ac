"""Signing the record through the services: captures, party sign-off or refusal, PAdES, freezing, numbering."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from inspector_app.domain.errors import FrozenRecord, ValidationError
from inspector_app.records import pki
from inspector_app.services.context import Actor
from inspector_app.services.signature_art import demo_strokes, strokes_to_png
from inspector_app.services.signing import PartySignoff
from tests.helpers import answer_ids, lead, new_inspection, start_on_site

PASSWORD = "test-only-Pw1"


EPOCH = __import__("datetime").datetime(2026, 1, 1, tzinfo=__import__("datetime").timezone.utc)


@pytest.fixture(scope="session")
def org_ca() -> pki.CertKey:
    # valid well before the tests' fixed clock (2026-11-20), as a real organisation CA would be
    return pki.create_ca("测试市医疗保障局", not_before=EPOCH)


def with_keys(app, roster, ca) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from inspector_app.domain.roster import OfficerData

    lead_officer, _ = app.roster.add_officer(Actor("管理员"), OfficerData("韩景明", "基金监督科", "LEAD0001",
                                                                        dt.date(2030, 1, 1), role="team_lead"))
    roster["lead"] = lead_officer
    app.keys.save(lead_officer.id, pki.issue_officer(ca, lead_officer.name, "LEAD0001", not_before=EPOCH,
                                                                 team_lead=True), PASSWORD)
    app.keys.add_trust_root(ca.cert)
    app.keys.add_crl(pki.make_crl(ca))
    for o in roster["officers"][:3]:
        app.keys.save(o.id, pki.issue_officer(ca, o.name, o.certificate_no, not_before=EPOCH), PASSWORD)


def ready_to_sign(app, roster, refused: bool = False) -> str:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    ids = answer_ids(app, iid)
    actor = lead(roster)
    values = {"T-01": "yes", "T-02": "no", "T-03": 1, "T-04": "9", "T-05": "0", "T-06": "2026-01-01",
              "T-07": "x", "T-08": "专职人员", "T-09": ["处方"], "T-10": {"rows": []}}
    for item, value in values.items():
        app.inspections.answer(actor, ids[item], value)
    app.inspections.finish_on_site(actor, iid)
    for n, o in enumerate(roster["officers"][:2]):
        strokes = demo_strokes(n)
        app.signing.capture_signature(actor, iid, "officer", o.name, strokes, strokes_to_png(strokes), o.id)
    if refused:
        data = PartySignoff(refused=True, refusal_reason="对检查结论有异议", witness_name="王建国",
                            witness_id_number="510802198805061234", witness_relation="社区工作人员",
                            officer_note="已宣读笔录，当事人拒签，邀请见证人见证。")
        strokes = demo_strokes(7)
        app.signing.capture_signature(actor, iid, "witness", "王建国", strokes, strokes_to_png(strokes))
    else:
        data = PartySignoff(refused=False, signer_name="周一鸣", title="医务科科长", id_number="510802197901011234")
        strokes = demo_strokes(5)
        app.signing.capture_signature(actor, iid, "party", "周一鸣", strokes, strokes_to_png(strokes))
    app.signing.record_party_signoff(actor, iid, data)
    return iid


def test_empty_signature_is_refused(app, roster) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    with pytest.raises(ValidationError) as caught:
        app.signing.capture_signature(lead(roster), iid, "officer", "x", [], b"\x89PNG")
    assert caught.value.code == "signature.empty"
    with pytest.raises(ValidationError) as caught:
        app.signing.capture_signature(lead(roster), iid, "officer", "x", [[[1, 1], [2, 2]]], b"\x89PNG")
    assert caught.value.code == "signature.too_short"


def test_refusal_needs_witness_and_reason(app, roster) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        PartySignoff(refused=True, refusal_reason="不同意").validate()
    assert caught.value.code == "party.refusal_incomplete" and "party.refusal_field_missing" in caught.value.codes


def test_sign_freeze_countersign_and_verify(app, roster, org_ca, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with_keys(app, roster, org_ca)
    iid = ready_to_sign(app, roster)
    o1, o2 = roster["officers"][0], roster["officers"][1]
    with pytest.raises(ValidationError) as wrong:
        app.signing.sign_record(Actor(o1.name, o1.id), iid, o1.id, "wrong")
    assert wrong.value.code == "pki.wrong_password"
    doc, _ = app.signing.sign_record(Actor(o1.name, o1.id), iid, o1.id, PASSWORD)
    assert doc.number.endswith("〔2026〕1号") and doc.pending_fields
    assert app.queries.summary(iid).status == "awaiting_signature"  # the second officer has not signed yet
    ids = answer_ids(app, iid)
    with pytest.raises(FrozenRecord):
        app.inspections.answer(lead(roster), ids["T-01"], "no")
    doc, _ = app.signing.sign_record(Actor(o2.name, o2.id), iid, o2.id, PASSWORD)
    assert app.queries.summary(iid).status == "signed"
    assert doc.pending_fields == ("Sig_Lead",)
    out = app.verification.export_record(iid, tmp_path / "record.pdf")
    report = app.verification.verify(out)
    assert report.ok, report.reasons
    assert len(report.signatures) == 2 and report.journal is not None and report.journal.ok
    if shutil.which("pdfsig"):
        text = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True).stdout
        assert text.count("Signature is Valid.") == 2
    assert app.journal.verify(iid).ok


def test_refusal_with_witness_signs_and_verifies(app, roster, org_ca, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with_keys(app, roster, org_ca)
    iid = ready_to_sign(app, roster, refused=True)
    o1 = roster["officers"][0]
    app.signing.sign_record(Actor(o1.name, o1.id), iid, o1.id, PASSWORD)
    out = app.verification.export_record(iid, tmp_path / "r.pdf")
    assert app.verification.verify(out).ok
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        assert "拒" in text and "王建国" in text


def test_numbers_have_no_gaps_and_survive_a_failed_signing(app, roster, org_ca) -> None:  # type: ignore[no-untyped-def]
    with_keys(app, roster, org_ca)
    a = ready_to_sign(app, roster)
    b = ready_to_sign(app, roster)
    o1 = roster["officers"][0]
    first, _ = app.signing.sign_record(Actor(o1.name, o1.id), a, o1.id, PASSWORD)
    second, _ = app.signing.sign_record(Actor(o1.name, o1.id), b, o1.id, PASSWORD)
    assert first.number.endswith("1号") and second.number.endswith("2号")


def test_unready_record_says_what_is_missing(app, roster, org_ca) -> None:  # type: ignore[no-untyped-def]
    with_keys(app, roster, org_ca)
    iid = new_inspection(app, roster)
    o1 = roster["officers"][0]
    with pytest.raises(ValidationError) as caught:
        app.signing.sign_record(Actor(o1.name, o1.id), iid, o1.id, PASSWORD)
    assert "signing.party_not_signed" in caught.value.codes




def test_notice_and_addendum_are_signed_and_verify(app, roster, org_ca, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt
    from decimal import Decimal

    from inspector_app.domain.findings import FindingData

    with_keys(app, roster, org_ca)
    iid = ready_to_sign(app, roster)
    o1, o2 = roster["officers"][0], roster["officers"][1]
    app.findings.add(lead(roster), iid, FindingData("超标准收费", amount_involved=Decimal("100.00"),
                                                     amount_to_recover=Decimal("100.00"),
                                                     legal_basis="《医疗保障基金使用监督管理条例》第三十八条"))
    for o in (o1, o2):
        app.signing.sign_record(Actor(o.name, o.id), iid, o.id, PASSWORD)
    with pytest.raises(ValidationError) as early:
        app.documents.create_notice(lead(roster), iid, deadline=dt.date(2026, 11, 1), officer_id=o1.id,
                                    password=PASSWORD)
    assert early.value.codes == ["notice.deadline_not_after_issue"]
    notice, _ = app.documents.create_notice(lead(roster), iid, deadline=dt.date(2026, 12, 20), officer_id=o1.id,
                                            password=PASSWORD)
    assert "改" in notice.number
    with pytest.raises(ValidationError) as caught:  # one notice per record: the rule book, as the UI's button
        app.documents.create_notice(lead(roster), iid, deadline=dt.date(2026, 12, 21), officer_id=o1.id,
                                    password=PASSWORD)
    assert caught.value.code == "rules.notice_issued"
    out = app.verification.export_record(iid, tmp_path / "notice.pdf", "notice")
    assert app.verification.verify(out).ok
    # an addendum: the party signs the correction, both officers sign it; the record stays as signed
    before = app.verification.export_record(iid, tmp_path / "before.pdf").read_bytes()
    strokes = demo_strokes(11)
    app.signing.capture_signature(lead(roster), iid, "party", "周一鸣", strokes, strokes_to_png(strokes),
                                  document_kind="addendum")
    app.signing.record_party_signoff(lead(roster), iid, PartySignoff(refused=False, signer_name="周一鸣"),
                                     document_kind="addendum")
    for n, o in enumerate((o1, o2)):
        s = demo_strokes(20 + n)
        app.signing.capture_signature(lead(roster), iid, "officer", o.name, s, strokes_to_png(s), o.id,
                                      document_kind="addendum")
    doc, _ = app.documents.create_addendum(lead(roster), iid, reason="问题 1 涉及金额录入错误",
                                           changes=[("问题 1 涉及金额", "100.00 元", "120.00 元")],
                                           officer_id=o1.id, password=PASSWORD)
    app.signing.countersign(Actor(o2.name, o2.id), doc.id, o2.id, PASSWORD)
    add_pdf = app.verification.export_record(iid, tmp_path / "addendum.pdf", "addendum")
    report = app.verification.verify(add_pdf)
    assert report.ok and len(report.signatures) == 2, report.reasons
    assert app.verification.export_record(iid, tmp_path / "after.pdf").read_bytes() == before
    assert app.journal.verify(iid).ok


def test_first_signature_queues_the_sync_sign_mutation(app, roster, org_ca) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from inspector_app.storage.orm import OutboxRow
    from inspector_app.sync import local

    with_keys(app, roster, org_ca)
    iid = ready_to_sign(app, roster)
    o1 = roster["officers"][0]
    app.signing.sign_record(Actor(o1.name, o1.id), iid, o1.id, PASSWORD)
    with app.ctx.read() as s:
        [row] = s.scalars(select(OutboxRow).where(OutboxRow.entity == "inspection", OutboxRow.entity_id == iid,
                                                  OutboxRow.op == "sign")).all()
        assert row.payload["content_hash"] == local.signing_hash(s, iid)
