"""Key slots as an attacker or an unlucky user meets them: wrong passwords, tampered and relabelled slots,
lost passwords restored with the agency's recovery key, owner-only file."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from inspector_app.storage.keyslots import KeySlotError, KeySlots, WrongPasswordError, generate_recovery_key_pair


@pytest.fixture(scope="module")
def recovery_pair() -> tuple[bytes, bytes]:
    return generate_recovery_key_pair()


@pytest.fixture
def slots(tmp_path: Path, recovery_pair: tuple[bytes, bytes]) -> tuple[KeySlots, bytes]:
    s, key = KeySlots.create(tmp_path / "keys", recovery_pair[1])
    s.add_officer(key, "o1", "陈明哲", "inspector", "测执00000", "inspector-pass-1")
    s.add_officer(key, "o2", "许若溪", "team_lead", "测执00001", "lead-pass-2")
    return s, key


def test_right_password_unlocks_the_workspace_key(slots) -> None:  # type: ignore[no-untyped-def]
    s, key = slots
    again = KeySlots.load(s.path.parent)
    assert len(key) == 32
    assert again.unlock("o1", "inspector-pass-1") == key
    assert again.unlock("o2", "lead-pass-2") == key
    # the metadata for the sign-in screen is readable before unlocking
    assert [(o.name, o.role, o.certificate_no) for o in again.officers] == [
        ("陈明哲", "inspector", "测执00000"), ("许若溪", "team_lead", "测执00001")]


def test_wrong_password_cannot_unlock(slots) -> None:  # type: ignore[no-untyped-def]
    s, _key = slots
    for wrong in ("inspector-pass-2", "", "INSPECTOR-PASS-1", "lead-pass-2"):
        with pytest.raises(WrongPasswordError):
            s.unlock("o1", wrong)


def test_file_is_owner_only_and_holds_no_key_in_clear(slots) -> None:  # type: ignore[no-untyped-def]
    s, key = slots
    assert stat.S_IMODE(s.path.stat().st_mode) == 0o600
    raw = s.path.read_bytes()
    assert key not in raw and key.hex().encode() not in raw
    assert b"inspector-pass-1" not in raw


def _edit(path: Path, fn) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(path.read_text(encoding="utf-8"))
    fn(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("field,value", [("role", "team_lead"), ("name", "韩景行"), ("officer_id", "o9"),
                                         ("certificate_no", "测执99999")])
def test_relabelled_slot_fails_to_unlock(slots, field, value) -> None:  # type: ignore[no-untyped-def]
    """An inspector's slot relabelled as someone else (e.g. promoted to team lead) no longer opens."""
    s, _key = slots
    _edit(s.path, lambda d: d["officers"][0].__setitem__(field, value))
    tampered = KeySlots.load(s.path.parent)
    with pytest.raises(WrongPasswordError):
        tampered.unlock(tampered.officers[0].officer_id, "inspector-pass-1")


def test_tampered_ciphertext_or_weakened_kdf_fails(slots) -> None:  # type: ignore[no-untyped-def]
    s, _key = slots

    def flip(d):  # type: ignore[no-untyped-def]
        w = bytearray(__import__("base64").b64decode(d["officers"][0]["wrapped"]))
        w[3] ^= 1
        d["officers"][0]["wrapped"] = __import__("base64").b64encode(bytes(w)).decode()
    _edit(s.path, flip)
    with pytest.raises(WrongPasswordError):
        KeySlots.load(s.path.parent).unlock("o1", "inspector-pass-1")
    # the KDF parameters are authenticated: a slot edited to ask for less memory no longer opens
    _edit(s.path, lambda d: d["officers"][1]["kdf"].__setitem__("m", 8192))
    with pytest.raises(WrongPasswordError):
        KeySlots.load(s.path.parent).unlock("o2", "lead-pass-2")


def test_slot_moved_to_another_workspace_fails(tmp_path, slots, recovery_pair) -> None:  # type: ignore[no-untyped-def]
    s, _key = slots
    other, _ = KeySlots.create(tmp_path / "other", recovery_pair[1])
    data = json.loads(other.path.read_text())
    data["officers"] = json.loads(s.path.read_text())["officers"]
    other.path.write_text(json.dumps(data))
    with pytest.raises(WrongPasswordError):
        KeySlots.load(other.path.parent).unlock("o1", "inspector-pass-1")


