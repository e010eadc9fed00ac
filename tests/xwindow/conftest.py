"""Real-window tests: an X server (Xvfb) of our own and helpers to find, photograph and drive the app's windows.

These tests start the *real* app process with Qt's xcb platform plugin, the one a Linux desktop uses, so a missing
system library (libxcb-cursor0, libxcb-icccm4, ...) fails here instead of on an inspector's laptop. The X server
is started by the fixture on a display number it picks itself (Xvfb -displayfd), never an existing DISPLAY.
Needs the Debian packages xvfb, xdotool, x11-utils and imagemagick (.ci/run installs them).
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

TOOLS = {"Xvfb": "xvfb", "xdotool": "xdotool", "xwininfo": "x11-utils", "import": "imagemagick"}


@dataclass(frozen=True)
class XServer:
    display: str

    def env(self, **extra: str) -> dict[str, str]:
        """The environment for a process on this display: xcb platform, no inherited offscreen platform."""
        env = dict(os.environ, DISPLAY=self.display, QT_QPA_PLATFORM="xcb", **extra)
        env.pop("WAYLAND_DISPLAY", None)
        return env

    def run(self, *args: str, timeout: float = 30) -> str:
        done = subprocess.run(list(args), env=self.env(), capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
        return done.stdout


@pytest.fixture(scope="session")
def xserver() -> Iterator[XServer]:
    missing = [f"{tool} (Debian package {pkg})" for tool, pkg in TOOLS.items() if shutil.which(tool) is None]
    if missing:
        pytest.fail("real-window tests need " + ", ".join(missing) + "; run .ci/run or apt-get install them")
    read_fd, write_fd = os.pipe()
    # -displayfd: the server picks a free display number itself and writes it to the pipe once it accepts clients.
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1600x1000x24", "-nolisten", "tcp",
                             "-noreset"], pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    os.close(write_fd)
    try:
        ready, _, _ = select.select([read_fd], [], [], 30)
        number = os.read(read_fd, 32).decode().strip() if ready else ""
        if not number:
            proc.kill()
            raise RuntimeError("Xvfb did not start: "
                               f"{proc.stderr.read().decode(errors='replace') if proc.stderr else ''}")
        yield XServer(f":{number}")
    finally:
        os.close(read_fd)
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def find_window(x: XServer, pid: int, proc: subprocess.Popen[bytes] | None = None, timeout: float = 120,
                exclude: set[str] = frozenset()) -> str:  # type: ignore[assignment]
    """The id of a mapped top-level window of process `pid` (Qt sets _NET_WM_PID), polling until `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"the app exited with status {proc.returncode} before showing a window")
        done = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)], env=x.env(),
                              capture_output=True, text=True, timeout=30)
        ids = [w for w in done.stdout.split() if w not in exclude]
        named = [w for w in ids if window_name(x, w)]
        if named:
            return named[-1]
        time.sleep(0.2)  # polling an external X server: there is no signal to wait on
    raise AssertionError(f"no window of process {pid} within {timeout:.0f} s")


def window_name(x: XServer, window: str) -> str:
    done = subprocess.run(["xdotool", "getwindowname", window], env=x.env(), capture_output=True, text=True,
                          timeout=30)
    return done.stdout.strip() if done.returncode == 0 else ""


def screenshot(x: XServer, window: str, out: Path) -> Path:
    x.run("import", "-window", window, str(out), timeout=60)
    return out


def assert_not_blank(png: Path, min_colours: int = 16) -> None:
    """A drawn window has text, frames and widgets: many colours and a spread of brightness, not one flat fill."""
    from PIL import Image, ImageStat

    with Image.open(png) as img:
        rgb = img.convert("RGB")
        width, height = rgb.size
        assert width >= 200 and height >= 150, f"{png}: window only {width}×{height}"
        colours = rgb.getcolors(maxcolors=1 << 20) or []
        stddev = ImageStat.Stat(rgb.convert("L")).stddev[0]
    assert len(colours) >= min_colours and stddev > 5, f"{png} looks blank: {len(colours)} colours, σ {stddev:.1f}"


def press(x: XServer, window: str, *keys: str) -> None:
    """Focus `window` and send real key events (XTEST), as a keyboard would."""
    x.run("xdotool", "windowfocus", "--sync", window)
    x.run("xdotool", "key", "--clearmodifiers", *keys)


def app_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "inspector_app", *args]
