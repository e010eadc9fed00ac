"""Outbox payloads generated from the entity declaration instead of written out by hand in every service.

`create_payload(entity, row)` reads the declared fields off a domain row (any object with those attributes);
`patch_payload(entity, old, new)` gives `{"fields": {f: [old, new]}}` for the fields whose wire value
changes, `changes_payload(entity, pairs)` the given pairs as they are. Values are converted to their wire form
(ISO dates, decimal strings, no floats) so the server's
compare-and-set sees exactly what a later patch's `old` will carry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import Enum
from typing import Any

from inspector_app.syncproto.entities import ENTITIES
from inspector_app.syncproto.values import PermanentError


def to_wire(value: Any) -> Any:
    """A Python value as it travels: datetimes and dates ISO 8601, Decimals as strings, enums by value."""
    if isinstance(value, Enum):
        return to_wire(value.value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")   # plain digits, never an exponent: "100", not "1E+2"
    if isinstance(value, float):
        raise PermanentError("invalid_value", "floats are not synced; use a Decimal")
    if isinstance(value, dict):
        return {str(k): to_wire(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_wire(v) for v in value]
    return value


def column_fields(entity: str) -> list[str]:
    """The declared fields a client row carries as columns (neither the `deleted` flag nor wire-only fields)."""
    spec = ENTITIES[entity]
    return [f for f in spec.fields if f != "deleted" and f not in spec.wire_only]


def _declared(entity: str, fields: Iterable[str] | None) -> list[str]:
    spec = ENTITIES[entity]
    names = list(fields) if fields is not None else [f for f in spec.fields if f != "deleted"]
    unknown = [f for f in names if f not in spec.fields and not spec.open_fields]
    if unknown:
        raise KeyError(f"{entity} declares no field {', '.join(unknown)}")
    return names


def row_data(entity: str, row: Any, fields: Iterable[str] | None = None, *,
             skip_none: Iterable[str] = ()) -> dict[str, Any]:
    """The wire data of a row: every declared field (or `fields`) read off the row. Fields listed in
    `skip_none` are left out while they are None (optional fields older clients never sent)."""
    drop = set(skip_none)
    out: dict[str, Any] = {}
    for f in _declared(entity, fields):
        value = getattr(row, f)
        if value is None and f in drop:
            continue
        out[f] = to_wire(value)
    return out


def create_payload(entity: str, row: Any, fields: Iterable[str] | None = None, *,
                   extra: Mapping[str, Any] | None = None, skip_none: Iterable[str] = ()) -> dict[str, Any]:
    """`{"data": {...}}` of a create or append."""
    data = row_data(entity, row, fields, skip_none=skip_none)
    if extra:
        data.update({k: to_wire(v) for k, v in extra.items()})
    return {"data": data}


def data_payload(entity: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """`{"data": {...}}` of a record that has no local row (a comment, an approval, a seal in the ledger): the
    field names are checked against the declaration, the values put in wire form."""
    _declared(entity, data)
    return {"data": {f: to_wire(v) for f, v in data.items()}}


def sign_payload(content_hash: str, signer: str) -> dict[str, Any]:
    """The `sign` op of an inspection: compare-and-set on the signed content the server holds (sync.md §5)."""
    return {"content_hash": content_hash, "signer": signer}


def patch_payload(entity: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any] | None:
    """`{"fields": {f: [old, new]}}` for the fields of `new` whose wire value differs from `old`; None when
    nothing changes (the caller then writes no outbox row)."""
    _declared(entity, new)
    fields = {f: [to_wire(old.get(f)), to_wire(v)] for f, v in new.items()}
    fields = {f: pair for f, pair in fields.items() if pair[0] != pair[1]}
    return {"fields": fields} if fields else None


def row_changes(entity: str, row: Any, changes: Mapping[str, Any]) -> dict[str, Any] | None:
    """`patch_payload` of setting `changes` on `row` (call it before assigning them)."""
    return patch_payload(entity, {f: getattr(row, f) for f in changes}, changes)


def changes_payload(entity: str, pairs: Mapping[str, Any], **extra: Any) -> dict[str, Any]:
    """`{"fields": {f: [old, new]}, **extra}` of the given `(old, new)` pairs, in wire form. Unlike
    `patch_payload` every pair is kept, also one whose value did not change: a service that re-asserts a value
    (a recusal declared again) sends it, and the server's compare-and-set treats it as a no-op."""
    _declared(entity, pairs)
    return {"fields": {f: [to_wire(old), to_wire(new)] for f, (old, new) in pairs.items()}, **extra}


def delete_payload(deleted: bool = True, **extra: Any) -> dict[str, Any]:
    """A soft delete (or restore) is an ordinary patch of `deleted` (sync.md §2)."""
    return {"fields": {"deleted": [not deleted, deleted]}, **extra}
