"""The installable build: PyInstaller one-folder app from packaging/inspector.spec, built here when missing or
older than the sources, then run as a user would: `inspector demo` (fonts, PDF rendering and signing inside the
frozen app), the oldest released database upgraded by the bundled migrations, and the window under Xvfb with the
xcb platform, closed with Ctrl+Q."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from inspector_app.storage.migrate import head_revision
from tests.conftest import FIXTURES, REPO
from tests.xwindow.conftest import XServer, press
from tests.xwindow.test_real_window import MAIN_MIN_WIDTH, pass_start_dialogs, wait_drawn, window_width

DIST = REPO / "dist" / "inspector"
BINARY = DIST / ("inspector.exe" if os.name == "nt" else "inspector")
INPUTS = ("inspector_app", "forms", "resources", "packaging/inspector.spec", "packaging/inspector_entry.py",
          "packaging/build_linux.sh", "pyproject.toml")


def _newest_input() -> float:
    files = [p for top in INPUTS for p in ([REPO / top] if (REPO / top).is_file() else (REPO / top).rglob("*"))]
    return max(p.stat().st_mtime for p in files if p.is_file() and "__pycache__" not in p.parts)


def packaged_app() -> Path:
    """The built app, (re)built when any source, form, translation or packaging file is newer than it."""
    if BINARY.is_file() and BINARY.stat().st_mtime >= _newest_input():
        return BINARY
    started = time.monotonic()
    done = subprocess.run(["bash", str(REPO / "packaging" / "build_linux.sh"), sys.executable], cwd=REPO,
                          capture_output=True, text=True, timeout=3000)
    assert done.returncode == 0, f"build failed:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    print(f"packaged build took {time.monotonic() - started:.0f} s")
    assert BINARY.is_file()
    return BINARY


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_packaged_app_makes_a_demo_and_opens_its_window(xserver: XServer, tmp_path: Path) -> None:
    app = packaged_app()
    # Nothing of the test run leaks in: no source tree on the path, no shared font cache, no user cache.
    env = {k: v for k, v in xserver.env().items()
           if k not in ("PYTHONPATH", "INSPECTOR_FONT_CACHE", "INSPECTOR_FORMS", "INSPECTOR_HOME", "XDG_CACHE_HOME")}
    env["HOME"] = str(tmp_path / "home")  # the fonts must come from the bundle
    data_dir = tmp_path / "ws"
    demo = subprocess.run([str(app), "demo", "--data-dir", str(data_dir)], capture_output=True, text=True,
                          env=env, timeout=900)
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert "演示工作区已创建" in demo.stdout and "正在生成" not in demo.stdout  # fonts shipped, not built
    assert list((data_dir / "blobs").rglob("*")), "the demo's signed records are missing"
    # A new workspace starts from the head schema's script (storage/schema_snapshot.py), so the demo alone no longer
    # runs Alembic: the oldest released database is upgraded by the bundled migrations, as on an updated laptop.
    old = tmp_path / "old"
    old.mkdir()
    shutil.copyfile(FIXTURES / "db" / "schema-0001.sqlite3", old / "inspector.sqlite3")
    listed = subprocess.run([str(app), "inspections", "list", "--data-dir", str(old), "--json"], capture_output=True,
                            text=True, env=env, timeout=300)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    with closing(sqlite3.connect(old / "inspector.sqlite3")) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(head_revision(),)]
    if sys.platform.startswith("linux"):  # audio/video evidence reads its facts with MediaInfo (storage/av_facts.py)
        assert list(DIST.glob("_internal/pymediainfo/libmediainfo.so*")), "libmediainfo is not in the bundle"

    log = (tmp_path / "app.log").open("wb")
    proc = subprocess.Popen([str(app), "--data-dir", str(data_dir), "--lang", "zh_CN"],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        try:
            window = pass_start_dialogs(xserver, proc, data_dir)
        except AssertionError as exc:
            raise AssertionError(f"{exc}\n{(tmp_path / 'app.log').read_text(errors='replace')}") from exc
        wait_drawn(xserver, window, tmp_path / "packaged_window.png")
        assert window_width(xserver, window) >= MAIN_MIN_WIDTH
        press(xserver, window, "ctrl+q")
        assert proc.wait(60) == 0, (tmp_path / "app.log").read_text(errors="replace")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()
