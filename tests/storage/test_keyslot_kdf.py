"""The password step of a key slot: Argon2id for new slots, older scrypt slots still opening and re-wrapped at
their next sign-in, and parameters a forged slot might ask for refused before any work."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from inspector_app.storage import keyslots as keyslots_module
from inspector_app.storage.keyslot_kdf import ARGON2ID, derive, outdated
from inspector_app.storage.keyslots import KeySlotError, KeySlots, OfficerSlot, WrongPasswordError
from tests.signin_helpers import recovery_pair


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[KeySlots, bytes]:
    s, key = KeySlots.create(tmp_path / "keys", recovery_pair()[1])
    s.add_officer(key, "o1", "陈明哲", "inspector", "测执00000", "inspector-pass-1")
    return s, key


def _scrypt_slot(s: KeySlots, key: bytes, officer_id: str, password: str) -> None:
    """A slot as the releases before 2026-12 wrote it (scrypt N=2^15, r=8, p=1), added to the file."""
    kdf = {"alg": "scrypt", "n": 2**15, "r": 8, "p": 1, "salt": base64.b64encode(os.urandom(16)).decode()}
    bare = OfficerSlot(officer_id, "许若溪", "team_lead", "测执00001", kdf)
    kek = hashlib.scrypt(password.encode(), salt=base64.b64decode(kdf["salt"]), n=2**15, r=8, p=1, dklen=32,
                         maxmem=64 * 1024 * 1024)
    nonce = os.urandom(12)
    wrapped = AESGCM(kek).encrypt(nonce, key, s._aad(bare))  # noqa: SLF001 - the file format itself
    data = json.loads(s.path.read_text(encoding="utf-8"))
    data["officers"].append({**bare.metadata(), "nonce": base64.b64encode(nonce).decode(),
                             "wrapped": base64.b64encode(wrapped).decode()})
    s.path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_new_slot_uses_argon2id_with_owasp_parameters(workspace) -> None:  # type: ignore[no-untyped-def]
    s, _key = workspace
    kdf = KeySlots.load(s.path.parent).slot("o1").kdf  # type: ignore[union-attr]
    assert {k: kdf[k] for k in ("alg", "m", "t", "p")} == {"alg": "argon2id", "m": 47104, "t": 1, "p": 1}
    assert len(base64.b64decode(kdf["salt"])) == 16
    assert not outdated(kdf)
    # two slots never share a salt, and the same password gives different keys under different salts
    s.add_officer(_key, "o2", "韩景行", "inspector", "测执00002", "inspector-pass-1")
    again = KeySlots.load(s.path.parent)
    assert again.slot("o1").kdf["salt"] != again.slot("o2").kdf["salt"]  # type: ignore[union-attr]


def test_an_older_scrypt_slot_opens_and_is_rewrapped_once(workspace) -> None:  # type: ignore[no-untyped-def]
    s, key = workspace
    _scrypt_slot(s, key, "o2", "lead-pass-2")
    before = json.loads(s.path.read_text(encoding="utf-8"))
    with pytest.raises(WrongPasswordError):  # a wrong password changes nothing
        KeySlots.load(s.path.parent).unlock("o2", "lead-pass-3")
    assert json.loads(s.path.read_text(encoding="utf-8")) == before
    assert KeySlots.load(s.path.parent).unlock("o2", "lead-pass-2") == key
    after = json.loads(s.path.read_text(encoding="utf-8"))
    slot = next(o for o in after["officers"] if o["officer_id"] == "o2")
    assert slot["kdf"]["alg"] == "argon2id" and {k: slot[k] for k in ("name", "role", "certificate_no")} == {
        "name": "许若溪", "role": "team_lead", "certificate_no": "测执00001"}
    assert next(o for o in after["officers"] if o["officer_id"] == "o1") == before["officers"][0]
    assert after["recovery"] == before["recovery"] and after["key_check"] == before["key_check"]
    assert KeySlots.load(s.path.parent).unlock("o2", "lead-pass-2") == key
    assert json.loads(s.path.read_text(encoding="utf-8")) == after  # nothing more to upgrade


def test_an_upgrade_that_cannot_be_written_keeps_the_old_slot(workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    s, key = workspace
    _scrypt_slot(s, key, "o2", "lead-pass-2")
    before = s.path.read_bytes()

    def full_disk(*_a, **_k):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(keyslots_module, "write_bytes", full_disk)
    assert KeySlots.load(s.path.parent).unlock("o2", "lead-pass-2") == key  # the sign-in goes on
    assert s.path.read_bytes() == before


@pytest.mark.parametrize("kdf,code", [
    ({"alg": "argon2id", "m": 1 << 30, "t": 1, "p": 1}, "keyslot.kdf_out_of_bounds"),
    ({"alg": "argon2id", "m": 47104, "t": 10_000, "p": 1}, "keyslot.kdf_out_of_bounds"),
    ({"alg": "argon2id", "m": 1024, "t": 1, "p": 1}, "keyslot.kdf_out_of_bounds"),
    ({"alg": "scrypt", "n": 1 << 30, "r": 8, "p": 1}, "keyslot.kdf_out_of_bounds"),
    ({"alg": "scrypt", "n": 1 << 15, "r": 16, "p": 1}, "keyslot.kdf_out_of_bounds"),
    ({"alg": "scrypt", "n": 1 << 15, "r": 8, "p": 4}, "keyslot.kdf_out_of_bounds"),
    ({"alg": "argon2id", "m": 47104, "t": 1, "p": 16}, "keyslot.kdf_out_of_bounds"),
    ({"alg": "pbkdf2", "iterations": 1}, "keyslot.unsupported_kdf"),
    ({"alg": "argon2id", "m": "lots", "t": 1, "p": 1}, "keyslot.wrong_password"),
])
def test_forged_parameters_are_refused_before_any_work(workspace, kdf, code) -> None:  # type: ignore[no-untyped-def]
    s, _key = workspace
    data = json.loads(s.path.read_text(encoding="utf-8"))
    data["officers"][0]["kdf"] = {**kdf, "salt": data["officers"][0]["kdf"]["salt"]}
    s.path.write_text(json.dumps(data), encoding="utf-8")
    started = time.process_time()
    with pytest.raises(KeySlotError) as raised:
        KeySlots.load(s.path.parent).unlock("o1", "inspector-pass-1")
    assert raised.value.code == code
    assert time.process_time() - started < 0.5  # no gigabyte allocated, no ten thousand passes


def test_derive_is_deterministic_and_salted() -> None:
    salt_a, salt_b = base64.b64encode(b"a" * 16).decode(), base64.b64encode(b"b" * 16).decode()
    a = derive("same password", {**ARGON2ID, "salt": salt_a})
    assert a == derive("same password", {**ARGON2ID, "salt": salt_a}) and len(a) == 32
    assert a != derive("same password", {**ARGON2ID, "salt": salt_b})
    assert a != derive("same passwore", {**ARGON2ID, "salt": salt_a})
    assert outdated({"alg": "scrypt", "n": 2**15, "r": 8, "p": 1}) and outdated({**ARGON2ID, "m": 19456})


def test_an_upgrade_keeps_slots_another_process_added_meanwhile(workspace) -> None:  # type: ignore[no-untyped-def]
    """The sign-in's object loaded the file before `inspector keys add` (another process) added a slot: the
    re-wrap reads the file again and keeps it."""
    s, key = workspace
    _scrypt_slot(s, key, "o2", "lead-pass-2")
    signing_in = KeySlots.load(s.path.parent)
    KeySlots.load(s.path.parent).add_officer(key, "o3", "韩景行", "inspector", "测执00002", "added-meanwhile-3")
    assert signing_in.unlock("o2", "lead-pass-2") == key
    after = KeySlots.load(s.path.parent)
    assert {o.officer_id for o in after.officers} == {"o1", "o2", "o3"}
    assert after.slot("o2").kdf["alg"] == "argon2id"  # type: ignore[union-attr]
    assert after.unlock("o3", "added-meanwhile-3") == key


def test_no_upgrade_over_a_slot_that_changed_meanwhile(workspace) -> None:  # type: ignore[no-untyped-def]
    s, key = workspace
    _scrypt_slot(s, key, "o2", "lead-pass-2")
    signing_in = KeySlots.load(s.path.parent)
    KeySlots.load(s.path.parent).change_password("o2", "lead-pass-2", "changed-elsewhere-2")
    assert signing_in.unlock("o2", "lead-pass-2") == key  # it had the old slot in memory
    assert KeySlots.load(s.path.parent).unlock("o2", "changed-elsewhere-2") == key  # the newer password stays


def test_an_upgrade_that_fails_in_any_way_still_signs_in(workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The password was right: an error while re-wrapping (here OpenSSL's) must not refuse the sign-in, now or
    at the next one."""
    from cryptography.exceptions import InternalError

    s, key = workspace
    _scrypt_slot(s, key, "o2", "lead-pass-2")
    before = s.path.read_bytes()

    def broken(*_a, **_k):  # type: ignore[no-untyped-def]
        raise InternalError("EVP_KDF_derive failed", [])
    monkeypatch.setattr(keyslots_module, "new_parameters", broken)
    for _ in range(2):
        assert KeySlots.load(s.path.parent).unlock("o2", "lead-pass-2") == key
    assert s.path.read_bytes() == before


