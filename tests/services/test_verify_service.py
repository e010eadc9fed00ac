"""Issue 11 in the workspace: a document must reach the stage its database claims, revocation data is embedded at
signing, and a certificate of another person cannot sign a field the record binds to someone else."""

from __future__ import annotations

import io
import re

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from inspector_app.domain.errors import ValidationError
from inspector_app.domain.roster import OfficerData
from inspector_app.records import pki
from inspector_app.services.context import Actor
from tests.helpers import lead
from tests.services.test_review_service import as_actor, signed
from tests.services.test_signing_service import EPOCH, PASSWORD, org_ca  # noqa: F401


def _cut_before(data: bytes, field: str) -> bytes:
    """The file as it was before `field` was signed: incremental updates end at successive %%EOF markers."""
    es = next(s for s in PdfFileReader(io.BytesIO(data)).embedded_signatures if s.field_name == field)
    ends = [m.end() for m in re.finditer(rb"%%EOF\r?\n?", data)]
    return data[:ends[es.signed_revision - 1]]


def test_approved_record_cut_back_fails_against_the_database(app, roster, org_ca, tmp_path) -> None:  # noqa: F811
    iid = signed(app, roster, org_ca)
    boss = as_actor(roster["lead"])
    app.review.submit(lead(roster), iid)
    app.review.start_review(boss, iid)
    app.review.approve(boss, iid, PASSWORD)
    pdf = app.verification.export_record(iid, tmp_path / "approved.pdf")
    report = app.verification.verify(pdf)
    assert report.ok and report.stage == "approved", report.reasons
    assert all(s.revocation_checked for s in report.signatures)  # the CRL was embedded at signing (DSS)
    assert app.verification.verify(pdf, crls=[]).ok  # so no CRL is needed later
    cut = _cut_before(pdf.read_bytes(), "Sig_Lead")
    report = app.verification.verify(cut)
    assert not report.ok and report.codes == {"stage_not_reached"} and report.stage == "signed"
    assert app.verification.verify(cut, require="signed").ok is False  # the database's claim still holds


def test_a_lead_the_record_does_not_name_cannot_approve(app, roster, org_ca) -> None:  # noqa: F811
    iid = signed(app, roster, org_ca)
    other, _ = app.roster.add_officer(Actor("管理员"), OfficerData("罗启明", "基金监督科", "LEAD0002",
                                                                    __import__("datetime").date(2030, 1, 1),
                                                                    role="team_lead"))
    app.keys.save(other.id, pki.issue_officer(org_ca, other.name, "LEAD0002", not_before=EPOCH, team_lead=True),
                  PASSWORD)
    app.review.submit(lead(roster), iid)
    app.review.start_review(as_actor(other), iid)
    with pytest.raises(ValidationError) as caught:
        app.review.approve(as_actor(other), iid, PASSWORD)
    assert caught.value.code == "signing.wrong_certificate" and caught.value.params["planned"] == "韩景明"
    assert app.queries.summary(iid).status != "approved"
