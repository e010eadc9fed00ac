"""The whole-process record (全过程记录): a per-inspection, hash-chained, append-only journal.

Each event's hash covers its sequence number, time, actor, device, type, payload and the previous hash, so an
edited, deleted, inserted or reordered event breaks the chain at a point `verify_chain` names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from inspector_app.domain.canonical import canonical_json, sha256_hex

GENESIS = "0" * 64


@dataclass(frozen=True, slots=True)
class JournalEvent:
    chain_id: str
    seq: int
    at: str  # ISO 8601 UTC, device clock
    actor: str
    device: str
    event_type: str
    payload: dict[str, Any]
    prev_hash: str
    hash: str


def event_hash(chain_id: str, seq: int, at: str, actor: str, device: str, event_type: str,
               payload: dict[str, Any], prev_hash: str) -> str:
    body = {
        "chain": chain_id, "seq": seq, "at": at, "actor": actor, "device": device,
        "type": event_type, "payload": payload, "prev": prev_hash,
    }
    return sha256_hex(canonical_json(body))


def make_event(chain_id: str, seq: int, at: str, actor: str, device: str, event_type: str,
               payload: dict[str, Any], prev_hash: str) -> JournalEvent:
    h = event_hash(chain_id, seq, at, actor, device, event_type, payload, prev_hash)
    return JournalEvent(chain_id, seq, at, actor, device, event_type, payload, prev_hash, h)


@dataclass(frozen=True, slots=True)
class ChainReport:
    ok: bool
    head: str
    length: int
    problems: tuple[str, ...]


def verify_chain(events: Iterable[JournalEvent], expected_head: str | None = None) -> ChainReport:
    """Check a chain given in stored order. Reports every break, with the sequence number where it happens."""
    problems: list[str] = []
    prev = GENESIS
    expected_seq = 1
    count = 0
    for ev in events:
        count += 1
        if ev.seq != expected_seq:
            problems.append(f"第 {count} 条事件序号为 {ev.seq}，应为 {expected_seq}（事件被删除、插入或调换顺序）")
        if ev.prev_hash != prev:
            problems.append(f"序号 {ev.seq} 的前序哈希与上一条事件不符（链条断开）")
        recomputed = event_hash(ev.chain_id, ev.seq, ev.at, ev.actor, ev.device, ev.event_type, ev.payload,
                                ev.prev_hash)
        if recomputed != ev.hash:
            problems.append(f"序号 {ev.seq} 的内容与其哈希不符（事件被修改）")
        prev = ev.hash
        expected_seq = ev.seq + 1
    if expected_head is not None and prev != expected_head:
        problems.append("链尾哈希与记录的链头不一致（末尾事件被删除或追加）")
    return ChainReport(ok=not problems, head=prev, length=count, problems=tuple(problems))


def events_to_json(events: Sequence[JournalEvent]) -> list[dict[str, Any]]:
    return [
        {"chain": e.chain_id, "seq": e.seq, "at": e.at, "actor": e.actor, "device": e.device,
         "type": e.event_type, "payload": e.payload, "prev": e.prev_hash, "hash": e.hash}
        for e in events
    ]


def events_from_json(rows: Sequence[dict[str, Any]]) -> list[JournalEvent]:
    return [JournalEvent(r["chain"], r["seq"], r["at"], r["actor"], r["device"], r["type"], r["payload"],
                         r["prev"], r["hash"]) for r in rows]
