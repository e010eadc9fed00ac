"""The batch 结果公示 of a draw round (seed 003 §六.3: random-check results made public): institution, date, result,
violations and amounts of each inspection carried out, as PDF and JSON. Institutions not yet visited are not named
(the draw stays confidential until the visit, seed 003 §七.3). Personal data in result texts is masked with the
publication masker (domain.masking): the legal representative's name and telephone, officers' certificate numbers."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from inspector_app import __version__, fonts
from inspector_app.domain.agency_time import today
from inspector_app.domain.coverage import CARRIED_OUT
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.inspection import Status
from inspector_app.domain.masking import Masker
from inspector_app.services.context import ServiceContext
from inspector_app.services.draws import _find_draw
from inspector_app.services.plans import find_item
from inspector_app.services.record_builder import setting
from inspector_app.storage.atomic import write_bytes
from inspector_app.storage.orm import FindingRow, InspectionRow, InstitutionRow, OfficerRow, TeamMemberRow
from inspector_app.storage.plans_orm import PlanItemInspectionRow, PlanRow
from inspector_app.storage.review_orm import OutcomeRow

MASKING_NOTE = "已依法对个人信息作去标识化处理（《医疗保障基金使用监督管理条例》第三十二条、《行政处罚法》第五十条）"


def _money(value: Decimal) -> str:
    return format(Decimal(value).quantize(Decimal("0.01")), "f")


def round_publication(ctx: ServiceContext, draw_id: str) -> dict[str, Any]:
    with ctx.read() as s:
        draw = _find_draw(s, draw_id)
        if draw.status != "accepted":
            raise ValidationError("draw.not_accepted", QT_TRANSLATE_NOOP(
                "Errors", "Only an accepted draw has results to publish."))
        item = find_item(s, draw.plan_item_id)
        plan = s.get(PlanRow, item.plan_id)
        assert plan is not None
        ids = s.scalars(select(PlanItemInspectionRow.inspection_id)
                        .where(PlanItemInspectionRow.draw_id == draw.id)).all()
        counts: Counter[str] = Counter()
        rows, pending = [], 0
        for iid in ids:
            insp = s.get(InspectionRow, iid)
            assert insp is not None
            if Status(insp.status) not in CARRIED_OUT:
                pending += 1
                continue
            inst = s.get(InstitutionRow, insp.institution_id)
            assert inst is not None
            certs = s.scalars(select(OfficerRow.certificate_no).join(
                TeamMemberRow, TeamMemberRow.officer_id == OfficerRow.id).where(TeamMemberRow.inspection_id == iid))
            masker = Masker((inst.legal_representative,), (inst.phone, *certs), (inst.name, inst.credit_code))
            involved, recover, n = s.execute(select(
                func.coalesce(func.sum(FindingRow.amount_involved), 0),
                func.coalesce(func.sum(FindingRow.amount_to_recover), 0), func.count(FindingRow.id))
                .where(FindingRow.inspection_id == iid, FindingRow.deleted_at.is_(None))).one()
            outcome = s.get(OutcomeRow, iid)
            result = "检查已完成，处理意见待定"
            if outcome is not None:
                result = f"{outcome.outcome}" + (f"；退回医保基金 {_money(outcome.refund_amount)} 元"
                                                 if outcome.refund_amount else "") + (
                    f"；罚款 {_money(outcome.fine_amount)} 元" if outcome.fine_amount else "") + (
                    f"（{outcome.articles}）" if outcome.articles else "")
                if outcome.note:
                    result += f"。{outcome.note}"
            rows.append({"institution": inst.name, "credit_code": inst.credit_code,
                         "date": today(insp.started_at or insp.planned_at).isoformat(), "violations": n,
                         "amount_involved": _money(Decimal(str(involved))),
                         "amount_to_recover": _money(Decimal(str(recover))),
                         "result": masker.mask_tree(result, counts)})
        return {"format": "inspector-draw-publication", "format_version": 1, "agency": setting(s, "agency"),
                "number": f"SJGS-{plan.key}-{item.key}-{draw.round_no}", "plan": plan.title, "item": item.name,
                "planned_on": draw.planned_on.isoformat(), "seed": draw.seed, "pool_hash": draw.pool_hash,
                "drawn": len(ids), "rows": sorted(rows, key=lambda r: r["institution"]), "pending": pending,
                "masking_note": MASKING_NOTE, "masked": dict(counts), "generated_at": ctx.clock().isoformat(),
                "app_version": __version__}


def write_round_publication(ctx: ServiceContext, draw_id: str, dest: Path) -> tuple[Path, Path]:
    """The 结果公示 of the draw's round as `dest` (PDF) and the same name with .json."""
    import json

    from inspector_app.records.draw_record import render_round_publication

    data = round_publication(ctx, draw_id)
    pdf = render_round_publication(data, fonts.ensure_fonts(fonts.default_cache_dir()))
    json_path = dest.with_suffix(".json")
    write_bytes(json_path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))
    write_bytes(dest, pdf)
    return dest, json_path
