"""Signed PDF records: render → certify → countersign → verify, poppler cross-checks, and one failure code per
tamper class. The PKI, the fonts and the fully signed record are built once per session."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from inspector_app import fonts
from inspector_app.domain.journal import events_from_json, events_to_json, make_event
from inspector_app.records import pki, render, signing, verify
from inspector_app.records.model import LEAD, Party
from tests import records_sample as rs

POPPLER = shutil.which("pdfsig") and shutil.which("pdffonts") and shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdfsig, pdffonts, pdftotext) not installed")
PASSWORD = "测试口令-2026"


# ------------------------------------------------------------------------------------------------ fixtures


@pytest.fixture(scope="session")
def fontset() -> fonts.FontSet:
    return fonts.ensure_fonts(fonts.default_cache_dir())


@pytest.fixture(scope="session")
def org(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """CA, officers (round-tripped through password-protected PKCS#12 files) and an empty CRL."""
    d = tmp_path_factory.mktemp("pki")
    ca = pki.create_ca("青川市医疗保障局")
    people = {}
    for key, name, number in (("o1", "陈明哲", "青执2026001"), ("o2", "许若溪", "青执2026002"),
                              ("lead", "韩景行", "青执2026009")):
        ck = pki.issue_officer(ca, name, number, email=f"{key}@example.invalid", team_lead=key == "lead")
        people[key] = pki.load_pkcs12(pki.save_pkcs12(ck, d / f"{key}.p12", PASSWORD), PASSWORD)
    (d / "ca.pem").write_bytes(pki.cert_pem(ca.cert))
    crl = pki.make_crl(ca)
    (d / "ca.crl").write_bytes(crl)
    return {"ca": ca, "crl": crl, "dir": d, **people}


@pytest.fixture(scope="session")
def snapshot(tmp_path_factory: pytest.TempPathFactory):
    return rs.record(tmp_path_factory.mktemp("photos"))


@pytest.fixture(scope="session")
def rendered(snapshot, fontset) -> render.RenderedPdf:
    return render.render_record(snapshot, fontset)


def sign_all(rendered: render.RenderedPdf, snapshot, org: dict) -> tuple[bytes, bytes, bytes]:
    one = signing.certify_rendered(rendered, org["o1"], "off-1", handwriting=snapshot.image_for("off-1"),
                                   location=getattr(snapshot, "place", ""))
    two = signing.countersign(one, org["o2"], rendered.field_for("off-2").field_name, role="执法人员",
                              handwriting=snapshot.image_for("off-2"))
    three = signing.countersign(two, org["lead"], rendered.field_for(LEAD).field_name, role="检查组组长（审核）",
                                handwriting=snapshot.image_for(LEAD))
    return one, two, three


@pytest.fixture(scope="session")
def signed(rendered, snapshot, org, tmp_path_factory: pytest.TempPathFactory) -> Path:
    *_, final = sign_all(rendered, snapshot, org)
    path = tmp_path_factory.mktemp("signed") / "record.pdf"
    path.write_bytes(final)
    return path


def check(pdf: bytes | Path, org: dict) -> verify.VerifyReport:
    return verify.verify_pdf(pdf, [org["ca"].cert], [org["crl"]])


def run(*cmd: str | Path) -> str:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=60).stdout


def pdf_text(path: Path) -> str:
    """pdftotext output without whitespace (it drops the spaces between CJK and digits)."""
    return re.sub(r"\s+", "", run("pdftotext", "-enc", "UTF-8", path, "-"))


def assert_text(path: Path, *needles: str) -> None:
    text = pdf_text(path)
    for needle in needles:
        assert re.sub(r"\s+", "", needle) in text, needle


# ------------------------------------------------------------------------------------------------ the good path


