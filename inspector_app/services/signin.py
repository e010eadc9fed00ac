"""Officer sign-in on the laptop: the key slots of the workspace (storage/keyslots.py) seen as use cases.

Signing in *is* unlocking the workspace key with the officer's password; the key then opens the store
(`build_context(..., workspace_key=key)`). `WorkspaceKeys` works before the store is open (it only reads
`keys/slots.json`); `SessionService` journals sign-in, sign-out, lock and unlock once the store is open.

Rules kept here (the issue's, restated so the repo stands alone):
- an officer without a slot gets a password only from someone who already holds the key (a signed-in officer,
  the workspace's creation, or the agency's recovery private key);
- a team lead's actions need a team lead's sign-in (the services check the roster role of the signed-in actor);
- the sign-in screen shows name, role and 执法证号 before anything is unlocked — those are in the slot metadata.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING, Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP
from inspector_app.services.actor import Actor
from inspector_app.storage.keyslots import (KeySlotError, KeySlots, OfficerSlot, WrongPasswordError,
                                            load_recovery_public_key, password_problem)

if TYPE_CHECKING:  # the sign-in screen comes before SQLAlchemy is imported (services/actor.py)
    from inspector_app.services.context import ServiceContext

SESSION_CHAIN = "session"
ENV_PASSWORD = "INSPECTOR_PASSWORD"

__all__ = ["KeySlotError", "WrongPasswordError", "SignInOfficer", "WorkspaceKeys", "SessionService",
           "SESSION_CHAIN", "ENV_PASSWORD", "load_recovery_public_key", "password_problem", "set_up_first_officer"]


@dataclass(frozen=True, slots=True)
class SignInOfficer:
    """One line of the sign-in screen."""

    officer_id: str
    name: str
    role: str
    certificate_no: str
    has_password: bool = True

    @property
    def is_team_lead(self) -> bool:
        return self.role == "team_lead"

    def actor(self) -> Actor:
        return Actor(name=self.name, officer_id=self.officer_id)


def _officer(slot: OfficerSlot) -> SignInOfficer:
    return SignInOfficer(slot.officer_id, slot.name, slot.role, slot.certificate_no)


class WorkspaceKeys:
    """The workspace key's slots for one workspace (`<workspace>/keys`)."""

    def __init__(self, keys_dir: Path):
        self.keys_dir = keys_dir

    def initialised(self) -> bool:
        return KeySlots.exists(self.keys_dir)

    def _slots(self) -> KeySlots:
        return KeySlots.load(self.keys_dir)

    def officers(self) -> list[SignInOfficer]:
        if not self.initialised():
            return []
        return sorted((_officer(s) for s in self._slots().officers), key=lambda o: (o.role != "team_lead", o.name))

    def find(self, name_or_id: str) -> SignInOfficer:
        return _officer(self._slots().find(name_or_id))

    def create(self, recovery_public_pem: bytes) -> bytes:
        """A new workspace key with its recovery slot. Returns the key (held in memory only)."""
        self.keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        _slots, key = KeySlots.create(self.keys_dir, recovery_public_pem)
        return key

    def unlock(self, officer_id: str, password: str) -> bytes:
        """Slow on purpose (Argon2id, tens of milliseconds): call it off the UI thread."""
        return self._slots().unlock(officer_id, password)

    def sign_in(self, name_or_id: str, password: str) -> tuple[SignInOfficer, bytes]:
        slots = self._slots()
        slot = slots.find(name_or_id)
        return _officer(slot), slots.unlock(slot.officer_id, password)

    def set_password(self, key: bytes, officer_id: str, name: str, role: str, certificate_no: str,
                     password: str) -> SignInOfficer:
        """Give an officer a slot (first use) or replace it, with the key of someone already signed in."""
        return _officer(self._slots().add_officer(key, officer_id, name, role, certificate_no, password))

    def change_password(self, officer_id: str, old_password: str, new_password: str) -> None:
        self._slots().change_password(officer_id, old_password, new_password)

    def remove(self, officer_id: str) -> None:
        self._slots().remove_officer(officer_id)

    def recover(self, private_pem: bytes, pem_password: bytes | None = None) -> bytes:
        """The workspace key from the agency's recovery private key (then `set_password` for an officer)."""
        return self._slots().recover(private_pem, pem_password)


class SessionService:
    """Sign-in, sign-out, lock and unlock as journal events on the laptop's `session` chain, with the officer as
    the actor. They change no shared data, so they queue nothing for sync: the journal is the record."""

    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def _event(self, actor: Actor, kind: str, **payload: object) -> None:
        with self._ctx.unit(actor) as uow:
            uow.journal(SESSION_CHAIN, f"session.{kind}", {"officer_id": actor.officer_id, **payload})

    def signed_in(self, actor: Actor, via: str = "password") -> None:
        self._event(actor, "sign_in", via=via)

    def signed_out(self, actor: Actor, reason: str = "switch") -> None:
        self._event(actor, "sign_out", reason=reason)

    def locked(self, actor: Actor, reason: str) -> None:
        self._event(actor, "lock", reason=reason)

    def unlocked(self, actor: Actor) -> None:
        self._event(actor, "unlock")

    def password_set(self, actor: Actor, officer_id: str, how: str) -> None:
        self._event(actor, "password_set", target=officer_id, how=how)


def password_from_env() -> str | None:
    value = os.environ.get(ENV_PASSWORD)
    return value if value else None


def set_up_first_officer(app: Any, keys: WorkspaceKeys, recovery_pem: bytes, password: str,
                         officer_id: str | None = None,
                         new_officer: dict[str, Any] | None = None) -> tuple[SignInOfficer, bytes]:
    """Workspace creation on a laptop: the key, its recovery slot and the first officer's slot. The officer is of
    the roster (`officer_id`) or added to it (`new_officer`: OfficerData fields). Everything is checked before
    the key is made, so a refusal leaves no half-set-up workspace."""
    problem = password_problem(password)
    if problem:
        raise problem
    load_recovery_public_key(recovery_pem)
    if keys.initialised():
        raise KeySlotError("keyslot.workspace_has_key", QT_TRANSLATE_NOOP(
            "Errors", "This workspace already has a workspace key."))
    if new_officer is not None:
        # here, not at the top: the sign-in dialog imports this module, and the roster's enums and dataclasses
        # (≈ 2.5 ms) are only needed to set up a first officer
        from inspector_app.domain.roster import OfficerData

        data = OfficerData(**new_officer)
        data.validate()
        dto, _ = app.roster.add_officer(Actor(data.name), data)
    else:
        dto = app.roster.officer(officer_id)
    key = keys.create(recovery_pem)
    officer = keys.set_password(key, dto.id, dto.name, dto.role, dto.certificate_no, password)
    SessionService(app.ctx).password_set(officer.actor(), dto.id, "setup")
    return officer, key
