"""Every menu and toolbar action; their keys come from the one keymap (ui/keymap.py); the main window connects them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenuBar, QToolBar

from inspector_app.ui import keymap


@dataclass
class Actions:
    new_inspection: QAction
    open_inspection: QAction
    show_list: QAction
    show_review: QAction
    show_tracking: QAction
    show_plans: QAction
    search: QAction
    refresh: QAction
    undo: QAction
    redo: QAction
    next_item: QAction
    previous_item: QAction
    next_unanswered: QAction
    language_zh: QAction
    language_en: QAction
    switch_officer: QAction
    lock: QAction
    idle_lock: QAction
    change_password: QAction
    sign_in: QAction
    sync_now: QAction
    conflicts: QAction
    section_compliant: QAction
    next_tab: QAction
    previous_tab: QAction
    shortcuts: QAction
    about: QAction
    quit: QAction


def create_actions(window: QMainWindow, undo_stack: QUndoStack) -> Actions:
    bound = {b.id: b for b in keymap.bindings()}

    def act(text: str, name: str = "") -> QAction:
        a = QAction(text, window)
        if name in bound:
            a.setShortcuts(bound[name].sequences())
        a.setObjectName(name)
        return a

    undo = undo_stack.createUndoAction(window, QCoreApplication.translate("MainWindow", "&Undo"))
    undo.setShortcuts(bound["undo"].sequences())
    undo.setObjectName("undo")
    redo = undo_stack.createRedoAction(window, QCoreApplication.translate("MainWindow", "&Redo"))
    redo.setShortcuts(bound["redo"].sequences())
    redo.setObjectName("redo")
    actions = Actions(
        new_inspection=act(QCoreApplication.translate("MainWindow", "&New inspection…"), "new_inspection"),
        open_inspection=act(QCoreApplication.translate("MainWindow", "&Open selected inspection"), "open_inspection"),
        show_list=act(QCoreApplication.translate("MainWindow", "Inspection &list"), "show_list"),
        show_review=act(QCoreApplication.translate("MainWindow", "&Review queue"), "show_review"),
        show_tracking=act(QCoreApplication.translate("MainWindow", "Rectification && &dashboard"),
                          "show_tracking"),
        show_plans=act(QCoreApplication.translate("MainWindow", "&Plans and coverage"), "show_plans"),
        search=act(QCoreApplication.translate("MainWindow", "&Search inspections"), "search"),
        refresh=act(QCoreApplication.translate("MainWindow", "&Refresh"), "refresh"),
        undo=undo,
        redo=redo,
        next_item=act(QCoreApplication.translate("MainWindow", "&Next item"), "next_item"),
        previous_item=act(QCoreApplication.translate("MainWindow", "&Previous item"), "previous_item"),
        next_unanswered=act(QCoreApplication.translate("MainWindow", "Next &unanswered item"), "next_unanswered"),
        language_zh=act("简体中文", "language_zh"),
        language_en=act("English", "language_en"),
        switch_officer=act(QCoreApplication.translate("MainWindow", "S&witch officer…"), "switch_officer"),
        lock=act(QCoreApplication.translate("MainWindow", "&Lock"), "lock"),
        idle_lock=act(QCoreApplication.translate("MainWindow", "Lock when &idle after…"), "idle_lock"),
        change_password=act(QCoreApplication.translate("MainWindow", "C&hange password…"), "change_password"),
        sign_in=act(QCoreApplication.translate("MainWindow", "Sign &in to the sync server…"), "sign_in"),
        sync_now=act(QCoreApplication.translate("MainWindow", "&Sync now"), "sync_now"),
        conflicts=act(QCoreApplication.translate("MainWindow", "Sync &conflicts…"), "conflicts"),
        section_compliant=act(QCoreApplication.translate("MainWindow", "&Mark the rest of this section compliant"),
                              "section_compliant"),
        next_tab=act(QCoreApplication.translate("MainWindow", "Next &tab"), "next_tab"),
        previous_tab=act(QCoreApplication.translate("MainWindow", "Previous t&ab"), "previous_tab"),
        shortcuts=act(QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"), "shortcuts"),
        about=act(QCoreApplication.translate("MainWindow", "&About"), "about"),
        quit=act(QCoreApplication.translate("MainWindow", "&Quit"), "quit"),
    )
    for a in (actions.language_zh, actions.language_en):
        a.setCheckable(True)
    return actions


def build_menus(menubar: QMenuBar, toolbar: QToolBar, a: Actions) -> None:
    file_menu = menubar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    file_menu.addActions([a.new_inspection, a.open_inspection])
    file_menu.addSeparator()
    file_menu.addActions([a.lock, a.switch_officer, a.change_password, a.idle_lock])
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit_menu = menubar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    edit_menu.addActions([a.undo, a.redo])
    view_menu = menubar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    view_menu.addActions([a.show_list, a.show_review, a.show_tracking, a.show_plans, a.next_tab, a.previous_tab,
                          a.search, a.refresh])
    checklist_menu = menubar.addMenu(QCoreApplication.translate("MainWindow", "&Checklist"))
    checklist_menu.addActions([a.next_item, a.previous_item, a.next_unanswered])
    checklist_menu.addSeparator()
    checklist_menu.addAction(a.section_compliant)
    sync_menu = menubar.addMenu(QCoreApplication.translate("MainWindow", "&Sync"))
    sync_menu.addActions([a.sign_in, a.sync_now, a.conflicts])
    language_menu = menubar.addMenu(QCoreApplication.translate("MainWindow", "&Language"))
    language_menu.addActions([a.language_zh, a.language_en])
    help_menu = menubar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.addActions([a.shortcuts, a.about])
    toolbar.addActions([a.new_inspection, a.show_list, a.show_review, a.show_tracking, a.show_plans, a.refresh])
    toolbar.addSeparator()
    toolbar.addActions([a.undo, a.redo])