def test_change_password_rewraps_only_that_slot(slots) -> None:  # type: ignore[no-untyped-def]
    s, key = slots
    before = json.loads(s.path.read_text())
    s.change_password("o1", "inspector-pass-1", "a-new-password")
    after = json.loads(s.path.read_text())
    assert after["officers"][1] == before["officers"][1] or after["officers"][0] == before["officers"][1]
    assert after["recovery"] == before["recovery"]
    with pytest.raises(WrongPasswordError):
        s.unlock("o1", "inspector-pass-1")
    assert KeySlots.load(s.path.parent).unlock("o1", "a-new-password") == key
    with pytest.raises(WrongPasswordError):
        s.change_password("o2", "not-the-password", "whatever-123")


def test_short_password_and_foreign_key_refused(slots) -> None:  # type: ignore[no-untyped-def]
    s, key = slots
    with pytest.raises(KeySlotError) as raised:
        s.add_officer(key, "o3", "韩景行", "inspector", "测执00002", "short")
    assert raised.value.code == "keyslot.password_too_short"
    with pytest.raises(KeySlotError) as raised:
        s.add_officer(bytes(32), "o3", "韩景行", "inspector", "测执00002", "long-enough-1")
    assert raised.value.code == "keyslot.foreign_key"
    with pytest.raises(KeySlotError) as raised:
        s.add_officer(key, "o3", "韩景行", "admin", "测执00002", "long-enough-1")
    assert raised.value.code == "keyslot.bad_role"
    assert s.slot("o3") is None


def test_remove_officer(slots) -> None:  # type: ignore[no-untyped-def]
    s, _key = slots
    s.remove_officer("o1")
    again = KeySlots.load(s.path.parent)
    assert [o.officer_id for o in again.officers] == ["o2"]
    with pytest.raises(KeySlotError):
        again.unlock("o1", "inspector-pass-1")


def test_recovery_key_restores_a_workspace_whose_passwords_are_all_lost(slots, recovery_pair) -> None:  # type: ignore[no-untyped-def]
    s, key = slots
    recovered = KeySlots.load(s.path.parent).recover(recovery_pair[0])
    assert recovered == key
    s.add_officer(recovered, "o1", "陈明哲", "inspector", "测执00000", "restored-pass-1")
    assert KeySlots.load(s.path.parent).unlock("o1", "restored-pass-1") == key


def test_wrong_recovery_key_or_tampered_recovery_slot_refused(slots, recovery_pair) -> None:  # type: ignore[no-untyped-def]
    s, _key = slots
    other_private, _ = generate_recovery_key_pair()
    with pytest.raises(KeySlotError) as raised:
        s.recover(other_private)
    assert raised.value.code == "keyslot.recovery_mismatch"
    with pytest.raises(KeySlotError) as raised:
        s.recover(b"-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n")
    assert raised.value.code == "keyslot.recovery_private_unreadable"
    _edit(s.path, lambda d: d.__setitem__("workspace_id", "00000000-0000-0000-0000-000000000000"))
    with pytest.raises(KeySlotError):
        KeySlots.load(s.path.parent).recover(recovery_pair[0])


def test_bad_files_give_a_clear_error(tmp_path, recovery_pair) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KeySlotError) as raised:
        KeySlots.load(tmp_path)
    assert raised.value.code == "keyslot.no_slots_file"
    (tmp_path / "slots.json").write_text("{not json")
    with pytest.raises(KeySlotError) as raised:
        KeySlots.load(tmp_path)
    assert raised.value.code == "keyslot.slots_unreadable"
    (tmp_path / "slots.json").write_text(json.dumps({"format": 1, "workspace_id": "x"}))
    with pytest.raises(KeySlotError) as raised:
        KeySlots.load(tmp_path)
    assert raised.value.code == "keyslot.malformed"
    with pytest.raises(KeySlotError) as raised:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        small = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        KeySlots.create(tmp_path / "k2", small)
    assert raised.value.code == "keyslot.recovery_public_weak"
    with pytest.raises(KeySlotError) as raised:
        KeySlots.create(tmp_path, recovery_pair[1])
    assert raised.value.code == "keyslot.key_exists"
