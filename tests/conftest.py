"""Shared fixtures: a fresh workspace per test, a controllable clock, and a small officer roster."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent

# INSPECTOR_TEST_ENCRYPTED=1 runs the suite on encrypted workspaces: one random workspace key per session, handed to
# child processes (crash and GUI children) through INSPECTOR_TEST_WORKSPACE_KEY. Test-only: the app never reads it.
if os.environ.get("INSPECTOR_TEST_ENCRYPTED") == "1" and not os.environ.get("INSPECTOR_TEST_WORKSPACE_KEY"):
    os.environ["INSPECTOR_TEST_WORKSPACE_KEY"] = os.urandom(32).hex()


def test_workspace_key() -> bytes | None:
    """The key the shared fixtures (and child processes) open workspaces with; None for the plain suite."""
    hexkey = os.environ.get("INSPECTOR_TEST_WORKSPACE_KEY")
    return bytes.fromhex(hexkey) if hexkey else None


test_workspace_key.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


def raw_connect(path: Path | str):  # type: ignore[no-untyped-def]
    """A DB-API connection to a test workspace's database, keyed when the suite runs encrypted (what an
    attacker with the key, or a test tampering with the store, would open)."""
    from inspector_app.storage import sqlcipher

    return sqlcipher.connect(Path(path), sqlcipher.db_key(test_workspace_key()))


# Registered here, before any test module is imported: a @settings(...) decorator inherits the profile loaded when
# it runs, so a domain test collected before tests/sync/ would otherwise keep Hypothesis' own 200 ms deadline and
# too-slow health check, which fail on a loaded machine.
# "ci" is the default run's, the quick one the whole suite must fit in (under 10 minutes on 2 cores): 20 runs of up
# to 40 steps of the sync state machine are ~40 s of CPU (30 took a minute, 50 two); the invariants get their long
# search from HYPOTHESIS_PROFILE=nightly (2,000 runs of up to 80 steps).
settings.register_profile("ci", max_examples=20, stateful_step_count=40, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("nightly", max_examples=2000, stateful_step_count=80, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("quick", max_examples=5, stateful_step_count=30, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


class Clock:
    """A settable UTC clock; tests advance it instead of sleeping."""

    def __init__(self, start: dt.datetime):
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += dt.timedelta(**kw)


def _font_cache() -> Path:
    """One font build per machine for the whole suite (about 30 s the first time, then a stamp check)."""
    import platformdirs

    return Path(os.environ.get("INSPECTOR_TEST_FONT_CACHE")
                or Path(platformdirs.user_cache_dir("inspector-app-tests")) / "fonts")


# The longest test files, longest first (worker seconds measured 2026-12-03 on 2 cores: the PyInstaller build
# ≈ 150, the encryption conversion's kill loop, mypy, the sync state machine, the demo builds …). Under pytest-xdist
# they start first, so the short files fill in beside them and both workers end together, instead of one worker
# running a long file alone at the end. The rest keep the order of collection.
LONGEST = (
    "tests/xwindow/test_packaged_build.py", "tests/storage/test_encryption_conversion.py",
    "tests/test_static_checks.py", "tests/sync/test_stateful.py", "tests/storage/test_encryption_at_rest.py",
    "tests/storage/test_crash_safety.py", "tests/services/test_signing_process.py", "tests/ui/test_review_ui.py",
    "tests/sync/test_postgres.py", "tests/xwindow/test_real_window.py", "tests/demo/test_demo.py",
    "tests/ui/test_signing_ui.py", "tests/ui/test_signin_ui.py", "tests/sync/test_seal_ledger.py",
    "tests/xwindow/test_whole_inspection.py",
)


def pytest_configure(config: pytest.Config) -> None:
    """pytest-xdist's file scheduler sorts the files by their number of tests unless told not to, which would undo
    the order below (a 200-case table first, the 3-minute build last)."""
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under pytest-xdist (collected in each worker, which xdist marks with `workerinput`), the longest files go
    first, then the other files holding slow tests. The order is the same in every worker, as xdist requires; a
    serial run keeps file order."""
    if not hasattr(config, "workerinput"):
        return

    def path(item: pytest.Item) -> str:
        return item.nodeid.split("::", 1)[0]

    slow = {path(item) for item in items if item.get_closest_marker("slow")}

    def rank(item: pytest.Item) -> int:
        name = path(item)
        return LONGEST.index(name) if name in LONGEST else len(LONGEST) + (0 if name in slow else 1)

    items.sort(key=rank)


