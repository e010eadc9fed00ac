"""The invariant checker of sync.md §12, shared by the in-process state machine and the loopback tier."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any

from sqlalchemy import select

from inspector_app.server import protocol as P
from inspector_app.server.models import Blob, Change, Client, Conflict, Mutation, Record, RecordVersion
from inspector_app.server.sync_service import children_of
from inspector_app.storage.orm import AnswerRow, InspectionRow, OutboxRow, SyncStateRow
from inspector_app.storage.sync_orm import BlobLocalRow, ConflictLocalRow, SyncRecordRow
from inspector_app.sync import local


def check_server_step(db: Any, storage: Any = None, upload_stats: Any = None) -> None:
    """Invariants that hold after every step (I2, I3, I5, I8, feed order)."""
    with db.read() as s:
        # I3: per client, recorded mutations are exactly 1..last_seq; I2: one row per (client, seq) and id.
        seqs: dict[str, list[int]] = defaultdict(list)
        ids = set()
        for cid, seq, mid in s.execute(select(Mutation.client_id, Mutation.client_seq, Mutation.mutation_id)):
            seqs[cid].append(seq)
            assert mid not in ids, f"mutation {mid} recorded twice"
            ids.add(mid)
        for c in s.scalars(select(Client)):
            got = sorted(seqs.get(c.client_id, []))
            assert got == list(range(1, c.last_seq + 1)), f"I3: client {c.client_id} has {got} for {c.last_seq}"
        # The feed: seq strictly increasing and gap-free from the counter row.
        feed = list(s.scalars(select(Change.seq).order_by(Change.seq)))
        assert feed == list(range(1, len(feed) + 1)), "change feed has gaps or duplicates"
        # I5: a signed record's content is exactly what was signed.
        for r in s.scalars(select(Record).where(Record.entity == "inspection", Record.state == "signed")):
            assert r.content_hash == P.signing_hash(r.data, children_of(s, r.id)), f"I5 broken for {r.id}"
        for o in s.scalars(select(Mutation)):
            assert o.outcome in P.TERMINAL
        blobs = list(s.scalars(select(Blob.sha256)))
    if storage is not None:  # I8: every published blob is byte-exact
        for sha in blobs:
            with storage.open(sha) as f:
                assert hashlib.sha256(f.read()).hexdigest() == sha, f"I8: blob {sha} corrupted"
    if upload_stats is not None:
        assert upload_stats.digest_failures_with_checksums == 0, "digest failed although every chunk was checked"


def check_client_step(client: Any) -> None:
    """F14: a client never reuses a sequence number."""
    with client.ctx.read() as s:
        st = s.get(SyncStateRow, 1)
        seqs = list(s.scalars(select(OutboxRow.client_seq).order_by(OutboxRow.client_seq)))
        assert len(seqs) == len(set(seqs))
        assert not seqs or st.next_client_seq > seqs[-1], "next_client_seq fell behind the outbox"


def check_quiescent(clients: list[Any]) -> None:
    """I10: after healing, nothing is pending anywhere."""
    for c in clients:
        st = c.engine.status()
        assert st.pending_changes == 0, f"I10: {c.name} still has {st.pending_changes} pending"
        assert st.photos_uploaded == st.photos_total, f"I10: {c.name} photos {st.photos_uploaded}/{st.photos_total}"


def check_healed(db: Any, clients: list[Any], oracle: set[str] | None = None) -> None:
    """I1, I4, I6 and conflict visibility once everything has been pushed and pulled."""
    with db.read() as s:
        muts = {m.mutation_id: m for m in s.scalars(select(Mutation))}
        records = {(r.entity, r.id): r for r in s.scalars(select(Record))}
        # I1: every mutation any client ever committed reached exactly one terminal outcome, payload kept.
        all_ids: set[str] = set(oracle or ())
        for c in clients:
            with c.ctx.read() as cs:
                for row in cs.scalars(select(OutboxRow)):
                    all_ids.add(row.mutation_id)
                    m = muts.get(row.mutation_id)
                    assert m is not None, f"I1: {row.mutation_id} ({row.entity} {row.op}) never reached the server"
                    assert row.status == m.outcome, f"I1: client says {row.status}, server {m.outcome}"
        for mid in all_ids:
            m = muts.get(mid)
            assert m is not None and m.outcome in P.TERMINAL, f"I1: {mid} has no outcome"
            assert m.payload is not None
        # I4: every field change on the server was justified by a mutation whose old value matched.
        versions: dict[tuple[str, str], dict[int, RecordVersion]] = defaultdict(dict)
        for v in s.scalars(select(RecordVersion)):
            versions[(v.entity, v.id)][v.version] = v
        for key, hist in versions.items():
            for n in sorted(hist):
                if n == 1 or hist[n].op == "import":
                    continue
                prev, cur = hist[n - 1].data, hist[n].data
                for f, (old, new) in (hist[n].changed_fields or {}).items():
                    assert P.same(prev.get(f), old), f"I4: {key} v{n} {f}: {prev.get(f)!r} changed with old={old!r}"
                    assert P.same(cur.get(f), new)
                for f in set(prev) | set(cur):
                    if f not in (hist[n].changed_fields or {}):
                        assert P.same(prev.get(f), cur.get(f)), f"I4: {key} v{n} {f} changed silently"
        open_conflicts = {c.conflict_id: c for c in s.scalars(select(Conflict).where(Conflict.status == "open"))}
    # I6: convergence of visible state, and every open conflict shown everywhere it may be seen.
    for c in clients:
        with c.ctx.read() as cs:
            teams = set((local.meta_get(cs, "account") or {}).get("teams") or [])
            role = (local.meta_get(cs, "account") or {}).get("role")
            for (entity, rid), r in records.items():
                if r.team_id is not None and r.team_id not in teams and role != "admin":
                    continue
                mirror = cs.get(SyncRecordRow, (entity, rid))
                assert mirror is not None, f"I6: {c.name} never received {entity} {rid}"
                assert mirror.server_version == r.version, \
                    f"I6: {c.name} {entity} {rid} v{mirror.server_version}≠{r.version}"
                vis = local.visible(cs, entity, rid)
                assert P.same(vis, r.data), f"I6: {c.name} sees {vis} for {entity} {rid}, server has {r.data}"
                if entity == "answer":
                    row = cs.get(AnswerRow, rid)
                    assert row is not None and P.same(row.value, r.data.get("value"))
                    assert (row.note or "") == (r.data.get("note") or "")
                if entity == "inspection":
                    row = cs.get(InspectionRow, rid)
                    assert row is not None and row.status == r.data.get("status")
            mirrored = {x.conflict_id: x for x in cs.scalars(select(ConflictLocalRow))}
            for cid, conflict in open_conflicts.items():
                if conflict.team_id is not None and conflict.team_id not in teams and role != "admin":
                    continue
                assert cid in mirrored and mirrored[cid].status in ("open", "resolving"), \
                    f"{c.name} does not show open conflict {cid} ({conflict.kind})"
            for b in cs.scalars(select(BlobLocalRow)):
                assert b.upload_status == "complete"
