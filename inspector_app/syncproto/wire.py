"""The request and response bodies of /sync/v1 (sync.md §6) as typed dicts, with the builders the client uses.

Stdlib only: the desktop client has no pydantic. The server validates requests with its own pydantic models
(server/app.py), which tests/sync/test_entity_registry.py keeps field-for-field equal to these. Every request is
self-describing (client_id, epoch, cursor; F13): the server keeps no per-session state.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NotRequired, TypedDict

from inspector_app.syncproto.values import SCHEMA_VERSION

PREFIX = "/sync/v1"
EPOCH_HEADER = "X-Sync-Epoch"


class HelloRequest(TypedDict):
    client_id: str
    app_version: str
    schema_version: int
    user: NotRequired[str | None]


class MutationWire(TypedDict):
    client_seq: int
    mutation_id: str
    entity: str
    entity_id: str
    op: str
    payload: dict[str, Any]
    hlc: str


class PushRequest(TypedDict):
    client_id: str
    epoch: str | None
    schema_version: int
    mutations: list[MutationWire]


class PushResult(TypedDict, total=False):
    client_seq: int
    mutation_id: str
    outcome: str            # applied | noop | conflict | rejected
    version: int
    conflict_ids: list[str]
    conflict_fields: list[str]
    reason: str
    message: str
    record_id: str
    duplicate: bool


class PushResponse(TypedDict):
    epoch: str
    last_seq: int
    results: list[PushResult]
    server_time: str


class PullItem(TypedDict):
    seq: int
    entity: str
    id: str
    version: int
    data: dict[str, Any]
    deleted: bool
    state: str
    has_open_conflict: bool
    team_id: str | None
    content_hash: str | None


class PullPage(TypedDict):
    epoch: str
    scope_hash: str
    items: list[PullItem]
    conflicts: list[dict[str, Any]]
    next_cursor: int
    has_more: bool
    schema_version: int


def hello_request(client_id: str, app_version: str) -> HelloRequest:
    return {"client_id": client_id, "app_version": app_version, "schema_version": SCHEMA_VERSION}


def mutation(client_seq: int, mutation_id: str, entity: str, entity_id: str, op: str,
             payload: Mapping[str, Any], hlc: str) -> MutationWire:
    return {"client_seq": client_seq, "mutation_id": mutation_id, "entity": entity, "entity_id": entity_id,
            "op": op, "payload": dict(payload), "hlc": hlc}


def push_request(client_id: str, epoch: str | None, mutations: Iterable[MutationWire]) -> PushRequest:
    return {"client_id": client_id, "epoch": epoch, "schema_version": SCHEMA_VERSION,
            "mutations": list(mutations)}
