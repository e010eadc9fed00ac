"""The change feed on PostgreSQL without a global lock across teams (issue 17, sync.md §8.1 / F2).

Writers of different teams run their whole transaction side by side and serialise only for the numbering step at
the end (feed.flush_feed: counter row → commit). The invariants a pull racing them must keep: the cursor never
skips a change that commits later (even one numbered first and committed late), and every change is seen exactly
once, numbered 1..head with no gap (a writer that numbered and then rolled back returns its numbers).

The writers call the server's push inside transactions the test holds open, so it can commit late or roll back
after the numbering, as a slow or failing request would."""

from __future__ import annotations

import datetime as dt
import random
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from inspector_app.server import sync_service as svc
from inspector_app.server.auth import Principal, principal
from inspector_app.server.models import Change, Record, User
from tests.sync import invariants
from tests.sync.harness import World
from tests.sync.test_server_api import INSP

pytestmark = [pytest.mark.timeout(300)]
NOW = dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.timezone.utc)
TEAM = {"alice": "t1", "bob": "t1", "eve": "t2", "admin": "t2"}


@pytest.fixture
def pg_world(request: pytest.FixtureRequest, tmp_path: Path, mini_forms: Path, monkeypatch: pytest.MonkeyPatch,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    from tests.sync.conftest import _make_world
    from tests.sync.harness import fast_kdf

    fast_kdf(monkeypatch)
    w = _make_world(request, "postgres", tmp_path, tmp_path_factory)
    assert w.postgres
    yield w  # type: ignore[misc]
    w.close()  # type: ignore[attr-defined]


class Writer:
    """One device of one user, pushing through sync_service.push in a transaction the test controls."""

    def __init__(self, world: World, user: str):
        self.w, self.user, self.cid, self.seq = world, user, f"dev-{user}", 0
        with world.db.write() as s:
            self.who: Principal = principal(s, s.scalar(select(User).where(User.name == user)))
            self.epoch = svc.hello(s, self.who, self.cid, "test", 1, NOW)["epoch"]

    def batch(self, n: int) -> list[svc.MutationIn]:
        out = []
        for _ in range(n):
            self.seq += 1
            out.append(svc.MutationIn(self.seq, f"{self.cid}-m{self.seq}", "inspection", f"{self.cid}-{self.seq}",
                                      "create", {"data": {**INSP, "team_id": TEAM[self.user]}}))
        return out

    def push(self, muts: list[svc.MutationIn], *, before_commit: Callable[[], None] = lambda: None,
             fault: Callable[[svc.MutationIn], None] | None = None, rollback: bool = False) -> None:
        try:
            with self.w.db.write() as s:
                res = svc.push(s, self.who, self.cid, self.epoch, muts, NOW, fault)
                assert [r["outcome"] for r in res["results"]] == ["applied"] * len(muts), res
                before_commit()
                if rollback:
                    raise _RolledBack()
        except _RolledBack:
            self.seq -= len(muts)   # the device re-sends them later under the same numbers


class _RolledBack(Exception):
    pass


class Thread(threading.Thread):
    """A thread whose failure fails the test (join_ok)."""

    def __init__(self, target: Callable[..., None], *args: Any, **kw: Any):
        super().__init__(target=self._wrap, args=(target, args, kw))
        self.error: BaseException | None = None

    def _wrap(self, fn: Callable[..., None], args: tuple[Any, ...], kw: dict[str, Any]) -> None:
        try:
            fn(*args, **kw)
        except BaseException as exc:  # noqa: BLE001 - re-raised in join_ok
            self.error = exc

    def join_ok(self, timeout: float = 60) -> None:
        self.join(timeout)
        assert not self.is_alive(), "thread hung"
        if self.error is not None:
            raise self.error


def feed_head(world: World) -> int:
    with world.db.read() as s:
        return int(s.scalar(select(func.max(Change.seq))) or 0)


class Reader:
    """Pulls (the server's pull, small pages) from the current head in a loop until told to stop and the feed
    is drained."""

    def __init__(self, world: World):
        self.w, self.seqs, self.cursors = world, [], []  # type: ignore[var-annotated]
        self.base = self.cursor = feed_head(world)   # reference data imported by the world
        with world.db.read() as s:
            self.who = principal(s, s.scalar(select(User).where(User.name == "admin")))
        self.stop = threading.Event()
        self.thread = Thread(self._run)
        self.thread.start()

    def page(self) -> dict[str, Any]:
        with self.w.db.read() as s:
            p = svc.pull(s, self.who, None, self.cursor, 5)
        self.seqs.extend(i["seq"] for i in p["items"])
        self.cursor = p["next_cursor"]
        self.cursors.append(self.cursor)
        return p

    def _run(self) -> None:
        while True:
            finished = self.stop.is_set()
            if not self.page()["has_more"] and finished:
                return

    def finish(self) -> None:
        self.stop.set()
        self.thread.join_ok()


def wait_until(cond: Callable[[], bool], what: str, timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < end, f"timed out waiting for {what}"
        time.sleep(0.005)


def lock_waiters(world: World) -> int:
    """Backends of this database waiting on a lock (row or advisory)."""
    with world.db.engine.connect() as c:
        return int(c.execute(text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                  "AND wait_event_type = 'Lock'")).scalar_one())


def check_feed(world: World, reader: Reader) -> None:
    with world.db.read() as s:
        head = s.scalar(select(func.max(Change.seq))) or 0
        committed = set(s.scalars(select(Change.seq)))
        records = s.scalar(select(func.count()).select_from(Record).where(Record.entity == "inspection",
                                                                          Record.id.like("dev-%")))
    assert committed == set(range(1, head + 1)), "the feed has a gap"
    assert sorted(reader.seqs) == reader.seqs, "pull returned changes out of order"
    assert reader.seqs == list(range(reader.base + 1, head + 1)), "a change was skipped or seen twice"
    assert reader.cursors == sorted(reader.cursors) and reader.cursors[-1] == head
    assert records == head - reader.base   # creates only: one change per record
    invariants.check_server_step(world.db)


def test_other_team_pushes_while_a_transaction_is_open_pg(pg_world: World) -> None:
    """No global lock: while alice's push (team t1) is stopped in the middle of applying, eve (team t2) pushes
    and commits; bob (team t1, same scope) waits for alice, as the counter row made everyone wait before."""
    alice, bob, eve = Writer(pg_world, "alice"), Writer(pg_world, "bob"), Writer(pg_world, "eve")
    inside, release = threading.Event(), threading.Event()

    def stall(_m: svc.MutationIn) -> None:
        inside.set()
        assert release.wait(60)

    t_alice = Thread(alice.push, alice.batch(3), fault=stall)
    t_alice.start()
    try:
        assert inside.wait(30)
        t_eve = Thread(eve.push, eve.batch(3))
        t_eve.start()
        t_eve.join_ok(20)   # hangs until alice commits if writers share one lock from the start (the old counter)
        t_bob = Thread(bob.push, bob.batch(2))
        t_bob.start()
        wait_until(lambda: lock_waiters(pg_world) >= 1, "bob waiting on team t1's scope lock")
        assert t_bob.is_alive()
    finally:
        release.set()
    t_alice.join_ok()
    t_bob.join_ok()
    with pg_world.db.read() as s:
        order = [c.id.split("-")[1] for c in s.scalars(select(Change).order_by(Change.seq))
                 if c.id.startswith("dev-")]
    assert order == ["eve"] * 3 + ["alice"] * 3 + ["bob"] * 2   # numbered in commit order


@pytest.mark.parametrize("late", ["commit", "rollback"])
def test_numbered_then_late_commit_or_rollback_not_skipped_pg(pg_world: World, late: str) -> None:
    """alice numbers her changes and holds her transaction open; eve (other team) does all her work meanwhile
    and waits only at the numbering step; a reader polling all the while sees nothing past alice's numbers
    until alice ends, then every committed change exactly once, gap-free (rollback: eve takes alice's numbers)."""
    alice, eve = Writer(pg_world, "alice"), Writer(pg_world, "eve")
    reader = Reader(pg_world)
    numbered, release = threading.Event(), threading.Event()

    def hold() -> None:
        numbered.set()
        assert release.wait(60)

    t_alice = Thread(alice.push, alice.batch(4), before_commit=hold, rollback=late == "rollback")
    t_alice.start()
    assert numbered.wait(30)
    t_eve = Thread(eve.push, eve.batch(3))
    t_eve.start()
    wait_until(lambda: lock_waiters(pg_world) >= 1, "eve waiting at the numbering step")
    n = len(reader.cursors)
    wait_until(lambda: len(reader.cursors) > n + 3, "the reader polling while alice is open")
    assert reader.seqs == [] and reader.cursor == reader.base   # alice's numbers unseen, eve's not yet taken
    release.set()
    t_alice.join_ok()
    t_eve.join_ok()
    reader.finish()
    check_feed(pg_world, reader)
    with pg_world.db.read() as s:
        owners = [c.id.split("-")[1] for c in s.scalars(select(Change).order_by(Change.seq))
                  if c.id.startswith("dev-")]
    assert owners == (["alice"] * 4 if late == "commit" else []) + ["eve"] * 3


def test_concurrent_teams_with_late_commits_and_rollbacks_pg(pg_world: World) -> None:
    """Four writers of two teams and an admin push with random stalls inside and after their work; one push in
    four rolls back after numbering. A racing reader sees every committed change exactly once, in order."""
    writers = [Writer(pg_world, u) for u in ("alice", "bob", "eve", "admin")]
    reader = Reader(pg_world)

    def run(k: int, wr: Writer) -> None:
        rng = random.Random(k)
        for i in range(6):
            wr.push(wr.batch(rng.randint(1, 4)), fault=lambda _m: time.sleep(rng.uniform(0, 0.01)),
                    before_commit=lambda: time.sleep(rng.uniform(0, 0.03)), rollback=(i % 4 == 1))

    threads = [Thread(run, k, wr) for k, wr in enumerate(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join_ok(120)
    reader.finish()
    check_feed(pg_world, reader)
    assert len(reader.seqs) >= 4 * 4   # every writer committed something
