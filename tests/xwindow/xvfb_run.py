"""Start the whole-inspection harness on an Xvfb display of its own (used by the test and the benchmark)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def bytecode_env(env: dict[str, str]) -> dict[str, str]:
    """`env` for a harness that runs on compiled bytecode, as every real start does (the packaged app ships it; a
    checkout writes it on its first start). With PYTHONDONTWRITEBYTECODE set (this machine's environment, some CI)
    every module of the app was compiled from source on each run: on the GUI thread for the modules imported after
    the password and at a dialog's first use (the main window's ≈ 40 ms of CPU at "Enter: sign in"), and on the
    worker warming the UI imports behind the sign-in, holding the GIL the GUI thread waits for — a cost no user
    pays, measured as stalls. The app's bytecode is written ahead (compileall: only what is missing or stale), into
    the usual __pycache__ folders (ignored by git) so the libraries' installed bytecode is used as before."""
    env = dict(env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", "inspector_app", "tests"], cwd=REPO, env=env,
                   check=True, capture_output=True)
    return env


def run_harness(workdir: Path, *args: str, timeout: float = 1500) -> dict[str, Any]:
    """Xvfb on a free display (-displayfd), the harness under QT_QPA_PLATFORM=xcb, then result.json."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1400x950x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            display = pipe.readline().strip()
        assert display, "Xvfb did not start"
        env = dict(os.environ, DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb")
        env.pop("INSPECTOR_FORMS", None)  # the shipped templates: the hospital's 58 items
        env = bytecode_env(env)
        proc = subprocess.run([sys.executable, "-m", "tests.xwindow.harness_keyboard", str(workdir), *args],
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout)
        result_file = workdir / "result.json"
        assert result_file.exists(), proc.stdout[-3000:] + proc.stderr[-3000:]
        return json.loads(result_file.read_text(encoding="utf-8"))
    finally:
        xvfb.terminate()
        xvfb.wait(10)
