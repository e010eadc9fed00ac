"""Build the frozen snapshot a signed record prints (records.model) from the local store."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.domain.checklist import AnswerType, ItemDef, auto_state
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.journal import events_to_json
from inspector_app.domain.money import format_yuan
from inspector_app.records import model as rm
from inspector_app.services import evidence_facts as evidence_list, templates
from inspector_app.services.inspections import team_members
from inspector_app.storage import journal_repo
from inspector_app.storage.blob_store import BlobStore
from inspector_app.storage.orm import (
    AnswerRow,
    EvidenceRow,
    FindingRow,
    InspectionRow,
    InspectionTemplateRow,
    InstitutionRow,
    OfficerRow,
    TeamMemberRow,
)
from inspector_app.records import kinds
from inspector_app.storage.records_orm import PartySignoffRow, SignatureCaptureRow, WorkspaceSettingRow

RIGHTS_NOTICE = (
    "当事人有权对检查提出陈述、申辩；对执法人员有权申请回避。",
    "当事人对检查结果不服的，可依法申请行政复议或提起行政诉讼。",
    "当事人应当如实回答询问、提供资料，不得拒绝、阻碍检查或谎报、瞒报（《医疗保障基金使用监督管理条例》第二十九条）。",
)
DEFAULT_SETTINGS = {
    "agency": "医疗保障局",
    **kinds.default_patterns(),  # one 文号 pattern per document kind (records/kinds.py)
    # named in the 责令整改通知书's statement of remedies; the defaults are the legal descriptions, an agency
    # configures its own (e.g. 青川市人民政府, 青川市利州区人民法院)
    "reconsideration_body": "本级人民政府",
    "litigation_court": "有管辖权的人民法院",
}


def setting(s: Session, key: str) -> str:
    row = s.get(WorkspaceSettingRow, key)
    return row.value if row is not None else DEFAULT_SETTINGS[key]


def answer_text(item: ItemDef, value: Any) -> str:
    """The answer as the inspector gave it (a text answer is printed verbatim, never turned into a verdict)."""
    t = item.answer
    if t is AnswerType.SAMPLE:
        rows = (value or {}).get("rows", []) if isinstance(value, dict) or value is None else []
        if not rows:
            return "无抽查记录"
        bad = sum(1 for r in rows if r.get("violation"))
        return f"抽查 {len(rows)} 条，其中违规 {bad} 条（明细见下表）"
    if value is None:
        return "（未作答）"
    if t in (AnswerType.BOOL, AnswerType.BOOL_NA):
        return {"yes": "是", "no": "否", "na": "不适用"}[value]
    if t is AnswerType.PCT:
        return f"{value}%"
    if t is AnswerType.MONEY:
        return f"{format_yuan(Decimal(value))} 元"
    if t is AnswerType.COUNT:
        return f"{value}{item.unit or ''}"
    if t is AnswerType.MULTI:
        return "、".join(value)
    if t is AnswerType.ATTACHMENT:
        return f"附证据 {len(value)} 件"
    return str(value)


def _cell(col: Any, v: Any) -> str:
    if v is None or v == "":
        return ""
    if col.type == "bool":
        return {"yes": "是", "no": "否", True: "是", False: "否"}.get(v, str(v))
    if col.type == "money":
        return f"{format_yuan(Decimal(str(v)))}"
    if col.type == "pct":
        return f"{v}%"
    return str(v)


def sample_table(item: ItemDef, value: Any) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """(column labels, rows as text) of a sample answer; the last column says whether the row is a violation."""
    if item.answer is not AnswerType.SAMPLE or not isinstance(value, dict) or not value.get("rows"):
        return (), ()
    labels = tuple(c.label + ("（元）" if c.type == "money" else "") for c in item.columns) + ("是否违规",)
    rows = tuple(tuple(_cell(c, r.get(c.id)) for c in item.columns) + ("是" if r.get("violation") else "否",)
                 for r in value["rows"])
    return labels, rows


def standard_text(item: ItemDef) -> str:
    """The 判定标准 column: the threshold where the template sets one, else the rule that decides compliance."""
    if item.threshold is not None:
        return f"{item.threshold.describe()}{item.unit}"
    if item.answer in (AnswerType.BOOL, AnswerType.BOOL_NA):
        return {"yes": "答“是”为符合", "no": "答“否”为符合"}.get(item.compliant, "")
    if item.answer is AnswerType.SAMPLE:
        return "抽查记录无违规"
    return ""


def printed_state(item: ItemDef, value: Any, verdict: str | None, state: str) -> str:
    """The 判定 printed: the stored state when a rule or the inspector decided it; "" when nobody judged (the
    domain counts such an item as 符合 for progress, but the record must not claim a verdict nobody gave)."""
    if verdict or state in ("violation", "not_applicable", "unanswered"):
        return state
    return state if auto_state(item, value) is not None else ""


def _officer(o: OfficerRow, m: TeamMemberRow | None) -> rm.Officer:
    return rm.Officer(o.id, o.name, o.certificate_no, m.credentials_shown_at if m else None, o.department)


def lead_reviewer(s: Session, team_officer_ids: set[str]) -> OfficerRow | None:
    """The team lead who will countersign after review: a roster officer with the team_lead role, not on the team."""
    leads = s.scalars(select(OfficerRow).where(OfficerRow.role == "team_lead", OfficerRow.deleted_at.is_(None))
                      .order_by(OfficerRow.name)).all()
    return next((o for o in leads if o.id not in team_officer_ids), None)


def party_of(s: Session, insp: InspectionRow) -> rm.Party:
    inst = s.get(InstitutionRow, insp.institution_id)
    assert inst is not None
    return rm.Party(inst.name, inst.credit_code, inst.designation_code, inst.address, inst.legal_representative,
                    inst.phone, inst.category, inst.level)


def build_snapshot(s: Session, blobs: BlobStore, inspection_id: str, print_image: Any = None, *,
                   draft_at: Any = None) -> rm.RecordSnapshot:
    """`print_image(evidence_row) -> Path | None` supplies pre-scaled JPEGs for the evidence pages.

    With `draft_at` (a time) the snapshot is for the party's reading copy before anyone signs: no party sign-off
    is needed yet (nor a number), and an inspection still on site ends "now" for the print."""
    insp = s.get(InspectionRow, inspection_id)
    if insp is None:
        raise ValidationError("inspection.not_found", QT_TRANSLATE_NOOP("Errors", "The inspection does not exist."))
    members = s.execute(select(TeamMemberRow, OfficerRow).join(OfficerRow, OfficerRow.id == TeamMemberRow.officer_id)
                        .where(TeamMemberRow.inspection_id == inspection_id, TeamMemberRow.deleted_at.is_(None))
                        .order_by(TeamMemberRow.created_at)).all()
    confirmation = evidence_confirmation(s, inspection_id, draft=draft_at is not None)
    active = [(m, o) for m, o in members if m.has_conflict is not True]
    officers = tuple(_officer(o, m) for m, o in active)
    recorder = next((o.name for m, o in active if m.role == "recorder"), officers[-1].name if officers else "")
    lead = lead_reviewer(s, {o.id for _, o in members})
    signoff_row = s.scalar(select(PartySignoffRow).where(PartySignoffRow.inspection_id == inspection_id,
                                                         PartySignoffRow.document_kind == "record"))
    if signoff_row is None and draft_at is None:
        raise ValidationError("party.signoff_missing", QT_TRANSLATE_NOOP(
            "Errors", "Record the inspected institution's signature (or its refusal and the witness) first."))
    if signoff_row is None:
        signoff_row = PartySignoffRow(signer_name="", title="", id_number="", phone="", opinion="", refused=False,
                                      recusal_answer="", refusal_reason="", witness_name="", witness_id_number="",
                                      witness_relation="", officer_note="", created_at=None)
    images = _images(s, blobs, inspection_id, "record") if draft_at is None else ()
    witness = (rm.Witness(signoff_row.witness_name, signoff_row.witness_id_number, signoff_row.witness_relation)
               if signoff_row.refused else None)
    signoff = rm.PartySignOff(signer_name=signoff_row.signer_name,
                              opinion=signoff_row.opinion or "以上记录已阅，属实。",
                              signed_at=signoff_row.created_at, refused=signoff_row.refused,
                              refusal_reason=signoff_row.refusal_reason, witness=witness,
                              officer_note=signoff_row.officer_note)
    events = journal_repo.load_chain(s, inspection_id)
    started = insp.started_at or insp.planned_at
    ended = insp.ended_at or (max(draft_at, started) if draft_at is not None else started)
    return rm.RecordSnapshot(
        number=insp.record_number or "", agency=setting(s, "agency"),
        party=party_of(s, insp),
        contact=rm.Contact(signoff_row.signer_name or signoff_row.witness_name, signoff_row.title,
                           signoff_row.id_number, signoff_row.phone),
        started_at=started, ended_at=ended, place=insp.place,
        inspection_type=insp.inspection_type, inspection_mode=insp.mode, officers=officers, recorder=recorder,
        period_from=insp.period_from, period_to=insp.period_to,
        team_lead=_officer(lead, None) if lead else None,
        recusals=tuple(rm.Recusal(o.name, bool(m.has_conflict), m.recusal_declared_at or started, m.conflict_note)
                       for m, o in members if m.recusal_declared_at),
        party_recusal_answer=signoff_row.recusal_answer, rights_notice=RIGHTS_NOTICE,
        checklist=_checklist(s, inspection_id), findings=_findings(s, inspection_id),
        evidence=evidence_rows(s, inspection_id, print_image), party_signoff=signoff, signature_images=images,
        journal=tuple(events_to_json(events)), chain_head=events[-1].hash if events else "",
        inspection_id=inspection_id,
        evidence_confirmation=confirmation,
    )


def _images(s: Session, blobs: BlobStore, inspection_id: str, kind: str) -> tuple[rm.SignatureImage, ...]:
    """The latest capture per signer (an officer may have redrawn a signature)."""
    rows = s.scalars(select(SignatureCaptureRow).where(SignatureCaptureRow.inspection_id == inspection_id,
                                                       SignatureCaptureRow.document_kind == kind)
                     .order_by(SignatureCaptureRow.created_at)).all()
    latest: dict[str, SignatureCaptureRow] = {}
    for r in rows:
        key = r.officer_id if r.role in ("officer", "lead") and r.officer_id else r.role
        latest[key if r.role != "lead" else rm.LEAD] = r
    return tuple(rm.SignatureImage(k, blobs.read_bytes(r.png_sha256)) for k, r in latest.items())


def _checklist(s: Session, inspection_id: str) -> tuple[rm.ChecklistRow, ...]:
    hashes = s.scalars(select(InspectionTemplateRow.template_hash)
                       .where(InspectionTemplateRow.inspection_id == inspection_id)
                       .order_by(InspectionTemplateRow.position)).all()
    answers = {(a.template_hash, a.item_id): a for a in
               s.scalars(select(AnswerRow).where(AnswerRow.inspection_id == inspection_id))}
    rows = []
    for h in hashes:
        t = templates.pinned(s, h)
        for section in t.sections:
            for item in section.items:
                a = answers.get((h, item.id))
                if a is None:
                    continue
                columns, sample_rows = sample_table(item, a.value)
                rows.append(rm.ChecklistRow(t.title, section.title, item.id, item.label, answer_text(item, a.value),
                                            printed_state(item, a.value, a.verdict, a.state), standard_text(item),
                                            item.legal_basis, a.note, columns, sample_rows))
    return tuple(rows)


def _findings(s: Session, inspection_id: str) -> tuple[rm.FindingRow, ...]:
    rows = s.scalars(select(FindingRow).where(FindingRow.inspection_id == inspection_id,
                                              FindingRow.deleted_at.is_(None)).order_by(FindingRow.created_at)).all()
    return tuple(rm.FindingRow(n, f.description, f.severity, f.amount_involved, f.amount_to_recover, f.legal_basis,
                               f.penalty_article, f.item_id) for n, f in enumerate(rows, start=1))


_KIND_LABEL = {"photo": "照片", "document": "书证（复印件/扫描件）", "audio_video": "视听资料", "data": "电子数据"}


def evidence_rows(s: Session, inspection_id: str, print_image: Any,
                  reinspection_id: str | None = None) -> tuple[rm.EvidenceRow, ...]:
    """The 证据清单 of the record (E-01…) or, with `reinspection_id`, of that re-inspection (R-01…)."""
    scope = (EvidenceRow.reinspection_id.is_(None) & EvidenceRow.seizure_id.is_(None) if reinspection_id is None
             else EvidenceRow.reinspection_id == reinspection_id)
    rows = s.scalars(select(EvidenceRow).where(EvidenceRow.inspection_id == inspection_id, scope,
                                               EvidenceRow.deleted_at.is_(None))
                     .order_by(EvidenceRow.created_at, EvidenceRow.id)).all()
    prefix = "E" if reinspection_id is None else "R"
    targets = evidence_list.links.active(s, [e.id for e in rows])
    return tuple(rm.EvidenceRow(f"{prefix}-{n:02d}", e.caption or e.source_name, _KIND_LABEL.get(e.kind, e.kind),
                                e.measure,
                                e.captured_at, e.source_name, e.sha256,
                                print_image(e) if print_image and e.kind == "photo" else None,
                                proves=evidence_list.proves_text(s, inspection_id, targets.get(e.id, ())),
                                evidence_type=e.evidence_type, provider=e.provider, page_count=e.page_count)
                 for n, e in enumerate(rows, start=1))


def evidence_confirmation(s: Session, inspection_id: str, *, draft: bool) -> rm.EvidenceConfirmation | None:
    """The party's confirmation of the list for the snapshot; a confirmation given for another version of the
    list stops signing (a draft shows the list as not confirmed yet)."""
    c = evidence_list.confirmation_of(s, inspection_id)
    if c is None:
        return None
    if not c.current:
        if draft:
            return None
        raise ValidationError("evidence.confirmation_stale", QT_TRANSLATE_NOOP(
            "Errors", "The evidence list changed after the party confirmed it; let the party check it again."))
    return rm.EvidenceConfirmation(c.statement, c.signer_name, c.confirmed_at, c.refused, c.refusal_reason)


def unanswered_team_signatures(s: Session, inspection_id: str) -> list[str]:
    """Names of active officers without a captured handwritten signature."""
    captured = set(s.scalars(select(SignatureCaptureRow.officer_id).where(
        SignatureCaptureRow.inspection_id == inspection_id, SignatureCaptureRow.role == "officer")))
    return [m.name for m in team_members(s, inspection_id) if m.has_conflict is not True
            and m.officer_id not in captured]


def set_setting(s: Session, key: str, value: str) -> None:
    if key not in DEFAULT_SETTINGS:
        raise ValidationError("setting.unknown", QT_TRANSLATE_NOOP("Errors", "Unknown setting {key}."), key=key)
    row = s.get(WorkspaceSettingRow, key)
    if row is None:
        s.add(WorkspaceSettingRow(key=key, value=value))
    else:
        row.value = value
