"""Sync v1 wire protocol: the entity registry, value checks and the pure merge rules shared by server and client.

Pure Python (no FastAPI, no SQLAlchemy) so the desktop client can import it without the server's dependencies.
Everything that decides whether two values are "the same" goes through `same()`, which compares canonical JSON:
`True` and `1` are different values here, unlike in Python.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from inspector_app.domain.canonical import canonical_json, content_hash
from inspector_app.domain.rules import REVIEWER_ROLES

PROTOCOL = "sync/v1"
SCHEMA_VERSION = 2          # bumped when an op or entity is added; the server accepts N-1 clients
#                              (2: case_file_seal, the seal ledger)
MIN_CLIENT_SCHEMA = 1
MAX_MUTATIONS_PER_PUSH = 100
MAX_PUSH_BYTES = 1 << 20
MAX_PULL_LIMIT = 1000
OUTCOMES = ("applied", "noop", "conflict", "rejected")
TERMINAL = frozenset(OUTCOMES)

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
ID_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z:._-]{0,199}$")


class PermanentError(Exception):
    """A mutation that can never succeed (validation, authorisation, class D edit): recorded as `rejected`."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason
        self.message = message


def same(a: Any, b: Any) -> bool:
    return a is b or _canon(a) == _canon(b)


def _canon(v: Any) -> str:
    try:
        return canonical_json(v)
    except TypeError:
        return repr(v)


# ---------------------------------------------------------------------------------------------- value types

def _check(kind: str, v: Any) -> bool:
    nullable = kind.endswith("?")
    base = kind.rstrip("?")
    if base == "json":
        return _no_floats(v)
    if v is None:
        return nullable
    if base == "str":
        return isinstance(v, str)
    if base == "bool":
        return isinstance(v, bool)
    if base == "int":
        return isinstance(v, int) and not isinstance(v, bool)
    if base == "date":
        if not isinstance(v, str):
            return False
        try:
            dt.date.fromisoformat(v)
        except ValueError:
            return False
        return True
    if base == "datetime":
        if not isinstance(v, str):
            return False
        try:
            dt.datetime.fromisoformat(v)
        except ValueError:
            return False
        return True
    if base == "decimal":
        if not isinstance(v, str):
            return False
        try:
            return Decimal(v).is_finite()
        except InvalidOperation:
            return False
    if base == "sha256":
        return isinstance(v, str) and bool(SHA256_RE.match(v))
    raise AssertionError(kind)


def _no_floats(v: Any) -> bool:
    if isinstance(v, float):
        return False
    if isinstance(v, dict):
        return all(isinstance(k, str) and _no_floats(x) for k, x in v.items())
    if isinstance(v, list):
        return all(_no_floats(x) for x in v)
    return v is None or isinstance(v, (str, int, bool))


# ---------------------------------------------------------------------------------------------- entities

@dataclass(frozen=True)
class EntitySpec:
    name: str
    klass: str                                  # A append-only, B mutable, D reference (sync.md §2)
    fields: Mapping[str, str]
    required: frozenset[str] = frozenset()
    parent_entity: str | None = None            # the record whose team (and signature) this one inherits
    parent_key: str | None = None
    blob_field: str | None = None
    id_keys: tuple[str, ...] = ()               # class A records keyed by data, not by entity_id
    signed_with_parent: bool = False            # part of the inspection's signed content
    roles: frozenset[str] = frozenset({"inspector", "team_lead", "admin"})
    workflow_fields: frozenset[str] = frozenset()  # may change after signing (status moves on)
    defaults: Mapping[str, Any] = field(default_factory=dict)  # client-side column defaults a create omits
    open_fields: bool = False   # any JSON field accepted (entities whose schema is still settling)
    parent_is_id: bool = False  # keyed by its parent's id (one outcome per inspection)

    def ops(self) -> frozenset[str]:
        if self.klass == "A":
            return frozenset({"append", "create"})
        if self.klass == "B":
            base = {"create", "patch", "delete", "resolve"}
            return frozenset(base | ({"sign"} if self.name == "inspection" else set()))
        return frozenset({"create", "patch", "delete"})  # class D: parsed, then rejected


