"""Signing in the child process (records/worker_process.py): the desktop app's way, so pyHanko and ReportLab never
hold the GIL its GUI thread needs. The same record as inline, progress relayed, coded errors carried back, a cancel
kills the child and leaves nothing behind, the next call starts a new one."""

from __future__ import annotations

import threading

import pytest

from inspector_app.domain.errors import ValidationError
from inspector_app.records import worker_process
from inspector_app.services.context import Actor
from tests.services.test_signing_service import PASSWORD, org_ca, ready_to_sign, with_keys  # noqa: F401 - fixture

pytestmark = pytest.mark.slow


@pytest.fixture
def child(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    process = worker_process.WorkerProcess()
    monkeypatch.setattr(worker_process, "_shared", process)
    yield process
    process.close()


def test_record_signed_and_countersigned_in_the_child_verifies(app, roster, org_ca, child, tmp_path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with_keys(app, roster, org_ca)
    iid = ready_to_sign(app, roster)
    o1, o2 = roster["officers"][0], roster["officers"][1]
    steps: list[tuple[int, str]] = []
    with pytest.raises(ValidationError) as wrong:  # the certificate is opened here: no child needed for that
        app.signing.sign_record(Actor(o1.name, o1.id), iid, o1.id, "wrong")
    assert wrong.value.code == "pki.wrong_password"
    doc, _ = app.signing.sign_record(Actor(o1.name, o1.id), iid, o1.id, PASSWORD,
                                     lambda p, t: steps.append((p, t)))
    pid = child.pid
    assert pid is not None and child.started == 1, "the signature was made in the child process"
    assert [p for p, _ in steps] == sorted(p for p, _ in steps) and {30, 70, 90} <= {p for p, _ in steps}
    assert "生成 PDF" in [t for _, t in steps]  # relayed from the child
    doc, _ = app.signing.sign_record(Actor(o2.name, o2.id), iid, o2.id, PASSWORD)
    assert child.pid == pid and child.started == 1, "one persistent child for every signature"
    assert doc.pending_fields == ("Sig_Lead",) and app.queries.summary(iid).status == "signed"
    report = app.verification.verify(app.verification.export_record(iid, tmp_path / "record.pdf"))
    assert report.ok, report.reasons
    assert len(report.signatures) == 2


def test_a_coded_error_in_the_child_arrives_with_its_code(app, roster, org_ca, child) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from inspector_app.records import pki
    from tests.services.test_signing_service import EPOCH

    with_keys(app, roster, org_ca)
    iid = ready_to_sign(app, roster)
    o1, o2 = roster["officers"][0], roster["officers"][1]
    # officer 1's key file holds officer 2's certificate: the field names officer 1, refused in the child
    app.keys.save(o1.id, pki.issue_officer(org_ca, o2.name, o2.certificate_no, not_before=EPOCH), PASSWORD)
    with pytest.raises(ValidationError) as caught:
        app.signing.sign_record(Actor(o1.name, o1.id), iid, o1.id, PASSWORD)
    assert caught.value.code == "signing.wrong_certificate", caught.value
    assert caught.value.params["holder"] == o2.name
    assert child.pid is not None and child.started == 1  # an error is an answer: the child lives on


def test_cancel_kills_the_child_stores_nothing_and_the_next_call_starts_afresh(app, roster, org_ca, child) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with_keys(app, roster, org_ca)
    iid = ready_to_sign(app, roster)
    o1, o2 = roster["officers"][0], roster["officers"][1]
    doc, _ = app.signing.sign_record(Actor(o1.name, o1.id), iid, o1.id, PASSWORD)
    cancel = threading.Event()
    blobs_before = sorted(p.name for p in app.paths.blobs_dir.rglob("*") if p.is_file())

    def on_progress(_percent: int, _text: str) -> None:
        cancel.set()  # the countersignature has begun in the child

    ck = app.keys.load(o2.id, PASSWORD)
    with pytest.raises(worker_process.Cancelled):
        child.call("inspector_app.services.document_pipeline:countersign_pdf",
                   app.ctx.blobs.read_bytes(doc.pdf_sha256), ck, "Sig_Officer2", role="执法人员", handwriting=None,
                   signing_time=app.ctx.clock(), trust=app.keys.trust_files(), progress=on_progress, cancel=cancel)
    assert child.pid is None and child.started == 1
    assert sorted(p.name for p in app.paths.blobs_dir.rglob("*") if p.is_file()) == blobs_before
    doc, _ = app.signing.sign_record(Actor(o2.name, o2.id), iid, o2.id, PASSWORD)
    assert child.started == 2 and doc.pending_fields == ("Sig_Lead",)
