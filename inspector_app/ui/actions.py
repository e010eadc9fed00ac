"""Every menu and toolbar action with its shortcut, in one place; the main window only connects them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenuBar, QToolBar


@dataclass
class Actions:
    new_inspection: QAction
    open_inspection: QAction
    show_list: QAction
    show_review: QAction
    show_tracking: QAction
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
    about: QAction
    quit: QAction


def create_actions(window: QMainWindow, undo_stack: QUndoStack) -> Actions:
    def act(text: str, shortcut: QKeySequence | str | None = None, name: str = "") -> QAction:
        a = QAction(text, window)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.setObjectName(name)
        return a

    undo = undo_stack.createUndoAction(window, QCoreApplication.translate("MainWindow", "&Undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = undo_stack.createRedoAction(window, QCoreApplication.translate("MainWindow", "&Redo"))
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    actions = Actions(
        new_inspection=act(QCoreApplication.translate("MainWindow", "&New inspection…"), QKeySequence.StandardKey.New, "new_inspection"),
        open_inspection=act(QCoreApplication.translate("MainWindow", "&Open selected inspection"), "Ctrl+Return", "open_inspection"),
        show_list=act(QCoreApplication.translate("MainWindow", "Inspection &list"), "Ctrl+1", "show_list"),
        show_review=act(QCoreApplication.translate("MainWindow", "&Review queue"), "Ctrl+2", "show_review"),
        show_tracking=act(QCoreApplication.translate("MainWindow", "Rectification && &dashboard"), "Ctrl+3",
                          "show_tracking"),
        search=act(QCoreApplication.translate("MainWindow", "&Search inspections"), QKeySequence.StandardKey.Find, "search"),
        refresh=act(QCoreApplication.translate("MainWindow", "&Refresh"), QKeySequence.StandardKey.Refresh, "refresh"),
        undo=undo,
        redo=redo,
        next_item=act(QCoreApplication.translate("MainWindow", "&Next item"), "Ctrl+Down", "next_item"),
        previous_item=act(QCoreApplication.translate("MainWindow", "&Previous item"), "Ctrl+Up", "previous_item"),
        next_unanswered=act(QCoreApplication.translate("MainWindow", "Next &unanswered item"), "Ctrl+J", "next_unanswered"),
        language_zh=act("简体中文", None, "language_zh"),
        language_en=act("English", None, "language_en"),
        switch_officer=act(QCoreApplication.translate("MainWindow", "S&witch officer…"), None, "switch_officer"),
        lock=act(QCoreApplication.translate("MainWindow", "&Lock"), "Ctrl+L", "lock"),
        idle_lock=act(QCoreApplication.translate("MainWindow", "Lock when &idle after…"), None, "idle_lock"),
        change_password=act(QCoreApplication.translate("MainWindow", "C&hange password…"), None, "change_password"),
        sign_in=act(QCoreApplication.translate("MainWindow", "Sign &in to the sync server…"), None, "sign_in"),
        sync_now=act(QCoreApplication.translate("MainWindow", "&Sync now"), "Ctrl+Shift+S", "sync_now"),
        conflicts=act(QCoreApplication.translate("MainWindow", "Sync &conflicts…"), None, "conflicts"),
        about=act(QCoreApplication.translate("MainWindow", "&About"), None, "about"),
        quit=act(QCoreApplication.translate("MainWindow", "&Quit"), QKeySequence.StandardKey.Quit, "quit"),
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
    view_menu.addActions([a.show_list, a.show_review, a.show_tracking, a.search, a.refresh])
    checklist_menu = menubar.addMenu(QCoreApplication.translate("MainWindow", "&Checklist"))
    checklist_menu.addActions([a.next_item, a.previous_item, a.next_unanswered])
    sync_menu = menubar.addMenu(QCoreApplication.translate("MainWindow", "&Sync"))
    sync_menu.addActions([a.sign_in, a.sync_now, a.conflicts])
    language_menu = menubar.addMenu(QCoreApplication.translate("MainWindow", "L&anguage"))
    language_menu.addActions([a.language_zh, a.language_en])
    help_menu = menubar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.addAction(a.about)
    toolbar.addActions([a.new_inspection, a.show_list, a.show_review, a.show_tracking, a.refresh])
    toolbar.addSeparator()
    toolbar.addActions([a.undo, a.redo])
