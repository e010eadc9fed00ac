"""The server's HTTP API: accounts and roles, push/pull rules, and bad input answered with a clear 4xx JSON
error and nothing written (issue item 6)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select

from inspector_app.server.models import Change, Conflict, Mutation, Record
from inspector_app.sync.transport import Request, Response
from tests.sync.harness import World

INSP = {"institution_id": "x", "inspection_type": "专项检查", "mode": "行政检查",
        "planned_at": "2026-11-20T01:30:00+00:00", "status": "on_site"}


class Api:
    def __init__(self, world: World, user: str, client_id: str):
        self.w, self.user, self.client_id = world, user, client_id
        self.h = {"Authorization": f"Bearer {world.token(user)}"}
        self.seq = 0
        self.epoch = self.hello().json()["epoch"]

    def send(self, method: str, path: str, **kw: Any) -> Response:
        headers = {**self.h, **kw.pop("headers", {})}
        return self.w.direct.send(Request(method, path, headers=headers, **kw))

    def hello(self) -> Response:
        return self.send("POST", "/sync/v1/hello", json={"client_id": self.client_id, "schema_version": 1})

    def mut(self, entity: str, eid: str, op: str, payload: dict[str, Any], seq: int | None = None) -> dict[str, Any]:
        if seq is None:
            self.seq += 1
            seq = self.seq
        return {"client_seq": seq, "mutation_id": f"{self.client_id}-m{seq}", "entity": entity, "entity_id": eid,
                "op": op, "payload": payload}

    def push(self, *muts: dict[str, Any], epoch: str | None = None) -> Response:
        return self.send("POST", "/sync/v1/push", json={"client_id": self.client_id, "epoch": epoch or self.epoch,
                                                        "mutations": list(muts)})

    def pull(self, cursor: int = 0, limit: int = 500) -> dict[str, Any]:
        r = self.send("GET", "/sync/v1/pull", params={"cursor": cursor, "limit": limit},
                      headers={"X-Sync-Epoch": self.epoch})
        assert r.status == 200, r.content
        return r.json()


def counts(w: World) -> tuple[int, int, int, int]:
    with w.db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (Mutation, Change, Conflict, Record))  # type: ignore[return-value]


@pytest.fixture
def alice(world: World) -> Api:
    return Api(world, "alice", "client-alice")


# ---------------------------------------------------------------------------------------------- accounts

def test_login_tokens_expire_and_bad_passwords_are_refused(world: World) -> None:
    r = world.direct.send(Request("POST", "/sync/v1/login", json={"user": "alice", "password": "wrong-password"}))
    assert r.status == 401 and r.json()["error"] == "bad_credentials"
    token = world.token("alice")
    me = world.direct.send(Request("GET", "/sync/v1/me", headers={"Authorization": f"Bearer {token}"}))
    assert me.status == 200 and me.json()["teams"] == ["t1"]
    world.clock.now += dt.timedelta(hours=13)
    me = world.direct.send(Request("GET", "/sync/v1/me", headers={"Authorization": f"Bearer {token}"}))
    assert me.status == 401 and me.json()["error"] == "invalid_token"
    assert world.direct.send(Request("GET", "/sync/v1/me")).status == 401


def test_passwords_are_stored_with_argon2(world: World) -> None:
    from inspector_app.server.models import User

    with world.db.read() as s:
        hashes = list(s.scalars(select(User.password_hash)))
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)


def test_only_admins_import_reference_data(world: World, alice: Api) -> None:
    r = alice.send("POST", "/sync/v1/admin/reference", json={"entity": "officer", "items": []})
    assert r.status == 403 and r.json()["error"] == "forbidden_role"


def test_users_see_only_their_teams_records(world: World, alice: Api) -> None:
    assert alice.push(alice.mut("inspection", "insp-1", "create", {"data": INSP})).status == 200
    eve = Api(world, "eve", "client-eve")
    ids = {(i["entity"], i["id"]) for i in eve.pull()["items"]}
    assert ("inspection", "insp-1") not in ids and ("template", next(iter(i for e, i in ids if e == "template"))) in ids
    r = eve.push(eve.mut("inspection", "insp-1", "patch", {"fields": {"place": [None, "x"]}})).json()
    assert r["results"][0]["outcome"] == "rejected" and r["results"][0]["reason"] == "forbidden_team"
    lead = Api(world, "lead", "client-lead")
    assert ("inspection", "insp-1") in {(i["entity"], i["id"]) for i in lead.pull()["items"]}


def test_only_leads_approve(world: World, alice: Api) -> None:
    alice.push(alice.mut("inspection", "insp-1", "create", {"data": INSP}))
    r = alice.push(alice.mut("approval", "ap-1", "append", {"data": {
        "inspection_id": "insp-1", "content_hash": "a" * 64, "decision": "approve"}})).json()
    assert r["results"][0]["reason"] == "forbidden_role"


# ---------------------------------------------------------------------------------------------- push rules

def test_replay_returns_the_stored_outcome_and_a_gap_stops_the_batch(world: World, alice: Api) -> None:
    m1 = alice.mut("inspection", "insp-1", "create", {"data": INSP})
    first = alice.push(m1).json()
    again = alice.push(m1).json()
    assert again["results"][0] == {**first["results"][0], "duplicate": True}
    m3 = alice.mut("inspection", "insp-1", "patch", {"fields": {"place": [None, "x"]}}, seq=3)
    r = alice.push(m3).json()
    assert r["results"] == [] and r["last_seq"] == 1
    other = {**alice.mut("inspection", "insp-1", "patch", {"fields": {"place": [None, "y"]}}, seq=1),
             "mutation_id": "different"}
    before = counts(world)
    r2 = alice.push(other)
    assert r2.status == 409 and r2.json()["error"] == "seq_reused" and counts(world) == before


def test_permanent_failure_is_recorded_and_does_not_block(world: World, alice: Api) -> None:
    bad = alice.mut("answer", "a-1", "create", {"data": {"inspection_id": "insp-1", "item_id": "T", "value": 1.5}})
    good = alice.mut("inspection", "insp-1", "create", {"data": INSP})
    r = alice.push(bad, good).json()
    assert [x["outcome"] for x in r["results"]] == ["rejected", "applied"] and r["last_seq"] == 2
    with world.db.read() as s:
        c = s.scalar(select(Conflict).where(Conflict.kind == "rejected"))
        assert c is not None and c.payload == bad["payload"]


def test_signed_records_are_immutable_and_late_edits_are_kept_as_conflicts(world: World, alice: Api) -> None:
    from inspector_app.server import protocol as P

    alice.push(alice.mut("inspection", "insp-1", "create", {"data": INSP}))
    data = {**INSP, "deleted": False}
    h = P.signing_hash(data, [])
    r = alice.push(alice.mut("inspection", "insp-1", "sign", {"content_hash": h})).json()
    assert r["results"][0]["outcome"] == "applied"
    late = alice.mut("inspection", "insp-1", "patch", {"fields": {"place": [None, "后改"]}})
    r = alice.push(late).json()["results"][0]
    assert r["outcome"] == "conflict" and r["reason"] == "record_signed"
    with world.db.read() as s:
        rec = s.get(Record, ("inspection", "insp-1"))
        assert rec.state == "signed" and "place" not in rec.data
        c = s.scalar(select(Conflict).where(Conflict.kind == "record_signed"))
        assert c.payload == late["payload"]
    # status still moves on after signing (workflow field)
    r = alice.push(alice.mut("inspection", "insp-1", "patch", {"fields": {"status": ["signed", "submitted"]}}))
    assert r.json()["results"][0]["outcome"] == "applied"


def test_sign_mismatch_and_approval_hash_mismatch_are_kept(world: World, alice: Api) -> None:
    alice.push(alice.mut("inspection", "insp-1", "create", {"data": INSP}))
    r = alice.push(alice.mut("inspection", "insp-1", "sign", {"content_hash": "b" * 64})).json()["results"][0]
    assert r["reason"] == "sign_mismatch"
    lead = Api(world, "lead", "client-lead")
    r = lead.push(lead.mut("approval", "ap-1", "append", {"data": {
        "inspection_id": "insp-1", "content_hash": "c" * 64, "decision": "approve"}})).json()["results"][0]
    assert r["reason"] == "approval_hash_mismatch"


def test_missing_parent_is_parked_and_applied_when_the_parent_arrives(world: World, alice: Api) -> None:
    bob = Api(world, "bob", "client-bob")
    r = bob.push(bob.mut("comment", "c-1", "append", {"data": {"inspection_id": "insp-1", "text": "先到"}}))
    assert r.json()["results"][0]["reason"] == "missing_parent"
    alice.push(alice.mut("inspection", "insp-1", "create", {"data": INSP}))
    with world.db.read() as s:
        assert s.get(Record, ("comment", "c-1")) is not None
        parked = s.scalar(select(Conflict).where(Conflict.kind == "missing_parent"))
        assert parked.status == "resolved"


def test_other_teams_changes_are_skipped_not_paged_through(world: World, alice: Api) -> None:
    """A pull reads its own teams' changes by index: eve (team t2) gets none of alice's (t1) five inspections and
    reaches the head in one request; alice, paging by two, gets all five in order with nothing lost (issue 17)."""
    eve = Api(world, "eve", "client-eve")
    start = eve.pull(limit=1000)["next_cursor"]
    alice.push(*[alice.mut("inspection", f"insp-{n}", "create", {"data": INSP}, seq=n) for n in range(1, 6)])
    eve.push(eve.mut("inspection", "insp-eve", "create", {"data": {**INSP, "institution_id": "y"}}, seq=1))
    with world.db.read() as s:
        head = s.scalar(select(func.max(Change.seq)))
    page = eve.pull(cursor=start, limit=2)
    assert [i["id"] for i in page["items"]] == ["insp-eve"]
    assert page["next_cursor"] == head and not page["has_more"]
    got, cursor, requests = [], start, 0
    while True:
        page = alice.pull(cursor=cursor, limit=2)
        requests += 1
        got += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert got == [f"insp-{n}" for n in range(1, 6)] and cursor == head and requests == 3


def test_pull_cursor_is_the_last_scanned_seq(world: World, alice: Api) -> None:
    eve = Api(world, "eve", "client-eve")
    alice.push(alice.mut("inspection", "insp-1", "create", {"data": INSP}))
    page = eve.pull(limit=1000)
    with world.db.read() as s:
        head = s.scalar(select(func.max(Change.seq)))
    assert page["next_cursor"] == head and not page["has_more"]
    assert eve.pull(cursor=head)["items"] == []


def test_epoch_mismatch_is_409_with_the_state_to_resume_from(world: World, alice: Api) -> None:
    r = alice.push(alice.mut("inspection", "insp-1", "create", {"data": INSP}), epoch="old-epoch")
    assert r.status == 409 and r.json()["error"] == "epoch_mismatch" and r.json()["epoch"] == alice.epoch
    r = alice.send("GET", "/sync/v1/pull", params={"cursor": 5}, headers={"X-Sync-Epoch": "old-epoch"})
    assert r.status == 409 and r.json()["epoch"] == alice.epoch


# ---------------------------------------------------------------------------------------------- bad input

@pytest.mark.parametrize("body,code", [
    (b"{not json", 422),
    (b'{"client_id": "c", "epoch": "e", "mutations": "nope"}', 422),
    (b'{"client_id": "client-alice", "epoch": "e", "mutations": [{"client_seq": "1", "mutation_id": "m",'
     b' "entity": "inspection", "entity_id": "i", "op": "create", "payload": {}}]}', 422),
    (b'{"client_id": "client-alice", "epoch": "e", "extra": 1, "mutations": []}', 422),
    (b"[]", 422),
])
def test_malformed_or_wrongly_typed_bodies_are_422_and_write_nothing(world: World, alice: Api, body: bytes,
                                                                      code: int) -> None:
    before = counts(world)
    r = alice.send("POST", "/sync/v1/push", content=body, headers={"Content-Type": "application/json"})
    assert r.status == code and r.json()["error"] and r.json()["message"]
    assert counts(world) == before


def test_oversized_bodies_are_413(world: World, alice: Api) -> None:
    before = counts(world)
    r = alice.send("POST", "/sync/v1/push", content=b"x" * (2 << 20), headers={"Content-Type": "application/json"})
    assert r.status == 413 and r.json()["error"] == "body_too_large"
    many = [alice.mut("inspection", f"i{n}", "create", {"data": INSP}, seq=n + 1) for n in range(101)]
    r = alice.push(*many)
    assert r.status == 422
    assert counts(world) == before


def test_unknown_entities_and_ops_are_refused_whole(world: World, alice: Api) -> None:
    before = counts(world)
    ok = alice.mut("inspection", "insp-1", "create", {"data": INSP})
    r = alice.push(ok, alice.mut("spaceship", "s", "create", {"data": {}}))
    assert r.status == 422 and r.json() == {"error": "unknown_entity", "message": r.json()["message"], "client_seq": 2}
    r = alice.push(alice.mut("comment", "c", "patch", {"fields": {}}, seq=1))
    assert r.status == 422 and r.json()["error"] == "unknown_op"
    assert counts(world) == before


def test_another_users_client_id_is_403(world: World, alice: Api) -> None:
    bob = Api(world, "bob", "client-bob")
    before = counts(world)
    r = bob.send("POST", "/sync/v1/push", json={"client_id": "client-alice", "epoch": bob.epoch, "mutations": [
        bob.mut("inspection", "insp-1", "create", {"data": INSP})]})
    assert r.status == 403 and r.json()["error"] == "client_not_yours"
    assert bob.send("POST", "/sync/v1/hello", json={"client_id": "client-alice", "schema_version": 1}).status == 403
    assert counts(world) == before


@pytest.mark.parametrize("path", ["/sync/v1/blobs/..%2F..%2Fetc%2Fpasswd", "/sync/v1/blobs/" + "A" * 64,
                                  "/sync/v1/blobs/%2e%2e", "/sync/v1/uploads/" + "g" * 64])
def test_path_tricks_in_blob_names_are_refused(world: World, alice: Api, path: str) -> None:
    for method in ("GET", "HEAD", "PATCH"):
        r = alice.send(method, path, content=b"x", headers={"Upload-Offset": "0",
                                                           "Content-Type": "application/offset+octet-stream"})
        assert 400 <= r.status < 500


def test_a_client_of_a_newer_schema_is_told_clearly(world: World, alice: Api) -> None:
    r = alice.send("POST", "/sync/v1/hello", json={"client_id": "client-alice", "schema_version": 99})
    assert r.status == 400 and r.json()["error"] == "unsupported_schema"
    r = alice.send("POST", "/sync/v1/push", json={"client_id": "client-alice", "epoch": alice.epoch,
                                                  "schema_version": 99, "mutations": []})
    assert r.status == 400


def test_openapi_is_published_to_signed_in_accounts(world: World) -> None:
    r = world.direct.send(Request("GET", "/openapi.json", headers={"Authorization": f"Bearer {world.token('eve')}"}))
    assert r.status == 200 and "/sync/v1/push" in r.json()["paths"]
