"""The document-kind registry (records/kinds.py) and the one document pipeline (services/document_pipeline.py):
every kind is complete, and every kind renders and signs outside the write transaction."""

from __future__ import annotations

import datetime as dt
import importlib
from decimal import Decimal

import pytest

from inspector_app.domain.findings import FindingData
from inspector_app.records import journal_words as JW
from inspector_app.records import kinds
from inspector_app.services import record_builder as RB
from inspector_app.services.context import Actor
from inspector_app.services import document_pipeline as DP
from tests.helpers import lead
from tests.services.test_signing_service import PASSWORD, org_ca, ready_to_sign, with_keys  # noqa: F401 - fixture


def test_every_kind_is_complete_and_unique() -> None:
    assert len({k.code for k in kinds.KINDS}) == len({k.pdf_kind for k in kinds.KINDS}) == len(kinds.KINDS)
    assert len({k.case_file_order for k in kinds.KINDS}) == len(kinds.KINDS)
    for k in kinds.KINDS:
        module, function = k.renderer.split(":")
        assert callable(getattr(importlib.import_module(f"inspector_app.records.{module}"), function)), k.code
        assert RB.DEFAULT_SETTINGS[k.number_setting] == k.default_pattern
        assert "{year}" in k.default_pattern and "{n}" in k.default_pattern and "〔" in k.default_pattern
        assert k.signers in ("officers", "agency") and k.title and k.short and k.where_made
        assert k.evidence_type in ("", *kinds.EVIDENCE_TYPES)
        assert f"{k.code}.countersigned" in JW.EVENT_NAMES  # the printed journal names every kind's events
        assert kinds.kind(k.code) is kinds.kind(k.pdf_kind) is k
    with pytest.raises(KeyError):
        kinds.kind("nope")


def test_notice_is_rendered_and_signed_while_others_can_write(app, roster, org_ca, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """While a document is rendered and certified no write transaction is open: another writer (here: a finding
    edit on another inspection) goes through instead of waiting seconds for the lock."""
    with_keys(app, roster, org_ca)
    iid = ready_to_sign(app, roster)
    other = ready_to_sign(app, roster)
    o1, o2 = roster["officers"][0], roster["officers"][1]
    app.findings.add(lead(roster), iid, FindingData("超标准收费", amount_involved=Decimal("100.00"),
                                                     amount_to_recover=Decimal("100.00"),
                                                     legal_basis="《医疗保障基金使用监督管理条例》第三十八条"))
    for o in (o1, o2):
        app.signing.sign_record(Actor(o.name, o.id), iid, o.id, PASSWORD)
    # the kind's renderer, as the pipeline calls it inline (the app moves it to the signing child process)
    original = DP.render
    wrote: list[str] = []

    def render_and_write(code, snapshot):  # type: ignore[no-untyped-def]
        # a write on another connection: were the caller inside a write transaction, this would wait for the
        # lock until "database is locked"
        app.findings.add(lead(roster), other, FindingData("另一项检查的问题"))
        wrote.append(code)
        return original(code, snapshot)

    monkeypatch.setattr(DP, "render", render_and_write)
    notice, _ = app.documents.create_notice(lead(roster), iid, deadline=app.ctx.clock().date() + dt.timedelta(days=30),
                                            officer_id=o1.id, password=PASSWORD)
    assert wrote == ["notice"] and notice.number.endswith("1号")
    assert [f.description for f in app.findings.list(other)] == ["另一项检查的问题"]


def test_a_number_taken_meanwhile_is_not_skipped_or_reused(app, roster, org_ca, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The notice renders with the number it peeks; if another notice takes it meanwhile, the notice is rendered
    again with the next number — no gap, no duplicate."""
    with_keys(app, roster, org_ca)
    a, b = ready_to_sign(app, roster), ready_to_sign(app, roster)
    o1, o2 = roster["officers"][0], roster["officers"][1]
    for iid in (a, b):
        app.findings.add(lead(roster), iid, FindingData("超标准收费", amount_involved=Decimal("1.00"),
                                                         amount_to_recover=Decimal("1.00")))
        for o in (o1, o2):
            app.signing.sign_record(Actor(o.name, o.id), iid, o.id, PASSWORD)
    deadline = app.ctx.clock().date() + dt.timedelta(days=30)
    original = DP.render
    numbers: list[str] = []

    def interleave(code, snapshot):  # type: ignore[no-untyped-def]
        numbers.append(snapshot.number)
        if len(numbers) == 1:  # while the first notice renders, another one is issued and takes its number
            monkeypatch.setattr(DP, "render", original)
            app.documents.create_notice(lead(roster), b, deadline=deadline, officer_id=o1.id, password=PASSWORD)
            monkeypatch.setattr(DP, "render", interleave)
        return original(code, snapshot)

    monkeypatch.setattr(DP, "render", interleave)
    first, _ = app.documents.create_notice(lead(roster), a, deadline=deadline, officer_id=o1.id, password=PASSWORD)
    [second] = [d for d in app.signing.documents(b) if d.kind == "notice"]
    assert numbers[0] == second.number and first.number == numbers[1] != second.number
    assert sorted([first.number, second.number]) == sorted(["医保改〔2026〕1号", "医保改〔2026〕2号"])


@pytest.mark.parametrize("which", ["inquiry", "service"])
def test_new_kinds_render_chinese_with_embedded_fonts(which: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil
    import subprocess

    from inspector_app import fonts
    from inspector_app.records import render_docs
    from tests import docs_sample as ds

    fontset = fonts.ensure_fonts(fonts.default_cache_dir())
    if which == "inquiry":
        rendered = render_docs.render_inquiry(ds.inquiry(refused=True), fontset)
        words = ("询问笔录", "拒绝签字", "更正记录", "问5", "赵见明")
    else:
        rendered = render_docs.render_service(ds.service(), fontset)
        words = ("送达回证", "留置送达", "李社工", "医保改〔2026〕3号")
    assert rendered.warnings == () and [f.field_name for f in rendered.fields] == ["Sig_Officer1", "Sig_Officer2"]
    path = tmp_path / f"{which}.pdf"
    path.write_bytes(rendered.pdf)
    if shutil.which("pdftotext") and shutil.which("pdffonts"):
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, timeout=60).stdout
        assert all(w in text for w in words), text
        table = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, timeout=60).stdout
        rows = table.splitlines()[2:]
        assert rows and all(" yes yes yes " in r for r in rows), table  # embedded, subset, ToUnicode
