"""Who acts: kept apart from services/context.py (SQLAlchemy, the ORM) so the sign-in screen can name the officer
before the database layer is imported — the desktop app shows its first window without it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is using the app: an officer of the roster, or the local administrator before anyone signs in."""

    name: str
    officer_id: str | None = None

    @property
    def label(self) -> str:
        return f"{self.name}({self.officer_id})" if self.officer_id else self.name
