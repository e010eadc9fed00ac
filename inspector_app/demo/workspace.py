"""A realistic, fictional demo workspace: a roster across all institution categories and levels, officers (one
with an expired certificate) and sample inspections. Every name and code is invented; codes carry valid check
characters."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from inspector_app.domain.agency_time import local
from inspector_app.domain.credit_code import make_credit_code
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError
from inspector_app.domain.findings import FindingData, Severity
from inspector_app.domain.inspection import InspectionMode, InspectionType
from inspector_app.domain.roster import Category, CreditRating, InstitutionData, Level, OfficerData, Ownership
from inspector_app.catalog.loader import Library
from inspector_app.domain.checklist import AnswerType
from inspector_app.services.context import Actor, ServiceContext
from inspector_app.services.evidence import EvidenceService
from inspector_app.services.findings import FindingService
from inspector_app.services.inspections import InspectionService
from inspector_app.services.queries import QueryService
from inspector_app.services.roster import RosterService
from inspector_app.services.templates import pinned
from inspector_app.demo.media import add_demo_photos


class Workspace(Protocol):
    """The parts of the application context the demo needs."""

    ctx: ServiceContext
    library: Library
    roster: RosterService
    inspections: InspectionService
    findings: FindingService
    queries: QueryService
    evidence: EvidenceService
    signing: Any
    documents: Any
    keys: Any
    review: Any

REGION_CODE = "379902"  # fictional prefecture-level code used only by the demo
CITY = "青川市"
DISTRICTS = ["临溪区", "云岭区", "松原县", "白沙县"]
ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def org_code_with_check(body8: str) -> str:
    """GB 11714 organisation code: 8 characters + check character (embedded in positions 9–17 of the credit code)."""
    total = sum(ORG_ALPHABET.index(c) * w for c, w in zip(body8, ORG_WEIGHTS))
    c9 = 11 - total % 11
    return body8 + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))


def demo_credit_code(rng: random.Random, registry: str) -> str:
    body = "".join(rng.choice("0123456789") for _ in range(8))
    return make_credit_code(registry + REGION_CODE + org_code_with_check(body))


@dataclass(frozen=True)
class _Inst:
    name: str
    category: Category
    level: Level
    ownership: Ownership
    registry: str  # 12 = 机构编制/事业单位, 52 = 民办非企业, 91 = 企业


INSTITUTIONS: list[_Inst] = [
    _Inst("青川市第一人民医院", Category.HOSPITAL, Level.TERTIARY, Ownership.PUBLIC, "12"),
    _Inst("青川市中医医院", Category.HOSPITAL, Level.TERTIARY, Ownership.PUBLIC, "12"),
    _Inst("青川市妇幼保健院", Category.HOSPITAL, Level.SECONDARY, Ownership.PUBLIC, "12"),
    _Inst("临溪区人民医院", Category.HOSPITAL, Level.SECONDARY, Ownership.PUBLIC, "12"),
    _Inst("云岭区第二人民医院", Category.HOSPITAL, Level.SECONDARY, Ownership.PUBLIC, "12"),
    _Inst("青川仁和骨科医院", Category.HOSPITAL, Level.SECONDARY, Ownership.PRIVATE, "91"),
    _Inst("青川康宁眼科医院", Category.HOSPITAL, Level.PRIMARY, Ownership.PRIVATE, "91"),
    _Inst("松原县康复医院", Category.HOSPITAL, Level.PRIMARY, Ownership.PRIVATE, "52"),
    _Inst("白沙县济民医院", Category.HOSPITAL, Level.UNRATED, Ownership.PRIVATE, "91"),
    _Inst("松原县石桥镇卫生院", Category.TOWNSHIP_HEALTH_CENTRE, Level.PRIMARY, Ownership.PUBLIC, "12"),
    _Inst("白沙县柳塘镇卫生院", Category.TOWNSHIP_HEALTH_CENTRE, Level.PRIMARY, Ownership.PUBLIC, "12"),
    _Inst("松原县青溪乡卫生院", Category.TOWNSHIP_HEALTH_CENTRE, Level.UNRATED, Ownership.PUBLIC, "12"),
    _Inst("临溪区南门街道社区卫生服务中心", Category.COMMUNITY_HEALTH_CENTRE, Level.PRIMARY, Ownership.PUBLIC, "12"),
    _Inst("云岭区望江社区卫生服务中心", Category.COMMUNITY_HEALTH_CENTRE, Level.PRIMARY, Ownership.PUBLIC, "12"),
    _Inst("临溪区杏林中医诊所", Category.CLINIC, Level.UNRATED, Ownership.PRIVATE, "92"),
    _Inst("云岭区安康口腔诊所", Category.CLINIC, Level.UNRATED, Ownership.PRIVATE, "91"),
    _Inst("白沙县惠民内科诊所", Category.CLINIC, Level.UNRATED, Ownership.PRIVATE, "92"),
    _Inst("松原县石桥镇河湾村卫生室", Category.VILLAGE_CLINIC, Level.UNRATED, Ownership.PUBLIC, "12"),
    _Inst("白沙县柳塘镇东岗村卫生室", Category.VILLAGE_CLINIC, Level.UNRATED, Ownership.PUBLIC, "12"),
    _Inst("松原县青溪乡竹林村卫生室", Category.VILLAGE_CLINIC, Level.UNRATED, Ownership.PUBLIC, "12"),
    _Inst("青川百草堂大药房临溪店", Category.RETAIL_PHARMACY, Level.UNRATED, Ownership.PRIVATE, "91"),
    _Inst("青川益寿堂药店", Category.RETAIL_PHARMACY, Level.UNRATED, Ownership.PRIVATE, "92"),
    _Inst("云岭区康泰大药房", Category.RETAIL_PHARMACY, Level.UNRATED, Ownership.PRIVATE, "91"),
    _Inst("白沙县仁心药店", Category.RETAIL_PHARMACY, Level.UNRATED, Ownership.PRIVATE, "92"),
    _Inst("松原县民生大药房", Category.RETAIL_PHARMACY, Level.UNRATED, Ownership.PRIVATE, "91"),
    _Inst("青川颐年护理院", Category.LONG_TERM_CARE, Level.UNRATED, Ownership.PRIVATE, "52"),
    _Inst("临溪区福寿居家护理服务中心", Category.LONG_TERM_CARE, Level.UNRATED, Ownership.PRIVATE, "52"),
    _Inst("青川市医疗保障事业管理中心", Category.AGENCY, Level.UNRATED, Ownership.PUBLIC, "12"),
    _Inst("松原县医疗保险服务中心", Category.AGENCY, Level.UNRATED, Ownership.PUBLIC, "12"),
    _Inst("青川瑞丰机械制造有限公司", Category.EMPLOYER, Level.UNRATED, Ownership.PRIVATE, "91"),
    _Inst("青川绿源食品有限公司", Category.EMPLOYER, Level.UNRATED, Ownership.PRIVATE, "91"),
    _Inst("云岭区远航物流有限公司", Category.EMPLOYER, Level.UNRATED, Ownership.PRIVATE, "91"),
]

_DESIGNATION_PREFIX = {
    Category.RETAIL_PHARMACY: "P", Category.AGENCY: "", Category.EMPLOYER: "",
}

SURNAMES = ("林陈郑许韩冯曹蒋沈彭吕苏卢丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛"
            "邱秦江史顾侯邵孟龙万段")
GIVEN = ["书远", "慧宁", "嘉禾", "子衿", "明哲", "若溪", "景行", "思源", "立诚", "晓岚", "怀瑾", "听澜",
         "致远", "清扬", "修文", "雨桐", "博涛", "一鸣", "静姝", "承宇"]

OFFICERS = [
    ("基金监督科", "inspector"), ("基金监督科", "inspector"), ("基金监督科", "team_lead"),
    ("基金监督科", "inspector"), ("医药服务科", "inspector"), ("医药服务科", "inspector"),
    ("待遇保障科", "inspector"), ("待遇保障科", "inspector"), ("价格招采科", "inspector"),
    ("价格招采科", "team_lead"), ("医保中心稽核科", "inspector"), ("医保中心稽核科", "inspector"),
    ("法规科", "inspector"),
]


def _person(rng: random.Random, used: set[str]) -> str:
    while True:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if name not in used:
            used.add(name)
            return name


class WorkspaceNotEmpty(DomainError, RuntimeError):
    """Demo data goes into an empty workspace only (a RuntimeError, as before, and a coded error)."""


def create_demo(app: Workspace, now: Callable[[], dt.datetime] | None = None, seed: int = 2026,
                progress: Callable[[str], None] | None = None, keys: Any = None,
                workspace_key: bytes | None = None) -> dict[str, int]:
    """Populate an empty workspace with the roster and sample inspections. With `keys` (WorkspaceKeys) and the
    workspace key, every officer also gets a generated sign-in password (key slot)."""
    rng = random.Random(seed)
    say = progress or (lambda _msg: None)
    clock = now or (lambda: dt.datetime.now(dt.timezone.utc))
    today = local(clock()).date()
    admin = Actor(name="系统管理员")
    roster = app.roster
    if roster.institutions():
        raise WorkspaceNotEmpty("demo.workspace_not_empty", QT_TRANSLATE_NOOP(
            "Errors", "The workspace already has institutions; demo data can only be created in an empty workspace."))
    used_people: set[str] = set()
    institutions = []
    seq_by_prefix: dict[str, int] = {}
    for n, spec in enumerate(INSTITUTIONS):
        district = DISTRICTS[n % len(DISTRICTS)]
        prefix = _DESIGNATION_PREFIX.get(spec.category, "H")
        designation = ""
        if prefix:
            seq_by_prefix[prefix] = seq_by_prefix.get(prefix, 0) + 1
            designation = f"{prefix}{REGION_CODE}{seq_by_prefix[prefix]:05d}"
        data = InstitutionData(
            name=spec.name, category=spec.category, level=spec.level, ownership=spec.ownership,
            credit_code=demo_credit_code(rng, spec.registry), designation_code=designation,
            address=f"{CITY}{district}{rng.choice(['和平路', '解放大道', '青年街', '滨河路', '文昌路'])}"
                    f"{rng.randint(1, 399)}号",
            legal_representative=_person(rng, used_people), region=f"{CITY}{district}",
            credit_rating=rng.choice(list(CreditRating)), complaint_count=rng.choice([0, 0, 0, 1, 2, 5]),
            phone=f"0{rng.randint(530, 539)}-{rng.randint(2000000, 8999999)}",
        )
        dto, _ = roster.add_institution(admin, data)
        institutions.append(dto)
    say(f"{len(institutions)} 家机构")
    officers = []
    for n, (dept, role) in enumerate(OFFICERS):
        expiry = today + dt.timedelta(days=365 * 2 + 30 * n)
        if n == 7:  # one officer whose certificate has lapsed: the app must not let them count towards the team
            expiry = today - dt.timedelta(days=32)
        officer = OfficerData(name=_person(rng, used_people), department=f"{CITY}医疗保障局{dept}",
                              certificate_no=f"鲁医保执{2024000 + 117 * (n + 1):07d}", certificate_expiry=expiry,
                              role=role)
        officer_dto, _ = roster.add_officer(admin, officer)
        officers.append(officer_dto)
    say(f"{len(officers)} 名执法人员")
    from inspector_app.demo.signed import rectification_sample, setup_workspace, signed_sample

    sign_in: dict[str, str] = {}
    if keys is not None and workspace_key is not None:
        from inspector_app.demo.keys import give_demo_passwords

        sign_in = give_demo_passwords(keys, workspace_key, officers)
        say(f"登录密码 {len(sign_in)} 个（见 keys/demo-passwords.txt）")
    passwords = setup_workspace(app, officers, clock(), sign_in)
    say(f"演示签名证书 {len(passwords)} 张（密码见 keys/demo-passwords.txt）")
    inspections = _demo_inspections(app, institutions, officers, clock)
    signed_sample(app, institutions[0], officers, passwords, clock(), say)
    rectification_sample(app, institutions[1], officers, passwords, clock(), say)
    inspections += 2
    from inspector_app.demo.plans import plans_sample

    inspections += plans_sample(app, officers, passwords, clock(), say)

    from inspector_app.demo.leads import leads_sample

    leads_sample(app, institutions, officers, today, say)
    say(f"{inspections} 次检查")
    return {"institutions": len(institutions), "officers": len(officers), "inspections": inspections}


def _demo_inspections(app: Workspace, institutions: list[Any], officers: list[Any],
                      clock: Callable[[], dt.datetime]) -> int:
    svc = app.inspections
    library = app.library
    now = clock()
    lead, second = officers[0], officers[1]
    actor = Actor(name=lead.name, officer_id=lead.id)
    count = 0
    plans = [
        (institutions[3], InspectionType.SPECIAL, InspectionMode.ADMINISTRATIVE, True),
        (institutions[20], InspectionType.RANDOM, InspectionMode.ADMINISTRATIVE, False),
        (institutions[13], InspectionType.ROUTINE, InspectionMode.AGREEMENT, False),
    ]
    for inst, itype, mode, on_site in plans:
        template_ids = [t.id for t in library.for_category(inst.category)
                        if inst.category in t.primary_for or t.id == "drug-list"][:2]
        if not template_ids:
            continue
        iid, _ = svc.create(actor, institution_id=inst.id, inspection_type=itype, mode=mode,
                            planned_at=now - dt.timedelta(hours=2 if on_site else -48),
                            officer_ids=[lead.id, second.id], template_ids=template_ids,
                            period_from=dt.date(now.year - 1, 1, 1), period_to=dt.date(now.year - 1, 12, 31))
        count += 1
        if not on_site:
            continue
        for officer in (lead, second):
            svc.record_credentials_shown(actor, iid, officer.id)
            svc.declare_recusal(actor, iid, officer.id, has_conflict=False)
        svc.start_on_site(actor, iid)
        _answer_some(app, actor, iid)
        add_demo_photos(app, actor, iid, now)
    return count


def _sample_cell(column_type: str) -> object:
    return {"text": "ZY2026-0412", "money": "860.00", "count": 1, "date": "2026-04-12", "bool": "yes"}.get(
        column_type, "10")


def _answer_some(app: Workspace, actor: Actor, inspection_id: str) -> None:
    """Answer the first item of each answer type so the demo shows the editors filled in, with a violation."""
    detail = app.queries.detail(inspection_id)
    answered_types: set[AnswerType] = set()
    for a in detail.answers:
        with app.ctx.read() as s:
            item = pinned(s, a.template_hash).item(a.item_id)
        if item.answer in answered_types:
            continue
        value: object = {
            AnswerType.BOOL: "yes", AnswerType.BOOL_NA: "yes", AnswerType.COUNT: 12, AnswerType.PCT: "9.6",
            AnswerType.MONEY: "1280.00", AnswerType.DATE: "2026-03-15",
            AnswerType.TEXT: "已建立医保管理制度并张贴上墙。",
            AnswerType.SAMPLE: {"rows": []},
        }.get(item.answer)
        if item.answer is AnswerType.CHOICE or item.answer is AnswerType.MULTI:
            value = item.choices[0] if item.answer is AnswerType.CHOICE else list(item.choices[:2])
        if item.answer is AnswerType.SAMPLE and item.columns:
            row = {c.id: _sample_cell(c.type) for c in item.columns}
            value = {"rows": [dict(row, violation=True)]}
        if value is None:
            continue
        answered_types.add(item.answer)
        state, _ = app.inspections.answer(actor, a.id, value)
        if state == "violation":
            app.findings.add(actor, inspection_id, FindingData(
                description=f"{item.label}：抽查发现不符合规定的情形。", severity=Severity.SERIOUS,
                amount_involved=Decimal("860.00"), amount_to_recover=Decimal("860.00"),
                legal_basis=item.legal_basis, penalty_article=item.penalty, item_id=item.id), answer_id=a.id)
