"""Key slots: one random 32-byte workspace key, wrapped once per officer password and once for the agency's
recovery public key (the LUKS / age pattern). `<workspace>/keys/slots.json` holds them.

Why this shape:
- The workspace key encrypts the database and the files (SQLCipher / AES-GCM elsewhere). Changing a password
  re-wraps one slot and never touches the data; a departed officer's slot is simply removed.
- Password slot: KEK = Argon2id(password, salt, m, t, p) with the parameters stored in the slot (older slots:
  scrypt, re-wrapped at their next sign-in; `keyslot_kdf.py` says why), then AES-256-GCM over the workspace
  key. The associated data is the slot's metadata (officer id, name, role, 执法证号, KDF parameters) plus the
  workspace id, so a slot cannot be relabelled (e.g. an inspector's slot renamed to a team lead's) or moved to
  another workspace without the unwrap failing. Verifying a password *is* unwrapping its slot:
  there is no separate verifier to attack offline.
- Recovery slot: RSA-OAEP-3072 (SHA-256) to the agency's recovery public key, with the workspace id as the OAEP
  label. The private key never comes near the laptop except to run `inspector keys recover`.
- The metadata is readable before unlocking on purpose: the sign-in screen lists who can sign in.
- The file is written temp → fsync → rename, mode 0600; the workspace key itself never touches the disk in clear.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from inspector_app.domain.errors import QT_TRANSLATE_NOOP
from inspector_app.fileio import exclusive_lock
from inspector_app.storage.atomic import write_bytes
# The errors are defined beside the KDF (which raises them) and re-exported: callers know them from here.
from inspector_app.storage.keyslot_kdf import KeySlotError as KeySlotError
from inspector_app.storage.keyslot_kdf import WrongPasswordError as WrongPasswordError
from inspector_app.storage.keyslot_kdf import derive, new_parameters, outdated
from inspector_app.storage.keyslot_kdf import b64 as _b64
from inspector_app.storage.keyslot_kdf import unb64 as _unb64

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

# The sign-in screen loads this module before its first window and only unwraps a password slot (Argon2id, AES-GCM).
# The RSA and PEM parts of `cryptography` (the recovery slot: creating a workspace key, recovering it) are imported
# where they are used: ≈ 30 ms of CPU the first window and the password check do not need.

FORMAT = 1
KEY_BYTES = 32
SLOTS_FILE = "slots.json"
LOCK_FILE = ".slots.lock"  # held while the file is read again and replaced (`_replace`)
ROLES = ("inspector", "team_lead")
RECOVERY_ALG = "RSA-OAEP-3072-SHA256"
MIN_PASSWORD = 8


@dataclass(frozen=True, slots=True)
class OfficerSlot:
    officer_id: str
    name: str
    role: str
    certificate_no: str
    kdf: dict[str, Any] = field(default_factory=dict)
    nonce: str = ""
    wrapped: str = ""

    def metadata(self) -> dict[str, Any]:
        return {"officer_id": self.officer_id, "name": self.name, "role": self.role,
                "certificate_no": self.certificate_no, "kdf": self.kdf}


def password_problem(password: str) -> KeySlotError | None:
    """The error to show (or raise) when the password is too short, else None."""
    if len(password) < MIN_PASSWORD:
        return KeySlotError("keyslot.password_too_short", QT_TRANSLATE_NOOP(
            "Errors", "The password needs at least {minimum} characters."), minimum=MIN_PASSWORD)
    return None


def load_recovery_public_key(pem: bytes) -> rsa.RSAPublicKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    try:
        key = serialization.load_pem_public_key(pem)
    except ValueError as exc:
        raise KeySlotError("keyslot.recovery_public_unreadable", QT_TRANSLATE_NOOP(
            "Errors", "The recovery public key cannot be read (it must be an RSA public key in PEM format): "
                      "{detail}"), detail=str(exc)) from exc
    if not isinstance(key, rsa.RSAPublicKey) or key.key_size < 3072:
        raise KeySlotError("keyslot.recovery_public_weak", QT_TRANSLATE_NOOP(
            "Errors", "The recovery public key must be an RSA key of at least 3072 bits."))
    return key


def load_recovery_private_key(pem: bytes, password: bytes | None = None) -> rsa.RSAPrivateKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    try:
        key = serialization.load_pem_private_key(pem, password=password)
    except (ValueError, TypeError) as exc:
        raise KeySlotError("keyslot.recovery_private_unreadable", QT_TRANSLATE_NOOP(
            "Errors", "The recovery private key cannot be read: {detail}"), detail=str(exc)) from exc
    if not isinstance(key, rsa.RSAPrivateKey):
        raise KeySlotError("keyslot.recovery_private_not_rsa", QT_TRANSLATE_NOOP(
            "Errors", "The recovery private key must be an RSA private key."))
    return key


def generate_recovery_key_pair() -> tuple[bytes, bytes]:
    """(private PEM, public PEM). For the demo and tests; an agency makes its own and keeps the private key offline."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    private = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    priv_pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                     serialization.NoEncryption())
    pub_pem = private.public_key().public_bytes(serialization.Encoding.PEM,
                                                serialization.PublicFormat.SubjectPublicKeyInfo)
    return priv_pem, pub_pem


