"""No module of the app over 400 lines: a module that grows past it is doing several jobs and is split by
responsibility (as case_file.py, the sync engine and the signing page were). Tests are not counted."""

from __future__ import annotations

from pathlib import Path

import inspector_app

LIMIT = 400
REPO = Path(__file__).resolve().parent.parent
ROOTS = [Path(inspector_app.__file__).parent, REPO / "packaging", REPO / "tools"]


def test_no_module_over_the_limit() -> None:
    sizes = {path: len(path.read_text(encoding="utf-8").splitlines())
             for root in ROOTS for path in sorted(root.rglob("*.py"))}
    assert len(sizes) > 100, "found suspiciously few modules"
    over = {str(p.relative_to(REPO)): n for p, n in sizes.items() if n > LIMIT}
    assert not over, f"modules over {LIMIT} lines (split them by responsibility): {over}"
