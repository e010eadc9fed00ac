"""Build hook: ship forms/ and resources/ inside the package as inspector_app/bundled/ for non-editable installs,
and compile Qt Linguist translations (.ts -> .qm) so no generated file is committed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def compile_translations(i18n_dir: Path) -> None:
    try:
        from PySide6 import __file__ as pyside_file
    except ImportError:
        return
    lrelease = Path(pyside_file).parent / "lrelease"
    if not lrelease.exists():
        return
    for ts in i18n_dir.glob("*.ts"):
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=False)


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "inspector_app" / "bundled"
        for name in ("forms", "resources", "plans"):
            src = ROOT / name
            if src.is_dir():
                dst = target / name
                if dst.exists():
                    shutil.rmtree(dst)
                shutil.copytree(src, dst, ignore=shutil.ignore_patterns("*.qm", "__pycache__"))
        compile_translations(target / "resources" / "i18n")


setup(cmdclass={"build_py": BuildWithData})
