"""Builders for record snapshots used by tests/records/test_records.py and tests/bench/bench_pdf.py (fictional data)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import math
import random
from decimal import Decimal
from pathlib import Path

from PIL import Image, ImageDraw

from inspector_app.domain.credit_code import make_credit_code
from inspector_app.domain.journal import GENESIS, events_to_json, make_event
from inspector_app.records.model import (
    CN_TZ, LEAD, PARTY, WITNESS, AddendumChange, AddendumSnapshot, ChecklistRow, Contact, EvidenceRow, FindingRow,
    Officer, Party, PartySignOff, RecordSnapshot, RectificationItem, RectificationNotice, Recusal, SignatureImage,
    Witness,
)

T0 = dt.datetime(2026, 11, 20, 9, 30, tzinfo=CN_TZ)
OFFICERS = (
    Officer("off-1", "陈明哲", "青执2026001", T0 + dt.timedelta(minutes=1), "基金监督科"),
    Officer("off-2", "许若溪", "青执2026002", T0 + dt.timedelta(minutes=1), "基金监督科"),
)
LEAD_OFFICER = Officer("off-9", "韩景行", "青执2026009", None, "基金监督科")
PARTY_UNIT = Party("青川市第二人民医院", make_credit_code("12510800MB0000011"), "H51080000012",
                   "青川市利州区滨河北路 88 号", "林书远", "0839-3261234", "医院", "二级")


def signature_png(seed: int, width: int = 360, height: int = 120) -> bytes:
    """A handwriting-like stroke on a transparent background."""
    rnd = random.Random(seed)
    im = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    pts = []
    for i in range(60):
        x = 15 + i * (width - 30) / 59
        y = height / 2 + math.sin(i / 3.0 + seed) * height * 0.28 + rnd.uniform(-6, 6)
        pts.append((x, y))
    d.line(pts, fill=(20, 30, 90, 255), width=4, joint="curve")
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def photo_jpeg(path: Path, seed: int, size: tuple[int, int] = (1600, 1200), quality: int = 85) -> str:
    """A synthetic 'photo' (gradient, shapes, noise) saved as a pre-scaled JPEG; returns its sha256."""
    rnd = random.Random(seed)
    w, h = size
    base = Image.radial_gradient("L").resize((w, h))
    grain = Image.effect_noise((w // 2, h // 2), 25 + seed % 5).resize((w, h), Image.BILINEAR)
    im = Image.merge("RGB", (base, base.rotate(90 + seed % 90), grain))  # ~240 KB at 1600x1200 q85, like a photo
    d = ImageDraw.Draw(im)
    for _ in range(25):
        x, y = rnd.randrange(w), rnd.randrange(h)
        d.rectangle([x, y, x + rnd.randrange(40, 300), y + rnd.randrange(30, 200)],
                    outline=(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)), width=5)
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, "JPEG", quality=quality)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def journal(n_extra: int = 6) -> tuple[tuple[dict, ...], str]:
    chain = "insp-0001"
    specs = [("inspection.created", {"institution": PARTY_UNIT.name, "type": "专项检查"}),
             ("team.member_added", {"officer": "陈明哲"}), ("team.member_added", {"officer": "许若溪"}),
             ("team.credentials_shown", {"officer": "陈明哲"}), ("team.credentials_shown", {"officer": "许若溪"}),
             ("team.recusal_declared", {"officer": "陈明哲", "conflict": False})]
    specs += [("answer.changed", {"item": f"MI-{i:03d}", "value": "no" if i % 3 == 0 else "yes"})
              for i in range(n_extra)]
    events, prev = [], GENESIS
    for seq, (kind, payload) in enumerate(specs, 1):
        at = (T0 + dt.timedelta(minutes=seq)).astimezone(dt.timezone.utc).isoformat()
        ev = make_event(chain, seq, at, "陈明哲", "laptop-07", kind, payload, prev)
        events.append(ev)
        prev = ev.hash
    return tuple(events_to_json(events)), prev


def checklist(n: int = 8) -> tuple[ChecklistRow, ...]:
    rows = []
    for i in range(n):
        violation = i % 3 == 0
        if i % 4 == 1:
            rows.append(ChecklistRow("定点医疗机构检查表", "药品耗材管理", f"MI-{i:03d}", "政策范围外费用占比",
                                     "12.5%" if violation else "6.1%", "violation" if violation else "compliant",
                                     "≤ 8%", "《医疗保障基金使用监督管理条例》第十五条"))
        else:
            rows.append(ChecklistRow("定点医疗机构检查表", "诊疗服务" if i < n / 2 else "收费管理", f"MI-{i:03d}",
                                     "是否存在分解住院、挂床住院" if i % 2 == 0 else "是否按规定执行价格公示",
                                     "是" if violation else "否", "violation" if violation else "compliant",
                                     "", "条例第十五条、第三十八条", "抽查病历 30 份" if violation else ""))
    return tuple(rows)


def findings(n: int = 3) -> tuple[FindingRow, ...]:
    return tuple(FindingRow(i, f"抽查住院病历发现超标准收取护理费等问题（第 {i} 项），涉及患者 {i * 3} 人次。",
                            ("一般", "较重", "严重")[i % 3], Decimal(f"{1234 * i}.50"), Decimal(f"{1000 * i}.00"),
                            "《医疗保障基金使用监督管理条例》第十五条", "条例第三十八条")
                 for i in range(1, n + 1))


def evidence(photo_dir: Path | None, n: int = 2, size: tuple[int, int] = (800, 600)) -> tuple[EvidenceRow, ...]:
    rows = []
    for i in range(1, n + 1):
        path = None
        digest = hashlib.sha256(f"original-{i}".encode()).hexdigest()
        if photo_dir is not None:
            path = photo_dir / f"photo-{i:03d}.jpg"
            photo_jpeg(path, i, size)
        rows.append(EvidenceRow(f"E-{i:02d}", f"住院病区床位现场照片 {i}", "照片", "拍照",
                                T0 + dt.timedelta(minutes=20 + i), "现场拍摄（许若溪）", digest, path,
                                "证明挂床住院情况"))
    return tuple(rows)


def record(photo_dir: Path | None = None, *, refused: bool = False, n_findings: int = 3, n_photos: int = 2,
           photo_size: tuple[int, int] = (800, 600), n_items: int = 8, lead: bool = True,
           party_name: str = "周一鸣") -> RecordSnapshot:
    events, head = journal()
    images = [SignatureImage("off-1", signature_png(1)), SignatureImage("off-2", signature_png(2)),
              SignatureImage(LEAD, signature_png(9))]
    if refused:
        signoff = PartySignOff(refused=True, refusal_reason="认为检查结论有异议，拒绝在笔录上签字",
                               witness=Witness("王建国", "510802198805061234", "医院所在社区居委会工作人员"),
                               signed_at=T0 + dt.timedelta(hours=2, minutes=20),
                               officer_note="已向当事人宣读笔录全文，当事人拒绝签字，邀请见证人在场见证。")
        images.append(SignatureImage(WITNESS, signature_png(7)))
    else:
        signoff = PartySignOff(signer_name=party_name, signed_at=T0 + dt.timedelta(hours=2, minutes=20))
        images.append(SignatureImage(PARTY, signature_png(5)))
    return RecordSnapshot(
        number="青医保检〔2026〕15号", agency="青川市医疗保障局", party=PARTY_UNIT,
        contact=Contact(party_name, "医务科科长", "510802197901011234", "13800001111"),
        started_at=T0, ended_at=T0 + dt.timedelta(hours=2, minutes=15), place="青川市第二人民医院住院部三楼医务科",
        inspection_type="专项检查", inspection_mode="行政检查", officers=OFFICERS, recorder="许若溪",
        period_from=dt.date(2025, 1, 1), period_to=dt.date(2025, 12, 31), team_lead=LEAD_OFFICER if lead else None,
        recusals=tuple(Recusal(o.name, False, T0 + dt.timedelta(minutes=2)) for o in OFFICERS),
        party_recusal_answer="不申请回避。",
        rights_notice=("当事人有权对检查提出陈述、申辩；对执法人员有权申请回避。",
                       "当事人对检查结果不服的，可依法申请行政复议或提起行政诉讼。",
                       "当事人应当如实回答询问、提供资料，不得拒绝、阻碍检查或谎报、瞒报。"),
        checklist=checklist(n_items), findings=findings(n_findings),
        evidence=evidence(photo_dir, n_photos, photo_size), party_signoff=signoff,
        signature_images=tuple(images), journal=events, chain_head=head, inspection_id="insp-0001")


def addendum(original: RecordSnapshot) -> AddendumSnapshot:
    return AddendumSnapshot(
        number="青医保检补〔2026〕3号", agency=original.agency, original_number=original.number,
        original_content_hash=original.content_hash(), party=original.party,
        made_at=T0 + dt.timedelta(days=1), reason="笔录中第 2 项问题的涉及金额录入有误，经核对原始票据予以更正。",
        changes=(AddendumChange("发现问题 2 涉及金额", "2,469.50 元", "2,496.50 元"),),
        officers=original.officers, team_lead=original.team_lead,
        party_signoff=PartySignOff(signer_name="周一鸣", opinion="以上补正内容已阅，属实。",
                                   signed_at=T0 + dt.timedelta(days=1, minutes=10)),
        signature_images=original.signature_images, journal=original.journal, chain_head=original.chain_head)


def notice(original: RecordSnapshot) -> RectificationNotice:
    return RectificationNotice(
        number="青医保责改〔2026〕7号", agency=original.agency, party=original.party,
        record_number=original.number, inspected_on=original.started_at.date(), issued_on=dt.date(2026, 11, 25),
        items=tuple(RectificationItem(f.description, f"{f.legal_basis}；{f.penalty_article}",
                                      "立即停止违规收费行为，退回违规使用的医保基金，完善内部管理制度。")
                    for f in original.findings),
        deadline=dt.date(2026, 12, 25),
        report_method="整改完成后 5 个工作日内将书面整改报告及佐证材料报送我局基金监督科。",
        consequence="逾期不改正或拒不改正的，依据《医疗保障基金使用监督管理条例》第三十八条、第三十九条的规定依法处理。",
        contact_person="陈明哲", contact_phone="0839-3260000", signer=original.officers[0])
