"""The one place where an error becomes words for the user: a coded domain error is translated (context "Errors")
and its parameters filled in (string parameters are translated too, so a status or action name marked with
QT_TRANSLATE_NOOP shows in the UI's language); the problems of a multi-problem error are translated one by one.
Anything else is shown with its type, because it is a bug, not a rule."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError, join, render

#: How problems are joined, as patterns a translation may punctuate its own way (zh: "；" and "：").
PAIR = QT_TRANSLATE_NOOP("Errors", "{first} {next}")
HEADED = QT_TRANSLATE_NOOP("Errors", "{head}: {problems}")


#: A translation function: (context, English source text) -> the text in the user's language.
Translate = Callable[[str, str], str]


def qt_translate(context: str, text: str) -> str:
    """The installed translators of the running application (the windows)."""
    return QCoreApplication.translate(context, text)


def _param(value: Any, words: Translate) -> Any:
    return words("Errors", value) if isinstance(value, str) and value else value


def user_message(exc: BaseException, words: Translate = qt_translate) -> str:
    """The error in the user's words; `words` is the catalogue to use (the command line passes its own,
    ui/cli_words.py, as it runs without a QApplication)."""
    if isinstance(exc, DomainError):
        if exc.code == "message":
            head = exc.template
        else:
            head = render(words("Errors", exc.template),
                          {k: _param(v, words) for k, v in exc.params.items()}) if exc.template else ""
        return join(head, [_problem(p, words) for p in exc.problems],
                    words("Errors", PAIR), words("Errors", HEADED))
    return f"{type(exc).__name__}: {exc}"


def _problem(p: Any, words: Translate) -> str:
    """A sub-problem: a coded error, or a file problem (template, params and where it is: file and line)."""
    if isinstance(p, BaseException):
        return user_message(p, words)
    text = render(words("Errors", p.template), {k: _param(v, words) for k, v in p.params.items()})
    where = getattr(p, "file", "") + (f":{p.line}" if getattr(p, "line", None) else "")
    return f"{where}: {text}" if where else text


def plain_message(exc: BaseException, words: Translate = qt_translate) -> str:
    """For failures outside the rules (a file, a disk, a setting): a domain error translated, anything else with
    its own words and without the type name (the user did nothing wrong to be shown a class name)."""
    return user_message(exc, words) if isinstance(exc, DomainError) else str(exc)
