"""The 证据清单 columns and the party's confirmation in the signed 现场检查笔录: printed (pdftotext), part of the
signed content (content hash, record.json), re-rendered by the verifier; a record signed before the columns
existed keeps its hash and its old table."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from inspector_app.records import render, verify
from inspector_app.records.model import EvidenceConfirmation
from tests import records_sample as rs
from tests.records.test_records import (  # noqa: F401
    POPPLER, _incremental, assert_text, check, fontset, org, pdf_text, sign_all,
)

pytestmark = pytest.mark.timeout(600)

PROVIDERS = ("王丽（医务科科长）", "")


def listed(photo_dir: Path | None, *, refused: bool = False):  # type: ignore[no-untyped-def]
    base = rs.record(photo_dir)
    rows = (
        dataclasses.replace(base.evidence[0], evidence_type="勘验笔录、现场笔录", provider="",
                            proves="发现问题 1；检查项 MI-003"),
        dataclasses.replace(base.evidence[1], caption="住院病人一日清单复印件", measure="复印", print_image=None,
                            evidence_type="书证", provider=PROVIDERS[0], page_count=12, proves="发现问题 2"),
    )
    confirmation = (EvidenceConfirmation(refused=True, refusal_reason="认为复印件页数不全",
                                         confirmed_at=rs.T0 + dt.timedelta(hours=2, minutes=18))
                    if refused else
                    EvidenceConfirmation(signer_name="周一鸣", confirmed_at=rs.T0 + dt.timedelta(hours=2, minutes=18)))
    return dataclasses.replace(base, evidence=rows, evidence_confirmation=confirmation)


@pytest.fixture(scope="module")
def snap(tmp_path_factory):  # type: ignore[no-untyped-def]
    return listed(tmp_path_factory.mktemp("photos"))


@pytest.fixture(scope="module")
def signed_pdf(snap, fontset, org, tmp_path_factory) -> Path:  # noqa: F811
    *_, final = sign_all(render.render_record(snap, fontset), snap, org)
    path = tmp_path_factory.mktemp("signed") / "record.pdf"
    path.write_bytes(final)
    return path


def test_columns_and_confirmation_are_signed_content(snap) -> None:
    canonical = snap.canonical()
    assert canonical["evidence"][1]["evidence_type"] == "书证" and canonical["evidence"][1]["page_count"] == 12
    assert canonical["evidence_confirmation"]["statement"] == "以上证据与原件核对一致。"
    for change in ({"evidence_type": "物证"}, {"provider": "李四"}, {"page_count": 11}):
        row = dataclasses.replace(snap.evidence[1], **change)
        other = dataclasses.replace(snap, evidence=(snap.evidence[0], row))
        assert other.content_hash() != snap.content_hash(), change
    refused = dataclasses.replace(snap, evidence_confirmation=dataclasses.replace(
        snap.evidence_confirmation, refused=True, refusal_reason="不认可"))
    assert refused.content_hash() != snap.content_hash()


def test_a_record_without_the_columns_keeps_its_canonical_form() -> None:
    old = rs.record(None)
    canonical = old.canonical()
    assert "evidence_confirmation" not in canonical
    assert not {"evidence_type", "provider", "page_count"} & set(canonical["evidence"][0])


@pytest.mark.skipif(not POPPLER, reason="poppler-utils missing")
def test_printed_list_and_verification(signed_pdf, org) -> None:  # noqa: F811
    assert_text(signed_pdf, "证据种类", "证明对象：发现问题1；检查项MI-003", "勘验笔录、现场笔录", "书证",
                "复印共12页", PROVIDERS[0], "合计：证据2项，复印件／书面材料共12页", "当事人确认",
                "以上证据与原件核对一致。", "当事人（签名）")
    report = check(signed_pdf, org)
    assert report.ok, verify.describe(report)
    line = next(c for c in report.checks if c.code == "visible_content_matches")
    assert line.status == "ok"


@pytest.mark.skipif(not POPPLER, reason="poppler-utils missing")
def test_refusal_is_printed(fontset, tmp_path) -> None:  # noqa: F811
    out = render.render_record(listed(None, refused=True), fontset)
    path = tmp_path / "r.pdf"
    path.write_bytes(out.pdf)
    assert_text(path, "当事人拒绝核对确认。理由：认为复印件页数不全")
    assert "以上证据与原件核对一致" not in pdf_text(path)


def test_edited_provider_in_the_signed_data_fails(signed_pdf, org) -> None:  # noqa: F811
    from pyhanko.pdf_utils import embed

    def change(w) -> None:  # type: ignore[no-untyped-def]
        names = w.root["/Names"]["/EmbeddedFiles"]["/Names"]
        for i in range(0, len(names), 2):
            spec = names[i + 1].get_object()
            if str(spec["/UF"]) == render.RECORD_FILE:
                doc = json.loads(spec["/EF"]["/F"].get_object().data)
                doc["evidence"][1]["provider"] = "李四"
                data = json.dumps(doc, ensure_ascii=False).encode("utf-8")
                spec["/EF"]["/F"] = w.add_object(embed.EmbeddedFileObject.from_file_data(
                    w, data, mime_type="application/json"))
                w.update_container(spec)

    report = check(_incremental(signed_pdf.read_bytes(), change), org)
    assert not report.ok and "modified_after_signing" in report.codes, verify.describe(report)
