"""A child process killed with SIGKILL at many points during a burst of service calls leaves a consistent store
in which every call that had returned is present."""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from inspector_app.storage.orm import FindingRow, JournalEventRow, OutboxRow, SyncStateRow
from inspector_app.storage import sqlcipher
from inspector_app.storage.sqlcipher import db_key
from tests.conftest import REPO, test_workspace_key
from tests.helpers import answer_ids, new_inspection, start_on_site

KILLS = 12


def run_and_kill(data_dir: Path, iid: str, start: int, delay: float) -> list[tuple[str, int, str, object]]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-m", "tests.crash_child", str(data_dir), iid, str(start)],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    ready = proc.stdout.readline()
    assert ready.strip() == "READY", proc.stderr.read() if proc.stderr else ready
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    events = []
    for line in out.splitlines():
        parts = line.split(" ", 3)
        if len(parts) == 4 and parts[0] in ("BEGIN", "OK"):
            events.append((parts[0], int(parts[1]), parts[2], json.loads(parts[3])))
    return events


def test_sigkill_never_loses_a_returned_call(app, roster) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    ids = answer_ids(app, iid)
    data_dir = app.paths.data_dir
    app.close()
    rng = random.Random(20261123)
    acknowledged_findings: list[str] = []
    in_flight_findings: list[str] = []
    last_ok: dict[str, object] = {}
    start = 1
    total_ok = 0
    for _ in range(KILLS):
        events = run_and_kill(data_dir, iid, start, rng.uniform(0.05, 1.2))
        oks = [e for e in events if e[0] == "OK"]
        begun = [e for e in events if e[0] == "BEGIN"]
        total_ok += len(oks)
        in_flight = begun[-1] if begun and (not oks or begun[-1][1] != oks[-1][1]) else None
        for _, _, item, value in oks:
            if item == "finding":
                acknowledged_findings.append(value)  # type: ignore[arg-type]
            else:
                last_ok[item] = value
        if in_flight and in_flight[2] == "finding":
            in_flight_findings.append(in_flight[3])  # type: ignore[arg-type]

        # --- the store after the kill
        con = sqlcipher.connect(data_dir / "inspector.sqlite3", db_key(test_workspace_key()))
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()
        detail = app.queries.detail(iid)
        stored = {a.item_id: a.value for a in detail.answers}
        for item, value in last_ok.items():
            allowed = [value]
            if in_flight and in_flight[2] == item:
                allowed.append(in_flight[3])
            if item == "T-05":
                allowed = [f"{v}" for v in allowed]
            assert stored[item] in allowed, (item, stored[item], allowed)
        with app.ctx.read() as s:
            descriptions = set(s.scalars(select(FindingRow.description)))
            assert set(acknowledged_findings) <= descriptions <= set(acknowledged_findings) | set(in_flight_findings)
            seqs = s.scalars(select(OutboxRow.client_seq).order_by(OutboxRow.client_seq)).all()
            assert seqs == list(range(1, len(seqs) + 1))
            assert s.get(SyncStateRow, 1).next_client_seq == len(seqs) + 1
            # every answer change has exactly its journal event and its outbox row
            for item, answer_id in ids.items():
                patches = s.scalar(select(func.count()).select_from(OutboxRow).where(
                    OutboxRow.entity_id == answer_id, OutboxRow.op == "patch"))
                journal = s.scalar(select(func.count()).select_from(JournalEventRow).where(
                    JournalEventRow.chain_id == iid, JournalEventRow.event_type == "answer.changed",
                    func.json_extract(JournalEventRow.payload, "$.id") == answer_id))
                assert patches == journal, item
        assert app.journal.verify(iid).ok
        start = (max(e[1] for e in events) + 1) if events else start
    assert total_ok > 30, "the child should have completed a good number of calls across the kills"
