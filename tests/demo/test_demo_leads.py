"""The demo's campaign, returns and leads (demo/leads.py), on a small roster."""

from __future__ import annotations

import datetime as dt

from inspector_app.domain.credit_code import make_credit_code
from inspector_app.domain.roster import Category, InstitutionData, Level, Ownership
from inspector_app.services.context import Actor
from inspector_app.demo.leads import leads_sample
from inspector_app.storage.campaign_orm import CampaignRow


def test_demo_campaign_has_returns_and_leads(app, roster) -> None:  # type: ignore[no-untyped-def]
    second, _ = app.roster.add_institution(Actor("管理员"), InstitutionData(
        "测试市第二医院", Category.HOSPITAL, Level.SECONDARY, Ownership.PUBLIC,
        make_credit_code("12379902MB0000033"), "H37990200002"))
    said: list[str] = []
    leads_sample(app, [roster["hospital"], roster["pharmacy"], second], roster["officers"], dt.date(2026, 11, 20),
                 said.append)
    with app.ctx.read() as s:
        (cid,) = [c.id for c in s.query(CampaignRow)]
    stats = app.campaigns.statistics(cid)
    assert (stats.expected, stats.returned, stats.late, stats.problems) == (2, 2, 1, 1)
    rules = sorted(x.rule for x in app.leads.leads())
    assert rules == ["above_price", "out_of_list", "overlapping_stays", "overlapping_stays", "quantity_per_day",
                     "readmission"]
    assert {x.institution_id for x in app.leads.leads()} == {roster["hospital"].id, second.id}
    assert said == ["专项治理 1 项（自查表 2 份），数据比对线索 6 条"]
