"""SIGKILL the running app in the middle of editing: every edit the window had saved is still there."""

import os
import random
import signal
import subprocess
import sys
import time

from tests.conftest import REPO
from tests.helpers import new_inspection, start_on_site


def test_killed_app_keeps_every_completed_edit(app, roster) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    data_dir = str(app.paths.data_dir)
    app.close()
    rng = random.Random(7)
    for round_ in range(3):
        env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
        proc = subprocess.Popen([sys.executable, "-m", "tests.ui.gui_child", data_dir, iid], cwd=REPO, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "READY", (line, proc.stderr.read() if proc.stderr else "")
        time.sleep(rng.uniform(0.4, 1.5))
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        done = [ln.split(" ", 2) for ln in out.splitlines() if ln.startswith("DONE ")]
        assert len(done) >= 3, f"round {round_}: the child saved too few edits to mean anything"
        last: dict[str, str] = {}
        for _, item, value in done:
            last[item] = value
        stored = {a.item_id: a.value for a in app.queries.detail(iid).answers}
        for item, value in last.items():
            # the edit in flight at the kill may also have landed: it is always newer than the last DONE
            got = str(stored[item])
            assert got == value or _newer(item, got, value), (item, got, value)
        assert app.journal.verify(iid).ok


def _newer(item: str, got: str, value: str) -> bool:
    number = {"T-03": lambda v: int(v), "T-07": lambda v: int(v.removeprefix("记录")),
              "T-05": lambda v: int(v.split(".")[0])}[item]
    return number(got) > number(value)
