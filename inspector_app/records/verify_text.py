"""The verification report in plain words: the decision first, then one line per check (Chinese; the desktop UI
words the same `Check` codes through its translations). No internal names: fields are named by their role
(执法人员 1, 检查组组长), times are Beijing time, booleans are words. Machine codes stay in the JSON output.

The details of a failure that are coded (a check's `detail`: journal breaks, differing pages, invalid timestamps)
are worded by the `say` function `describe` is given: the command line passes the zh_CN catalogue's
(ui/cli_words.problem_words), which words them as they always read; English when none is given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from inspector_app.domain.agency_time import zone_label
from inspector_app.domain.errors import in_english
from inspector_app.records.kinds import pdf_titles
from inspector_app.records.model import CN_TZ
from inspector_app.records.plan import STAGE_ORDER, AGENCY_FIELD, LEAD_FIELD, ROLE_AGENCY, ROLE_LEAD, ROLE_OFFICER
from inspector_app.records.verify_report import FAIL, INFO, OK, PASSED, REVOCATION_UNCHECKED, UNCHECKED, Check

if TYPE_CHECKING:
    from inspector_app.records.verify_report import SignatureCheck, VerifyReport

KIND_WORDS = pdf_titles()  # /InspDocKind -> title, from the document-kind registry
STAGE_WORDS = {"none": "未签名", "partial": "部分执法人员已签名", "signed": "执法人员已全部签名",
               "approved": "检查组组长已审核签名"}
SIG_CODES = ("signature_invalid", "untrusted", "modified_after_signing", "signed_outside_validity")
MARK = {OK: "✔", FAIL: "✘", UNCHECKED: "？", INFO: "·"}


def beijing(value: dt.datetime | None) -> str:
    return value.astimezone(CN_TZ).strftime("%Y-%m-%d %H:%M:%S") + f"（{zone_label(value)}）" if value else "—"


def field_label(field: str, role: str = "") -> str:
    """执法人员 2 / 检查组组长（审核）/ 承办执法人员 / 其他签名域 — never the internal field name."""
    if field.startswith("Sig_Officer") and field[len("Sig_Officer"):].isdigit():
        return f"执法人员 {field[len('Sig_Officer'):]}"
    if field == LEAD_FIELD or role == ROLE_LEAD:
        return "检查组组长（审核）"
    if field == AGENCY_FIELD or role == ROLE_AGENCY:
        return "承办执法人员"
    return "文书未规定的签名位置"


def _who(s: SignatureCheck) -> str:
    number = f"，执法证号 {s.holder_certificate_no}" if s.holder_certificate_no else ""
    return f"{field_label(s.field_name, s.role)}：{s.signer}{number}"


def _signature_lines(s: SignatureCheck, is_record: bool) -> list[Check]:
    f = s.field_name
    who = _who(s)
    base = {"field": f, "role": s.role, "signer": s.signer, "certificate_no": s.holder_certificate_no}
    codes = {r.code: r.message for r in s.reasons}
    out: list[Check] = []
    sig_fail = [c for c in SIG_CODES if c in codes]
    if sig_fail:
        out += [Check("signature", FAIL, c, f"签名（{who}）：{codes[c]}", f, base) for c in sig_fail]
    else:
        out.append(Check("signature", OK, "signature_valid",
                         f"签名（{who}）：完好，证书由受信任的机构签发，其后只有允许的修改", f, base))
    if is_record:
        if "unexpected_signature" in codes:
            out.append(Check("binding", FAIL, "unexpected_signature", codes["unexpected_signature"], f, base))
        elif "signer_not_bound" in codes:
            out.append(Check("binding", FAIL, "signer_not_bound", codes["signer_not_bound"], f,
                             {**base, "bound_name": s.bound_name, "bound_certificate_no": s.bound_certificate_no}))
        else:
            out.append(Check("binding", OK, "signer_bound", f"签名人与文书在该位置载明的人员一致（{s.bound_name}）", f,
                             base))
        if s.role == ROLE_LEAD:
            out.append(Check("role", FAIL, "not_team_lead", codes["not_team_lead"], f, base) if "not_team_lead"
                       in codes else Check("role", OK, "team_lead_role", "审核人的证书载明检查组组长身份", f, base))
    if "revoked" in codes:
        out.append(Check("revocation", FAIL, "revoked", f"证书已被吊销（{s.signer}）", f, base))
    elif s.revocation_checked:
        out.append(Check("revocation", OK, "not_revoked", f"证书未被吊销（依据吊销列表核对：{s.signer}）", f, base))
    else:
        out.append(Check("revocation", UNCHECKED, "revocation_unchecked",
                         f"吊销状态未检查：没有 {s.signer} 的证书签发机构的吊销列表", f, base))
    out.append(Check("time", INFO, "device_clock", f"声称的签名时间 {beijing(s.claimed_time)}，取自签名人设备时钟，"
                                                   "未经可信时间证明", f,
                     {**base, "time": beijing(s.claimed_time).removesuffix("（北京时间）")}))
    return out


def check_lines(report: VerifyReport, is_record: bool, missing: str, rerendered: bool = False) -> list[Check]:
    codes = {r.code: r.message for r in report.reasons}
    details = {r.code: r.detail for r in report.reasons if r.detail is not None}
    out: list[Check] = []
    if "unreadable" in codes:
        return [Check("structure", FAIL, "unreadable", codes["unreadable"])]
    kind = KIND_WORDS.get(report.doc_kind, report.doc_kind or "未知文书")
    if is_record:
        out.append(Check("structure", OK, "record_structure", f"{kind}（编号 {report.record_number}）：文书数据、"
                         "元数据" + ("和全过程记录" if report.journal else "") + "均在签名范围内",
                         params={"kind": report.doc_kind, "number": report.record_number}))
    else:
        out.append(Check("structure", FAIL, "not_a_record", codes.get("not_a_record", CODES_NOT_RECORD),
                         params={"missing": missing}))
    if "unsigned" in codes:
        out.append(Check("signature", FAIL, "unsigned", codes["unsigned"]))
    for s in report.signatures:
        out += _signature_lines(s, is_record)
    if is_record and report.signatures:
        params = {"stage": report.stage, "required": report.required_stage}
        reached = f"签名达到的阶段：{STAGE_WORDS.get(report.stage, report.stage)}"
        need = f"（要求：{STAGE_WORDS.get(report.required_stage, report.required_stage)}）"
        if "too_few_officers" in codes:
            out.append(Check("stage", FAIL, "too_few_officers", codes["too_few_officers"], params=params))
        if "stage_not_reached" in codes:
            out.append(Check("stage", FAIL, "stage_not_reached", codes["stage_not_reached"], params=params))
        if not ({"too_few_officers", "stage_not_reached"} & codes.keys()):
            ok = STAGE_ORDER.index(report.stage) >= STAGE_ORDER.index(report.required_stage or "none")
            out.append(Check("stage", OK if ok else INFO, "stage_reached", reached + need, params=params))
    j = report.journal
    for code in ("journal_missing", "journal_tampered", "journal_head_mismatch"):
        if code in codes:
            out.append(Check("journal", FAIL, code, codes[code], detail=details.get(code)))
    if j is not None and j.ok:
        out.append(Check("journal", OK, "journal_intact", f"全过程记录 {j.length} 条，哈希链完整，链头与文书所载一致",
                         params={"events": str(j.length)}))
    if "content_hash_mismatch" in codes:
        out.append(Check("content", FAIL, "content_hash_mismatch", codes["content_hash_mismatch"]))
    elif is_record:
        out.append(Check("content", OK, "content_hash_matches", "嵌入的文书数据与文书所载内容哈希一致"))
    if "visible_content_mismatch" in codes:
        out.append(Check("content", FAIL, "visible_content_mismatch", codes["visible_content_mismatch"],
                         detail=details.get("visible_content_mismatch")))
    elif is_record and rerendered:
        out.append(Check("content", OK, "visible_content_matches", "每一页与按签名数据重新生成的页面完全一致（文字、"
                                                               "照片、签名图像和版式）"))
    elif is_record:  # a kind the verifier cannot re-render: only the key facts were checked (visible.py)
        out.append(Check("content", OK, "visible_facts_match", "签名版本的页面显示了签名数据中的编号、单位、人员、"
                                                               "金额和证据哈希（该类文书只核对关键事实）"))
    if "timestamp_invalid" in codes:
        out.append(Check("time", FAIL, "timestamp_invalid", codes["timestamp_invalid"],
                         detail=details.get("timestamp_invalid")))
    if "page_removed" in codes:
        out.append(Check("pages", FAIL, "page_removed", codes["page_removed"]))
    elif report.pages_signed is not None:
        out.append(Check("pages", OK, "pages_intact", f"签名时 {report.pages_signed} 页，现在 {report.pages_now} 页",
                         params={"signed": str(report.pages_signed), "now": str(report.pages_now)}))
    return out


CODES_NOT_RECORD = "不是本系统制作的检查文书"


def headline(report: VerifyReport) -> str:
    if report.decision == PASSED:
        return "结论：通过 —— 签名有效，签名人与文书载明的人员、角色和阶段一致，内容未被改动"
    if report.decision == REVOCATION_UNCHECKED:
        return "结论：未完全核验 —— 签名完好，但吊销状态未检查（没有吊销信息），不能确认证书未被吊销"
    return f"结论：不通过 —— 发现 {len(report.reasons)} 个问题"


def describe(report: VerifyReport, say: Callable[[Any], str] = in_english) -> str:
    """The decision first, then one line per check; `say` words the coded details."""
    lines = [headline(report)]
    lines += [f"{MARK.get(c.status, '·')} {c.text(say)}" for c in report.checks]
    if report.pending_fields:
        lines.append("· 尚未签名的位置：" + "、".join(field_label(f) for f in report.pending_fields))
    if report.time_proof is not None:
        lines += report.time_proof.lines(say)
    return "\n".join(lines)


__all__ = ["ROLE_OFFICER", "beijing", "check_lines", "describe", "field_label", "headline"]