def test_complete_record_renders_with_fields_and_no_warnings(rendered, snapshot) -> None:
    assert rendered.pdf.startswith(b"%PDF") and rendered.page_count >= 3
    assert rendered.warnings == ()
    names = [f.field_name for f in rendered.fields]
    assert names == ["Sig_Officer1", "Sig_Officer2", "Sig_Lead"]
    for f in rendered.fields:
        x1, y1, x2, y2 = f.box
        assert 1 <= f.page <= rendered.page_count and 0 < x1 < x2 < 595 and 0 < y1 < y2 < 842
    assert rendered.content_hash == snapshot.content_hash() and len(rendered.content_hash) == 64
    journal = json.loads(rendered.attachments[0].data)
    assert journal["chain_head"] == snapshot.chain_head and len(journal["events"]) == len(snapshot.journal)


def test_content_hash_is_canonical_and_sensitive(snapshot) -> None:
    assert snapshot.content_hash() == dataclasses.replace(snapshot).content_hash()
    moved = dataclasses.replace(snapshot, evidence=tuple(dataclasses.replace(e, print_image=Path("/elsewhere.jpg"))
                                                         for e in snapshot.evidence))
    assert moved.content_hash() == snapshot.content_hash()  # a local print path is not content
    edited = dataclasses.replace(snapshot, findings=(dataclasses.replace(snapshot.findings[0],
                                                                         amount_to_recover=snapshot.findings[0]
                                                                         .amount_to_recover + 1),
                                                     *snapshot.findings[1:]))
    assert edited.content_hash() != snapshot.content_hash()
    assert '"amount_to_recover":"1000.00"' in snapshot.canonical_json()


def test_signed_record_verifies(signed, org, snapshot) -> None:
    report = check(signed, org)
    assert report.ok, verify.describe(report)
    assert report.reasons == () and report.pending_fields == ()
    assert report.record_number == snapshot.number and report.printed_content_hash == snapshot.content_hash()
    assert report.journal is not None and report.journal.ok and report.journal.computed_head == snapshot.chain_head
    first, second, lead = report.signatures
    assert first.certification and first.signer == "陈明哲" and "青川市医疗保障局" in first.issuer
    assert first.claimed_time_label == "签名时间（设备时钟）" and first.claimed_time is not None
    # the countersignatures keep the certification signature valid: form filling only
    assert (first.coverage, first.modification_level, first.docmdp_ok) == ("ENTIRE_REVISION", "FORM_FILLING", True)
    assert first.summary == "INTACT:TRUSTED,EXTENDED_WITH_FORM_FILLING,ACCEPTABLE_MODIFICATIONS"
    assert second.bottom_line and second.modification_level == "FORM_FILLING"
    assert lead.summary == "INTACT:TRUSTED,UNTOUCHED" and lead.coverage == "ENTIRE_FILE"
    assert any("Sig_Lead" in c for c in first.changes_after)
    assert verify.main([str(signed), "--trust", str(org["dir"] / "ca.pem"), "--crl", str(org["dir"] / "ca.crl")]) == 0


def test_pending_countersignatures_are_reported_and_stages_required(rendered, snapshot, org) -> None:
    # issue 11: one officer's signature is not a record (条例第二十九条); both officers' is the "signed" stage,
    # which passes only when the caller accepts that stage (the record itself plans the lead's approval)
    one, two, _three = sign_all(rendered, snapshot, org)
    report = check(one, org)
    assert report.pending_fields == ("Sig_Lead", "Sig_Officer2")
    assert not report.ok and report.codes == {"too_few_officers", "stage_not_reached"} and report.stage == "partial"
    report = check(two, org)
    assert not report.ok and report.codes == {"stage_not_reached"} and report.stage == "signed"
    report = verify.verify_pdf(two, [org["ca"].cert], [org["crl"]], require="signed")
    assert report.ok and report.pending_fields == ("Sig_Lead",) and report.stage == "signed"


