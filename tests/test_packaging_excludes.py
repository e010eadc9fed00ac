"""The packaged build leaves out modules no user path imports (packaging/inspector.spec, EXCLUDES; issue 10: the
PyInstaller analysis time grows with every module it scans). A module of the app that imported one of them at
load time would fail only in the frozen app, so every module of inspector_app, and the libraries the app reaches
lazily (the server, leads import, audio/video, timestamping, revocation fetching), is imported here with the
excluded names missing, as they are in the bundle."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

from tests.conftest import REPO

SPEC = REPO / "packaging" / "inspector.spec"

CHILD = r"""
import importlib, importlib.abc, importlib.util, pkgutil, sys
EXCLUDED = tuple(sys.argv[1:])

def excluded(name):
    return any(name == e or name.startswith(e + ".") for e in EXCLUDED)

class Missing(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if excluded(name):
            raise ModuleNotFoundError(f"No module named {name!r} (excluded from the bundle)", name=name)
        return None

sys.meta_path.insert(0, Missing())
_find_spec = importlib.util.find_spec
# libraries probe optional dependencies with find_spec (polars: hypothesis); absent in the bundle means None
importlib.util.find_spec = lambda name, package=None: None if excluded(name) else _find_spec(name, package)

import inspector_app
failed = []
for info in pkgutil.walk_packages(inspector_app.__path__, "inspector_app."):
    try:
        importlib.import_module(info.name)
    except Exception as exc:
        failed.append(f"{info.name}: {exc!r}")
for name in ("uvicorn", "fastapi", "httpx", "aiohttp", "boto3", "psycopg", "polars", "openpyxl", "av",
             "pymediainfo", "alembic.command", "sqlalchemy.dialects.postgresql.psycopg",
             "sqlalchemy.dialects.sqlite.pysqlite", "pyhanko.sign.timestamps", "pyhanko.pdf_utils.metadata.xmp_xml"):
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed.append(f"{name}: {exc!r}")
try:
    from pyhanko_certvalidator.fetchers import _default_fetcher_backend
    _default_fetcher_backend()
except Exception as exc:
    failed.append(f"pyhanko_certvalidator's default fetcher: {exc!r}")
print("\n".join(failed) or "ok")
"""


def spec_excludes() -> list[str]:
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "EXCLUDES" for t in node.targets):
            return list(ast.literal_eval(node.value))
    raise AssertionError("EXCLUDES not found in packaging/inspector.spec")


def test_every_module_imports_without_the_excluded_ones() -> None:
    excludes = spec_excludes()
    assert "pytest" in excludes and "setuptools" in excludes
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD, *excludes], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-4000:]
    assert done.stdout.strip().splitlines()[-1:] == ["ok"], done.stdout[-4000:]
