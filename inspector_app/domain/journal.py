"""The whole-process record (全过程记录): a per-inspection, hash-chained, append-only journal.

Each event's hash covers its sequence number, time, actor, device, type, payload and the previous hash, so an
edited, deleted, inserted or reordered event breaks the chain at a point `verify_chain` names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from inspector_app.domain.canonical import canonical_json, sha256_hex
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, CodedProblem, coded

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
    problems: tuple[CodedProblem, ...]  # each break, coded (worded by whoever reports it: UI, CLI, case file)


def verify_chain(events: Iterable[JournalEvent], expected_head: str | None = None) -> ChainReport:
    """Check a chain given in stored order. Reports every break, with the sequence number where it happens."""
    problems: list[CodedProblem] = []
    prev = GENESIS
    expected_seq = 1
    count = 0
    for ev in events:
        count += 1
        if ev.seq != expected_seq:
            problems.append(coded("journal.sequence_gap", QT_TRANSLATE_NOOP(
                "Errors", "Event {count} has sequence number {seq}, expected {expected} (an event was deleted, "
                          "inserted or reordered)."), count=count, seq=ev.seq, expected=expected_seq))
        if ev.prev_hash != prev:
            problems.append(coded("journal.chain_broken", QT_TRANSLATE_NOOP(
                "Errors", "The previous hash of sequence number {seq} does not match the event before it (the chain is "
                          "broken)."), seq=ev.seq))
        recomputed = event_hash(ev.chain_id, ev.seq, ev.at, ev.actor, ev.device, ev.event_type, ev.payload,
                                ev.prev_hash)
        if recomputed != ev.hash:
            problems.append(coded("journal.event_modified", QT_TRANSLATE_NOOP(
                "Errors", "The content of sequence number {seq} does not match its hash (the event was modified)."),
                seq=ev.seq))
        prev = ev.hash
        expected_seq = ev.seq + 1
    if expected_head is not None and prev != expected_head:
        problems.append(coded("journal.tail_mismatch", QT_TRANSLATE_NOOP(
            "Errors", "The hash at the end of the chain does not match the recorded head (events at the end were "
                      "deleted or appended).")))
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
