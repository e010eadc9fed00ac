"""The 证据清单 end to end: columns set and the list confirmed in the workspace, the record signed by both
officers, the case file exported — its 卷内目录 lists each item's statutory type, provider, pages, what it proves
and the party's confirmation, and the case file (with the record's re-render) verifies."""

from __future__ import annotations

import json
import zipfile

import pytest

from inspector_app.domain.evidence import Measure
from inspector_app.domain.findings import FindingData, Severity
from inspector_app.services.context import Actor
from tests.helpers import answer_ids, lead
from tests.imaging import exif_jpeg, pdf_bytes
from tests.services.test_signing_service import PASSWORD, org_ca, ready_to_sign, with_keys  # noqa: F401 (org_ca: fixture)

pytestmark = pytest.mark.timeout(600)


def test_confirmed_list_is_signed_and_listed_in_the_case_file(app, roster, org_ca, shared_fonts, tmp_path):  # type: ignore[no-untyped-def] # noqa: F811
    with_keys(app, roster, org_ca)
    iid = ready_to_sign(app, roster)
    actor = lead(roster)
    finding, _ = app.findings.add(actor, iid, FindingData("挂床住院", Severity.SERIOUS))
    src = tmp_path / "一日清单.pdf"
    src.write_bytes(pdf_bytes(3))
    copy = app.evidence.import_files(actor, iid, [src], measure=Measure.COPY, caption="住院病人一日清单复印件",
                                     link=("finding", finding.id)).imported[0]
    photo = app.evidence.add_bytes(actor, iid, exif_jpeg(seed=2), "bed.jpg", caption="病区空床").evidence
    app.evidence.link(actor, photo.id, "answer", answer_ids(app, iid)["T-01"])
    app.evidence_list.set_details(actor, copy.id, evidence_type="书证", provider="王丽（医务科科长）", page_count=3,
                                  measure="复印")
    app.evidence_list.set_details(actor, photo.id, evidence_type="勘验笔录、现场笔录", provider="", page_count=None,
                                  measure="拍照")
    app.evidence_list.confirm(actor, iid, refused=False, signer_name="周一鸣")
    for o in roster["officers"][:2]:
        app.signing.sign_record(Actor(o.name, o.id), iid, o.id, PASSWORD)
    out = app.case_files.export(iid, tmp_path / "out" / "案卷.zip", officer_id=roster["officers"][0].id,
                                password=PASSWORD)
    report = app.case_files.verify(out)
    assert report.ok, report.problems
    with zipfile.ZipFile(out) as zf:
        record = json.loads(zf.read("record.json"))
        catalogue = zf.read("卷内目录.txt").decode("utf-8")
    assert [(e["evidence_type"], e.get("provider", ""), e.get("page_count")) for e in record["evidence"]] == [
        ("书证", "王丽（医务科科长）", 3), ("勘验笔录、现场笔录", "", None)]
    assert record["evidence"][0]["proves"] == "发现问题 1" and record["evidence"][1]["proves"] == "检查项 T-01"
    assert record["evidence_confirmation"]["signer_name"] == "周一鸣"
    for needle in ("类别：书证", "类别：勘验笔录、现场笔录", "复印，共 3 页", "提供人：王丽（医务科科长）",
                   "证明对象：发现问题 1", "证明对象：检查项 T-01", "当事人周一鸣确认：以上证据与原件核对一致。"):
        assert needle in catalogue, needle
