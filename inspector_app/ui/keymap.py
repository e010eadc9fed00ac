"""The keymap: every keyboard shortcut of the main window, in one place.

Menu actions (ui/actions.py), the checklist runner's keys and the Help → Keyboard shortcuts dialog all read this
table, so a key is defined once and shown as it works. Rules that keep it free of conflicts (checked by
tests/ui/test_keymap.py on the live window, in both languages):
* one key sequence, one command — a key bound twice (e.g. a menu action and a page QShortcut) is ambiguous to Qt,
  which then fires neither;
* no Alt+letter: Alt+letter belongs to the menu bar mnemonics (文件(F) 编辑(E) 视图(V) 检查表(C) 同步(S) 语言(L)
  帮助(H)); verdicts use Alt+1/2/3 instead;
* plain letters (Y/N/A, 1/2/3) act only where the checklist tree or the answer buttons have the focus, so they never
  swallow typing.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence


@dataclass(frozen=True)
class Binding:
    id: str
    keys: tuple[str, ...]   # portable text, e.g. "Ctrl+Down"; the first is the one shown in menus
    group: str              # translated group heading
    text: str               # translated description
    global_: bool = True    # a window-wide shortcut (False: a key that works where the focus is, not registered)

    def sequences(self) -> list[QKeySequence]:
        return [QKeySequence(k) for k in self.keys]

    def shown(self) -> str:
        return " / ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in self.keys)


def bindings() -> list[Binding]:
    """The whole keymap, translated for the current language."""
    general, nav = (QCoreApplication.translate("Keymap", "General"),
                    QCoreApplication.translate("Keymap", "Navigation"))
    checklist, evidence = (QCoreApplication.translate("Keymap", "Checklist"),
                           QCoreApplication.translate("Keymap", "Evidence"))
    return [
        Binding("new_inspection", ("Ctrl+N",), general, QCoreApplication.translate("Keymap", "New inspection")),
        Binding("open_inspection", ("Ctrl+Return",), general,
                QCoreApplication.translate("Keymap", "Open the selected inspection")),
        Binding("search", ("Ctrl+F",), general,
                QCoreApplication.translate("Keymap", "Find: inspections on the list; "
                                                     "on the checklist an item by id or words (Enter: next match)")),
        Binding("refresh", ("F5",), general, QCoreApplication.translate("Keymap", "Refresh")),
        Binding("undo", ("Ctrl+Z",), general, QCoreApplication.translate("Keymap", "Undo the last answer")),
        Binding("redo", ("Ctrl+Y", "Ctrl+Shift+Z"), general, QCoreApplication.translate("Keymap", "Redo")),
        Binding("sync_now", ("Ctrl+Shift+S",), general, QCoreApplication.translate("Keymap", "Sync now")),
        Binding("shortcuts", ("F1",), general, QCoreApplication.translate("Keymap", "This list of keyboard shortcuts")),
        Binding("quit", ("Ctrl+Q",), general, QCoreApplication.translate("Keymap", "Quit")),
        Binding("lock", ("Ctrl+L",), general,
                QCoreApplication.translate("Keymap", "Lock the app (the signed-in officer's password unlocks it)")),
        Binding("show_list", ("Ctrl+1",), nav, QCoreApplication.translate("Keymap", "Inspection list")),
        Binding("show_review", ("Ctrl+2",), nav, QCoreApplication.translate("Keymap", "Review queue")),
        Binding("show_tracking", ("Ctrl+3",), nav, QCoreApplication.translate("Keymap", "Rectification and dashboard")),
        Binding("show_plans", ("Ctrl+4",), nav,
                QCoreApplication.translate("Keymap", "Plans, coverage and random draws")),
        Binding("back", ("Alt+Left",), nav,
                QCoreApplication.translate("Keymap", "Back from an inspection to the list")),
        Binding("next_tab", ("Ctrl+PgDown",), nav, QCoreApplication.translate("Keymap", "Next tab of the inspection")),
        Binding("previous_tab", ("Ctrl+PgUp",), nav,
                QCoreApplication.translate("Keymap", "Previous tab of the inspection")),
        Binding("next_item", ("Ctrl+Down",), checklist, QCoreApplication.translate("Keymap", "Next item")),
        Binding("previous_item", ("Ctrl+Up",), checklist, QCoreApplication.translate("Keymap", "Previous item")),
        Binding("next_unanswered", ("Ctrl+J",), checklist,
                QCoreApplication.translate("Keymap", "Next unanswered item")),
        Binding("answer_keys", ("Y", "N", "A"), checklist,
                QCoreApplication.translate("Keymap", "Yes / No / Not applicable for a yes-no item (also 1 / 2 / 3), "
                                                     "then on to the next item; "
                                                     "works in the item list and on the answer buttons"),
                global_=False),
        Binding("enter", ("Return",), checklist,
                QCoreApplication.translate("Keymap", "In the item list: into the answer field; "
                                                     "in a number, date or choice field: "
                                                     "save and go on to the next item"),
                global_=False),
        Binding("verdict_compliant", ("Alt+1",), checklist, QCoreApplication.translate("Keymap", "Verdict: compliant")),
        Binding("verdict_violation", ("Alt+2",), checklist, QCoreApplication.translate("Keymap", "Verdict: violation")),
        Binding("verdict_na", ("Alt+3",), checklist, QCoreApplication.translate("Keymap", "Verdict: not applicable")),
        Binding("section_compliant", ("Ctrl+Shift+M",), checklist,
                QCoreApplication.translate("Keymap", "Mark the remaining items of this section compliant")),
        Binding("finding", ("Ctrl+Shift+F",), checklist,
                QCoreApplication.translate("Keymap", "Record a finding for the item")),
        Binding("evidence", ("Ctrl+Shift+E",), checklist,
                QCoreApplication.translate("Keymap", "Add evidence for the item")),
        Binding("finish", ("Ctrl+Shift+Return",), checklist,
                QCoreApplication.translate("Keymap", "Finish on-site work")),
        Binding("add_row", ("Ctrl+Shift+R",), checklist,
                QCoreApplication.translate("Keymap", "Add a row to a sample table"), global_=False),
        Binding("add_files", ("Ctrl+O",), evidence, QCoreApplication.translate("Keymap", "Add evidence files"),
                global_=False),
        Binding("paste_image", ("Ctrl+V",), evidence,
                QCoreApplication.translate("Keymap", "Paste an image or copied files as evidence"), global_=False),
        Binding("evidence_details", ("Ctrl+E",), evidence,
                QCoreApplication.translate("Keymap", "Evidence list entry of the selected item: statutory type, "
                                                     "how obtained, provider, pages"), global_=False),
        Binding("confirm_evidence_list", ("Ctrl+K",), evidence,
                QCoreApplication.translate("Keymap", "The party's confirmation of the evidence list"),
                global_=False),
    ]


def binding(binding_id: str) -> Binding:
    return next(b for b in bindings() if b.id == binding_id)


def keys(binding_id: str) -> list[QKeySequence]:
    return binding(binding_id).sequences()
