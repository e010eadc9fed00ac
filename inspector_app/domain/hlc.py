"""Hybrid logical clock (Kulkarni et al. 2014). Display ordering only: it never decides a winner."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, order=True, slots=True)
class Timestamp:
    wall_ms: int
    counter: int
    node: str

    def encode(self) -> str:
        return f"{self.wall_ms:015d}:{self.counter:05d}:{self.node}"

    @classmethod
    def decode(cls, text: str) -> "Timestamp":
        wall, counter, node = text.split(":", 2)
        return cls(int(wall), int(counter), node)


class HybridClock:
    def __init__(self, node: str, now_ms: Callable[[], int] | None = None, last: Timestamp | None = None):
        self.node = node
        self._now = now_ms or (lambda: time.time_ns() // 1_000_000)
        self._l = last.wall_ms if last else 0
        self._c = last.counter if last else 0

    def tick(self) -> Timestamp:
        now = self._now()
        if now > self._l:
            self._l, self._c = now, 0
        else:
            self._c += 1
        return Timestamp(self._l, self._c, self.node)

    def receive(self, remote: Timestamp) -> Timestamp:
        now = self._now()
        l_new = max(self._l, remote.wall_ms, now)
        if l_new == self._l == remote.wall_ms:
            c = max(self._c, remote.counter) + 1
        elif l_new == self._l:
            c = self._c + 1
        elif l_new == remote.wall_ms:
            c = remote.counter + 1
        else:
            c = 0
        self._l, self._c = l_new, c
        return Timestamp(self._l, self._c, self.node)
