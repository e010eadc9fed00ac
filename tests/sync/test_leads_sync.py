"""Intake data through the real sync server process on 127.0.0.1: a team lead imports a settlement extract, a
campaign and an institution's self-inspection return on their laptop; the server gives the leads and the return
to the team the institution is assigned to (`inspector server assign-institution`), so that team's inspector sees
them on site and another team's does not. The campaign is shared by every team. Patients travel only as the keyed
hash and the masked hint; the inspector's check of a lead goes back to the server."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from inspector_app.domain.leads.rules import RuleSet
from inspector_app.server.db import Database
from inspector_app.server.models import Record
from inspector_app.storage.leads_orm import LeadRow
from inspector_app.storage.orm import OutboxRow
from inspector_app.storage.sync_orm import SyncRecordRow
from tests import leads_data as D
from tests.sync.harness import INSTITUTION_ID
from tests.sync.loopback import ServerProcess, admin, client_workspace, seed
from tests.sync.test_engine_e2e import LEAD, create_inspection
from tests.services.test_selfcheck import campaign_data, fill

pytestmark = [pytest.mark.timeout(240), pytest.mark.slow]
RAW_PATIENT_IDS = sorted({line[2] for line in D.LINES})


@pytest.fixture
def served(tmp_path: Path, mini_forms: Path):  # type: ignore[no-untyped-def]
    db = str(tmp_path / "server.sqlite3")
    seed(db, tmp_path)
    admin(db, "assign-institution", INSTITUTION_ID, "--team", "t2")  # the hospital is team t2's
    server = ServerProcess(db, tmp_path / "storage").start()
    yield server, db
    server.stop()


def _leads(app: Any) -> list[LeadRow]:
    with app.ctx.read() as s:
        return list(s.scalars(select(LeadRow).order_by(LeadRow.settlement_no, LeadRow.rule)))


def test_a_lead_reaches_the_assigned_teams_inspector_and_not_another_teams(served: Any, tmp_path: Path) -> None:
    server, db = served
    lead_app, lead_engine = client_workspace(tmp_path, "lead", server.url, "lead")      # team lead of t1
    eve_app, eve_engine = client_workspace(tmp_path, "eve", server.url, "eve")          # inspector of t2
    alice_app, alice_engine = client_workspace(tmp_path, "alice", server.url, "alice")  # inspector of t1
    try:
        assert lead_engine.sync_round().ok  # the roster arrives: the extract's 定点编码 H1 is the hospital
        result = lead_app.leads.import_file(LEAD, D.write_csv(tmp_path / "x.csv", D.rows_of(D.LINES)), "市平台结算",
                                            rules=RuleSet.from_json(D.RULES))
        assert sum(result.leads_by_rule.values()) == 6  # five at the hospital, one at H2 (not in the roster)
        cid = lead_app.campaigns.create(LEAD, campaign_data((INSTITUTION_ID,)))
        form = lead_app.campaigns.write_return_form(cid, INSTITUTION_ID, tmp_path / "r.xlsx")
        fill(form, {"A1": ["是", "分解住院 1 例", "362.00", "362.00", dt.date(2026, 4, 15), "TK-1", "整改"]})
        ret = lead_app.campaigns.import_return(LEAD, form, received_on=dt.date(2026, 4, 19))
        assert lead_engine.sync_round().ok
        with lead_app.ctx.read() as s:
            pending = [(o.entity, o.status, o.outcome) for o in s.scalars(select(OutboxRow))
                       if o.status != "applied"]
        assert pending == [], "everything pushed and acknowledged"

        assert eve_engine.sync_round().ok and alice_engine.sync_round().ok
        got = _leads(eve_app)
        assert [(x.rule, x.settlement_no) for x in got] == [
            ("above_price", "S001"), ("out_of_list", "S002"), ("readmission", "S002"), ("quantity_per_day", "S003"),
            ("overlapping_stays", "S007")]
        assert all(x.institution_id == INSTITUTION_ID and x.import_id is None for x in got)
        assert _leads(alice_app) == [], "another team's inspector gets no lead"
        # the return as received (电子数据) follows it, byte for byte; not to the other team
        assert eve_app.ctx.blobs.has(ret.sha256) and not alice_app.ctx.blobs.has(ret.sha256)
        # the campaign is every team's; the return and its problems only the assigned team's
        with alice_app.ctx.read() as s:
            entities = {r.entity for r in s.scalars(select(SyncRecordRow))}
        assert "campaign" in entities and not entities & {"lead", "selfcheck_return", "selfcheck_problem"}

        # on site at eve's: the inspection shows the hospital's leads and what it self-reported
        iid = create_inspection(_Client(eve_app))
        view = eve_app.lead_review.on_site(iid)
        assert len(view.leads) == 5 and [(p.item_id, p.amount) for p in view.self_reported] == [
            ("A1", Decimal("362.00"))]
        assert view.campaigns_without_return == ()
        readmission = next(x for x in view.leads if x.rule == "readmission")
        eve_app.lead_review.mark(LEAD, iid, readmission.id, "confirmed", "病历显示同一病程", campaign_item="A1")
        assert eve_app.lead_review.leniency_for(iid)[1].level.value == "从轻、减轻或免于处罚"
        assert eve_engine.sync_round().ok

        # on the wire and on the server: the keyed hash and the masked hint, never the identifier
        with eve_app.ctx.read() as s:
            wire = [r.server_data for r in s.scalars(select(SyncRecordRow).where(SyncRecordRow.entity == "lead"))]
        assert all(len(w["patient_hash"]) == 32 and "*" in w["patient_masked"] for w in wire)
        server_bytes = Path(db).read_bytes() + b"".join(p.read_bytes() for p in Path(db).parent.glob("server*-wal"))
        for raw in RAW_PATIENT_IDS:
            assert raw.encode() not in server_bytes
            assert all(raw not in str(w) for w in wire)
        database = Database(f"sqlite:///{db}")
        try:
            with database.read() as s:
                rec = s.get(Record, ("lead", readmission.id))
                assert rec is not None and rec.team_id == "t2"
                assert (rec.data["status"], rec.data["note"], rec.data["inspection_id"]) == (
                    "confirmed", "病历显示同一病程", iid)
                teams = {r.entity: r.team_id for r in s.scalars(select(Record).where(Record.entity.in_(
                    ["campaign", "campaign_institution", "selfcheck_return", "selfcheck_problem"])))}
                assert teams == {"campaign": None, "campaign_institution": None, "selfcheck_return": "t2",
                                 "selfcheck_problem": "t2"}
        finally:
            database.dispose()
    finally:
        for app in (lead_app, eve_app, alice_app):
            app.close()


class _Client:
    """What create_inspection needs of a harness client."""

    def __init__(self, app: Any):
        self.app, self.ctx = app, app.ctx
