"""Error words for the command line: the windows' catalogue (resources/i18n/inspector_<lang>.ts, context "Errors")
and the windows' mapper (ui/errors.py), so `inspector` says in the terminal what the app says in a dialog.

The command line runs without a QApplication: the translator is loaded on its own and asked directly
(QTranslator.translate), nothing is installed. Language: `--lang` when given; else the locale (LC_ALL,
LC_MESSAGES, LANG) when it names English or Chinese; else Chinese, the language of the command line's own output
(it is an agency tool in China: an unset or "C" locale on a server must not switch its errors to English).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTranslator

from inspector_app.cli_help import locale_language
from inspector_app.domain.errors import QT_TRANSLATE_NOOP
from inspector_app.ui.errors import Translate, plain_message, problem_message
from inspector_app.ui.i18n import compiled_catalogue

ERROR_LINE = QT_TRANSLATE_NOOP("Errors", "Error: {message}")
_loaded: dict[str, QTranslator | None] = {}


def cli_language(requested: str | None = None) -> str:
    return requested or locale_language()  # the help's rule too (cli_help.py)


def translator(lang: str, cache_dir: Path) -> Translate:
    """The catalogue of `lang` as a function; English (the source) when there is none."""
    if lang == "en":
        return _source
    if lang not in _loaded:
        qm = compiled_catalogue(lang, cache_dir)
        t = QTranslator()
        _loaded[lang] = t if qm is not None and t.load(str(qm)) else None
    loaded = _loaded[lang]
    if loaded is None:
        return _source

    def words(context: str, text: str) -> str:
        return loaded.translate(context, text) or text

    return words


def _source(_context: str, text: str) -> str:
    return text


def message(exc: BaseException, lang: str | None, cache_dir: Path) -> str:
    """The error alone (no `错误：` head), for a command that words its own line around it."""
    return plain_message(exc, translator(cli_language(lang), cache_dir))


def error_line(exc: BaseException, lang: str | None, cache_dir: Path) -> str:
    """`错误：…` / `Error: …`: a coded error in the chosen language, anything else in its own words."""
    words = translator(cli_language(lang), cache_dir)
    return words("Errors", ERROR_LINE).replace("{message}", plain_message(exc, words))


def problem_words(cache_dir: Path, lang: str = "zh_CN") -> Callable[[Any], str]:
    """How the command line words coded problems (a template file's problems; the problems of a verification
    report, records/verify_text.describe and the case file's report): through the mapper, in `lang`. The
    verification reports are Chinese documents (their headings and check lines are Chinese whatever the locale), so
    for them the command line asks for zh_CN, the default: the details read as they always did."""
    words = translator(lang, cache_dir)
    return lambda problem: problem_message(problem, words)
