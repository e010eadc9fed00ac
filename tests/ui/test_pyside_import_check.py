"""PySide6's per-import check is answered from the module's file (ui/pyside_import_check.py), with the answers
PySide's own `inspect.getsource` check gives."""

from __future__ import annotations

import inspect
import sys
from types import ModuleType


def _slow(module: ModuleType) -> bool:  # what shiboken's `_mod_uses_pyside` does
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False


def test_the_hook_is_replaced_once_the_ui_package_is_imported() -> None:
    import inspector_app.ui  # noqa: F401
    from inspector_app.ui import pyside_import_check

    feature = sys.modules["shibokensupport.feature"]
    assert getattr(feature._mod_uses_pyside, "_inspector_reads_file", False)
    assert pyside_import_check.install()  # a second call changes nothing
    assert getattr(feature._mod_uses_pyside, "_inspector_reads_file", False)


def test_same_answers_as_inspect() -> None:
    import inspector_app.ui.launch  # noqa: F401 - modules that use PySide6 and modules that do not
    from inspector_app.ui.pyside_import_check import uses_pyside

    modules = [m for name, m in sorted(sys.modules.items())
               if name.startswith(("inspector_app", "json", "dataclasses", "pathlib", "PySide6", "sys"))]
    answers = {m.__name__: uses_pyside(m, _slow) for m in modules}
    assert answers == {m.__name__: _slow(m) for m in modules}
    assert answers["inspector_app.ui.launch"] and not answers["json"] and not answers["sys"]


def test_what_is_not_a_source_file_goes_to_the_fallback() -> None:
    from inspector_app.ui.pyside_import_check import uses_pyside

    asked = []
    fake = ModuleType("fake")
    fake.__file__ = "/nowhere/fake.cpython-311-x86_64-linux-gnu.so"
    assert uses_pyside(fake, lambda m: asked.append(m) or True)
    gone = ModuleType("gone")
    gone.__file__ = "/nowhere/gone.py"
    assert not uses_pyside(gone, lambda m: asked.append(m) or False)
    assert asked == [fake, gone]
