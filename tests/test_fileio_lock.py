"""fileio.exclusive_lock: one holder across processes (the font build uses it so that two starts build once)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

from inspector_app import fileio
from tests.conftest import REPO

HOLD = """
import sys, time
from pathlib import Path
from inspector_app import fileio
with fileio.exclusive_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_a_second_process_waits_for_the_holder(tmp_path: Path) -> None:
    lock = tmp_path / "cache" / ".build.lock"
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(lock), "1.0"], stdout=subprocess.PIPE, text=True,
                             env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    started = time.monotonic()
    with fileio.exclusive_lock(lock):
        waited = time.monotonic() - started
        assert child.poll() is not None or waited > 0.5  # got it only once the child let go
    child.wait(timeout=30)
    assert waited > 0.5
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600


def test_the_lock_is_released_when_the_holder_dies(tmp_path: Path) -> None:
    lock = tmp_path / ".build.lock"
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(lock), "60"], stdout=subprocess.PIPE, text=True,
                             env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    child.kill()
    child.wait(timeout=30)
    started = time.monotonic()
    with fileio.exclusive_lock(lock):
        assert time.monotonic() - started < 5
