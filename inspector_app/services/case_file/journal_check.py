"""The case file's journal (全过程记录) against the seal: its chain, the head sealed at export (cut back →
journal_truncated, events appended past it → journal_extended, anything else → journal_tampered), the heads printed
in the signed PDFs, and the documents it records: each signed document the journal says was created must be in
the sealed list and in the ZIP (a removed 责令整改通知书 → document_missing)."""

from __future__ import annotations

import json
from typing import Any

from inspector_app.domain.journal import events_from_json, verify_chain
from inspector_app.services.case_file.common import DOC_TITLES, JOURNAL_JSON
from inspector_app.services.case_file.report import Problem


def check_journal(raw: bytes | None, documents: dict[str, Any], manifest: dict[str, Any] | None,
                  problems: list[Problem]) -> tuple[int, str]:
    def bad(message: str, path: str = JOURNAL_JSON, code: str = "journal_tampered") -> None:
        problems.append(Problem(code, message, path))

    if raw is None:
        if not any(p.path == JOURNAL_JSON for p in problems):
            bad("案卷中没有 journal.json")
        return 0, ""
    try:
        doc = json.loads(raw.decode("utf-8"))
        events = events_from_json(doc["events"])
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        bad(f"journal.json 无法解析：{exc}")
        return 0, ""
    report = verify_chain(events)
    for p in report.problems:
        bad(p)
    if doc.get("chain_head") != report.head:
        bad(f"journal.json 所载链头与计算出的链头 {report.head[:16]}… 不一致")
    truncated = False
    if manifest is not None:
        head, length = manifest.get("journal_head"), manifest.get("journal_length")
        if not isinstance(length, int):
            bad("清单没有记载导出时全过程记录的条数")
        elif report.length < length:
            truncated = True
            bad(f"全过程记录只有 {report.length} 条，封卷时为 {length} 条（链头 {str(head)[:16]}…）：记录被截短",
                code="journal_truncated")
        elif report.length > length:
            if length == 0 or events[length - 1].hash == head:
                bad(f"封卷时的链头（第 {length} 条）之后多出 {report.length - length} 条事件：封卷后被追加",
                    code="journal_extended")
            else:
                bad(f"全过程记录不含封卷时的链头 {str(head)[:16]}…")
        elif report.head != head:
            bad(f"封卷清单所载链头 {str(head)[:16]}… 与 journal.json 计算出的链头 {report.head[:16]}… 不一致")
        if any(e.chain_id != manifest.get("inspection_id") for e in events):
            bad("journal.json 中有不属于本检查的事件")
        _documents_in_journal(events, manifest, problems)
    by_hash = {e.hash: i for i, e in enumerate(events)}
    for path, rep in documents.items():
        j = rep.journal
        if j is None or not j.printed_head:
            continue
        i = by_hash.get(j.printed_head)
        if (i is None or i + 1 != j.length) and not (truncated and j.length > report.length):
            bad(f"签名文书所载全过程记录链头 {j.printed_head[:16]}…（{j.length} 条）不在 journal.json 的链中", path)
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
            problems.append(Problem("document_missing", f"全过程记录第 {e.seq} 条载有"
                                                        f"{DOC_TITLES.get(str(key[0]), '签名文书')}（{key[1]}），"
                                                        "但封卷清单中没有这份文书", JOURNAL_JSON))
