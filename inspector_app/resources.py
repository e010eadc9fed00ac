"""Access to files shipped with the app (checklists, translations), source checkout or installed package."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def forms_dir() -> Path:
    """The bundled checklist library. INSPECTOR_FORMS overrides it (tests, a provincial library)."""
    override = os.environ.get("INSPECTOR_FORMS")
    if override:
        return Path(override)
    for candidate in (_PACKAGE_DIR.parent / "forms", _PACKAGE_DIR / "bundled" / "forms"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("checklist library (forms/) not found next to the package")


def plans_dir() -> Path:
    """The shipped example plans (plans/*.toml)."""
    for candidate in (_PACKAGE_DIR.parent / "plans", _PACKAGE_DIR / "bundled" / "plans"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("example plans (plans/) not found next to the package")


def resources_dir() -> Path:
    for candidate in (_PACKAGE_DIR.parent / "resources", _PACKAGE_DIR / "bundled" / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("resources/ not found next to the package")
