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


STRICT_PACKAGES = ["inspector_app/domain", "inspector_app/services", "inspector_app/syncproto", "inspector_app/demo"]
# One mypy process checks every strict package and the seam modules: mypy analyses the shared imports (storage,
# records, SQLAlchemy, PySide6's stubs) once. Three runs with different flags (the seam's used to add
# --ignore-missing-imports) could not share a cache and took 54 s of CPU against 33 s for this one.
FLAGS = ["--strict", "--follow-imports=silent", "--no-error-summary", "--show-error-codes"]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One mypy cache for the module: the wrong-call check reuses what the whole run analysed."""
    return tmp_path_factory.mktemp("mypy-cache")


def mypy(cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mypy", *FLAGS, "--cache-dir", str(cache), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_strict_packages_and_the_ui_service_seam_are_typed(cache: Path) -> None:
    """Strict on every module of domain/, services/, syncproto/ and demo/, and on the seam modules: every
    ``ops.app.<service>.<method>(...)`` call in them is checked against the real service, and the composition
    root's AppContext must satisfy the seam. The layers below (storage, records, catalog, ui) are read for their
    types but not reported on. Libraries without type hints are listed in pyproject.toml's [tool.mypy] overrides,
    each with its reason."""
    result = mypy(cache, *STRICT_PACKAGES, *SEAM_MODULES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_wrong_call_through_the_seam_is_caught(cache: Path, tmp_path: Path) -> None:
    """The check is not vacuous: a call with a wrong argument through ``ops.app`` fails it."""
    bad = tmp_path / "bad_call.py"
    bad.write_text("from inspector_app.ui.seams import Services\n\n\n"
                   "def f(app: Services) -> None:\n"
                   "    app.review.submit(\"actor\", 42)\n", encoding="utf-8")
    result = mypy(cache, str(bad))
    assert result.returncode == 1 and 'Argument 1 to "submit" of "ReviewService"' in result.stdout, result.stdout
