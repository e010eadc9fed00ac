"""Strings of Qt's own dialogs that Qt's zh_CN catalogue (qtbase_zh_CN.qm) leaves in English.

Qt 6 changed these labels of its file dialog (a mnemonic was added), and the shipped translation still has only
the old text, so "&Look in:" and "Files of &type:" stay English. Listing them here puts them in our .ts under
Qt's own context; our translator is installed after Qt's, so it answers for these two and Qt's for the rest.
Found by opening the Qt file dialog in zh_CN and listing every child widget's text and tooltip still in ASCII
(tests/ui/test_qt_translations.py does the same).
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
