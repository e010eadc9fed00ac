"""Server database: engine for a SQLite file or a PostgreSQL URL, Alembic migrations, epoch and counter rows."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from inspector_app.server.models import ServerMeta, SyncCounter

ALEMBIC_DIR = Path(__file__).resolve().parent / "alembic"


_INSERT_OR_IGNORE: dict[tuple[str, str], Any] = {}


def insert_or_ignore(s: Session, model: type[Any], **values: object) -> None:
    """INSERT the row unless its primary key exists (a concurrent upload of the same bytes, a second grant), in one
    statement without loading anything: both dialects the server runs on (SQLite, PostgreSQL) spell it
    ON CONFLICT DO NOTHING. The statement is built once per table and dialect and executed at the table level
    with the values as parameters (issue 17: built per call through the ORM it was ~0.25 ms of CPU per photo)."""
    dialect = s.get_bind().dialect.name
    stmt = _INSERT_OR_IGNORE.get((dialect, model.__tablename__))
    if stmt is None:
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
        stmt = _INSERT_OR_IGNORE[(dialect, model.__tablename__)] = insert(model.__table__).on_conflict_do_nothing()
    s.execute(stmt, values)


def normalise_url(url: str) -> str:
    """Accept plain paths and postgres:// URLs; use psycopg 3 for PostgreSQL."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    u = make_url(url)
    if u.drivername in ("postgres", "postgresql"):
        u = u.set(drivername="postgresql+psycopg")
    return u.render_as_string(hide_password=False)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's begin event opens transactions (savepoints work)
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")   # F15: a laptop-class server loses power too
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    # One writer at a time from BEGIN on: no read-to-write lock upgrade, so no SQLITE_BUSY deadlocks.
    conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get("read_only") else "BEGIN IMMEDIATE")


@dataclass(frozen=True)
class PoolLimits:
    """Database connections one server worker may hold (issue 17: 20 per worker exhausted PostgreSQL's default
    100 at five workers). Size the pool so that workers × (size + overflow) stays below the database's
    max_connections minus what the pooler, backups and admins need; a request waits up to `timeout` seconds
    for a connection, then the request is answered 503 (server/app.py) and the client retries later.
    Environment: INSPECTOR_DB_POOL_SIZE, INSPECTOR_DB_MAX_OVERFLOW, INSPECTOR_DB_POOL_TIMEOUT."""

    size: int = 5
    overflow: int = 2
    timeout: float = 30.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> PoolLimits:
        env = os.environ if env is None else env
        try:
            limits = cls(int(env.get("INSPECTOR_DB_POOL_SIZE", cls.size)),
                         int(env.get("INSPECTOR_DB_MAX_OVERFLOW", cls.overflow)),
                         float(env.get("INSPECTOR_DB_POOL_TIMEOUT", cls.timeout)))
        except ValueError as exc:
            raise ValueError(f"INSPECTOR_DB_POOL_*: not a number ({exc})") from exc
        if limits.size < 1 or limits.overflow < 0 or limits.timeout <= 0:
            raise ValueError(f"INSPECTOR_DB_POOL_*: size ≥ 1, overflow ≥ 0, timeout > 0 (got {limits})")
        return limits


def make_engine(url: str, pool: PoolLimits | None = None) -> Engine:
    url = normalise_url(url)
    limits = pool or PoolLimits.from_env()
    bounds = {"pool_size": limits.size, "max_overflow": limits.overflow, "pool_timeout": limits.timeout}
    if url.startswith("sqlite"):
        memory = url in ("sqlite://", "sqlite:///:memory:")
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                               **({} if memory else bounds))
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, **bounds)


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def _alembic_config(engine: Engine):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(ALEMBIC_DIR))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def migrate(engine: Engine) -> None:
    from alembic import command

    cfg = _alembic_config(engine)
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
    with Session(engine) as s, s.begin():
        if s.get(SyncCounter, 1) is None:
            s.add(SyncCounter(id=1, seq=0))
        if s.get(ServerMeta, "epoch") is None:
            s.add(ServerMeta(key="epoch", value=str(uuid.uuid4())))


def head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(ALEMBIC_DIR))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def new_epoch(engine: Engine) -> str:
    """Run after every restore from backup or migration between servers (sync.md §3, F3): clients then re-send
    every retained mutation this database does not have, and re-pull from 0."""
    epoch = str(uuid.uuid4())
    with Session(engine) as s, s.begin():
        row = s.get(ServerMeta, "epoch")
        if row is None:
            s.add(ServerMeta(key="epoch", value=epoch))
        else:
            row.value = epoch
        s.merge(ServerMeta(key="epoch_changed_at", value=dt.datetime.now(dt.timezone.utc).isoformat()))
    return epoch


def current_epoch(session: Session) -> str:
    value = session.scalar(select(ServerMeta.value).where(ServerMeta.key == "epoch"))
    if value is None:
        raise RuntimeError("server database not initialised (no epoch): run migrations")
    return value


def backup_sqlite(engine: Engine, target: Path) -> None:
    """Consistent online copy of a SQLite server database (sqlite3 backup API)."""
    import sqlite3

    src_path = engine.url.database
    assert src_path
    src = sqlite3.connect(src_path)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


class Database:
    """Engine plus session factories; request handlers open one short transaction each (stateless server)."""

    def __init__(self, url: str, *, run_migrations: bool = True):
        self.url = normalise_url(url)
        self.engine = make_engine(self.url)
        if run_migrations:
            migrate(self.engine)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)
        self._read_factory = sessionmaker(self.engine.execution_options(read_only=True), expire_on_commit=False)

    @property
    def postgres(self) -> bool:
        return is_postgres(self.engine)

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._factory() as s, s.begin():
            yield s

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read_factory() as s, s.begin():
            yield s

    def ping(self) -> None:
        with self.engine.connect() as c:
            c.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()
