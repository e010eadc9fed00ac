"""As the attacker with the laptop's disk: an encrypted demo workspace holds none of the sample's personal data
nor the sync token in clear, in any byte of any file (the WAL included, while the app has it open)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from inspector_app.app import build_context
from inspector_app.storage import sqlcipher
from inspector_app.storage.db import transaction
from inspector_app.storage.vault import TEMP_PREFIX, _temp_base
from inspector_app.sync import account
from tests.demo_copy import demo_key, demo_workspace

TOKEN = "tok-" + "5f1c9e7a2b" * 4
# Files that name the officers in clear by design: the demo's password file (the demo's documented convenience) and
# the key slots, whose names, roles and 执法证号 the sign-in screen lists before any key is unlocked (README,
# "Stays plain"). Officers' names are checked in every other file.
OFFICER_LISTS = ("demo-passwords.txt", "slots.json")


def _forms(s: str) -> list[bytes]:
    """The ways a string can sit in a file: UTF-8, JSON-escaped, UTF-16."""
    out = {s.encode("utf-8"), s.encode("utf-16-le"), json.dumps(s)[1:-1].encode("ascii")}
    return sorted(out)


def _leaks(root: Path, needles: dict[str, list[bytes]], officer_names: set[str]) -> list[str]:
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for label, forms in needles.items():
            if path.name in OFFICER_LISTS and label in officer_names:
                continue
            if any(f in data for f in forms):
                found.append(f"{path.relative_to(root)}: {label}")
    return found


def _decrypted_dump(db: Path, workspace_key: bytes) -> str:
    """The store's rows as text, read with the key: what the needles are checked against, so the grep is never
    vacuous (a needle that is not in the demo's data at all would pass the byte-grep for the wrong reason)."""
    con = sqlcipher.connect(db, sqlcipher.db_key(workspace_key))
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(str(row) for t in tables for row in con.execute(f'SELECT * FROM "{t}"'))
    finally:
        con.close()


def test_encrypted_demo_workspace_has_no_personal_data_or_token_in_clear(
        tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    # `inspector demo`'s workspace as a user gets it (the run's one build, tests/demo_copy.py), opened with the key
    # its documented demo password unlocks
    ws = demo_workspace(tmp_path_factory, tmp_path / "demo")
    key = demo_key(ws)
    app = build_context(str(ws), workspace_key=key)
    try:
        with transaction(app.ctx.session_factory) as s:
            account.store_online(s, "https://sync.example.invalid", "chenmz", "演示口令-1",
                                 {"token": TOKEN, "user": {"id": "u1", "role": "officer", "teams": ["t1"]}})
        institutions = app.roster.institutions()
        officers = app.roster.officers()
        for iid in [i.id for i in app.queries.inspections()]:
            for ev in app.evidence.list(iid):
                if ev.kind == "photo":
                    app.evidence.display_path(ev.id)  # viewer copies in the cache, as the GUI makes them
        # (the notice's contact phone is not a needle: it lives only in the notice's PDF, inside compressed content
        # streams, where no byte-grep could see it even in a plain workspace)
        needles = {s: _forms(s) for s in ("37990219800101001X", "0537-4012000", "郑嘉禾", "ZY2026-0412", TOKEN)}
        for inst in institutions[:8]:
            needles.update({v: _forms(v) for v in (inst.legal_representative, inst.phone) if v})
        officer_names = {o.name for o in officers}
        needles.update({n: _forms(n) for n in officer_names})
        assert (ws / "inspector.sqlite3-wal").exists(), "the check must also cover the WAL of the open store"
        # every needle is in the demo's data, read with the key (the store's rows, the files' plain bytes)
        readable = [_decrypted_dump(ws / "inspector.sqlite3", key).encode("utf-8")] + [
            app.ctx.blobs.read_bytes(p.name) for p in (ws / "blobs").rglob("*") if p.is_file()]
        assert [label for label, forms in needles.items()
                if not any(f in data for f in forms for data in readable)] == []
        leaks = _leaks(ws, needles, officer_names)
        assert leaks == [], leaks
        temp = [p for p in Path(_temp_base()).glob(f"{TEMP_PREFIX}{os.getpid()}-*")]
        assert temp and all((p.stat().st_mode & 0o777) == 0o700 for p in temp)
    finally:
        app.close()
    assert _leaks(ws, needles, officer_names) == []
    assert sqlcipher.is_plain_file(ws / "inspector.sqlite3") is False
    assert not any(p.exists() for p in temp), "decrypted copies are wiped when the app closes"


def test_the_grep_sees_what_a_plain_store_holds(tmp_path: Path) -> None:
    """The byte-grep above would see the data: in a plain workspace the same values sit in the file in clear (SQLite
    keeps TEXT as UTF-8 in its pages), the WAL included."""
    from tests.conftest import make_roster

    ws = tmp_path / "plain"
    app = build_context(str(ws))
    try:
        roster = make_roster(app)
        with transaction(app.ctx.session_factory) as s:
            account.store_online(s, "https://sync.example.invalid", "chenmz", "演示口令-1",
                                 {"token": TOKEN, "user": {"id": "u1", "role": "officer", "teams": ["t1"]}})
        needles = {v: _forms(v) for v in ("林书远", roster["officers"][0].name, TOKEN)}
        found = {line.rsplit(": ", 1)[1] for line in _leaks(ws, needles, set())}
    finally:
        app.close()
    assert found == set(needles), found
