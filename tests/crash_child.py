"""Child process for the crash-safety test: performs service calls forever, announcing each one.

Before a call it prints `BEGIN n item value`, after the call returns `OK n item value`; the parent kills it with
SIGKILL at a random moment and checks that every OK'd call is durable.
"""

from __future__ import annotations

import itertools
import json
import sys

from inspector_app.app import build_context
from inspector_app.domain.findings import FindingData
from inspector_app.services.context import Actor
from tests.conftest import test_workspace_key


def main(data_dir: str, inspection_id: str, start: int) -> None:
    app = build_context(data_dir, device="crash-child", workspace_key=test_workspace_key())
    officer = app.roster.officers()[0]
    actor = Actor(officer.name, officer.id)
    ids = {a.item_id: a.id for a in app.queries.detail(inspection_id).answers}
    print("READY", flush=True)
    for n in itertools.count(start):
        if n % 7 == 0:
            value = f"问题{n}"
            print("BEGIN", n, "finding", json.dumps(value, ensure_ascii=False), flush=True)
            app.findings.add(actor, inspection_id, FindingData(description=value))
            print("OK", n, "finding", json.dumps(value, ensure_ascii=False), flush=True)
            continue
        item = ("T-03", "T-07", "T-05")[n % 3]
        value = {"T-03": n, "T-07": f"记录 {n}", "T-05": f"{n}.{n % 100:02d}"}[item]
        print("BEGIN", n, item, json.dumps(value, ensure_ascii=False), flush=True)
        app.inspections.answer(actor, ids[item], value)
        print("OK", n, item, json.dumps(value, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