@needs_poppler
def test_poppler_sees_valid_signatures_embedded_fonts_and_chinese_text(signed, snapshot) -> None:
    sig = run("pdfsig", signed)
    assert sig.count("Signature is Valid.") == 3, sig
    assert "Total document signed" in sig
    fonts_out = run("pdffonts", signed).splitlines()[2:]
    assert fonts_out and all(re.split(r"\s+", line)[-5] == "yes" for line in fonts_out), fonts_out
    assert not any("Helvetica" in line for line in fonts_out)
    assert any("NotoSansSC-Bold" in line for line in fonts_out)
    assert_text(signed, "青川市医疗保障局", "现场检查笔录", snapshot.number, snapshot.party.name, "第 1 页 共",
                "证据清单", "全过程记录", snapshot.chain_head, snapshot.content_hash(), "违规", "≤ 8%",
                "签名时间（设备时钟）", snapshot.evidence[0].sha256)
    assert run("pdfdetach", "-list", signed).count(".json") == 3  # journal, record, signature images


def test_wrong_pkcs12_password_is_a_clear_error(org) -> None:
    with pytest.raises(pki.PkiError) as wrong:
        pki.load_pkcs12(org["dir"] / "o1.p12", "wrong")
    assert wrong.value.code == "pki.wrong_password" and wrong.value.params == {"file": "o1.p12"}


def test_missing_glyphs_are_warned(snapshot, fontset) -> None:
    odd = "\U00017000"  # a Tangut character: not in Noto Sans SC
    assert fonts.missing_glyphs(odd, fontset.regular)
    party = Party(**{**{f.name: getattr(snapshot.party, f.name) for f in dataclasses.fields(Party)},
                     "legal_representative": f"林{odd}远"})
    out = render.render_record(dataclasses.replace(snapshot, party=party), fontset, include_photos=False)
    assert len(out.warnings) == 1 and "party.legal_representative" in out.warnings[0] and "U+17000" in out.warnings[0]


def test_refusal_with_witness_renders_and_verifies(fontset, org, tmp_path) -> None:
    snap = rs.record(None, refused=True, lead=False)
    out = render.render_record(snap, fontset)
    assert [f.field_name for f in out.fields] == ["Sig_Officer1", "Sig_Officer2"]
    signed_pdf = signing.countersign(
        signing.certify_rendered(out, org["o1"], "off-1", handwriting=snap.image_for("off-1")),
        org["o2"], "Sig_Officer2", role="执法人员", handwriting=snap.image_for("off-2"))
    assert check(signed_pdf, org).ok
    if POPPLER:
        (tmp_path / "r.pdf").write_bytes(signed_pdf)
        assert_text(tmp_path / "r.pdf", "当事人拒绝签字", "拒签理由", "王建国", "510802198805061234", "见证人（签名）",
                    "拒绝签字（见签名页）")


def test_addendum_renders_signs_and_verifies(snapshot, fontset, org, tmp_path) -> None:
    add = rs.addendum(snapshot)
    out = render.render_addendum(add, fontset)
    assert out.content_hash == add.content_hash() != snapshot.content_hash()
    _, _, final = sign_all(out, add, org)
    report = check(final, org)
    assert report.ok, verify.describe(report)
    assert report.doc_kind == "record_addendum" and report.printed_content_hash == add.content_hash()
    if POPPLER:
        (tmp_path / "a.pdf").write_bytes(final)
        assert_text(tmp_path / "a.pdf", snapshot.number, snapshot.content_hash(), "补正理由", "2,496.50")


def test_rectification_notice_renders_and_signs(snapshot, fontset, org, tmp_path) -> None:
    notice = rs.notice(snapshot)
    out = render.render_notice(notice, fontset)
    assert [f.field_name for f in out.fields] == ["Sig_Agency"]
    final = signing.certify_rendered(out, org["o1"], "off-1", handwriting=snapshot.image_for("off-1"))
    assert check(final, org).ok
    if POPPLER:
        (tmp_path / "n.pdf").write_bytes(final)
        assert_text(tmp_path / "n.pdf", "责令改正（限期整改）通知书", "2026年12月25日", "整改报告", "逾期未改正的后果",
                    snapshot.number, snapshot.party.credit_code)


