"""One `inspector demo` workspace per test run, copied for every test that needs a fresh one.

Building the demo (roster, inspections, signed records, key slots) takes about 14 s of CPU; four test files need a
demo workspace they may change (sign in, open the window, run the demo again, check file modes). The first to ask
builds it, with its recovery key written beside it, under the run's shared temporary root (all pytest-xdist
workers of one run see the same root) while holding a lock, and marks it done; the others wait for the lock and
copy it. The copy keeps file modes (shutil.copy2), so the owner-only check sees the modes the demo created.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from inspector_app import fileio


def _run_root(factory: pytest.TempPathFactory) -> Path:
    """The run's own temporary root: shared by the xdist workers (each has a `popen-gwN` below it), never by two
    runs, so a template can never be older than the code under test."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def demo_workspace(factory: pytest.TempPathFactory, dest: Path) -> Path:
    """A fresh copy of this run's demo workspace at ``dest`` (which must not exist)."""
    from inspector_app.cli import main
    from inspector_app.demo.keys import demo_recovery_key_path

    root = _run_root(factory)
    template = root / "demo-template"
    done = root / "demo-template.done"
    with fileio.exclusive_lock(root / "demo-template.lock"):
        if not done.exists():
            shutil.rmtree(template, ignore_errors=True)  # a worker that died while building it
            # a typical login umask: the workspace's modes must come from the app, not from the caller's umask
            old = os.umask(0o022)
            try:
                assert main(["demo", "--data-dir", str(template)]) == 0
            finally:
                os.umask(old)
            done.touch()
    shutil.copytree(template, dest, symlinks=True)
    # the demo's recovery key lies beside the workspace, named after it (inspector_app/demo/keys.py)
    shutil.copy2(demo_recovery_key_path(template), demo_recovery_key_path(dest))
    return dest


def demo_passwords(ws: Path) -> list[list[str]]:
    """Rows of keys/demo-passwords.txt: name, role, 执法证号, sign-in password, certificate password."""
    text = (ws / "keys" / "demo-passwords.txt").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def demo_key(ws: Path) -> bytes:
    """The demo workspace's key, unlocked like `inspector --user NAME` does with its documented password."""
    from inspector_app.services.signin import WorkspaceKeys

    name, _role, _cert, password, _p12 = demo_passwords(ws)[0]
    key: bytes = WorkspaceKeys(ws / "keys").sign_in(name, password)[1]
    return key
