"""The verification report of a case file: one stable code per problem class (JSON), and plain Chinese text —
the decision first, then one line per check, each failing check followed by its problems.

Each problem says what exactly is wrong as a coded problem (domain.errors.CodedProblem: code, English template,
parameters); the report is worded when it is printed, by the `say` function given to `describe` / `to_json` — the
command line passes the zh_CN catalogue's (ui/cli_words.problem_words), so the Chinese report reads as before."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, CodedProblem, as_json, coded, in_english
from inspector_app.records.model import CN_TZ
from inspector_app.services.case_file.common import (
    STAGE_APPROVED, STAGE_LABELS, STAGE_OFFICERS, STAGE_PARTIAL, STAGE_SIGNED,
)

#: code -> what it means. Grouped by the check that reports it (CHECKS); the order is the report's order.
CODES = {
    "unreadable": "文件不是有效的 ZIP 案卷",
    "too_large": "案卷解压后的总大小、条目数或单个文件超过上限",
    "zip_bomb": "条目压缩比超过上限（疑似压缩炸弹），未解压",
    "path_traversal": "条目名含“..”等越出案卷目录的路径",
    "path_absolute": "条目名是绝对路径",
    "path_backslash": "条目名含反斜杠",
    "entry_symlink": "条目是符号链接",
    "entry_duplicate": "同名条目",
    "seal_missing": "缺少封卷签名（卷内目录未签名或缺失）",
    "seal_invalid": "封卷签名无效、不受信任，或封卷后卷内目录被修改",
    "sealer_mismatch": "封卷人证书与清单所载封卷人或笔录所载执法人员不符",
    "seal_not_registered": "封卷未在服务器的封卷登记中（可能为事后重新封卷）",
    "manifest_invalid": "案卷清单缺失、格式错误，或与封卷签名所载不一致",
    "document_missing": "封卷时的签名文书（或全过程记录所载文书）在案卷中缺失",
    "document_substituted": "签名文书被替换（SHA-256 与封卷清单不一致）",
    "pdf_invalid": "签名文书核验不通过",
    "stage_mismatch": "签名文书的签名未达到封卷清单所载阶段",
    "file_missing": "封卷清单所列文件缺失",
    "file_added": "案卷中有封卷清单未列的文件",
    "file_changed": "文件内容与封卷清单所载 SHA-256 或大小不一致",
    "record_mismatch": "record.json 与签名笔录所载内容哈希不一致",
    "evidence_mismatch": "证据原件与签名文书证据清单所载 SHA-256 不一致",
    "journal_truncated": "全过程记录被截短（少于封卷时的链头）",
    "journal_extended": "全过程记录在封卷时的链头之后被追加了事件",
    "journal_tampered": "全过程记录被篡改，或其链头与封卷清单、签名文书所载不一致",
}

CHECKS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("案卷结构", ("unreadable", "too_large", "zip_bomb", "path_traversal", "path_absolute", "path_backslash",
                  "entry_symlink", "entry_duplicate")),
    ("封卷签名", ("seal_missing", "seal_invalid", "sealer_mismatch", "seal_not_registered", "manifest_invalid")),
    ("签名文书", ("document_missing", "document_substituted", "pdf_invalid", "stage_mismatch")),
    ("文件与清单", ("file_missing", "file_added", "file_changed")),
    ("笔录内容与证据", ("record_mismatch", "evidence_mismatch")),
    ("全过程记录", ("journal_truncated", "journal_extended", "journal_tampered")),
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem: its class (`code`, a CODES key: what the report groups by and tests assert), what exactly
    (`detail`, coded) and where (`path` in the ZIP)."""

    code: str
    detail: CodedProblem
    path: str = ""

    @property
    def message(self) -> str:
        """The detail in English (logs, assertion messages); reports word it with their `say`."""
        return self.detail.english()

    def to_dict(self, say: Callable[[Any], str] = in_english) -> dict[str, Any]:
        return {"code": self.code, "message": say(self.detail), "path": self.path, "detail": as_json(self.detail)}


#: A document's stage as the problems name it (zh: common.STAGE_LABELS, the words the catalogue prints).
_STAGE_WORDS = {
    STAGE_APPROVED: QT_TRANSLATE_NOOP("Errors", "signed by two officers and approved by the team lead"),
    STAGE_OFFICERS: QT_TRANSLATE_NOOP("Errors", "signed by every officer (not approved)"),
    STAGE_SIGNED: QT_TRANSLATE_NOOP("Errors", "signed in full"),
    STAGE_PARTIAL: QT_TRANSLATE_NOOP("Errors", "partly signed"),
}


def stage_short(claimed: str, reached: str, lacking: list[str]) -> CodedProblem:
    """A signed document short of the stage the seal claims for it, with the signatures it lacks."""
    if not lacking:
        return coded("case_file.stage_short", QT_TRANSLATE_NOOP(
            "Errors", "The sealed manifest says it is “{claimed}”, but its valid signatures reach only “{reached}”."),
            claimed=_STAGE_WORDS.get(claimed, "?"), reached=_STAGE_WORDS[reached])
    return coded("case_file.stage_short_lacking", QT_TRANSLATE_NOOP(
        "Errors", "The sealed manifest says it is “{claimed}”, but its valid signatures reach only “{reached}” "
                  "({fields} missing)."), claimed=_STAGE_WORDS.get(claimed, "?"), reached=_STAGE_WORDS[reached],
        fields=[_field_word(f) for f in lacking])


