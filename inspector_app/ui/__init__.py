"""The Qt user interface: the only package that imports PySide6.

Importing it first makes PySide6's per-module import check cheap (`pyside_import_check`): every module imported
after PySide6 is otherwise inspected with `inspect.getsource`, ≈ 0.1 ms each, 8-18 ms of CPU for the ≈ 115
modules on the way to the main window."""

from inspector_app.ui.pyside_import_check import install as _install_import_check

_install_import_check()
