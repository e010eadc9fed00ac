"""The duplicate-shortcut detector: every key of the live main window, screen by screen, in the current language.

Qt fires neither binding of a key bound twice among the widgets that are visible together (it calls the key
ambiguous), and an Alt+letter bound on a widget steals the menu bar's mnemonic. The audit therefore looks at what is
visible on each screen (the list, every tab of an open inspection, the review queue, the dashboard): the window's
actions, QShortcut objects, buttons (their explicit keys and the Alt+letter of an "&" in their text) and labels with
a buddy."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget


def _name(obj: Any) -> str:
    text = obj.text() if hasattr(obj, "text") else ""
    return f"{type(obj).__name__}({obj.objectName() or text!r})"


def menu_mnemonics(window: Any) -> dict[str, str]:
    """Alt+letter → the menu bar title that owns it."""
    out = {}
    for action in window.menuBar().actions():
        seq = QKeySequence.mnemonic(action.text())
        if not seq.isEmpty():
            out[seq.toString()] = action.text()
    return out


def visible_bindings(window: Any) -> dict[str, list[str]]:
    """Key sequence text → the things bound to it that can fire now."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(seq: QKeySequence, owner: Any) -> None:
        if not seq.isEmpty():
            found[seq.toString()].append(_name(owner))

    for action in window.findChildren(QAction):
        # Actions of the window (menus, toolbar) are live everywhere; an action owned by a hidden page is not.
        parent = action.parent()
        if isinstance(parent, QWidget) and parent is not window and not parent.isVisible():
            continue
        for seq in action.shortcuts():
            add(seq, action)
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if isinstance(parent, QWidget) and parent.isVisible() and shortcut.isEnabled():
            add(shortcut.key(), shortcut)
    for button in window.findChildren(QAbstractButton):
        if button.isVisible():
            add(button.shortcut(), button)
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None:
            add(QKeySequence.mnemonic(label.text()), label)
    return found


def problems(window: Any) -> list[str]:
    QApplication.processEvents()
    out = []
    mnemonics = menu_mnemonics(window)
    for key, owners in sorted(visible_bindings(window).items()):
        if len(owners) > 1:
            out.append(f"{key} bound {len(owners)} times: {', '.join(owners)}")
        if key in mnemonics:
            out.append(f"{key} of {', '.join(owners)} collides with the menu {mnemonics[key]!r}")
    dupes = defaultdict(list)
    for key, title in mnemonics.items():
        dupes[key].append(title)
    out += [f"menu mnemonic {k} used by {v}" for k, v in dupes.items() if len(v) > 1]
    return out


def dialog_problems(dialog: QWidget) -> list[str]:
    """A dialog's own keys: an "&" in a visible label that has no buddy (Qt prints it as it is: "恢复公钥(&R)"), and an
    Alt+letter given to two visible labels or buttons (Qt fires neither)."""
    QApplication.processEvents()
    out, seen = [], defaultdict(list)
    for label in dialog.findChildren(QLabel):
        if not label.isVisible() or label.textFormat() == Qt.TextFormat.RichText:
            continue
        seq = QKeySequence.mnemonic(label.text())
        if seq.isEmpty():
            continue
        if label.buddy() is None:
            out.append(f"{_name(label)} shows its '&' literally: it has no buddy")
        else:
            seen[seq.toString()].append(_name(label))
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisible() and not button.shortcut().isEmpty():
            seen[button.shortcut().toString()].append(_name(button))
    out += [f"{key} given to {', '.join(owners)}" for key, owners in sorted(seen.items()) if len(owners) > 1]
    return out
