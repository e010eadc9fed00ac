"""The 全过程记录 appendix in words: Chinese event names and one line per event saying what changed.

The printed appendix is for people (the party, the reviewer, a court): time in the agency's zone, who acted, what
happened, in Chinese, with personal data masked (domain.masking). The full machine journal, with every payload and
hash, stays in the embedded journal.json; the printed text is derived from it and never replaces it.

Every event type the services emit has a name in `EVENT_NAMES` (tests/records/test_record_words.py scans the services
for the types they journal and fails on a missing name), so no English event name reaches a record.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from inspector_app.domain.masking import Masker
from inspector_app.records.kinds import KINDS

#: Statuses of domain.inspection.Status (records/ does not import the status machine; the test checks both agree).
STATUS_ZH = {
    "draft": "草稿", "on_site": "检查中", "awaiting_signature": "待签字", "signed": "已签字", "submitted": "已提交",
    "under_review": "审核中", "returned": "已退回", "approved": "已批准", "rectification": "整改跟踪",
    "closed": "已关闭", "cancelled": "已作废",
}
DOC_ZH = {k.code: k.spoken for k in KINDS}

EVENT_NAMES: dict[str, str] = {
    "inquiry.signed": "询问笔录签名",
    # 封存 / 先行登记保存 (services/seizures.py) and the 音像记录 register (services/recordings.py)
    "seizure.signed": "封存／先行登记保存决定签名",
    "seizure.extended": "延长封存期限",
    "seizure.closed": "解除封存／作出处理决定",
    "recording.registered": "登记音像记录",
    # plans and 双随机 draws (services/plans.py, services/draws.py)
    "plan.imported": "导入检查计划",
    "plan.edited": "修改检查计划",
    "plan.status_changed": "检查计划状态变更",
    "plan.inspection_assigned": "检查纳入计划事项",
    "officer.conflict_declared": "登记执法人员回避关系",
    "draw.seeded": "固定随机抽取种子",
    "draw.drawn": "随机抽取",
    "draw.abandoned": "放弃本次抽取",
    "draw.accepted": "确认抽取结果并生成检查任务",
    "draw.record_signed": "签署随机抽查记录",
    # campaigns, self-inspection returns and data leads (services/selfcheck.py, leads.py, lead_review.py)
    "campaign.created": "创建专项治理活动",
    "selfcheck.imported": "导入自查自纠报告",
    "leads.imported": "导入数据比对线索",
    "lead.checked": "核查数据比对线索",
    "lead.sample_prefilled": "以数据线索填写抽样表",
    "service.signed": "送达回证签名",
    "notice.served": "送达责令整改通知书",
    "rectification.deadline_from_service": "整改期限自送达之日起计算",
    "inspection.created": "创建检查任务",
    "inspection.signed": "笔录签名（同步）",
    "template.pinned": "选定检查表版本",
    "team.member_added": "加入检查组",
    "team.credentials_shown": "出示执法证件（亮证）",
    "team.recusal_declared": "回避声明",
    "answer.changed": "修改检查项答案",
    "finding.added": "记录发现的问题",
    "finding.changed": "修改发现的问题",
    "finding.removed": "删除发现的问题",
    "evidence.added": "采集证据",
    "evidence.changed": "修改证据说明",
    "evidence.described": "登记证据种类、提供人和页数",
    "evidence.list_confirmed": "当事人确认证据与原件核对一致",
    "evidence.list_refused": "当事人拒绝核对证据清单",
    "evidence.removed": "删除证据",
    "evidence.restored": "恢复证据",
    "evidence.linked": "证据关联问题",
    "evidence.unlinked": "取消证据关联",
    "signature.captured": "采集手写签名",
    "party.signoff": "记录当事人意见及签字",
    "record.number_assigned": "编定笔录编号",
    "record.signed": "签署现场检查笔录",
    "addendum.started": "开始制作补正说明",
    "addendum.signed": "签署补正说明",
    "notice.issued": "签发责令整改通知书",
    "session.sign_in": "执法人员登录",
    "session.sign_out": "执法人员退出登录",
    "session.lock": "锁定屏幕",
    "session.unlock": "解除锁定",
    "session.password_set": "设置登录密码",
    "review.comment": "审核意见",
    "review.return": "审核退回",
    "review.approve": "审核批准",
    "review.approval": "审核批准（同步）",
    "case_file.sealed": "案卷封卷导出",
    "outcome.decided": "作出处理决定",
    "outcome.changed": "修改处理决定",
    "rectification.opened": "开始整改跟踪",
    "rectification.refund": "登记退回基金",
    "rectification.reinspected": "登记复查结果",
    "reinspection.opened": "开始整改复查",
    "reinspection.changed": "修改复查记录",
    "reinspection.number_assigned": "编定复查记录编号",
    "reinspection.signed": "签署整改复查记录",
    "reinspection.frozen": "复查记录定稿",
    "sync.conflict_resolved": "处理同步冲突",
    "institution.added": "新增机构",
    "officer.added": "新增执法人员",
    **{f"inspection.status.{k}": f"状态变为“{v}”" for k, v in STATUS_ZH.items()},
    **{f"{k}.countersigned": f"会签{v}" for k, v in DOC_ZH.items()},
}

#: Payload fields, as named on the record. A field not listed here is not printed (ids, hashes, strokes: JSON only).
FIELD_ZH = {
    "value": "答案", "verdict": "判定", "note": "备注", "state": "结果",
    "description": "问题描述", "severity": "性质", "amount_involved": "涉及金额", "amount_to_recover": "应追回金额",
    "legal_basis": "依据", "penalty_article": "处罚条款", "deleted": "已删除",
    "caption": "证据名称", "kind": "类别", "measure": "取证方式", "source_name": "提供人／来源",
    "captured_at": "采集时间", "credentials_shown_at": "亮证时间", "has_conflict": "存在应回避情形",
    "conflict_note": "情况说明", "recusal_declared_at": "声明时间", "status": "状态", "place": "检查地点",
    "institution_name": "被检查单位", "inspection_type": "检查类型", "mode": "检查方式", "planned_at": "计划时间",
    "period_from": "检查期间起", "period_to": "检查期间止", "name": "姓名", "role": "角色",
    "certificate_no": "执法证号", "signer_name": "签字人", "title": "职务", "id_number": "身份证号", "phone": "电话",
    "opinion": "当事人意见", "recusal_answer": "回避申请", "refused": "拒绝签字", "refusal_reason": "拒签理由",
    "witness_name": "见证人", "witness_id_number": "见证人身份证号", "witness_relation": "与当事人关系",
    "officer_note": "执法人员说明", "number": "编号", "reason": "理由", "text": "内容", "result": "结论",
    "deadline": "整改期限", "amount": "金额", "document_kind": "文书", "template_id": "检查表", "version": "版本",
    "item": "检查项", "item_id": "检查项", "visited_at": "复查时间", "voluntary_refund": "主动退回金额",
    "author": "审核人", "content_hash": "内容哈希",
}
ROLE_ZH = {"leader": "主办执法人员", "member": "执法人员", "recorder": "记录人", "officer": "执法人员",
           "lead": "组长（审核）", "party": "当事人", "witness": "见证人"}
_MAX = 80  # characters of one printed value; the embedded JSON keeps everything


def event_name(event_type: str) -> str:
    """The Chinese name of an event type; an unknown type (from a newer client) is named as such, never in English."""
    return EVENT_NAMES.get(event_type, "其他操作")


def _value(v: Any) -> str:
    if v is None or v == "" or v == []:
        return "（空）"
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, dict):
        rows = v.get("rows")
        if isinstance(rows, list):
            return f"抽查表 {len(rows)} 行"
        return "；".join(f"{FIELD_ZH.get(k, k)}：{_value(x)}" for k, x in v.items() if k in FIELD_ZH) or "（略）"
    if isinstance(v, (list, tuple)):
        return "、".join(_value(x) for x in v)
    text = {"yes": "是", "no": "否", "na": "不适用", "compliant": "符合", "violation": "违规",
            "not_applicable": "不适用", "unanswered": "未检查"}.get(str(v), str(v))
    if text in ROLE_ZH:
        text = ROLE_ZH[text]
    if text in STATUS_ZH:
        text = STATUS_ZH[text]
    if len(text) >= 19 and text[4] == "-" and "T" in text[10:11]:  # ISO time → 年月日时分 (UTC+8 already applied)
        text = _iso_words(text)
    text = text.rstrip("。；;")  # the parts are joined with "；"
    return text if len(text) <= _MAX else text[:_MAX] + "…"


def _iso_words(text: str) -> str:
    import datetime as dt

    from inspector_app.records.model import CN_TZ

    try:
        t = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    t = t.astimezone(CN_TZ) if t.tzinfo else t
    return f"{t.year}年{t.month}月{t.day}日{t.hour:02d}时{t.minute:02d}分"


def describe(event: dict[str, Any]) -> str:
    """What changed, in words: "字段：旧 → 新" for a change, the named fields of a new entity."""
    p = event.get("payload") or {}
    parts: list[str] = []
    if p.get("item"):
        parts.append(f"检查项 {p['item']}")
    fields = p.get("fields")
    if isinstance(fields, dict):
        for k, pair in fields.items():
            if k not in FIELD_ZH or not isinstance(pair, (list, tuple)) or len(pair) != 2:
                continue
            parts.append(f"{FIELD_ZH[k]}：{_value(pair[0])} → {_value(pair[1])}")
    data = p.get("data")
    if isinstance(data, dict):
        for k, v in data.items():
            if k in FIELD_ZH and k not in ("content_hash", "document_kind") and v not in (None, "", [], False):
                parts.append(f"{FIELD_ZH[k]}：{_value(v)}")
        if data.get("document_kind"):
            parts.insert(0, DOC_ZH.get(data["document_kind"], data["document_kind"]))
    for k in ("number", "reason", "version"):
        if p.get(k):
            parts.append(f"{FIELD_ZH[k]}：{_value(p[k])}")
    if event.get("type") == "answer.changed" and p.get("state"):
        parts.append(f"结果：{_value(p['state'])}")
    return "；".join(parts) or "—"


def masker_for(names: Iterable[str], literals: Iterable[str], keep: Iterable[str]) -> Masker:
    """Personal data in the printed journal: the party's people by name, their ID and phone numbers by value and by
    pattern (domain.masking); the institution's names and codes and the officers' names are kept."""
    # an ID or phone number the standard patterns recognise is masked the 公示 way (area code and last digits
    # kept); one they miss (a malformed number) is hidden whole as a literal
    patterns = Masker()
    odd = tuple(x for x in literals if x and patterns.mask(x) == x)
    return Masker(names=tuple(n for n in names if n), literals=odd, keep=tuple(k for k in keep if k))


def person(actor: str) -> str:
    """The journal's actor is "name(officer id)": the printed name; the id stays in the embedded JSON."""
    name, _, _ = actor.partition("(")
    return name.strip() or actor