# ------------------------------------------------------------------------------------------------ tampering


def _incremental(pdf: bytes, change) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    change(w)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def test_flipped_byte_invalidates_signatures(signed, org) -> None:
    data = bytearray(signed.read_bytes())
    first_range_end = int(re.search(rb"/ByteRange\s*\[\s*0\s+(\d+)", bytes(data)).group(1))
    pos = data.index(b"stream", len(data) // 4) + 40  # inside a content/image stream of revision 1
    assert pos < first_range_end
    data[pos] ^= 0x01
    report = check(bytes(data), org)
    assert not report.ok and "signature_invalid" in report.codes
    assert not any(s.intact for s in report.signatures)


def test_painting_over_a_page_is_a_modification_after_signing(signed, org) -> None:
    from pyhanko.pdf_utils import generic

    def paint(w) -> None:
        ref = w.add_object(generic.StreamObject(stream_data=b"q 1 1 1 rg 0 0 595 842 re f Q"))
        w.add_stream_to_page(0, ref)

    report = check(_incremental(signed.read_bytes(), paint), org)
    assert not report.ok and "modified_after_signing" in report.codes
    assert all(s.intact and s.valid for s in report.signatures)  # the bytes they cover are untouched
    assert report.signatures[0].modification_level == "OTHER"


def test_removed_page_is_reported(signed, org) -> None:
    def drop_last_page(w) -> None:
        from pyhanko.pdf_utils import generic

        pages = w.root["/Pages"]
        kids = pages["/Kids"]
        del kids[len(kids) - 1]
        pages["/Count"] = generic.NumberObject(len(kids))
        w.update_container(pages)

    report = check(_incremental(signed.read_bytes(), drop_last_page), org)
    assert not report.ok and "page_removed" in report.codes
    assert report.pages_now == report.pages_signed - 1


def _replace_journal(pdf: bytes, edit, *, forge_info: bool = False) -> bytes:
    from pyhanko.pdf_utils import embed, generic

    def change(w) -> None:
        names = w.root["/Names"]["/EmbeddedFiles"]["/Names"]
        for i in range(0, len(names), 2):
            spec = names[i + 1].get_object()
            if str(spec["/UF"]) == render.JOURNAL_FILE:
                doc = json.loads(spec["/EF"]["/F"].get_object().data)
                edit(doc)
                data = json.dumps(doc, ensure_ascii=False).encode("utf-8")
                spec["/EF"]["/F"] = w.add_object(embed.EmbeddedFileObject.from_file_data(w, data,
                                                                                          mime_type="application/json"))
                w.update_container(spec)
                if forge_info:  # also rewrite the machine-readable head in the current /Info
                    info = w.trailer["/Info"].get_object()
                    info["/" + render.INFO_HEAD] = generic.TextStringObject(doc["events"][-1]["hash"])
                    w.update_container(info)

    return _incremental(pdf, change)


def test_edited_journal_breaks_the_chain(signed, org) -> None:
    def edit(doc) -> None:
        doc["events"][3]["payload"]["officer"] = "某人"  # edited without recomputing hashes

    report = check(_replace_journal(signed.read_bytes(), edit), org)
    assert {"journal_tampered", "modified_after_signing"} <= report.codes
    assert not report.journal.ok


def test_rehashed_journal_does_not_match_the_printed_head(signed, org) -> None:
    def edit(doc) -> None:  # a careful forger recomputes every hash: the chain is consistent but a new head
        events = events_from_json(doc["events"])
        prev, fixed = events[0].prev_hash, []
        for ev in events:
            payload = {**ev.payload, "officer": "某人"} if ev.seq == 4 else ev.payload
            new = make_event(ev.chain_id, ev.seq, ev.at, ev.actor, ev.device, ev.event_type, payload, prev)
            fixed.append(new)
            prev = new.hash
        doc["events"] = events_to_json(fixed)

    for forge_info in (False, True):  # the printed head is read from the signed revision, not the latest /Info
        report = check(_replace_journal(signed.read_bytes(), edit, forge_info=forge_info), org)
        assert {"journal_head_mismatch", "modified_after_signing"} <= report.codes
        assert "journal_tampered" not in report.codes


def test_certificate_from_another_ca_is_untrusted(rendered, snapshot, org) -> None:
    stranger, _foreign_ca = pki.issue_from_other_ca("陈明哲", "青执2026001")
    pdf = signing.certify_rendered(rendered, stranger, "off-1", handwriting=snapshot.image_for("off-1"))
    report = check(pdf, org)
    assert not report.ok and report.codes == {"untrusted"}
    assert report.signatures[0].intact and report.signatures[0].valid and not report.signatures[0].trusted


def test_signature_claimed_before_certificate_validity(rendered, snapshot, org) -> None:
    # the certificate is valid now, but the (device-clock) signing time claims a day before it was issued
    backdated = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=30)
    pdf = signing.certify_rendered(rendered, org["o1"], "off-1", signing_time=backdated)
    report = check(pdf, org)
    assert report.codes == {"signed_outside_validity"}
    assert report.signatures[0].claimed_time == backdated.replace(microsecond=0)


