"""The one place where an error becomes words for the user: a coded domain error is translated (context "Errors")
and its parameters filled in; anything else is shown with its type, because it is a bug, not a rule."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from inspector_app.domain.errors import DomainError, render


def user_message(exc: BaseException) -> str:
    if isinstance(exc, DomainError):
        if exc.code == "message":
            return exc.template
        return render(QCoreApplication.translate("Errors", exc.template), exc.params)
    return f"{type(exc).__name__}: {exc}"
