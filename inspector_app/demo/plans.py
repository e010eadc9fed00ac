"""Demo plans: the two shipped plan files (as drafts), this year's edition of the annual plan running, and one
completed 双随机 draw round for its first item — an abandoned attempt, the accepted one with its draft inspections,
and the signed 随机抽查记录."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from inspector_app.catalog.plans_loader import load_plan
from inspector_app.domain.agency_time import local
from inspector_app.domain.plans import InstitutionFacts, PlanData, PlanStatus, Window
from inspector_app.resources import plans_dir
from inspector_app.services.context import Actor

ANNUAL = "2021-annual-inspection-plan.toml"
CAMPAIGN = "2020-campaign-special-rectification.toml"


def this_years_edition(plan: PlanData, year: int) -> PlanData:
    """The plan moved to `year` (same month and day; the items' windows with it)."""
    shift = year - plan.year

    def move(day: dt.date | None) -> dt.date | None:
        return day.replace(year=day.year + shift) if day else None

    def moved(w: Window) -> Window:
        return Window(w.start.replace(year=w.start.year + shift), w.end.replace(year=w.end.year + shift))

    def window(w: Window | None) -> Window | None:
        return moved(w) if w else None

    return dataclasses.replace(
        plan, key=plan.key.replace(str(plan.year), str(year)), year=year,
        title=plan.title.replace(str(plan.year), str(year)), window=moved(plan.window),
        filing_due=move(plan.filing_due), summary_due=move(plan.summary_due),
        document_no=plan.document_no.replace(str(plan.year), str(year)),
        items=tuple(dataclasses.replace(i, window=window(i.window)) for i in plan.items))


def _facts(i: Any) -> InstitutionFacts:
    return InstitutionFacts(i.id, i.name, i.category, i.level, i.ownership, i.region)


def plans_sample(app: Any, officers: list[Any], passwords: dict[str, str], now: dt.datetime,
                 say: Callable[[str], None]) -> int:
    """Returns the number of draft inspections the draw created."""
    lead = next(o for o in officers if o.role == "team_lead" and o.id in passwords)
    actor = Actor(lead.name, lead.id)
    annual, annual_hash = load_plan(plans_dir() / ANNUAL)
    campaign, campaign_hash = load_plan(plans_dir() / CAMPAIGN)
    app.plans.create(actor, annual, annual_hash)
    app.plans.create(actor, campaign, campaign_hash)
    current, _ = app.plans.create(actor, this_years_edition(annual, local(now).year), annual_hash)
    for status in (PlanStatus.APPROVED, PlanStatus.FILED, PlanStatus.RUNNING):
        current, _ = app.plans.set_status(actor, current.id, status)
    item = current.items[0]  # 打击欺诈骗保: 二级以上医疗机构, 双随机
    planned_on = local(now).date() + dt.timedelta(days=7)
    first = app.draws.run(actor, app.draws.open(actor, item.id, planned_on=planned_on).id)
    app.draws.abandon(actor, first.id, "演示：抽取后发现计划检查日期与专项会议冲突，改期重抽")
    draw = app.draws.run(actor, app.draws.open(actor, item.id, round_no=first.round_no, planned_on=planned_on).id)
    draw, _ = app.draws.accept(actor, draw.id)
    app.draw_records.sign(actor, draw.id, lead.id, passwords[lead.id])
    # The demo's signed inspections of hospitals count for this year's first item: coverage shows progress.
    in_scope = {i.id for i in app.roster.institutions() if item.scope.matches(_facts(i))}
    for row in app.queries.inspections():
        if row.status not in ("draft", "on_site", "awaiting_signature", "cancelled") and \
                row.institution_id in in_scope:
            app.coverage.assign(actor, item.id, row.id)
    say(f"3 个检查计划，1 轮双随机抽取（{len(draw.inspection_ids)} 家）")
    return len(draw.inspection_ids)
