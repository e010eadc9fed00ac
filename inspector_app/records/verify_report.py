"""What a verification of a signed record reports: the decision, one `Check` per thing checked (in the order a reader
wants them: structure, each signature, the stage reached, journal, content, pages), and the failure `Reason`s with
stable machine codes (CODES). Other checks (e.g. a trusted-time check) append `Check` entries of their own.

A reason whose details are coded problems (a broken journal chain, differing pages, an invalid timestamp) carries
them as its `detail` (domain.errors.CodedProblem); the report is worded when it is printed (`to_json(say)`,
verify_text.describe), by a function the caller gives — the command line passes the zh_CN catalogue's
(ui/cli_words.py), so the Chinese report reads as it always did.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from inspector_app.domain.errors import CodedProblem, as_json, in_english
from inspector_app.records.signing import DEVICE_CLOCK_LABEL

CODES = {
    "unreadable": "文件无法解析",
    "unsigned": "文件没有任何签名",
    "not_a_record": "不是本系统制作的检查文书（缺少文书结构：内容数据、全过程记录或文书元数据）",
    "signature_invalid": "签名无效（签名后内容被改动或签名值损坏）",
    "untrusted": "签名证书不受信任",
    "revoked": "签名证书已被吊销",
    "revocation_unchecked": "吊销状态未检查（没有吊销信息）",
    "signed_outside_validity": "声称的签名时间不在证书有效期内",
    "modified_after_signing": "签名后文件被作了不允许的修改",
    "unexpected_signature": "签名不在文书规定的签名位置上",
    "signer_not_bound": "签名人不是文书为该签名位置载明的人员",
    "not_team_lead": "审核签名的证书未载明检查组组长身份",
    "too_few_officers": "执法人员签名不足两人（条例第二十九条）",
    "stage_not_reached": "签名未达到所要求或所声称的阶段",
    "visible_content_mismatch": "页面显示的内容与签名的文书数据不一致",
    "page_removed": "签名后页面被删除",
    "journal_missing": "缺少嵌入的全过程记录",
    "journal_tampered": "全过程记录的哈希链断开（记录被篡改）",
    "journal_head_mismatch": "全过程记录的链头哈希与文书所载不一致",
    "content_hash_mismatch": "嵌入的文书内容与签名时记载的内容哈希不一致",
    "timestamp_invalid": "文档时间戳与文件内容不符或已损坏",
}

#: Decisions, strongest first. Only PASSED is ok.
PASSED, REVOCATION_UNCHECKED, FAILED = "passed", "revocation_unchecked", "failed"
#: Status of one check line.
OK, FAIL, UNCHECKED, INFO = "ok", "fail", "unchecked", "info"


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    message: str                          # Chinese words; the English of `detail` when there is one
    field: str | None = None
    detail: CodedProblem | None = None    # the coded form, worded when the report is printed

    @classmethod
    def coded(cls, code: str, detail: CodedProblem) -> Reason:
        return cls(code, detail.english(), None, detail)

    def text(self, say: Callable[[Any], str] = in_english) -> str:
        return say(self.detail) if self.detail is not None else self.message


@dataclass(frozen=True, slots=True)
class Check:
    """One line of the report. `code` is a stable machine code (a CODES key on failure, otherwise e.g.
    "signer_bound"); `params` carry the values a UI needs to word the line in its own language."""

    # structure | signature | binding | role | revocation | time | stage | journal | content | pages
    topic: str
    status: str            # OK | FAIL | UNCHECKED | INFO
    code: str
    message: str           # Chinese, plain words
    field: str | None = None
    params: dict[str, str] = dc_field(default_factory=dict)
    detail: CodedProblem | None = None  # as Reason.detail: a failure whose details are coded

    def text(self, say: Callable[[Any], str] = in_english) -> str:
        return say(self.detail) if self.detail is not None else self.message


@dataclass(frozen=True, slots=True)
class SignatureCheck:
    field_name: str
    signer: str
    subject: str
    serial: str
    issuer: str
    claimed_time: dt.datetime | None  # device clock, not proven
    cert_not_before: dt.datetime
    cert_not_after: dt.datetime
    certification: bool
    intact: bool
    valid: bool
    trusted: bool
    revoked: bool
    coverage: str
    modification_level: str
    docmdp_ok: bool | None
    bottom_line: bool
    summary: str
    signed_revision: int
    changes_after: tuple[str, ...]
    reasons: tuple[Reason, ...]
    claimed_time_label: str = DEVICE_CLOCK_LABEL
    holder_certificate_no: str = ""      # 执法证号 as the CA states it in the certificate
    team_lead_certificate: bool = False  # the CA asserts the team-lead role (pki.TEAM_LEAD_POLICY)
    revocation_checked: bool = False     # a CRL of the issuer (given or embedded) was consulted
    role: str = ""                       # the field's role in the record's plan ("" = not in the plan)
    bound_name: str = ""                 # who the record binds to the field
    bound_certificate_no: str = ""


@dataclass(frozen=True, slots=True)
class JournalCheck:
    present: bool
    ok: bool
    length: int
    computed_head: str
    printed_head: str
    problems: tuple[CodedProblem, ...]


@dataclass(frozen=True, slots=True)
class VerifyReport:
    ok: bool
    doc_kind: str
    record_number: str
    printed_content_hash: str
    signatures: tuple[SignatureCheck, ...]
    journal: JournalCheck | None
    pages_signed: int | None
    pages_now: int | None
    pending_fields: tuple[str, ...]
    reasons: tuple[Reason, ...]
    decision: str = FAILED
    stage: str = "none"              # plan.STAGE_*: what the good signatures reach
    required_stage: str = ""         # what this verification demanded
    checks: tuple[Check, ...] = ()
    time_proof: Any = None           # records.timestamps.TimeProof: the trusted time of a TSA, when there is one

    @property
    def codes(self) -> set[str]:
        return {r.code for r in self.reasons}

    def to_json(self, say: Callable[[Any], str] = in_english) -> str:
        """The report as JSON: each message worded by `say` (as `describe` words it), and each coded problem
        also by its code and parameters (`detail`, and the journal's and timestamps' problems)."""
        out = dataclasses.asdict(self)
        for key, items in (("reasons", self.reasons), ("checks", self.checks)):
            for row, item in zip(out[key], items):
                row["message"] = item.text(say)
                row["detail"] = as_json(item.detail) if item.detail is not None else None
        if self.journal is not None:
            out["journal"]["problems"] = worded(self.journal.problems, say)
        if self.time_proof is not None:
            for key in ("problems", "broken"):
                out["time_proof"][key] = worded(getattr(self.time_proof, key), say)
        return json.dumps(out, ensure_ascii=False, indent=1, default=str)


def worded(problems: tuple[CodedProblem, ...], say: Callable[[Any], str]) -> list[dict[str, Any]]:
    """Coded problems for JSON: the words and, for machines, the code and parameters."""
    return [{"message": say(p), **as_json(p)} for p in problems]


def decide(reasons: list[Reason]) -> str:
    """FAILED on any failure; REVOCATION_UNCHECKED when that is the only reservation; else PASSED."""
    if any(r.code != "revocation_unchecked" for r in reasons):
        return FAILED
    return REVOCATION_UNCHECKED if reasons else PASSED
