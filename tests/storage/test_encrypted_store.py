"""The encrypted store: SQLCipher with WAL + synchronous=FULL, a wrong key refused untouched, migration backups
encrypted; sealed files detect tampering, truncation and reordering and stream in bounded memory."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest
from sqlalchemy import text

from inspector_app.app import build_context
from inspector_app.storage import sqlcipher
from inspector_app.storage.blob_store import BlobStore
from inspector_app.storage.migrate import known_revisions, open_database
from inspector_app.storage.sealed import CHUNK, HEADER, TAG, SealedFileError, SealReader, SealWriter, seal_bytes
from inspector_app.storage.sqlcipher import EncryptedDatabaseError, WrongKeyError, db_key
from inspector_app.storage.vault import FileVault


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_encrypted_database_keeps_wal_full_sync_and_refuses_a_wrong_key_untouched(tmp_path: Path, mini_forms) -> None:  # type: ignore[no-untyped-def]
    key = os.urandom(32)
    app = build_context(str(tmp_path / "ws"), workspace_key=key)
    try:
        with app.engine.connect() as conn:
            pragmas = {p: conn.execute(text(f"PRAGMA {p}")).scalar()
                       for p in ("journal_mode", "synchronous", "foreign_keys", "temp_store")}
        assert pragmas == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "temp_store": 2}
    finally:
        app.close()
    db = tmp_path / "ws" / "inspector.sqlite3"
    assert sqlcipher.is_plain_file(db) is False
    before = digest(db)
    with pytest.raises(WrongKeyError) as refused:
        build_context(str(tmp_path / "ws"), workspace_key=os.urandom(32))
    assert refused.value.code == "database.wrong_key"
    with pytest.raises(EncryptedDatabaseError) as refused_plain:
        build_context(str(tmp_path / "ws"))
    assert refused_plain.value.code == "database.encrypted_or_foreign"
    assert digest(db) == before
    assert sorted(p.name for p in db.parent.iterdir() if p.name.startswith("inspector.sqlite3")) == \
        ["inspector.sqlite3"]  # no -wal or -shm created by the refused opens


def test_migration_backup_is_encrypted_with_the_same_key(tmp_path: Path) -> None:
    revisions = sorted(known_revisions())
    key = db_key(os.urandom(32))
    db = tmp_path / "db.sqlite3"
    open_database(db, tmp_path / "b", target=revisions[-2], key=key).engine.dispose()
    result = open_database(db, tmp_path / "b", key=key)
    result.engine.dispose()
    assert result.backup is not None and sqlcipher.is_plain_file(result.backup) is False
    con = sqlcipher.connect(result.backup, key, readonly=True)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == revisions[-2]
    con.close()


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17])
def test_sealed_format_round_trip_and_seek(size: int) -> None:
    key = os.urandom(32)
    data = os.urandom(size)
    reader = SealReader(io.BytesIO(seal_bytes(data, key)), key)
    assert reader.size == size and reader.read() == data
    reader.seek(size // 2)
    assert reader.read(100) == data[size // 2: size // 2 + 100]


def _sealed(n_chunks: int, key: bytes) -> bytes:
    return seal_bytes(os.urandom(CHUNK * n_chunks - 5), key)


def test_sealed_files_refuse_tampering_truncation_reordering_and_another_key() -> None:
    key = os.urandom(32)
    sealed = _sealed(3, key)
    flipped = bytearray(sealed)
    flipped[HEADER + 10] ^= 1
    step = CHUNK + TAG
    first, second = sealed[HEADER: HEADER + step], sealed[HEADER + step: HEADER + 2 * step]
    swapped = sealed[:HEADER] + second + first + sealed[HEADER + 2 * step:]
    for bad in (bytes(flipped), sealed[: HEADER + 2 * step], sealed[:-1], swapped):
        with pytest.raises(SealedFileError):
            SealReader(io.BytesIO(bad), key).read()
    with pytest.raises(SealedFileError):
        SealReader(io.BytesIO(sealed), os.urandom(32)).read()


def test_a_large_file_streams_through_the_blob_store_in_bounded_memory(tmp_path: Path) -> None:
    import tracemalloc

    source = tmp_path / "video.mp4"
    with open(source, "wb") as f:
        for _ in range(48):
            f.write(os.urandom(1 << 20))
    store = BlobStore(tmp_path / "blobs", FileVault(os.urandom(32)))
    tracemalloc.start()
    stored = store.put_file(source)
    digest_ = hashlib.sha256()
    with store.open(stored.sha256) as f:
        while chunk := f.read(1 << 20):
            digest_.update(chunk)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert digest_.hexdigest() == stored.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert store.size(stored.sha256) == 48 << 20 and store.verify(stored.sha256)
    assert peak < 8 << 20, f"peak {peak / 1e6:.1f} MB for a 48 MB file"
    assert not stored.path.read_bytes()[:HEADER].startswith(b"\x00\x00\x00")  # sealed header, not the MP4 bytes
    with open(stored.path, "r+b") as f:  # damage on disk: verify says so, a read refuses
        f.seek(HEADER + 5 * (CHUNK + TAG) + 3)
        f.write(b"\xff\xfe")
    assert not store.verify(stored.sha256)


def test_seal_writer_is_a_stream(tmp_path: Path) -> None:
    key = os.urandom(32)
    out = io.BytesIO()
    with SealWriter(out, key) as w:
        for _ in range(5):
            w.write(b"x" * 100_000)
    assert SealReader(io.BytesIO(out.getvalue()), key).read() == b"x" * 500_000