def test_certificate_not_yet_valid(rendered, org) -> None:
    future = pki.issue_shifted(org["ca"], "陈明哲", "青执2026001", starts_in=dt.timedelta(days=10))
    report = check(signing.certify_rendered(rendered, future, "off-1"), org)
    assert not report.ok and "signed_outside_validity" in report.codes


def test_unsigned_file_is_not_ok(rendered, org) -> None:
    report = check(rendered.pdf, org)
    assert not report.ok and "unsigned" in report.codes


def test_revoked_certificate(rendered, org) -> None:
    crl = pki.make_crl(org["ca"], revoked=(org["o1"].cert,))
    pdf = signing.certify_rendered(rendered, org["o1"], "off-1")
    report = verify.verify_pdf(pdf, [org["ca"].cert], [crl])
    assert not report.ok and report.codes == {"revoked"} and report.signatures[0].revoked


def test_certificate_without_signing_key_usage_is_refused(rendered, org) -> None:
    with pytest.raises(signing.SigningError) as refused:
        signing.certify_rendered(rendered, pki.CertKey(org["ca"].cert, org["ca"].key), "off-1")  # a CA cert
    assert refused.value.code == "signing.key_usage"


def test_command_exits_non_zero_on_a_tampered_file(signed, org, tmp_path) -> None:
    data = bytearray(signed.read_bytes())
    data[data.index(b"stream", len(data) // 3) + 40] ^= 0x20
    (tmp_path / "bad.pdf").write_bytes(bytes(data))
    args = ["--trust", str(org["dir"] / "ca.pem"), "--crl", str(org["dir"] / "ca.crl")]
    assert verify.main([str(tmp_path / "bad.pdf"), *args]) == 1


def test_incomplete_snapshots_are_refused(snapshot, fontset) -> None:
    from inspector_app.domain.errors import ValidationError
    from inspector_app.records.model import PartySignOff

    with pytest.raises(ValidationError) as one:
        render.render_record(dataclasses.replace(snapshot, officers=snapshot.officers[:1]), fontset)
    assert "record.two_officers_required" in one.value.codes
    with pytest.raises(ValidationError) as refused:
        render.render_record(dataclasses.replace(snapshot, party_signoff=PartySignOff(
            refused=True, refusal_reason="不同意")), fontset)
    assert "record.refusal_witness_missing" in refused.value.codes
    with pytest.raises(ValidationError) as head:
        render.render_record(dataclasses.replace(snapshot, chain_head="0" * 64), fontset)
    assert head.value.codes == ["record.journal_head_mismatch"]
