"""The case file's journal (全过程记录) against the seal: its chain, the head sealed at export (cut back →
journal_truncated, events appended past it → journal_extended, anything else → journal_tampered), the heads printed
in the signed PDFs, and the documents it records: each signed document the journal says was created must be in
the sealed list and in the ZIP (a removed 责令整改通知书 → document_missing)."""

from __future__ import annotations

import json
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, CodedProblem, coded
from inspector_app.domain.journal import events_from_json, verify_chain
from inspector_app.services.case_file.common import DOC_TITLES, JOURNAL_JSON
from inspector_app.services.case_file.report import Problem


def check_journal(raw: bytes | None, documents: dict[str, Any], manifest: dict[str, Any] | None,
                  problems: list[Problem]) -> tuple[int, str]:
    def bad(detail: CodedProblem, path: str = JOURNAL_JSON, code: str = "journal_tampered") -> None:
        problems.append(Problem(code, detail, path))

    if raw is None:
        if not any(p.path == JOURNAL_JSON for p in problems):
            bad(coded("case_file.journal_missing", QT_TRANSLATE_NOOP("Errors", "The case file has no journal.json.")))
        return 0, ""
    try:
        doc = json.loads(raw.decode("utf-8"))
        events = events_from_json(doc["events"])
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        bad(coded("case_file.journal_unreadable", QT_TRANSLATE_NOOP("Errors", "journal.json cannot be parsed: {error}"),
                  error=str(exc)))
        return 0, ""
    report = verify_chain(events)
    for p in report.problems:
        bad(p)
    if doc.get("chain_head") != report.head:
        bad(coded("case_file.journal_head_differs", QT_TRANSLATE_NOOP(
            "Errors", "The head journal.json states differs from the computed head {head}…."), head=report.head[:16]))
    truncated = False
    if manifest is not None:
        head, length = manifest.get("journal_head"), manifest.get("journal_length")
        if not isinstance(length, int):
            bad(coded("case_file.journal_length_missing", QT_TRANSLATE_NOOP(
                "Errors", "The manifest does not state how many events the journal had at export.")))
        elif report.length < length:
            truncated = True
            bad(coded("case_file.journal_truncated", QT_TRANSLATE_NOOP(
                "Errors", "The journal has only {length} events; it had {sealed} when sealed (head {head}…): it was "
                          "cut back."), length=report.length, sealed=length, head=str(head)[:16]),
                code="journal_truncated")
        elif report.length > length:
            if length == 0 or events[length - 1].hash == head:
                bad(coded("case_file.journal_extended", QT_TRANSLATE_NOOP(
                    "Errors", "{extra} events follow the head sealed at event {length}: they were appended after "
                              "sealing."), length=length, extra=report.length - length), code="journal_extended")
            else:
                bad(coded("case_file.journal_lacks_head", QT_TRANSLATE_NOOP(
                    "Errors", "The journal does not contain the head {head}… it had when sealed."),
                    head=str(head)[:16]))
        elif report.head != head:
            bad(coded("case_file.journal_head_not_sealed", QT_TRANSLATE_NOOP(
                "Errors", "The head {sealed}… in the sealed manifest differs from the head {head}… computed from "
                          "journal.json."), sealed=str(head)[:16], head=report.head[:16]))
        if any(e.chain_id != manifest.get("inspection_id") for e in events):
            bad(coded("case_file.journal_foreign_events", QT_TRANSLATE_NOOP(
                "Errors", "journal.json has events of another inspection.")))
        _documents_in_journal(events, manifest, problems)
    by_hash = {e.hash: i for i, e in enumerate(events)}
    for path, rep in documents.items():
        j = rep.journal
        if j is None or not j.printed_head:
            continue
        i = by_hash.get(j.printed_head)
        if (i is None or i + 1 != j.length) and not (truncated and j.length > report.length):
            bad(coded("case_file.document_head_not_in_journal", QT_TRANSLATE_NOOP(
                "Errors", "The journal head {head}… ({length} events) the signed document carries is not in the chain "
                          "of journal.json."), head=j.printed_head[:16], length=j.length), path)
    return report.length, report.head


def _documents_in_journal(events: list[Any], manifest: dict[str, Any], problems: list[Problem]) -> None:
    """Every document the journal records as created is in the sealed list of signed documents."""
    sealed = {(d.get("kind"), d.get("number")) for d in manifest.get("documents", []) if isinstance(d, dict)}
    present = {p.path for p in problems if p.code == "document_missing"}
    for e in events:
        payload = e.payload if isinstance(e.payload, dict) else {}
        data = payload.get("data")
        if payload.get("entity") != "document" or not isinstance(data, dict) or not data.get("number"):
            continue
        key = (data.get("kind"), data.get("number"))
        if key not in sealed and f"journal:{key[1]}" not in present:
            present.add(f"journal:{key[1]}")
            document = DOC_TITLES.get(str(key[0])) or QT_TRANSLATE_NOOP("Errors", "signed document")
            detail = coded("case_file.journal_document_not_sealed", QT_TRANSLATE_NOOP(
                "Errors", "Event {seq} of the journal records the {document} ({number}), but the sealed manifest does "
                          "not list it."), seq=e.seq, document=document, number=key[1])
            problems.append(Problem("document_missing", detail, JOURNAL_JSON))
