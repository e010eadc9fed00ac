"""The publication summary (公开) of an inspection: PDF + JSON with personal data masked (domain.masking) —
institution, 统一社会信用代码, violations, legal basis and amounts stay (条例 第三十二条, 行政处罚法 第五十条)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from inspector_app import __version__
from inspector_app.domain.masking import Masker
from inspector_app.records import model as rm
from inspector_app.records.casefile_pdf import fmt_date, fmt_money, publication_pdf
from inspector_app.services.case_file.common import PUBLICATION_FORMAT, json_bytes
from inspector_app.services.case_file.export import signed_documents
from inspector_app.services.context import ServiceContext
from inspector_app.services.record_builder import build_snapshot
from inspector_app.services.signing import DocumentDTO, SigningService
from inspector_app.storage.atomic import write_bytes
from inspector_app.storage.docs_orm import InquiryRow, ServiceReceiptRow
from inspector_app.storage.review_orm import OutcomeRow, RectificationRow

Progress = Callable[[int, str], None]


@dataclass(frozen=True, slots=True)
class PublicationResult:
    pdf: Path
    json: Path
    masked: dict[str, int]  # how many items of each kind of personal data were masked


def publication_masker(snap: rm.RecordSnapshot, extra_names: tuple[str, ...] = (),
                       extra_literals: tuple[str, ...] = ()) -> Masker:
    """Names and numbers of natural persons in the record are masked; the institution's identity is kept.
    `extra_*`: the people of the inspection's other documents (persons questioned, receivers, witnesses)."""
    so = snap.party_signoff
    names = [snap.contact.name, so.signer_name, snap.party.legal_representative, *extra_names]
    literals = [snap.contact.id_number, snap.contact.phone, *extra_literals]
    if so.witness is not None:
        names.append(so.witness.name)
        literals.append(so.witness.id_number)
    for officer in (*snap.officers, *((snap.team_lead,) if snap.team_lead else ())):
        literals.append(officer.certificate_no)
    keep = [snap.party.name, snap.party.credit_code, snap.party.designation_code, snap.agency]
    return Masker(tuple(n for n in names if n), tuple(x for x in literals if x), tuple(k for k in keep if k))


def document_people(s: Any, inspection_id: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(names, numbers) of the natural persons in the inspection's 询问笔录 and 送达回证 (their signed content)."""
    names: list[str] = []
    literals: list[str] = []
    for content in s.scalars(select(InquiryRow.content).where(InquiryRow.inspection_id == inspection_id)):
        person, signoff = content.get("person") or {}, content.get("person_signoff") or {}
        witness = signoff.get("witness") or {}
        names += [person.get("name", ""), witness.get("name", "")]
        literals += [person.get("id_number", ""), person.get("contact", ""), witness.get("id_number", "")]
    for content in s.scalars(select(ServiceReceiptRow.content).where(
            ServiceReceiptRow.inspection_id == inspection_id)):
        names += [content.get("receiver_name", ""), content.get("witness_name", "")]
        literals += [content.get("witness_id_number", "")]
    return tuple(n for n in names if n), tuple(x for x in literals if x)


def _result_text(outcome: OutcomeRow | None, rect: list[RectificationRow], notices: list[DocumentDTO],
                 docs: list[DocumentDTO]) -> str:
    parts: list[str] = []
    if outcome is not None:
        text = f"处理结果：{outcome.outcome}"
        if outcome.refund_amount:
            text += f"；责令退回医保基金 {fmt_money(outcome.refund_amount)} 元"
        if outcome.fine_amount:
            text += f"；罚款 {fmt_money(outcome.fine_amount)} 元"
        if outcome.articles:
            text += f"（依据{outcome.articles}）"
        parts.append(text + "。")
    for n in notices:
        parts.append(f"已下达责令改正（限期整改）通知书（{n.number}）。")
    for r in rect:
        parts.append(f"整改期限 {fmt_date(r.deadline)}"
                     + (f"，复查结论：{r.result}。" if r.result else "，整改跟踪中。"))
    addenda = [d for d in docs if d.kind == "addendum"]
    if addenda:
        parts.append(f"笔录另有补正说明 {len(addenda)} 份。")
    return "".join(parts) or "检查结束，处理意见待定。"


def write_publication(ctx: ServiceContext, signing: SigningService, inspection_id: str, dest: str | Path, *,
                      progress: Progress | None = None) -> PublicationResult:
    """The publication summary (公开) as `dest` (PDF) and the same name with .json, personal data masked."""
    say = progress or (lambda _p, _m: None)
    pdf_path = Path(dest)
    json_path = pdf_path.with_suffix(".json")
    _record, docs = signed_documents(signing, inspection_id)
    say(10, "汇总检查结果")
    with ctx.read() as s:
        snap = build_snapshot(s, ctx.blobs, inspection_id)
        outcome = s.get(OutcomeRow, inspection_id)
        rect = s.scalars(select(RectificationRow).where(RectificationRow.inspection_id == inspection_id)
                         .order_by(RectificationRow.created_at)).all()
        result = _result_text(outcome, list(rect), [d for d in docs if d.kind == "notice"], docs)
        people = document_people(s, inspection_id)
    masker = publication_masker(snap, *people)
    counts: Counter[str] = Counter()
    p = snap.party
    data: dict[str, Any] = {
        "format": PUBLICATION_FORMAT, "format_version": 1, "agency": snap.agency,
        "record_number": snap.number,
        "institution": {"name": p.name, "credit_code": p.credit_code, "designation_code": p.designation_code,
                        "category": p.category, "level": p.level},
        "inspection": {"type": snap.inspection_type, "mode": snap.inspection_mode,
                       "started_at": snap.started_at.isoformat(), "ended_at": snap.ended_at.isoformat(),
                       "period_from": snap.period_from.isoformat() if snap.period_from else None,
                       "period_to": snap.period_to.isoformat() if snap.period_to else None},
        "findings": [{"number": f.number, "description": masker.mask_tree(f.description, counts),
                      "severity": f.severity, "legal_basis": masker.mask_tree(f.legal_basis, counts),
                      "penalty_article": masker.mask_tree(f.penalty_article, counts),
                      "amount_involved": format(f.amount_involved, "f"),
                      "amount_to_recover": format(f.amount_to_recover, "f")} for f in snap.findings],
        "totals": {"amount_involved": format(snap.total_involved, "f"),
                   "amount_to_recover": format(snap.total_to_recover, "f")},
        "result": masker.mask_tree(result, counts),
        "generated_at": ctx.clock().isoformat(),
        "app_version": __version__,
    }
    data["masking"] = {"note": "已依法对个人信息作去标识化处理（《医疗保障基金使用监督管理条例》第三十二条、"
                               "《行政处罚法》第五十条）", "counts": dict(sorted(counts.items()))}
    say(50, "生成 PDF")
    pdf = publication_pdf(data)
    write_bytes(json_path, json_bytes(data))
    write_bytes(pdf_path, pdf)
    say(100, "公开信息已导出")
    return PublicationResult(pdf_path, json_path, dict(counts))
