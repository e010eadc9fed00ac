"""Plain, translatable words for the verification report: the decision and one line per `Check` (records/
verify_report.py), worded from the check's machine code and parameters, never from internal names (fields are named
by role, times are local, there is no True/False)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from inspector_app.ui import record_labels

if TYPE_CHECKING:
    from inspector_app.records.verify_report import Check, VerifyReport

translate = QCoreApplication.translate


def _fill(text: str, **values: str) -> str:
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def stage(value: str) -> str:
    return {"none": translate("VerifyWords", "not signed"),
            "partial": translate("VerifyWords", "signed by some officers"),
            "signed": translate("VerifyWords", "signed by all officers"),
            "approved": translate("VerifyWords", "approved by the team lead")}.get(value, value)


def decision(report: VerifyReport) -> str:
    if report.decision == "passed":
        return _fill(translate("VerifyWords", "✔ Valid: the signatures are intact and trusted, the signers are the "
                               "persons and roles the record names, and the record is {stage}."),
                     stage=stage(report.stage))
    if report.decision == "revocation_unchecked":
        return translate("VerifyWords", "? Not fully verified: the signatures are intact, but revocation was not "
                         "checked (no revocation data), so a revoked certificate cannot be ruled out.")
    return translate("VerifyWords", "✘ Not valid: %n problem(s) found (listed below).", "", len(report.reasons))


def _who(c: Check) -> str:
    p = c.params
    label = record_labels.signature_field(c.field or "") if c.field and (
        c.field.startswith("Sig_Officer") or c.field in ("Sig_Lead", "Sig_Agency")) else translate(
            "VerifyWords", "a field the record does not plan")
    number = _fill(translate("VerifyWords", ", enforcement certificate no. {no}"),
                   no=p["certificate_no"]) if p.get("certificate_no") else ""
    return _fill(translate("VerifyWords", "{role}: {name}{number}"), role=label, name=p.get("signer", ""),
                 number=number)


def line(c: Check) -> str:
    """One check in words."""
    p = c.params
    who = _who(c) if c.field else ""
    words = {
        "record_structure": _fill(translate("VerifyWords", "{kind} no. {number}: record data, metadata and journal "
                                            "are covered by the signatures"),
                                  kind=record_labels.document_kind(p.get("kind", "")),
                                  number=p.get("number", "")),
        "not_a_record": translate("VerifyWords", "Not a record made by this system: the signed file lacks the record "
                                  "structure (record data, journal or metadata)."),
        "unreadable": translate("VerifyWords", "The file cannot be read as a PDF."),
        "unsigned": translate("VerifyWords", "The file has no signature."),
        "signature_valid": _fill(translate("VerifyWords", "Signature ({who}): intact, certificate issued by a trusted "
                                           "authority, only allowed changes after it"), who=who),
        "signature_invalid": _fill(translate("VerifyWords", "Signature ({who}): broken — the signed content was "
                                             "changed or the signature is damaged"), who=who),
        "untrusted": _fill(translate("VerifyWords", "Signature ({who}): the certificate does not lead to a trusted "
                                     "authority"), who=who),
        "modified_after_signing": _fill(translate("VerifyWords", "Signature ({who}): the file was changed afterwards "
                                                  "in a way that is not allowed"), who=who),
        "signed_outside_validity": _fill(translate("VerifyWords", "Signature ({who}): the claimed signing time is "
                                                   "outside the certificate's validity"), who=who),
        "signer_bound": _fill(translate("VerifyWords", "The signer is the person the record names for this place "
                                        "({name})"),
                              name=p.get("signer", "")),
        "signer_not_bound": _fill(translate("VerifyWords", "Wrong signer: the record names {bound} (no. {bound_no}) "
                                            "for this place, but {name} (no. {no}) signed"),
                                  bound=p.get("bound_name", ""),
                                  bound_no=p.get("bound_certificate_no", ""), name=p.get("signer", ""),
                                  no=p.get("certificate_no", "") or "—"),
        "unexpected_signature": _fill(translate("VerifyWords", "{name} signed in a place the record does not plan"),
                                      name=p.get("signer", "")),
        "team_lead_role": translate("VerifyWords", "The approver's certificate states the team-lead role"),
        "not_team_lead": _fill(translate("VerifyWords", "The approver {name}'s certificate does not state the "
                                         "team-lead role"),
                               name=p.get("signer", "")),
        "not_revoked": _fill(translate("VerifyWords", "Certificate not revoked (checked against the revocation list): "
                                       "{name}"),
                             name=p.get("signer", "")),
        "revoked": _fill(translate("VerifyWords", "Certificate revoked: {name}"), name=p.get("signer", "")),
        "revocation_unchecked": _fill(translate("VerifyWords", "Revocation not checked: no revocation list of "
                                                "{name}'s certificate authority"), name=p.get("signer", "")),
        "device_clock": _fill(translate("VerifyWords", "Claimed signing time {time} (Beijing time), from the signer's "
                                        "device clock (not proven)"),
                              time=p.get("time", "—")),
        "stage_reached": _fill(translate("VerifyWords", "Stage reached: {stage} (required: {required})"),
                               stage=stage(p.get("stage", "")),
                               required=stage(p.get("required", ""))),
        "too_few_officers": translate("VerifyWords", "Fewer than two officers signed (Regulation on the Supervision of "
                                      "Medical Insurance Funds, art. 29)"),
        "stage_not_reached": _fill(translate("VerifyWords", "The signatures reach only “{stage}”, but “{required}” is "
                                             "required or claimed"), stage=stage(p.get("stage", "")),
                                   required=stage(p.get("required", ""))),
        "journal_intact": _fill(translate("VerifyWords", "Whole-process record: {n} events, hash chain intact, head "
                                          "matches the record"),
                                n=p.get("events", "")),
        "journal_missing": translate("VerifyWords", "The whole-process record is missing"),
        "journal_tampered": translate("VerifyWords", "The whole-process record's hash chain is broken (tampered)"),
        "journal_head_mismatch": translate("VerifyWords", "The whole-process record's head does not match the one in "
                                           "the record"),
        "content_hash_matches": translate("VerifyWords", "The embedded record data matches the record's content hash"),
        "content_hash_mismatch": translate("VerifyWords", "The embedded record data does not match the record's "
                                           "content hash"),
        "visible_content_matches": translate("VerifyWords", "Every page is exactly what the signed record data renders "
                                             "to (text, photos, signature images and layout)"),
        "timestamp_invalid": translate("VerifyWords", "The document timestamp does not match the file or is damaged"),
        "visible_content_mismatch": translate("VerifyWords", "The signed pages do not show what the signed record "
                                              "data says"),
        "pages_intact": _fill(translate("VerifyWords", "{signed} pages when signed, {now} now"),
                              signed=p.get("signed", ""), now=p.get("now", "")),
        "page_removed": translate("VerifyWords", "Pages were removed after signing"),
    }
    return words.get(c.code, c.message)
