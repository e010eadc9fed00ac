"""The one place where an error becomes words for the user: a coded domain error is translated (context "Errors")
and its parameters filled in (string parameters are translated too, so a status or action name marked with
QT_TRANSLATE_NOOP shows in the UI's language); the problems of a multi-problem error are translated one by one.
Anything else is shown with its type, because it is a bug, not a rule."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from inspector_app.domain.errors import DomainError, join, render


def _param(value: Any) -> Any:
    return QCoreApplication.translate("Errors", value) if isinstance(value, str) and value else value


def user_message(exc: BaseException) -> str:
    if isinstance(exc, DomainError):
        if exc.code == "message":
            head = exc.template
        else:
            head = render(QCoreApplication.translate("Errors", exc.template),
                          {k: _param(v) for k, v in exc.params.items()}) if exc.template else ""
        return join(head, [_problem(p) for p in exc.problems],
                    QCoreApplication.translate("Errors", "{first} {next}"),
                    QCoreApplication.translate("Errors", "{head}: {problems}"))
    return f"{type(exc).__name__}: {exc}"


def _problem(p: Any) -> str:
    """A sub-problem: a coded error, or a file problem (template, params and where it is: file and line)."""
    if isinstance(p, BaseException):
        return user_message(p)
    text = render(QCoreApplication.translate("Errors", p.template), {k: _param(v) for k, v in p.params.items()})
    where = getattr(p, "file", "") + (f":{p.line}" if getattr(p, "line", None) else "")
    return f"{where}: {text}" if where else text


def plain_message(exc: BaseException) -> str:
    """For failures outside the rules (a file, a disk, a setting): a domain error translated, anything else with
    its own words and without the type name (the user did nothing wrong to be shown a class name)."""
    return user_message(exc) if isinstance(exc, DomainError) else str(exc)