def test_a_slots_file_owned_by_someone_else_is_not_rewritten(workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """After a `sudo inspector …` the re-written file would be root's and unreadable for the officer: no
    re-wrap when the file is not the process's own."""
    s, key = workspace
    _scrypt_slot(s, key, "o2", "lead-pass-2")
    before = s.path.read_bytes()
    monkeypatch.setattr(keyslots_module.os, "geteuid", lambda: s.path.stat().st_uid + 1, raising=False)
    assert KeySlots.load(s.path.parent).unlock("o2", "lead-pass-2") == key
    assert s.path.read_bytes() == before


def test_adding_and_removing_slots_keeps_what_another_process_changed(workspace) -> None:  # type: ignore[no-untyped-def]
    s, key = workspace
    stale = KeySlots.load(s.path.parent)
    KeySlots.load(s.path.parent).add_officer(key, "o3", "韩景行", "inspector", "测执00002", "added-meanwhile-3")
    stale.add_officer(key, "o4", "周立言", "inspector", "测执00003", "added-by-stale-4")
    assert {o.officer_id for o in KeySlots.load(s.path.parent).officers} == {"o1", "o3", "o4"}
    stale2 = KeySlots.load(s.path.parent)
    KeySlots.load(s.path.parent).add_officer(key, "o5", "吴若水", "inspector", "测执00004", "added-meanwhile-5")
    stale2.remove_officer("o3")
    assert {o.officer_id for o in KeySlots.load(s.path.parent).officers} == {"o1", "o4", "o5"}
