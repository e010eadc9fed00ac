"""The real app in a real X window: start `python -m inspector_app` with the xcb platform on our own Xvfb, wait for
its main window, photograph it, close it with Ctrl+Q and expect a clean exit."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from tests.demo_copy import demo_workspace
from tests.xwindow.conftest import XServer, app_command, assert_not_blank, find_window, press, screenshot

MAIN_MIN_WIDTH = 900  # the main window opens at 1280×820; every start-up dialog is smaller


def window_width(x: XServer, window: str) -> int:
    out = x.run("xwininfo", "-id", window)
    return int(next(line.split(":")[1] for line in out.splitlines() if line.strip().startswith("Width:")))




def demo_sign_in_password(data_dir: Path) -> str:
    """The password of the officer the sign-in dialog preselects on a fresh demo workspace: its list shows team
    leads first, then by name (services/signin.WorkspaceKeys.officers)."""
    rows = [line.split("\t") for line in (data_dir / "keys" / "demo-passwords.txt").read_text("utf-8").splitlines()
            if line and not line.startswith("#")]
    first = sorted(rows, key=lambda r: (r[1] != "组长", r[0]))[0]
    return first[3]


def pass_start_dialogs(x: XServer, proc: subprocess.Popen[bytes], data_dir: Path, timeout: float = 180) -> str:
    """Wait for the main window. A smaller window first is the start-up sign-in: the preselected officer's
    password is typed and confirmed with Enter, as a user at the keyboard would."""
    seen: set[str] = set()
    deadline = time.monotonic() + timeout
    password = demo_sign_in_password(data_dir)
    while True:
        window = find_window(x, proc.pid, proc, timeout=max(1.0, deadline - time.monotonic()), exclude=seen)
        if window_width(x, window) >= MAIN_MIN_WIDTH:
            return window
        seen.add(window)
        x.run("xdotool", "windowfocus", "--sync", window)
        # "--": a generated password may start with "-", which xdotool would read as an option.
        x.run("xdotool", "type", "--delay", "20", "--", password)
        press(x, window, "Return")


def list_has_rows(png: Path) -> bool:
    """The inspection list's body (below the filters and the header) holds drawn rows, not one flat fill."""
    from PIL import Image

    with Image.open(png) as img:
        body = img.convert("L").crop((12, 130, img.width - 12, 330))
        return len(body.getcolors(maxcolors=1 << 16) or []) > 8


def wait_drawn(x: XServer, window: str, out: Path, timeout: float = 60) -> Path:
    """Screenshot until the window shows content and the list's rows (the data arrives after the window shows)."""
    deadline = time.monotonic() + timeout
    while True:
        screenshot(x, window, out)
        try:
            assert_not_blank(out)
            assert list_has_rows(out), f"{out}: the inspection list shows no rows"
            return out
        except AssertionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)  # polling pixels of another process: no signal to wait on


@pytest.mark.slow
def test_real_app_window_opens_renders_and_quits(xserver: XServer, tmp_path: Path,
                                                 tmp_path_factory: pytest.TempPathFactory) -> None:
    data_dir = demo_workspace(tmp_path_factory, tmp_path / "ws")
    log = (tmp_path / "app.log").open("wb")
    proc = subprocess.Popen(app_command("--data-dir", str(data_dir), "--lang", "zh_CN"),
                            env=xserver.env(QT_DEBUG_PLUGINS="0"), stdout=log, stderr=subprocess.STDOUT)
    try:
        try:
            window = pass_start_dialogs(xserver, proc, data_dir)
        except AssertionError as exc:
            raise AssertionError(f"{exc}\napp output:\n{(tmp_path / 'app.log').read_text(errors='replace')}") from exc
        shot = wait_drawn(xserver, window, tmp_path / "main_window.png")
        assert window_width(xserver, window) >= MAIN_MIN_WIDTH
        press(xserver, window, "ctrl+q")
        assert proc.wait(60) == 0, (tmp_path / "app.log").read_text(errors="replace")
        assert shot.stat().st_size > 10_000
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()
