"""tools/relayout_tests.py (run by the integrator after the merges): where a module goes, the path fix-ups, and
that a second run changes nothing. Run on a small fake tree, not on the repository."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("relayout_tests", ROOT / "tools" / "relayout_tests.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_file_parents_go_one_level_deeper() -> None:
    t = tool()
    assert t.deeper("REPO = Path(__file__).resolve().parent.parent") == "REPO = Path(__file__).resolve().parents[2]"
    assert t.deeper("R = Path(__file__).resolve().parents[1] / 'x'") == "R = Path(__file__).resolve().parents[2] / 'x'"
    assert t.deeper('C = Path(__file__).parent / "convert_child.py"') == \
        'C = Path(__file__).resolve().parents[1] / "convert_child.py"'


def test_an_unknown_module_goes_where_its_imports_point() -> None:
    t = tool()
    assert t.guess("from inspector_app.storage import db\nfrom inspector_app.storage.x import y\n"
                   "from inspector_app.domain import z\n") == "storage"
    assert t.guess("from inspector_app.signin_cli import main\n") == "cli"
    assert t.guess("import os\n") is None


def test_relayout_moves_rewrites_and_is_idempotent(tmp_path: Path) -> None:
    t = tool()
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "__init__.py").write_text("")
    (tmp_path / "tests" / "test_store.py").write_text(
        "from pathlib import Path\nREPO = Path(__file__).resolve().parent.parent\n")
    (tmp_path / "tests" / "test_review_service.py").write_text("from tests.test_store import REPO\n")
    (tmp_path / "tests" / "test_ruff.py").write_text("x = 1\n")
    (tmp_path / "README.md").write_text("pytest tests/test_store.py tests/test_ruff.py\n")
    assert t.relayout(tmp_path) == 0
    moved = tmp_path / "tests" / "storage" / "test_store.py"
    assert moved.read_text().endswith("REPO = Path(__file__).resolve().parents[2]\n")
    assert (tmp_path / "tests" / "storage" / "__init__.py").exists()
    assert (tmp_path / "tests" / "services" / "test_review_service.py").read_text() == \
        "from tests.storage.test_store import REPO\n"
    assert (tmp_path / "tests" / "test_ruff.py").exists()  # whole-tree checks stay at the top
    assert (tmp_path / "README.md").read_text() == "pytest tests/storage/test_store.py tests/test_ruff.py\n"
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert t.relayout(tmp_path) == 0
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
