"""The one place where an error becomes words for the user: a coded domain error is translated (context "Errors")
and its parameters filled in (string parameters are translated too, so a status or action name marked with
QT_TRANSLATE_NOOP shows in the UI's language; a list parameter item by item); the problems of a multi-problem
error are translated one by one. A coded problem that was found rather than raised (domain.errors.CodedProblem: a
record not ready to sign, a verification finding) is worded the same way by `problem_message`. Anything else is
shown with its type, because it is a bug, not a rule."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError, compose, join

#: How problems are joined, as patterns a translation may punctuate its own way (zh: "；" and "：").
PAIR = QT_TRANSLATE_NOOP("Errors", "{first} {next}")
HEADED = QT_TRANSLATE_NOOP("Errors", "{head}: {problems}")
#: How the items of a list parameter are joined (zh: "、").
LIST_PAIR = QT_TRANSLATE_NOOP("Errors", "{first}, {next}")


#: A translation function: (context, English source text) -> the text in the user's language.
Translate = Callable[[str, str], str]


def qt_translate(context: str, text: str) -> str:
    """The installed translators of the running application (the windows)."""
    return QCoreApplication.translate(context, text)


def _param(value: Any, words: Translate) -> Any:
    if isinstance(value, (list, tuple)):
        return join("", [problem_message(v, words) if hasattr(v, "template") else str(_param(v, words))
                         for v in value], words("Errors", LIST_PAIR))
    if hasattr(value, "template"):  # a coded phrase (domain.errors.CodedProblem)
        return problem_message(value, words)
    return words("Errors", value) if isinstance(value, str) and value else value


def _coded(template: str, params: dict[str, Any], problems: Any, words: Translate) -> str:
    """A coded error's or problem's template translated and filled, its sub-problems after it (or in it)."""
    return compose(words("Errors", template) if template else "", {k: _param(v, words) for k, v in params.items()},
                   [problem_message(p, words) for p in problems], words("Errors", PAIR), words("Errors", HEADED))


def user_message(exc: BaseException, words: Translate = qt_translate) -> str:
    """The error in the user's words; `words` is the catalogue to use (the command line passes its own,
    ui/cli_words.py, as it runs without a QApplication)."""
    if isinstance(exc, DomainError):
        if exc.code == "message":
            return join(exc.template, [problem_message(p, words) for p in exc.problems],
                        words("Errors", PAIR), words("Errors", HEADED))
        return _coded(exc.template, exc.params, exc.problems, words)
    return f"{type(exc).__name__}: {exc}"


def problem_message(p: Any, words: Translate = qt_translate) -> str:
    """A problem in the user's words: a coded error or problem (domain.errors.CodedProblem; code "message" is a
    finished text, shown as it is), or a file problem (template, params and where it is: file, line, item)."""
    if isinstance(p, BaseException):
        return user_message(p, words)
    if getattr(p, "code", "") == "message":
        return str(p.template)
    text = _coded(p.template, p.params, getattr(p, "problems", ()), words)
    where = getattr(p, "file", "") + (f":{p.line}" if getattr(p, "line", None) else "")
    where += f" [{p.item}]" if getattr(p, "item", None) else ""
    return f"{where}: {text}" if where else text


def plain_message(exc: BaseException, words: Translate = qt_translate) -> str:
    """For failures outside the rules (a file, a disk, a setting): a domain error translated, anything else with
    its own words and without the type name (the user did nothing wrong to be shown a class name)."""
    return user_message(exc, words) if isinstance(exc, DomainError) else str(exc)
