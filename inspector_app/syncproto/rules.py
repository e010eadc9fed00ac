"""The pure merge rules shared by server and client (sync.md §7, §8.3): payload parsing, validation,
per-field compare-and-set, the client's rebase fold, and what a signature covers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from inspector_app.domain.canonical import content_hash
from inspector_app.syncproto.entities import ENTITIES, EntitySpec, signed_with_record
from inspector_app.syncproto.values import PermanentError, _check, same


def validate_data(spec: EntitySpec, data: Any, *, partial: bool) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise PermanentError("invalid_payload", "payload data must be an object")
    for k, v in data.items():
        kind = spec.fields.get(k) or ("json" if spec.open_fields else None)
        if kind is None:
            raise PermanentError("unknown_field", f"{spec.name}.{k} is not a known field")
        if not _check(kind, v):
            raise PermanentError("invalid_value", f"{spec.name}.{k} must be {kind}, got {type(v).__name__}")
    if not partial:
        missing = sorted(spec.required - set(data))
        if missing:
            raise PermanentError("missing_field", f"{spec.name} needs {', '.join(missing)}")
    return dict(data)


def create_data(payload: Mapping[str, Any], entity: str | None = None) -> Any:
    """`create` payloads are {"data": {...}}; `append` may also be the flat dict the services write.

    With `entity`, fields the creating client left to its column defaults (e.g. an empty note) are filled in,
    so a later patch whose `old` is that default compares equal on the server."""
    if "data" in payload and isinstance(payload.get("data"), dict):
        data = payload["data"]
    else:
        data = {k: v for k, v in payload.items() if k != "reason"}
    spec = ENTITIES.get(entity) if entity else None
    if spec is not None and spec.defaults and isinstance(data, dict):
        return {**spec.defaults, **data}
    return data


def patch_fields(payload: Mapping[str, Any], op: str) -> dict[str, list[Any]]:
    if op == "delete":
        return {"deleted": [False, True]}
    fields = payload.get("fields")
    if not isinstance(fields, dict) or not fields:
        raise PermanentError("invalid_payload", "patch payload needs a non-empty {\"fields\": {f: [old, new]}}")
    out: dict[str, list[Any]] = {}
    for f, pair in fields.items():
        if not isinstance(pair, list) or len(pair) != 2:
            raise PermanentError("invalid_payload", f"field {f} must be [old, new]")
        out[str(f)] = pair
    return out


# ---------------------------------------------------------------------------------------------- merge rules

@dataclass
class PatchResult:
    data: dict[str, Any]
    applied: list[str] = field(default_factory=list)
    conflicts: list[tuple[str, Any, Any, Any]] = field(default_factory=list)   # field, base, server, client

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def apply_patch(current: Mapping[str, Any], fields: Mapping[str, list[Any]]) -> PatchResult:
    """Per-field three-way compare-and-set (sync.md §7). The server's value is kept on a mismatch."""
    data = dict(current)
    result = PatchResult(data)
    for f in sorted(fields):
        old, new = fields[f]
        cur = data.get(f)
        if same(cur, old):
            if not same(cur, new):
                data[f] = new
                result.applied.append(f)
        elif same(cur, new):
            continue
        else:
            result.conflicts.append((f, old, cur, new))
    return result


def fold(data: Mapping[str, Any] | None, ops: Iterable[tuple[str, Mapping[str, Any]]],
         skip_fields: Mapping[int, set[str]] | None = None, entity: str | None = None) -> dict[str, Any] | None:
    """Client rebase: visible state = server state with the still-pending ops replayed in client_seq order.

    Patches apply their `new` values unconditionally: the user sees their own intent until the server has
    answered; a conflict then shows up in the conflicts list, and the server's value returns on the next pull.
    """
    out = dict(data) if data is not None else None
    for n, (op, payload) in enumerate(ops):
        if op in ("create", "append"):
            created = create_data(payload, entity)
            out = {**(out or {}), **created} if isinstance(created, dict) else out
        elif op in ("patch", "delete"):
            try:
                fields = patch_fields(payload, op)
            except PermanentError:
                continue
            out = dict(out or {})
            for f, (_old, new) in fields.items():
                if skip_fields and f in skip_fields.get(n, set()):
                    continue
                out[f] = new
        elif op == "sign":
            out = dict(out or {})
            out["status"] = "signed"
        elif op == "resolve":
            resolved = payload.get("field")
            if resolved and "value" in payload and payload.get("apply", True):
                out = dict(out or {})
                out[str(resolved)] = payload["value"]
    return out


def signed_content(inspection: Mapping[str, Any],
                   children: Iterable[tuple[str, str, Mapping[str, Any]]]) -> dict[str, Any]:
    """What a signature covers: the record without its workflow fields, its live items, their blob hashes."""
    spec = ENTITIES["inspection"]
    head = {k: v for k, v in inspection.items() if k not in spec.workflow_fields and k != "team_id"}
    items = []
    blobs = set()
    for entity, rid, data in children:
        if not signed_with_record(entity, data) or data.get("deleted"):
            continue
        items.append([entity, rid, dict(data)])
        bf = ENTITIES[entity].blob_field
        if bf and data.get(bf):
            blobs.add(data[bf])
    items.sort(key=lambda x: (x[0], x[1]))
    return {"record": head, "items": items, "blobs": sorted(blobs)}


def signing_hash(inspection: Mapping[str, Any], children: Iterable[tuple[str, str, Mapping[str, Any]]]) -> str:
    return content_hash(signed_content(inspection, children))


def scope_hash(role: str, teams: Iterable[str]) -> str:
    return content_hash({"role": role, "teams": sorted(set(teams))})
