"""Sync tests: a world of one server and several clients.

Hypothesis profiles (tests/conftest.py; select with HYPOTHESIS_PROFILE): "ci" (default, bounded) and "nightly"
(long). The long run is:

    HYPOTHESIS_PROFILE=nightly .venv/bin/python -m pytest tests/sync -p no:cacheprovider --timeout=0
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message=".*httpx2.*")

# The Hypothesis profiles (ci, nightly, quick) are registered and loaded in tests/conftest.py.


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    """PostgreSQL started from the system's binaries for the whole session (never skipped: CI installs it)."""
    from tests.sync.pg import Cluster

    cluster = Cluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def pg_seed(pg_cluster, tmp_path_factory: pytest.TempPathFactory) -> str:  # type: ignore[no-untyped-def]
    """A migrated database with accounts and reference data, cloned (CREATE DATABASE ... TEMPLATE) per test."""
    from tests.conftest import FIXTURES
    from tests.sync.harness import World

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("INSPECTOR_FORMS", str(FIXTURES / "forms"))
        name = pg_cluster.create_db()
        w = World(tmp_path_factory.mktemp("pgseed"), db_url=pg_cluster.url(name),
                  cache=tmp_path_factory.getbasetemp() / "client-template")
        w.close()
    return name


@pytest.fixture(scope="session")
def s3_server() -> Iterator[object]:
    """moto_server on 127.0.0.1 for the whole session; this process gets the dummy credentials in its environment
    (boto3's chain reads them, as the real server reads the operator's)."""
    from tests.sync.s3 import DUMMY_CREDENTIALS, MotoServer

    with pytest.MonkeyPatch.context() as mp:
        for k, v in DUMMY_CREDENTIALS.items():
            mp.setenv(k, v)
        server = MotoServer().start()
        yield server
        server.stop()


def _make_world(request: pytest.FixtureRequest, backend: str, tmp_path: Path,
                tmp_path_factory: pytest.TempPathFactory, blobs: str = "file") -> object:
    from tests.sync.harness import World

    cache = tmp_path_factory.getbasetemp() / "client-template"
    blob_store = None
    if blobs == "s3":
        s3 = request.getfixturevalue("s3_server")
        blob_store = s3.url(s3.new_bucket(), "evidence")
    if backend == "sqlite":
        return World(tmp_path, cache=cache, blob_store=blob_store)
    cluster = request.getfixturevalue("pg_cluster")
    seed = request.getfixturevalue("pg_seed")
    name = cluster.create_db(template=seed)
    w = World(tmp_path, db_url=cluster.url(name), cache=cache, seeded=True, blob_store=blob_store)
    w.pg = (cluster, name)  # type: ignore[attr-defined]
    return w


@pytest.fixture(params=[("sqlite", "file"), ("postgres", "file"), ("sqlite", "s3"), ("postgres", "s3")],
                ids=lambda p: "-".join(p))
def blob_world(request: pytest.FixtureRequest, tmp_path: Path, mini_forms: Path, monkeypatch: pytest.MonkeyPatch,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """The `world` of the blob tests, on both evidence stores: files on disk and an S3 bucket (moto_server)."""
    from tests.sync.harness import fast_kdf

    fast_kdf(monkeypatch)
    w = _make_world(request, request.param[0], tmp_path, tmp_path_factory, blobs=request.param[1])
    yield w
    w.close()  # type: ignore[attr-defined]


@pytest.fixture(params=["sqlite", "postgres"])
def world(request: pytest.FixtureRequest, tmp_path: Path, mini_forms: Path, monkeypatch: pytest.MonkeyPatch,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """One server (SQLite file or PostgreSQL database) with users and reference data; clients on demand."""
    from tests.sync.harness import fast_kdf

    fast_kdf(monkeypatch)
    w = _make_world(request, request.param, tmp_path, tmp_path_factory)
    yield w
    w.close()  # type: ignore[attr-defined]


@pytest.fixture
def sqlite_world(request: pytest.FixtureRequest, tmp_path: Path, mini_forms: Path, monkeypatch: pytest.MonkeyPatch,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from tests.sync.harness import fast_kdf

    fast_kdf(monkeypatch)
    w = _make_world(request, "sqlite", tmp_path, tmp_path_factory)
    yield w
    w.close()  # type: ignore[attr-defined]
