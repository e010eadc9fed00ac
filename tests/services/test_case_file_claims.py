"""The sealed manifest's claim about each signed document (which fields are signed) is what records.verify checks
the document against: the stage and the two-officer rule follow from the sealed claim, not from "any stage"."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from inspector_app.records import pki
from inspector_app.services.case_file import MANIFEST
from tests.services.test_case_file import case  # noqa: F401 (the module's signed, exported sample)
from tests.services.test_case_file_attacks import _doc, _entries, _first_revision, _reseal
from tests.services.test_signing_service import org_ca  # noqa: F401 (fixture)

pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module")
def forged(case: SimpleNamespace, org_ca: pki.CertKey) -> SimpleNamespace:  # noqa: F811
    case.ca = org_ca
    return case


def test_documents_are_verified_against_their_sealed_claims(forged: SimpleNamespace) -> None:
    report = forged.app.case_files.verify(forged.zip)
    assert report.ok, report.problems
    sealed = {d["path"]: d for d in json.loads(_entries(forged.zip)[MANIFEST])["documents"]}
    assert sealed
    for path, doc in sealed.items():
        rep = report.documents[path]
        # the stage demanded of each PDF is the one its sealed signed fields make, and it is reached
        assert rep.ok and rep.required_stage in ("signed", "approved", "partial"), (path, rep.required_stage)
        if {"Sig_Officer1", "Sig_Officer2"} <= set(doc["signed_fields"]):
            assert rep.required_stage in ("signed", "approved")


def test_resealed_cut_back_record_fails_the_two_officer_rule_in_its_own_verification(forged: SimpleNamespace) -> None:
    record = _doc(forged, "documents/01_")
    cut = _first_revision(_entries(forged.zip)[record])
    report = forged.app.case_files.verify(_reseal(forged, forged.tmp / "claims-cut.zip", replace={record: cut}))
    rep = report.documents[record]
    assert not rep.ok and {"too_few_officers", "stage_not_reached"} <= rep.codes, rep.codes
    assert rep.required_stage in ("signed", "approved")
    invalid = [p for p in report.problems if p.code == "pdf_invalid" and p.path == record]
    assert invalid and "第二十九条" in invalid[0].message
