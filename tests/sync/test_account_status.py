"""Sign-in (online, then offline with a local scrypt verifier), status snapshot, backoff."""

from __future__ import annotations

import datetime as dt
import random

from inspector_app.sync import account, local
from inspector_app.sync.engine import Backoff
from tests.sync.harness import PASSWORD, World
from tests.sync.test_engine_e2e import create_inspection


def test_offline_sign_in_after_a_first_online_one(world: World) -> None:
    a = world.make_client("a", "alice", sign_in=False)
    a.transport.offline = True
    first = a.engine.sign_in("alice", PASSWORD)
    assert not first.ok                      # never signed in online on this device
    a.transport.offline = False
    assert a.engine.sign_in("alice", PASSWORD).online
    with a.ctx.read() as s:
        raw = local.meta_get(s, "account")
    assert PASSWORD not in str(raw) and raw["verifier"]["alg"] == "scrypt"
    a.transport.offline = True
    assert not a.engine.sign_in("alice", "wrong password").ok
    res = a.engine.sign_in("alice", PASSWORD)
    assert res.ok and not res.online and a.engine.status().offline_sign_in


def test_expired_token_asks_for_sign_in_and_keeps_pending_work(world: World) -> None:
    a = world.make_client("a", "alice")
    assert a.engine.sync_round().ok
    create_inspection(a)
    world.clock.now += dt.timedelta(hours=13)
    r = a.engine.sync_round()
    st = a.engine.status()
    assert not r.ok and st.state == "auth_required" and st.pending_changes > 0
    assert a.engine.sign_in("alice", PASSWORD).ok
    assert a.engine.sync_round().ok and a.engine.status().pending_changes == 0


def test_status_snapshot(world: World) -> None:
    from inspector_app.sync import actions
    from tests.sync.test_engine_e2e import LEAD

    a = world.make_client("a", "alice")
    st = a.engine.status()
    assert st.state == "never" and st.last_sync_at is None and st.signed_in
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    actions.attach_photo(a.ctx, LEAD, iid, b"photo" * 100)
    st = a.engine.status()
    assert st.pending_changes > 0 and (st.photos_uploaded, st.photos_total) == (0, 1)
    a.transport.offline = True
    assert not a.engine.sync_round().ok
    st = a.engine.status()
    assert st.state == "offline" and not st.online
    a.transport.offline = False
    assert a.engine.sync_round().ok
    st = a.engine.status()
    assert st.online and st.state == "idle" and st.pending_changes == 0 and st.photos_uploaded == 1
    assert st.last_sync_at == world.clock() and st.open_conflicts == 0 and not st.stuck


def test_backoff_is_jittered_exponential_and_capped() -> None:
    b = Backoff(rng=random.Random(1))
    delays = [b.next_delay(False) for _ in range(12)]
    assert 0.5 <= delays[0] <= 1.0 and 1.0 <= delays[1] <= 2.0
    assert max(delays) <= 300 and delays[-1] >= 150
    assert 20 <= b.next_delay(True) <= 40 and b.failures == 0


def test_verifier_roundtrip() -> None:
    v = account.make_verifier("秘密 password")
    assert account.check_verifier(v, "秘密 password") and not account.check_verifier(v, "other")
