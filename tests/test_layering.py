"""The layering contracts (pyproject.toml [tool.importlinter]) hold, and the check really fails on a violation."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

LINT = Path(sys.executable).parent / "lint-imports"


def run_lint(root: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(root))
    return subprocess.run([str(LINT), "--no-cache"], cwd=root, env=env, capture_output=True, text=True, timeout=300)


def test_contracts_are_kept() -> None:
    result = run_lint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and "0 broken" in result.stdout


@pytest.mark.parametrize("module,line,contract", [
    ("domain/checklist.py", "import PySide6.QtWidgets", "Core is Qt-free"),
    ("domain/roster.py", "import sqlalchemy", "Domain is pure"),
    ("services/roster.py", "from inspector_app.ui import launch", "Layers"),
    ("ui/launch.py", "from inspector_app.storage import orm", "UI goes through services"),
    ("sync/rebase.py", "from inspector_app.server import protocol",
     "Sync client and sync server meet only in the protocol package"),
    ("server/db.py", "from inspector_app.sync import local",
     "Sync client and sync server meet only in the protocol package"),
    ("syncproto/rules.py", "import sqlalchemy",
     "The sync protocol package is pure: both sides import it, it imports neither"),
])
def test_a_violation_fails_the_check(tmp_path: Path, module: str, line: str, contract: str) -> None:
    shutil.copytree(REPO / "inspector_app", tmp_path / "inspector_app",
                    ignore=shutil.ignore_patterns("__pycache__", "bundled"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "inspector_app" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # injected by the test\n", encoding="utf-8")
    result = run_lint(tmp_path)
    assert result.returncode != 0
    assert f"{contract} BROKEN" in result.stdout, result.stdout
