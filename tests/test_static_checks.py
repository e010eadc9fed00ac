"""mypy in the test run: the Qt-free domain, the services and the sync protocol package strictly, and the typed
seam between the UI and the services (every ``ops.app.<service>.<method>(...)`` call in the checked modules is checked
against the real service, and the composition root's AppContext must satisfy the seam). Modules outside the checked
set are read for their types (``--follow-imports=silent``) but not reported on yet."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SEAM_MODULES = [
    "inspector_app/ui/seams.py",
    "inspector_app/ui/operations.py",
    "inspector_app/ui/signing_state.py",
    "inspector_app/ui/allowed.py",
    "inspector_app/ui/errors.py",
    "tests/typing/seams_satisfied.py",
]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One mypy cache for the module: the second and third runs reuse what the first one analysed."""
    return tmp_path_factory.mktemp("mypy-cache")


def mypy(cache: Path, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache),
         "--no-error-summary", "--show-error-codes", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_domain_is_strictly_typed(cache: Path) -> None:
    mypy(cache, "inspector_app/domain")


def test_the_services_the_protocol_and_the_demo_are_strictly_typed(cache: Path) -> None:
    """Strict on every module of services/ and syncproto/; the layers below them (storage, records, catalog) are
    read for their types but not reported on. Libraries without type hints are listed in pyproject.toml's
    [tool.mypy] overrides, each with its reason."""
    mypy(cache, "--follow-imports=silent", "inspector_app/services", "inspector_app/syncproto", "inspector_app/demo")


def test_the_ui_service_seam_is_typed(cache: Path) -> None:
    mypy(cache, "--follow-imports=silent", "--ignore-missing-imports", *SEAM_MODULES)


def test_a_wrong_call_through_the_seam_is_caught(cache: Path, tmp_path: Path) -> None:
    """The check is not vacuous: a call with a wrong argument through ``ops.app`` fails it."""
    bad = tmp_path / "bad_call.py"
    bad.write_text("from inspector_app.ui.seams import Services\n\n\n"
                   "def f(app: Services) -> None:\n"
                   "    app.review.submit(\"actor\", 42)\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--ignore-missing-imports",
         "--cache-dir", str(cache), str(bad)], cwd=ROOT, capture_output=True, text=True,
        timeout=600)
    assert result.returncode == 1 and 'Argument 1 to "submit" of "ReviewService"' in result.stdout, result.stdout
