"""What the engine reports (SyncStatus, RoundResult) and when it tries again (Backoff: jittered exponential
backoff on errors, a short idle interval otherwise; sync.md §9, F5)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from inspector_app.sync.errors import SyncError


@dataclass(frozen=True)
class SyncStatus:
    state: str                      # never | idle | syncing | offline | server_full | auth_required | error
    online: bool
    signed_in: bool
    user: str | None
    offline_sign_in: bool
    pending_changes: int
    rejected_changes: int
    open_conflicts: int
    photos_uploaded: int
    photos_total: int
    last_sync_at: dt.datetime | None
    last_error: str | None          # in English (logs, --json); a window shows last_problem translated
    next_attempt_at: dt.datetime | None
    stuck: bool
    server_epoch: str | None
    clock_skew_seconds: float | None = None   # server clock minus this laptop's, from the last server_time seen
    last_problem: SyncError | None = field(default=None, compare=False)  # the coded error behind last_error


@dataclass
class RoundResult:
    ok: bool
    pushed: int = 0
    pulled: int = 0
    uploaded: int = 0
    error: str | None = None


@dataclass
class Backoff:
    """Jittered exponential backoff: 1 s doubling to 5 min on errors; a short idle interval otherwise."""

    base: float = 1.0
    cap: float = 300.0
    idle: float = 30.0
    failures: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def next_delay(self, ok: bool) -> float:
        if ok:
            self.failures = 0
            return self.idle * self.rng.uniform(0.8, 1.2)
        self.failures += 1
        raw = min(self.cap, self.base * 2 ** (self.failures - 1))
        return raw * self.rng.uniform(0.5, 1.0)
