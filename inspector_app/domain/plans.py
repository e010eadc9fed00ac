"""Inspection plans: an annual plan (年度行政检查计划) or a campaign (专项治理) made of items.

An item says what is inspected (content), where (scope: institution categories, levels, regions, ownership), how
much (a target as a share of the scope or a count), how often (times per year), when (a window), by whom
(responsible division) and how (checklist templates and inspection type). Sources: the annual plan of 通医保办发
〔2021〕3号 (targets such as "二级以上医疗机构覆盖率不低于20%", "全年不少于2次"), the campaign of 奈曼旗 2020 (100 % of
designated institutions, 50 % of 村卫生室, four dated phases).

Plan statuses (domain reference §4.2): 草拟 draft → 已审核 approved (分管领导) → 已备案 filed (法规处, before
implementation) → 实施中 running → 总结上报 summary (due by the end of November) → 归档 archived. The briefing stage
of the reference is folded into "filed → running" (the plan starts running once the teams are briefed).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, IllegalTransition, ValidationError
from inspector_app.domain.inspection import InspectionType
from inspector_app.domain.roster import Category, Level, Ownership


class PlanKind(StrEnum):
    ANNUAL = "annual"      # 年度检查计划
    CAMPAIGN = "campaign"  # 专项治理 / 专项行动, usually with phases


PLAN_KIND_LABELS_ZH = {PlanKind.ANNUAL: "年度检查计划", PlanKind.CAMPAIGN: "专项治理"}


class PlanStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    FILED = "filed"
    RUNNING = "running"
    SUMMARY = "summary"
    ARCHIVED = "archived"


PLAN_STATUS_LABELS_ZH = {
    PlanStatus.DRAFT: "草拟", PlanStatus.APPROVED: "已审核", PlanStatus.FILED: "已备案",
    PlanStatus.RUNNING: "实施中", PlanStatus.SUMMARY: "总结上报", PlanStatus.ARCHIVED: "已归档",
}

PLAN_TRANSITIONS: dict[PlanStatus, frozenset[PlanStatus]] = {
    PlanStatus.DRAFT: frozenset({PlanStatus.APPROVED}),
    PlanStatus.APPROVED: frozenset({PlanStatus.FILED, PlanStatus.DRAFT}),  # back to draft: review sent it back
    PlanStatus.FILED: frozenset({PlanStatus.RUNNING}),
    PlanStatus.RUNNING: frozenset({PlanStatus.SUMMARY}),
    PlanStatus.SUMMARY: frozenset({PlanStatus.ARCHIVED}),
    PlanStatus.ARCHIVED: frozenset(),
}

#: Statuses in which institutions may be drawn and inspections counted against the plan.
DRAWABLE = frozenset({PlanStatus.FILED, PlanStatus.RUNNING})


def next_plan_status(current: PlanStatus) -> PlanStatus | None:
    """The plan's next step forward (草拟 → 已审核 → 已备案 → 实施中 → 总结上报 → 已归档), None once archived. The
    way back (已审核 → 草拟, a review sending the plan back) is a transition too, but not the next step."""
    forward = [s for s in PLAN_TRANSITIONS[current] if s is not PlanStatus.DRAFT]
    return forward[0] if forward else None


#: Plan status names for messages (translated by the UI's and the CLI's mapper like templates); distinct English
#: words from the inspection's status names, because a plan's 草拟/已审核 are not an inspection's 草稿/已批准.
PLAN_STATUS_NAMES: dict[PlanStatus, str] = {
    PlanStatus.DRAFT: QT_TRANSLATE_NOOP("Errors", "being drafted"),
    PlanStatus.APPROVED: QT_TRANSLATE_NOOP("Errors", "reviewed"),
    PlanStatus.FILED: QT_TRANSLATE_NOOP("Errors", "filed"),
    PlanStatus.RUNNING: QT_TRANSLATE_NOOP("Errors", "running"),
    PlanStatus.SUMMARY: QT_TRANSLATE_NOOP("Errors", "summary reported"),
    PlanStatus.ARCHIVED: QT_TRANSLATE_NOOP("Errors", "archived"),
}


def check_plan_transition(current: PlanStatus, target: PlanStatus) -> None:
    if target not in PLAN_TRANSITIONS[current]:
        raise IllegalTransition("plan.illegal_transition", QT_TRANSLATE_NOOP(
            "Errors", "A plan cannot go from {current} to {target}."), current=PLAN_STATUS_NAMES[current],
            target=PLAN_STATUS_NAMES[target])


@dataclass(frozen=True, slots=True)
class InstitutionFacts:
    """What a scope and the draw rules look at in a roster entry (a plain snapshot, no storage)."""

    id: str
    name: str
    category: str
    level: str
    ownership: str
    region: str = ""
    credit_rating: str | None = None
    complaint_count: int = 0
    serious_violations: int = 0


_LEVEL_RANK = {Level.PRIMARY.value: 1, Level.SECONDARY.value: 2, Level.TERTIARY.value: 3}


@dataclass(frozen=True, slots=True)
class Scope:
    """Which institutions an item covers; an empty tuple means "any"."""

    categories: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    ownership: tuple[str, ...] = ()

    def matches(self, inst: InstitutionFacts) -> bool:
        return ((not self.categories or inst.category in self.categories)
                and (not self.levels or inst.level in self.levels)
                and (not self.regions or inst.region in self.regions)
                and (not self.ownership or inst.ownership in self.ownership))

    def label_zh(self) -> str:
        """A short Chinese description, e.g. 二级及以上 医院 or 全部机构."""
        parts = []
        if self.regions:
            parts.append("、".join(self.regions))
        if self.ownership:
            parts.append("、".join(self.ownership))
        if self.levels:
            ranks = sorted(_LEVEL_RANK.get(v, 0) for v in self.levels)
            if ranks == [2, 3]:
                parts.append("二级及以上")
            else:
                parts.append("、".join(self.levels))
        parts.append("、".join(self.categories) if self.categories else "全部机构")
        return " ".join(parts)


class TargetKind(StrEnum):
    SHARE = "share"   # a percentage of the institutions in scope
    COUNT = "count"   # a number of institutions
    NONE = "none"     # frequency only (e.g. 医疗救助检查 "全年不少于4次")


@dataclass(frozen=True, slots=True)
class Target:
    kind: TargetKind = TargetKind.NONE
    share_pct: Decimal = Decimal(0)
    count: int = 0

    def required(self, scope_size: int) -> int:
        """Institutions to inspect for the target: a share is rounded up (20 % of 12 → 3, never 2.4 → 2)."""
        if self.kind is TargetKind.SHARE:
            return min(scope_size, math.ceil(self.share_pct * scope_size / 100))
        if self.kind is TargetKind.COUNT:
            return self.count
        return 0

    def label_zh(self) -> str:
        if self.kind is TargetKind.SHARE:
            return f"覆盖率不低于{self.share_pct.normalize():f}%"
        if self.kind is TargetKind.COUNT:
            return f"不少于{self.count}家"
        return "—"

    @staticmethod
    def from_text(kind: TargetKind, text: str) -> Target:
        """A target as typed in the plan editor: a per cent of the scope, or a count of institutions."""
        if kind is TargetKind.NONE:
            return Target()
        if kind is TargetKind.SHARE:
            try:
                pct = Decimal(text.strip().rstrip("%"))
            except InvalidOperation:
                pct = Decimal(-1)
            if not pct.is_finite() or not Decimal(0) < pct <= Decimal(100):
                raise ValidationError("plan.target_out_of_range", QT_TRANSLATE_NOOP(
                    "Errors", "The target {value} % is not between 0 and 100."), value=text.strip())
            return Target(kind, share_pct=pct)
        if not text.strip().isdigit() or int(text) < 1:
            raise ValidationError("plan.count_out_of_range", QT_TRANSLATE_NOOP(
                "Errors", "The target count {value} is not a positive number."), value=text.strip())
        return Target(kind, count=int(text))


@dataclass(frozen=True, slots=True)
class Window:
    start: dt.date
    end: dt.date

    def days_left(self, today: dt.date) -> int:
        return max(0, (self.end - today).days)

    def elapsed_share(self, today: dt.date) -> float:
        """How much of the window has passed on `today` (0 before it starts, 1 after it ends)."""
        total = (self.end - self.start).days + 1
        done = (today - self.start).days + 1
        return min(1.0, max(0.0, done / total))


@dataclass(frozen=True, slots=True)
class Phase:
    name: str
    window: Window


@dataclass(frozen=True, slots=True)
class PlanItemData:
    key: str                      # stable id inside the plan file, e.g. "drug-list"
    name: str
    content: str = ""
    requirements: str = ""        # 相关要求 as written in the notice
    scope: Scope = field(default_factory=Scope)
    target: Target = field(default_factory=Target)
    frequency: int = 0            # times per year (0: no frequency requirement)
    window: Window | None = None  # None: the plan's window
    division: str = ""            # 责任处室
    templates: tuple[str, ...] = ()
    inspection_type: InspectionType = InspectionType.SPECIAL


@dataclass(frozen=True, slots=True)
class PlanData:
    key: str
    kind: PlanKind
    title: str
    year: int
    window: Window
    items: tuple[PlanItemData, ...]
    issuer: str = ""
    document_no: str = ""
    filing_due: dt.date | None = None
    summary_due: dt.date | None = None
    phases: tuple[Phase, ...] = ()

    def validate(self) -> None:
        """The rules the loader checks field by field, for a plan built in code (the app's editor)."""
        check_key(self.key)
        if not self.title.strip():
            raise ValidationError("plan.title_missing", QT_TRANSLATE_NOOP("Errors", "The plan has no title."))
        if not 2000 <= self.year <= 2100:
            raise ValidationError("plan.bad_year", QT_TRANSLATE_NOOP("Errors", "year must be a year such as 2026."))
        check_window(self.window)
        if not self.items:
            raise ValidationError("plan.no_items", QT_TRANSLATE_NOOP("Errors", "The plan has no items."))
        keys = [i.key for i in self.items]
        for key in keys:
            if keys.count(key) > 1:
                raise ValidationError("plan.duplicate_item", QT_TRANSLATE_NOOP(
                    "Errors", "Two items of the plan have the key {key}."), key=key)
        for item in self.items:
            check_item(item, self.window)
        for phase in self.phases:
            check_phase(phase, self.window)


KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


def check_key(key: str) -> None:
    """Plan and item ids: what the plan files, the CLI ("PLAN_KEY/ITEM_KEY") and the sync server see."""
    if not KEY_PATTERN.match(key):
        raise ValidationError("plan.bad_item_id", QT_TRANSLATE_NOOP(
            "Errors", "The item id {value} may only use lower-case letters, digits and hyphens."), value=key)


def check_window(window: Window) -> None:
    if window.end < window.start:
        raise ValidationError("plan.window_reversed", QT_TRANSLATE_NOOP(
            "Errors", "The window ends ({end}) before it starts ({start})."),
            start=window.start.isoformat(), end=window.end.isoformat())


def check_phase(phase: Phase, plan_window: Window) -> None:
    """A campaign's phase (动员部署, 自查自纠, 专项检查, 总结): named, and inside the plan's window."""
    if not phase.name.strip():
        raise ValidationError("plan.phase_name_missing", QT_TRANSLATE_NOOP(
            "Errors", "A phase of the plan has no name."))
    check_window(phase.window)
    if phase.window.start < plan_window.start or phase.window.end > plan_window.end:
        raise ValidationError("plan.phase_outside", QT_TRANSLATE_NOOP(
            "Errors", "The phase {name} lies outside the plan's window."), name=phase.name)


def check_item(item: PlanItemData, plan_window: Window) -> None:
    check_key(item.key)
    if not item.name.strip():
        raise ValidationError("plan.item_name_missing", QT_TRANSLATE_NOOP("Errors", "Item {key} has no name."),
                              key=item.key)
    t = item.target
    if t.kind is TargetKind.SHARE and not (Decimal(0) < t.share_pct <= Decimal(100)):
        raise ValidationError("plan.target_out_of_range", QT_TRANSLATE_NOOP(
            "Errors", "The target {value} % is not between 0 and 100."), value=str(t.share_pct))
    if t.kind is TargetKind.COUNT and t.count < 1:
        raise ValidationError("plan.count_out_of_range", QT_TRANSLATE_NOOP(
            "Errors", "The target count {value} is not a positive number."), value=t.count)
    if item.frequency < 0:
        raise ValidationError("plan.frequency_negative", QT_TRANSLATE_NOOP(
            "Errors", "The frequency {value} is negative."), value=item.frequency)
    if item.window is not None:
        check_window(item.window)
        if item.window.start < plan_window.start or item.window.end > plan_window.end:
            raise ValidationError("plan.item_window_outside", QT_TRANSLATE_NOOP(
                "Errors", "The window of item {key} lies outside the plan's window."), key=item.key)
    for value, allowed, code in ((item.scope.categories, Category, "category"), (item.scope.levels, Level, "level"),
                                 (item.scope.ownership, Ownership, "ownership")):
        names = {m.value for m in allowed}
        for v in value:
            if v not in names:
                raise ValidationError("plan.scope_unknown_value", QT_TRANSLATE_NOOP(
                    "Errors", "Unknown {field} in the scope: {value}."), field=code, value=v)
