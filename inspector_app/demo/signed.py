"""The demo's signed samples: a demo CA and officer certificates (PKCS#12, generated passwords); one inspection
taken to a signed 现场检查笔录 and 责令整改通知书 and waiting for review, and an older one approved, ordered to
rectify, overdue and being re-inspected — so a newcomer sees real records at once. Everything is fictional and
generated on the spot; no key or password comes from the repo."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from inspector_app.domain.agency_time import local
from inspector_app.domain.checklist import AnswerType, ItemDef
from inspector_app.domain.findings import FindingData, Severity
from inspector_app.domain.inspection import InspectionMode, InspectionType
from inspector_app.domain.outcomes import Outcome
from inspector_app.records import pki, verify
from inspector_app.services.context import Actor
from inspector_app.demo.keys import write_demo_passwords
from inspector_app.demo.media import add_demo_photos, site_photo
from inspector_app.services.record_builder import set_setting
from inspector_app.services.signature_art import demo_strokes, strokes_to_png
from inspector_app.services.signing import PartySignoff

AGENCY = "青川市医疗保障局"
VIOLATIONS = {"H-04.3", "H-09.1", "H-08.1"}  # items the sample inspection finds violated


def setup_workspace(app: Any, officers: list[Any], now: dt.datetime,
                    sign_in_passwords: dict[str, str] | None = None) -> dict[str, str]:
    """Agency settings and a demo PKI; returns {officer name: PKCS#12 password} for officers with a certificate."""
    with app.ctx.unit(Actor("系统管理员")) as uow:
        set_setting(uow.session, "agency", AGENCY)
        set_setting(uow.session, "record_number_pattern", "青医保检〔{year}〕{n}号")
        set_setting(uow.session, "notice_number_pattern", "青医保改〔{year}〕{n}号")
        set_setting(uow.session, "addendum_number_pattern", "青医保补〔{year}〕{n}号")
        set_setting(uow.session, "reinspection_number_pattern", "青医保复〔{year}〕{n}号")
        set_setting(uow.session, "inquiry_number_pattern", "青医保询〔{year}〕{n}号")
        set_setting(uow.session, "service_number_pattern", "青医保送〔{year}〕{n}号")
        set_setting(uow.session, "seal_number_pattern", "青医保封〔{year}〕{n}号")
        set_setting(uow.session, "preservation_number_pattern", "青医保存〔{year}〕{n}号")
    start = now - dt.timedelta(days=60)
    ca = pki.create_ca(AGENCY, cn=f"{AGENCY} 执法签名根证书（演示）", not_before=start)
    app.keys.add_trust_root(ca.cert)
    app.keys.add_crl(pki.make_crl(ca))
    passwords = {}
    today = local(now).date()
    for o in officers:
        if o.certificate_expiry < today:
            continue  # no signing certificate for an officer whose enforcement certificate has lapsed
        password = secrets.token_urlsafe(9)
        app.keys.save(o.id, pki.issue_officer(ca, o.name, o.certificate_no, not_before=start,
                                             team_lead=o.role == "team_lead"), password)
        passwords[o.id] = password
    write_demo_passwords(app.keys.root, officers, sign_in_passwords or {}, passwords)
    return passwords


def _value(item: ItemDef, n: int) -> object:
    bad = item.id in VIOLATIONS
    t = item.answer
    if t in (AnswerType.BOOL, AnswerType.BOOL_NA):
        good = item.compliant
        return ("no" if good == "yes" else "yes") if bad else good
    if t is AnswerType.COUNT:
        return 3 + n % 7
    if t is AnswerType.PCT:
        if item.threshold is not None:
            limit = item.threshold.value
            return str(limit + 2 if bad and item.threshold.op in ("<=", "<") else
                       limit if item.threshold.op in ("<=", ">=", "==") else limit - 1)
        return "96"
    if t is AnswerType.MONEY:
        return "0.00" if item.threshold is not None else "12860.00"
    if t is AnswerType.DATE:
        return "2026-03-15"
    if t is AnswerType.TEXT:
        return "已查阅相关资料，未见异常。"
    if t is AnswerType.CHOICE:
        return item.choices[0]
    if t is AnswerType.MULTI:
        return list(item.choices[:2])
    if t is AnswerType.SAMPLE:
        cells = {"text": "ZY2026-0412", "money": "860.00", "count": 1, "date": "2026-04-12", "bool": "yes",
                 "pct": "5"}
        row = {c.id: cells[c.type] for c in item.columns}
        return {"rows": [dict(row, violation=True) if bad else row]}
    return []  # attachment


class ScriptedClock:
    """Plays the sample inspection out over a realistic morning three days ago: each call moves time on."""

    def __init__(self, start: dt.datetime, step: dt.timedelta = dt.timedelta(seconds=70)):
        self.now, self.step = start, step

    def __call__(self) -> dt.datetime:
        self.now += self.step
        return self.now


def signed_sample(app: Any, institution: Any, officers: list[Any], passwords: dict[str, str],
                  now: dt.datetime, say: Callable[[str], None], days_ago: int = 3) -> str:
    real_clock = app.ctx.clock
    morning = (now - dt.timedelta(days=days_ago)).astimezone(dt.timezone(dt.timedelta(hours=8)))
    app.ctx.clock = ScriptedClock(morning.replace(hour=9, minute=0, second=0, microsecond=0))
    try:
        return _signed_sample(app, institution, officers, passwords, say)
    finally:
        app.ctx.clock = real_clock


def rectification_sample(app: Any, institution: Any, officers: list[Any], passwords: dict[str, str],
                         now: dt.datetime, say: Callable[[str], None]) -> str:
    """An inspection 45 days old: approved by the team lead, ordered to rectify within 30 days (so now overdue),
    and re-inspected this morning — photos taken, the record not yet signed."""
    iid = signed_sample(app, institution, officers, passwords, now, say, days_ago=45)
    # the approval is the team lead's whom the record names (its signature is bound to that person)
    [record] = [d for d in app.signing.documents(iid) if d.kind == "record"]
    plan = verify.plan_of_pdf(app.signing.pdf_path(record.id).read_bytes())
    named = plan.get("Sig_Lead") if plan else None
    if named is None:
        raise RuntimeError("the demo's signed record names no team lead")  # the demo's own invariant, not user input
    lead = next(o for o in officers if o.name == named.name and o.id in passwords)
    boss = Actor(lead.name, lead.id)
    real_clock = app.ctx.clock
    app.ctx.clock = ScriptedClock(now - dt.timedelta(days=40))
    try:
        app.review.start_review(boss, iid)
        app.review.approve(boss, iid, passwords[lead.id])
        total = sum((f.amount_to_recover for f in app.findings.list(iid)), Decimal("0.00"))
        app.review.set_outcome(boss, iid, Outcome.RECTIFY, refund=total, articles="第三十八条",
                               note="责令限期整改，退回违规使用的医保基金")
    finally:
        app.ctx.clock = real_clock
    say("已批准、责令整改（已逾期）的检查")
    [rect] = [r for r in app.review.rectifications() if r.inspection_id == iid]
    o1, o2 = officers[0], officers[1]
    actor = Actor(o1.name, o1.id)
    rein, _ = app.reinspections.open(actor, rect.id, [o1.id, o2.id], place="住院收费处、医保办")
    when = now.astimezone(dt.timezone(dt.timedelta(hours=8))) - dt.timedelta(minutes=20)  # EXIF is China time
    for n, caption in enumerate(["收费系统项目对照表（已修改）", "退款凭证"]):
        data = site_photo(caption, when + dt.timedelta(minutes=3 * n), seed=40 + n)
        app.evidence.add_bytes(actor, iid, data, f"复查_{n + 1}.jpg", caption=caption, origin="camera",
                               reinspection_id=rein.id)
    app.reinspections.update(actor, rein.id, note="收费系统项目对照表已修改，串换收费已停止；违规费用已退回医保基金。")
    say("复查进行中（照片已采集，待签名）")
    return iid


def _signed_sample(app: Any, institution: Any, officers: list[Any], passwords: dict[str, str],
                   say: Callable[[str], None]) -> str:
    now = app.ctx.clock()
    o1, o2 = officers[0], officers[1]
    actor = Actor(o1.name, o1.id)
    svc = app.inspections
    iid: str  # `app` is the untyped workspace: say what create() returns
    iid, _ = svc.create(actor, institution_id=institution.id, inspection_type=InspectionType.SPECIAL,
                        mode=InspectionMode.ADMINISTRATIVE, planned_at=now,
                        officer_ids=[o1.id, o2.id], template_ids=["medical-institution"],
                        period_from=dt.date(now.year - 1, 1, 1), period_to=dt.date(now.year - 1, 12, 31))
    for o in (o1, o2):
        svc.record_credentials_shown(actor, iid, o.id)
        svc.declare_recusal(actor, iid, o.id, has_conflict=False)
    svc.start_on_site(actor, iid)
    with app.ctx.read() as s:
        from inspector_app.services.templates import pinned

        items = {a.id: pinned(s, a.template_hash).item(a.item_id) for a in app.queries.detail(iid).answers}
    for n, (answer_id, item) in enumerate(items.items()):
        state, _ = svc.answer(actor, answer_id, _value(item, n),
                              verdict="violation" if item.id in VIOLATIONS and item.answer is AnswerType.TEXT else None)
        if state == "violation":
            amount = Decimal("12860.00") if item.id == "H-08.1" else Decimal("2320.00")
            app.findings.add(actor, iid, FindingData(
                description=f"{item.label}：抽查住院病历 ZY2026-0412 等，发现违规情形，涉及医保基金 {amount} 元。",
                severity=Severity.SERIOUS, amount_involved=amount, amount_to_recover=amount,
                legal_basis=item.legal_basis, penalty_article=item.penalty, item_id=item.id), answer_id=answer_id)
    add_demo_photos(app, actor, iid, app.ctx.clock())
    # the 证据清单: who handed the ledger over, and the representative's "与原件核对一致" for the whole list
    photos = app.evidence.list(iid)
    if photos:
        first = photos[0]
        app.evidence_list.set_details(actor, first.id, evidence_type=first.evidence_type,
                                      provider="郑嘉禾（医保办主任）", page_count=first.page_count,
                                      measure=first.measure)
        app.evidence_list.confirm(actor, iid, refused=False, signer_name="郑嘉禾")
    svc.finish_on_site(actor, iid)
    for n, o in enumerate((o1, o2)):
        strokes = demo_strokes(100 + n)
        app.signing.capture_signature(actor, iid, "officer", o.name, strokes, strokes_to_png(strokes), o.id)
    strokes = demo_strokes(200)
    app.signing.capture_signature(actor, iid, "party", "郑嘉禾", strokes, strokes_to_png(strokes))
    app.signing.record_party_signoff(actor, iid, PartySignoff(
        refused=False, signer_name="郑嘉禾", title="医保办主任", id_number="37990219800101001X", phone="0537-4012000"))
    for o in (o1, o2):
        app.signing.sign_record(Actor(o.name, o.id), iid, o.id, passwords[o.id])
    say("已签名的现场检查笔录")
    notice, _ = app.documents.create_notice(actor, iid, deadline=now.date() + dt.timedelta(days=30),
                                            officer_id=o1.id, password=passwords[o1.id], contact_person=o2.name,
                                            contact_phone="0537-2601234")
    say("已签发的责令整改通知书")
    from inspector_app.demo.docs import add_onsite_documents

    add_onsite_documents(app, iid, officers, passwords, notice.id, say)
    app.review.submit(actor, iid)  # waiting in the team lead's review queue
    return iid
