"""Each server worker holds a bounded, configurable number of database connections (issue 17), and a request
that finds them all busy gets a 503 the client retries, not a hang or a 500."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.server.db import PoolLimits, make_engine


def test_pool_limits_default_env_and_bad_values() -> None:
    assert PoolLimits.from_env({}) == PoolLimits(5, 2, 30.0)
    assert PoolLimits.from_env({"INSPECTOR_DB_POOL_SIZE": "3", "INSPECTOR_DB_MAX_OVERFLOW": "0",
                                "INSPECTOR_DB_POOL_TIMEOUT": "2.5"}) == PoolLimits(3, 0, 2.5)
    for bad in ({"INSPECTOR_DB_POOL_SIZE": "0"}, {"INSPECTOR_DB_MAX_OVERFLOW": "-1"},
                {"INSPECTOR_DB_POOL_SIZE": "many"}, {"INSPECTOR_DB_POOL_TIMEOUT": "0"}):
        with pytest.raises(ValueError, match="INSPECTOR_DB_POOL_"):
            PoolLimits.from_env(bad)


def test_postgres_and_sqlite_engines_are_bounded(tmp_path: Path) -> None:
    pg = make_engine("postgresql://u:p@127.0.0.1:1/db", PoolLimits(4, 1, 3.0))
    assert (pg.pool.size(), pg.pool._max_overflow, pg.pool._timeout) == (4, 1, 3.0)  # type: ignore[attr-defined]
    lite = make_engine(str(tmp_path / "s.sqlite3"), PoolLimits(2, 0, 0.2))
    held = [lite.connect(), lite.connect()]
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    with pytest.raises(PoolTimeout):
        lite.connect()          # a third connection waits 0.2 s, then gives up
    for c in held:
        c.close()
    lite.connect().close()      # and is available again once one is returned
    lite.dispose()
    pg.dispose()


def test_exhausted_pool_answers_503(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from inspector_app.server.app import ServerSettings, create_app

    monkeypatch.setenv("INSPECTOR_DB_POOL_SIZE", "1")
    monkeypatch.setenv("INSPECTOR_DB_MAX_OVERFLOW", "0")
    monkeypatch.setenv("INSPECTOR_DB_POOL_TIMEOUT", "0.2")
    app = create_app(ServerSettings(db_url=str(tmp_path / "srv.sqlite3"), storage_dir=tmp_path / "blobs"))
    db = app.state.db
    hold = db.engine.connect()            # the worker's only connection is busy
    try:
        with TestClient(app) as client:
            r = client.post("/sync/v1/login", json={"user": "nobody", "password": "x" * 12})
        assert r.status_code == 503 and r.json()["error"] == "busy" and r.headers["retry-after"] == "5"
    finally:
        hold.close()
        db.dispose()