def _field_word(name: str) -> CodedProblem | str:
    """A signature field as the problems name it (zh: common.field_label's words)."""
    if name.startswith("Sig_Officer"):
        return coded("case_file.officer_field", QT_TRANSLATE_NOOP("Errors", "officer {n}"),
                     n=name.removeprefix("Sig_Officer"))
    words = {"Sig_Lead": QT_TRANSLATE_NOOP("Errors", "the team lead"),
             "Sig_Agency": QT_TRANSLATE_NOOP("Errors", "the responsible officer"),
             "Sig_Seal": QT_TRANSLATE_NOOP("Errors", "the seal")}
    return words.get(name, name)



@dataclass(frozen=True)
class CaseFileReport:
    ok: bool
    problems: list[Problem]
    manifest: dict[str, Any] | None = None
    files: int = 0
    documents: dict[str, Any] = field(default_factory=dict)  # path -> records.verify.VerifyReport
    journal_length: int = 0
    journal_head: str = ""
    seal: Any = None          # records.seal.SealCheck, when the catalogue could be read
    refused: bool = False     # not expanded at all (bomb, size limit)
    stages: dict[str, str] = field(default_factory=dict)  # document path -> stage its signatures reach
    ledger: str | None = None  # the seal ledger's confirmation, when checked (ledger.py)

    @property
    def codes(self) -> set[str]:
        return {p.code for p in self.problems}

    def _ok_detail(self, check: str) -> str:
        m = self.manifest or {}
        if check == "案卷结构":
            return f"{self.files} 个文件，路径安全，未超出大小与压缩比上限"
        if check == "封卷签名":
            s = self.seal
            when = (s.claimed_time.astimezone(CN_TZ).strftime("%Y-%m-%d %H:%M:%S") + "（北京时间）"
                    if s is not None and s.claimed_time else "—")
            revocation = ("已核对吊销列表" if s is not None and s.revocation_checked
                          else "未核对吊销状态（没有吊销数据）")
            return (f"{s.signer if s else '—'}（执法证号 {s.certificate_no if s else '—'}）封卷，"
                    f"签名时间（设备时钟）{when}；{revocation}" + (f"；{self.ledger}" if self.ledger else ""))
        if check == "签名文书":
            parts = [f"{p.rsplit('/', 1)[-1]}：{STAGE_LABELS.get(st, st)}" for p, st in self.stages.items()]
            return f"{len(self.documents)} 份，签名有效；" + "；".join(parts)
        if check == "文件与清单":
            return f"与封卷清单所列 {len(m.get('files', []))} 个文件一致"
        if check == "笔录内容与证据":
            return "record.json 与证据原件与签名文书所载一致"
        return f"{self.journal_length} 条，链头 {self.journal_head[:16] or '—'}…，与封卷时一致"

    def describe(self, say: Callable[[Any], str] = in_english) -> str:
        """The decision, then each check: passed with what holds, or failed with its problems worded by `say`."""
        m = self.manifest or {}
        lines = ["结论：" + ("通过" if self.ok else f"不通过（{len(self.problems)} 项问题）"),
                 f"案卷：{m.get('record_number') or '（未知）'}，检查 {m.get('inspection_id') or '—'}"]
        for check, codes in CHECKS:
            found = [p for p in self.problems if p.code in codes]
            if found:
                lines.append(f"{check}：不通过")
                lines += [f"  · {p.path + '：' if p.path else ''}{say(p.detail)}" for p in found]
            elif self.refused or (self.problems and self.problems[0].code == "unreadable"):
                lines.append(f"{check}：未核验（案卷未解压）")
            else:
                lines.append(f"{check}：通过（{self._ok_detail(check)}）")
        return "\n".join(lines)

    def to_json(self, say: Callable[[Any], str] = in_english) -> str:
        seal = None
        if self.seal is not None:
            s = self.seal
            seal = {"ok": s.ok, "code": s.code, "message": s.message, "signer": s.signer,
                    "certificate_no": s.certificate_no, "serial": s.serial, "claimed_time": s.claimed_time,
                    "claimed_time_source": "device clock", "revocation_checked": s.revocation_checked}
        return json.dumps({"ok": self.ok, "refused": self.refused, "problems": [p.to_dict(say) for p in self.problems],
                           "files": self.files, "journal_length": self.journal_length,
                           "journal_head": self.journal_head, "seal": seal, "stages": self.stages,
                           "ledger": self.ledger,
                           "manifest": self.manifest,
                           "documents": {k: json.loads(v.to_json(say)) for k, v in self.documents.items()}},
                          ensure_ascii=False, indent=1, default=str)