_DELETED = {"deleted": "bool"}
_INSP = {"inspection_id": "str"}

ENTITIES: dict[str, EntitySpec] = {s.name: s for s in [
    EntitySpec("inspection", "B", {
        "institution_id": "str", "institution_name": "str?", "credit_code": "str?", "inspection_type": "str",
        "mode": "str", "place": "str?", "planned_at": "datetime", "started_at": "datetime?",
        "ended_at": "datetime?", "period_from": "date?", "period_to": "date?", "status": "str",
        "content_hash": "str?", "created_by": "str?", "team_id": "str?", "title": "str?", "note": "str?",
        "record_number": "str?",
        **_DELETED}, required=frozenset({"status"}), workflow_fields=frozenset({"status"})),
    EntitySpec("team_member", "B", {
        **_INSP, "officer_id": "str", "name": "str?", "certificate_no": "str?", "certificate_expiry": "date?",
        "role": "str?", "credentials_shown_at": "datetime?", "recusal_declared_at": "datetime?",
        "has_conflict": "bool?", "conflict_note": "str?", **_DELETED},
        required=frozenset({"inspection_id", "officer_id"}), parent_entity="inspection", parent_key="inspection_id",
        signed_with_parent=True, defaults={"conflict_note": ""}),
    EntitySpec("answer", "B", {
        **_INSP, "template_hash": "str", "item_id": "str", "value": "json", "verdict": "str?", "note": "str?",
        "position": "int?", **_DELETED}, required=frozenset({"inspection_id", "item_id"}),
        parent_entity="inspection", parent_key="inspection_id", signed_with_parent=True),
    EntitySpec("finding", "B", {
        **_INSP, "answer_id": "str?", "item_id": "str?", "description": "str", "severity": "str",
        "amount_involved": "decimal?", "amount_to_recover": "decimal?", "legal_basis": "str?",
        "penalty_article": "str?", **_DELETED}, required=frozenset({"inspection_id"}),
        parent_entity="inspection", parent_key="inspection_id", signed_with_parent=True),
    EntitySpec("evidence", "B", {
        **_INSP, "sha256": "sha256", "kind": "str", "measure": "str?", "caption": "str?",
        "captured_at": "datetime?", "source_name": "str?", "mime": "str?", "size": "int", "meta": "json",
        "reinspection_id": "str?", **_DELETED}, required=frozenset({"inspection_id", "sha256", "size"}),
        parent_entity="inspection", parent_key="inspection_id", blob_field="sha256", signed_with_parent=True),
    EntitySpec("evidence_link", "B", {"evidence_id": "str", "target_type": "str", "target_id": "str", **_DELETED},
               required=frozenset({"evidence_id", "target_type", "target_id"}),
               parent_entity="evidence", parent_key="evidence_id"),
    EntitySpec("inspection_template", "A", {**_INSP, "template_hash": "str", "position": "int?"},
               required=frozenset({"inspection_id", "template_hash"}), parent_entity="inspection",
               parent_key="inspection_id", id_keys=("inspection_id", "template_hash")),
    EntitySpec("comment", "A", {**_INSP, "version": "int?", "text": "str", "author": "str?", "hlc": "str?"},
               required=frozenset({"inspection_id", "text"}), parent_entity="inspection",
               parent_key="inspection_id"),
    EntitySpec("approval", "A", {**_INSP, "content_hash": "sha256", "decision": "str", "note": "str?",
                                 "author": "str?"},
               required=frozenset({"inspection_id", "content_hash", "decision"}), parent_entity="inspection",
               parent_key="inspection_id", roles=REVIEWER_ROLES),  # the rule book's reviewers
    EntitySpec("signature", "A", {**_INSP, "sha256": "sha256", "signer": "str?", "content_hash": "sha256?"},
               required=frozenset({"inspection_id", "sha256"}), parent_entity="inspection",
               parent_key="inspection_id", blob_field="sha256"),
    # Written by the signing service (services/signing.py); field lists are open until that schema settles.
    EntitySpec("signature_capture", "A", {**_INSP, "png_sha256": "sha256?"}, required=frozenset({"inspection_id"}),
               parent_entity="inspection", parent_key="inspection_id", blob_field="png_sha256", open_fields=True),
    EntitySpec("party_signoff", "B", {**_INSP}, required=frozenset({"inspection_id"}), parent_entity="inspection",
               parent_key="inspection_id", open_fields=True),
    EntitySpec("document", "B", {**_INSP, "pdf_sha256": "sha256?", "content_hash": "str?"},
               required=frozenset({"inspection_id"}), parent_entity="inspection", parent_key="inspection_id",
               blob_field="pdf_sha256", open_fields=True),
    # Written by the review service (services/review.py).
    EntitySpec("review_event", "A", {**_INSP, "content_hash": "str?"}, required=frozenset({"inspection_id"}),
               parent_entity="inspection", parent_key="inspection_id", open_fields=True),
    EntitySpec("outcome", "B", {}, parent_entity="inspection", parent_is_id=True, open_fields=True,
               roles=frozenset({"team_lead", "admin", "inspector"})),
    EntitySpec("rectification", "B", {}, open_fields=True),
    # A re-inspection (services/reinspection.py) is frozen by its own signature (content_hash), not the record's.
    EntitySpec("reinspection", "B", {
        **_INSP, "rectification_id": "str", "officer_ids": "json", "place": "str?", "visited_at": "datetime",
        "result": "str?", "note": "str?", "number": "str?", "content_hash": "str?", "document_id": "str?",
        **_DELETED}, required=frozenset({"inspection_id", "rectification_id", "visited_at"}),
        parent_entity="inspection", parent_key="inspection_id", defaults={"note": "", "place": ""}),
    # The seal ledger (services/case_file/ledger.py): each case-file seal as exported, append-only.
    EntitySpec("case_file_seal", "A", {
        **_INSP, "catalogue_sha256": "sha256", "manifest_sha256": "sha256", "record_number": "str",
        "journal_head": "str?", "exported_at": "datetime", "sealed_by": "str?", "certificate_no": "str?"},
        required=frozenset({"inspection_id", "catalogue_sha256", "manifest_sha256", "exported_at"}),
        parent_entity="inspection", parent_key="inspection_id"),
    # Class D: server-authoritative reference data. Listed so a client edit is recognised and rejected.
    EntitySpec("institution", "D", {}),
    EntitySpec("officer", "D", {}),
    EntitySpec("template", "D", {}),
    # Plans, their 双随机 draws and officers' declared conflicts are kept locally for now (issue 14); listed so
    # that a push carrying them is not refused as a whole. Syncing them to other laptops is a follow-up.
    EntitySpec("plan", "D", {}),
    EntitySpec("draw", "D", {}),
    EntitySpec("officer_conflict", "D", {}),
]}

