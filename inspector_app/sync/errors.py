"""The sync engine's errors: what went wrong in a round, as the status shows it (sync.md §9).

Coded errors like every other (domain/errors.py): a dotted ``code`` ("sync.offline", "sync.server_refused", ...),
an English template translated by the UI, parameters. ``server_code`` is the server's own error code (the "error"
field of its JSON body) when it sent one, ``body`` that body."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError


class SyncError(DomainError):
    server_code: str | None = None
    body: Any = None

    def __init__(self, code: str, template: str | None = None, /, *, server_code: str | None = None,
                 body: Any = None, problems: Sequence[DomainError] = (), **params: Any) -> None:
        super().__init__(code, template, problems=problems, **params)
        self.server_code = server_code
        self.body = body


class Offline(SyncError):
    """Network unreachable, connection cut, server 5xx: transient, retried with backoff."""


class ServerStorageFull(Offline):
    """507: the server's disk is full. Transient for us (retried with backoff) but not "cannot connect"."""


class AuthRequired(SyncError):
    pass


class Busy(SyncError):
    pass


class ServerRefused(SyncError):
    """A 4xx the engine cannot fix by itself (upgrade required, malformed request). Nothing is discarded."""


def refused(err: dict[str, Any], fallback: str) -> ServerRefused:
    """A refusal in the server's own words (its "message"; `fallback`, e.g. "push refused (400)", without one)."""
    return ServerRefused("sync.server_refused", QT_TRANSLATE_NOOP("Errors", "The server refused: {message}"),
                         server_code=err.get("error"), body=err, message=str(err.get("message") or fallback))
