"""ruff (pycodestyle, pyflakes, bugbear at 120 columns; configuration in pyproject.toml) over the package, the tests
and the packaging scripts: part of the default run, so a lint finding fails CI like any other test."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _ruff() -> list[str]:
    beside = Path(sys.executable).with_name("ruff")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("ruff")
    return [found] if found else [sys.executable, "-m", "ruff"]


def test_ruff_finds_nothing() -> None:
    proc = subprocess.run([*_ruff(), "check", "--no-cache", "--output-format", "concise", "inspector_app", "tests",
                           "packaging"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