@pytest.fixture(autouse=True)
def _inline_signing_after_each_test() -> Iterator[None]:
    """A test that launches the app turns on the signing child process for the whole pytest process; turn it off
    again, so a later test (under pytest-xdist, in any order) signs inline as it expects. The same for a window's
    garbage collector still running."""
    yield
    import sys

    worker_process = sys.modules.get("inspector_app.records.worker_process")
    if worker_process is not None and worker_process.shared() is not None:
        worker_process.disable()
    # A window's close is finished after its writes are flushed, which may land in the next test: its garbage
    # collector would keep automatic collection off and survivors frozen there.
    tasks = sys.modules.get("inspector_app.ui.tasks")
    if tasks is not None:
        tasks.GuiGarbageCollector.stop_all()


@pytest.fixture(scope="session", autouse=True)
def shared_fonts() -> Path:
    """The app finds the fonts through INSPECTOR_FONT_CACHE, so every test workspace shares one build."""
    from inspector_app import fonts

    cache = _font_cache()
    os.environ["INSPECTOR_FONT_CACHE"] = str(cache)
    fonts.ensure_fonts(cache, jobs=2)
    return cache


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.datetime(2026, 11, 20, 1, 30, tzinfo=dt.timezone.utc))


@pytest.fixture
def mini_forms(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INSPECTOR_FORMS", str(FIXTURES / "forms"))
    return FIXTURES / "forms"


@pytest.fixture
def app(tmp_path: Path, clock: Clock, mini_forms: Path) -> Iterator[object]:
    from inspector_app.app import build_context

    ctx = build_context(str(tmp_path / "ws"), clock=clock, device="test-laptop", workspace_key=test_workspace_key())
    yield ctx
    ctx.close()


@pytest.fixture
def roster(app):  # type: ignore[no-untyped-def]
    """Two institutions and four officers (one with an expired certificate)."""
    return make_roster(app)


def make_roster(app):  # type: ignore[no-untyped-def]
    """The `roster` fixture's content, for tests that build their own workspace."""
    from inspector_app.domain.credit_code import make_credit_code
    from inspector_app.domain.roster import Category, InstitutionData, Level, OfficerData, Ownership
    from inspector_app.services.context import Actor

    admin = Actor("管理员")
    hosp, _ = app.roster.add_institution(admin, InstitutionData(
        "测试市人民医院", Category.HOSPITAL, Level.SECONDARY, Ownership.PUBLIC,
        make_credit_code("12379902MB0000011"), "H37990200001", "测试市和平路1号", "林书远", "测试市"))
    pharm, _ = app.roster.add_institution(admin, InstitutionData(
        "测试大药房", Category.RETAIL_PHARMACY, Level.UNRATED, Ownership.PRIVATE,
        make_credit_code("91379902MA0000022"), "P37990200001"))
    officers = []
    for n, (name, days) in enumerate([("陈明哲", 400), ("许若溪", 500), ("韩景行", 600), ("冯立诚", -10)]):
        o, _ = app.roster.add_officer(admin, OfficerData(name, "基金监督科", f"测执{n:05d}",
                                                         dt.date(2026, 11, 20) + dt.timedelta(days=days)))
        officers.append(o)
    return {"hospital": hosp, "pharmacy": pharm, "officers": officers}
