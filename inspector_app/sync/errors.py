"""The sync engine's errors: what went wrong in a round, as the status shows it (sync.md §9)."""

from __future__ import annotations

from typing import Any


class SyncError(Exception):
    code = "error"

    def __init__(self, message: str, code: str | None = None, body: Any = None):
        super().__init__(message)
        if code:
            self.code = code
        self.body = body


class Offline(SyncError):
    """Network unreachable, connection cut, server 5xx: transient, retried with backoff."""
    code = "offline"


class ServerStorageFull(Offline):
    """507: the server's disk is full. Transient for us (retried with backoff) but not "cannot connect"."""
    code = "server_full"


class AuthRequired(SyncError):
    code = "auth_required"


class Busy(SyncError):
    code = "busy"


class ServerRefused(SyncError):
    """A 4xx the engine cannot fix by itself (upgrade required, malformed request). Nothing is discarded."""
    code = "refused"