def key_check(key: bytes, workspace_id: str) -> str:
    return hmac.new(key, b"inspector-workspace-key-check:" + workspace_id.encode("ascii"), "sha256").hexdigest()


def _oaep(workspace_id: str) -> padding.OAEP:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    return padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(),
                        label=workspace_id.encode("ascii"))


class KeySlots:
    """The slots of one workspace. Methods that change slots rewrite the whole file atomically."""

    def __init__(self, path: Path, workspace_id: str, key_check: str, officers: list[OfficerSlot],
                 recovery: dict[str, Any]):
        self.path = path
        self.workspace_id = workspace_id
        self.key_check = key_check
        self.officers = officers
        self.recovery = recovery

    # ------------------------------------------------------------------ files

    @staticmethod
    def file(keys_dir: Path) -> Path:
        return keys_dir / SLOTS_FILE

    @classmethod
    def exists(cls, keys_dir: Path) -> bool:
        return cls.file(keys_dir).is_file()

    @classmethod
    def create(cls, keys_dir: Path, recovery_public_pem: bytes) -> tuple["KeySlots", bytes]:
        """A new workspace key with its recovery slot; officers' slots are added with `add_officer`."""
        import secrets
        import uuid

        from cryptography.hazmat.primitives import serialization

        path = cls.file(keys_dir)
        if path.exists():
            raise KeySlotError("keyslot.key_exists", QT_TRANSLATE_NOOP(
                "Errors", "The workspace key already exists: {path}"), path=str(path))
        public = load_recovery_public_key(recovery_public_pem)
        key = secrets.token_bytes(KEY_BYTES)
        workspace_id = str(uuid.uuid4())
        der = public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
        recovery = {"alg": RECOVERY_ALG, "public_key_sha256": hashlib.sha256(der).hexdigest(),
                    "wrapped": _b64(public.encrypt(key, _oaep(workspace_id)))}
        slots = cls(path, workspace_id, key_check(key, workspace_id), [], recovery)
        keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        slots.save()
        return slots, key

    @classmethod
    def load(cls, keys_dir: Path) -> "KeySlots":
        path = cls.file(keys_dir)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise KeySlotError("keyslot.no_slots_file", QT_TRANSLATE_NOOP(
                "Errors", "The workspace has no key slot file: {path}"), path=str(path)) from exc
        except (OSError, ValueError) as exc:
            raise KeySlotError("keyslot.slots_unreadable", QT_TRANSLATE_NOOP(
                "Errors", "The key slot file cannot be read: {path}: {detail}"), path=str(path),
                detail=str(exc)) from exc
        try:
            if raw.get("format") != FORMAT:
                raise KeySlotError("keyslot.unsupported_format", QT_TRANSLATE_NOOP(
                    "Errors", "Unsupported key slot file version: {format} ({path})"),
                    format=str(raw.get("format")), path=str(path))
            officers = [OfficerSlot(**{k: s[k] for k in ("officer_id", "name", "role", "certificate_no", "kdf",
                                                            "nonce", "wrapped")}) for s in raw["officers"]]
            return cls(path, str(raw["workspace_id"]), str(raw["key_check"]), officers, dict(raw["recovery"]))
        except (KeyError, TypeError, AttributeError) as exc:
            raise KeySlotError("keyslot.malformed", QT_TRANSLATE_NOOP(
                "Errors", "The key slot file is malformed: {path}: {detail} is missing"), path=str(path),
                detail=str(exc)) from exc

    def save(self) -> None:
        data = {"format": FORMAT, "workspace_id": self.workspace_id, "key_check": self.key_check,
                "officers": [asdict(s) for s in self.officers], "recovery": self.recovery}
        write_bytes(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"), mode=0o600)

    # ------------------------------------------------------------------ officers

    def slot(self, officer_id: str) -> OfficerSlot | None:
        return next((s for s in self.officers if s.officer_id == officer_id), None)

    def find(self, name_or_id: str) -> OfficerSlot:
        matches = [s for s in self.officers if name_or_id in (s.officer_id, s.name, s.certificate_no)]
        if not matches:
            raise KeySlotError("keyslot.unknown_officer", QT_TRANSLATE_NOOP(
                "Errors", "{who} has no sign-in password on this computer (who can sign in: {names})."),
                who=name_or_id, names=", ".join(s.name for s in self.officers) or "-")
        if len(matches) > 1:
            raise KeySlotError("keyslot.ambiguous_officer", QT_TRANSLATE_NOOP(
                "Errors", "Several officers are named {who}; use the certificate number instead."), who=name_or_id)
        return matches[0]

    def _aad(self, slot: OfficerSlot) -> bytes:
        meta = {"workspace_id": self.workspace_id, **slot.metadata()}
        return json.dumps(meta, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")

    def _wrap(self, key: bytes, officer_id: str, name: str, role: str, certificate_no: str,
              password: str) -> OfficerSlot:
        if role not in ROLES:
            raise KeySlotError("keyslot.bad_role", QT_TRANSLATE_NOOP(
                "Errors", "The role must be {roles}: {role}"), roles=" / ".join(ROLES), role=role)
        problem = password_problem(password)
        if problem:
            raise problem
        kdf = new_parameters()
        bare = OfficerSlot(officer_id, name, role, certificate_no, kdf)
        nonce = os.urandom(12)
        wrapped = AESGCM(derive(password, kdf)).encrypt(nonce, key, self._aad(bare))
        return OfficerSlot(officer_id, name, role, certificate_no, kdf, _b64(nonce), _b64(wrapped))

    def unlock(self, officer_id: str, password: str, upgrade: bool = True) -> bytes:
        """The workspace key, or WrongPasswordError. A tampered or relabelled slot fails the same way.

        A slot with older KDF parameters that opens is re-wrapped with the current ones (`upgrade`), once: the
        password is at hand only now. If that write fails (a read-only disk) the old slot stays and still opens."""
        slot = self.slot(officer_id)
        if slot is None:
            raise KeySlotError("keyslot.no_slot", QT_TRANSLATE_NOOP(
                "Errors", "This officer has no sign-in password on this computer."))
        try:
            key = AESGCM(derive(password, slot.kdf)).decrypt(_unb64(slot.nonce), _unb64(slot.wrapped),
                                                             self._aad(slot))
        except (InvalidTag, ValueError, KeyError, TypeError) as exc:
            raise WrongPasswordError() from exc
        if len(key) != KEY_BYTES:
            raise WrongPasswordError()
        self.check_key(key)
        if upgrade and outdated(slot.kdf):
            self._upgrade(key, slot, password)
        return key

    def _upgrade(self, key: bytes, slot: OfficerSlot, password: str) -> None:
        """Re-wrap one slot with the current KDF, best effort: the password was right, so nothing here may fail
        the sign-in. Not when someone else owns the file (a `sudo inspector …` would leave it root's, unreadable
        for the officer), and not if the slot changed on disk since this object loaded it (`_replace`)."""
        try:
            if hasattr(os, "geteuid") and self.path.stat().st_uid != os.geteuid():
                return
            new = self._wrap(key, slot.officer_id, slot.name, slot.role, slot.certificate_no, password)
            self._replace(slot.officer_id, new, expect=slot)
        except Exception as exc:  # noqa: BLE001 - a full disk, a too-short old password, an OpenSSL error…
            log.warning("key slot of %s kept with its older KDF parameters: %s", slot.officer_id,
                        getattr(exc, "code", type(exc).__name__))

    def _replace(self, officer_id: str, new: OfficerSlot | None, expect: OfficerSlot | None = None) -> bool:
        """Put `new` in the place of the officer's slot (appended if there was none; None removes it) and save.
        Under the slots' lock the file is read again first: another process (`inspector keys …`, a sign-in
        re-wrapping its slot) may have changed other slots since this object loaded it, and none of that may be
        lost. With `expect`, nothing is done (False) unless the officer's slot on disk is still `expect`."""
        with exclusive_lock(self.path.parent / LOCK_FILE):
            current = KeySlots.load(self.path.parent)
            if current.workspace_id != self.workspace_id:
                raise KeySlotError("keyslot.workspace_replaced", QT_TRANSLATE_NOOP(
                    "Errors", "The key slot file now belongs to another workspace: {path}"), path=str(self.path))
            if expect is not None and current.slot(officer_id) != expect:
                return False
            if new is None:
                current.officers = [s for s in current.officers if s.officer_id != officer_id]
            elif current.slot(officer_id) is None:
                current.officers = [*current.officers, new]
            else:
                current.officers = [new if s.officer_id == officer_id else s for s in current.officers]
            current.save()
            self.officers = current.officers
            return True

    def check_key(self, key: bytes) -> None:
        """A key given to add a slot must be this workspace's: otherwise a slot would wrap a key that opens
        nothing. The check value is an HMAC under the (random, 256-bit) key, so it reveals nothing about it."""
        if len(key) != KEY_BYTES or not hmac.compare_digest(key_check(key, self.workspace_id), self.key_check):
            raise KeySlotError("keyslot.foreign_key", QT_TRANSLATE_NOOP(
                "Errors", "This key is not the key of this workspace."))

    def add_officer(self, key: bytes, officer_id: str, name: str, role: str, certificate_no: str,
                    password: str) -> OfficerSlot:
        """Add (or replace) the officer's slot; `key` comes from a sign-in, the recovery key or creation."""
        self.check_key(key)
        slot = self._wrap(key, officer_id, name, role, certificate_no, password)
        self._replace(officer_id, slot)
        return slot

    def change_password(self, officer_id: str, old_password: str, new_password: str) -> None:
        """Re-wrap only this officer's slot."""
        key = self.unlock(officer_id, old_password, upgrade=False)  # re-wrapped below anyway
        slot = self.slot(officer_id)
        assert slot is not None
        self.add_officer(key, slot.officer_id, slot.name, slot.role, slot.certificate_no, new_password)

    def remove_officer(self, officer_id: str) -> None:
        if self.slot(officer_id) is None:
            raise KeySlotError("keyslot.no_slot", QT_TRANSLATE_NOOP(
                "Errors", "This officer has no sign-in password on this computer."))
        self._replace(officer_id, None)

    # ------------------------------------------------------------------ recovery

    def recover(self, private_pem: bytes, pem_password: bytes | None = None) -> bytes:
        """The workspace key from the agency's recovery private key."""
        from cryptography.hazmat.primitives import serialization

        private = load_recovery_private_key(private_pem, pem_password)
        der = private.public_key().public_bytes(serialization.Encoding.DER,
                                                serialization.PublicFormat.SubjectPublicKeyInfo)
        if hashlib.sha256(der).hexdigest() != self.recovery.get("public_key_sha256"):
            raise KeySlotError("keyslot.recovery_mismatch", QT_TRANSLATE_NOOP(
                "Errors", "This recovery private key does not match the workspace's recovery public key."))
        try:
            key = private.decrypt(_unb64(self.recovery["wrapped"]), _oaep(self.workspace_id))
        except (ValueError, KeyError) as exc:
            raise KeySlotError("keyslot.recovery_damaged", QT_TRANSLATE_NOOP(
                "Errors", "The recovery slot is damaged or was tampered with.")) from exc
        if len(key) != KEY_BYTES:
            raise KeySlotError("keyslot.recovery_damaged", QT_TRANSLATE_NOOP(
                "Errors", "The recovery slot is damaged or was tampered with."))
        self.check_key(key)
        return key
