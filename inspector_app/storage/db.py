"""The SQLite engine: WAL, synchronous=FULL, foreign keys, and BEGIN IMMEDIATE so writers serialise up front."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from inspector_app.storage import sqlcipher


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event decide when a transaction starts (pysqlite's own handling is off).
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _on_begin(conn: Any) -> None:
    # Writers take the write lock at BEGIN, so two writers never deadlock upgrading a read lock;
    # readers (engine.execution_options(read_only=True)) start a plain deferred snapshot.
    if conn.get_execution_options().get("read_only"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(path: Path, key: bytes | None = None) -> Engine:
    """`key` is the SQLCipher database key (storage.sqlcipher.db_key); None opens the file plain with sqlite3."""
    # LIFO pool: the connection used last is handed out next, so its page cache is still warm. A connection's cache
    # is dropped when another one wrote, and with SQLCipher every page read back costs a decrypt + HMAC check.
    if key is None:
        engine = create_engine(f"sqlite:///{path}", future=True, pool_use_lifo=True)
    else:
        # The URL only tells SQLAlchemy it is a file (QueuePool); the creator opens and keys every connection.
        engine = create_engine(f"sqlite:///{path}", future=True, pool_use_lifo=True, module=sqlcipher.dbapi(key),
                               creator=lambda: sqlcipher.connect(path, key, check_same_thread=False))
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def make_read_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine.execution_options(read_only=True), expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    with factory() as session, session.begin():
        yield session