# Soft deletion is an ordinary field (sync.md §2); a record starts as not deleted even if its create omits it.
for _name, _spec in list(ENTITIES.items()):
    if _spec.klass == "B":
        ENTITIES[_name] = replace(_spec, defaults={"deleted": False, **_spec.defaults})

SIGNED_CHILDREN = tuple(sorted(n for n, s in ENTITIES.items() if s.signed_with_parent))


def signed_with_record(entity: str, data: Mapping[str, Any]) -> bool:
    """Whether this record is part of what the inspection record's signature covers. Evidence taken at a
    re-inspection is not: it belongs to the re-inspection, which its own signature freezes."""
    spec = ENTITIES.get(entity)
    return bool(spec and spec.signed_with_parent) and not (entity == "evidence" and data.get("reinspection_id"))


def record_id(spec: EntitySpec, entity_id: str, data: Mapping[str, Any]) -> str:
    """The server's record key. Class A rows keyed by content (a template pinned to an inspection) ignore
    entity_id so two pins of one inspection are two records, not a clash."""
    if spec.id_keys:
        return ":".join(str(data.get(k)) for k in spec.id_keys)
    return entity_id


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
            f = payload.get("field")
            if f and "value" in payload and payload.get("apply", True):
                out = dict(out or {})
                out[str(f)] = payload["value"]
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
