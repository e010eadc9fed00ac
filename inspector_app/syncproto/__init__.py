"""Sync v1 protocol shared by the desktop client (inspector_app.sync) and the server (inspector_app.server).

Pure Python (no FastAPI, no SQLAlchemy, no Qt): each side imports this package, never the other side
(import-linter contracts in pyproject.toml). Modules:
* values   — constants, PermanentError, `same()` and the wire value checks;
* entities — every synced entity declared once (EntitySpec, ENTITIES); see docs/sync-entities.md;
* rules    — validation, per-field compare-and-set, the client's rebase fold, signed content;
* wire     — request/response bodies of /sync/v1;
* payloads — outbox payloads generated from the declarations.
"""

from inspector_app.syncproto.entities import (
    ENTITIES,
    SIGNED_CHILDREN,
    EntitySpec,
    Ref,
    materialize_order,
    record_id,
    signed_with_record,
)
from inspector_app.syncproto.rules import (
    PatchResult,
    apply_patch,
    create_data,
    fold,
    patch_fields,
    scope_hash,
    signed_content,
    signing_hash,
    validate_data,
)
from inspector_app.syncproto.values import (
    ID_RE,
    KINDS,
    MAX_MUTATIONS_PER_PUSH,
    MAX_PULL_LIMIT,
    MAX_PUSH_BYTES,
    MIN_CLIENT_SCHEMA,
    OPS,
    OUTCOMES,
    PROTOCOL,
    SCHEMA_VERSION,
    SHA256_RE,
    TERMINAL,
    PermanentError,
    _check,
    _no_floats,
    check_value,
    same,
)

__all__ = [
    "ENTITIES", "SIGNED_CHILDREN", "EntitySpec", "Ref", "materialize_order", "record_id", "signed_with_record",
    "PatchResult", "apply_patch", "create_data", "fold", "patch_fields", "scope_hash", "signed_content",
    "signing_hash", "validate_data", "ID_RE", "KINDS", "MAX_MUTATIONS_PER_PUSH", "MAX_PULL_LIMIT",
    "MAX_PUSH_BYTES", "MIN_CLIENT_SCHEMA", "OPS", "OUTCOMES", "PROTOCOL", "SCHEMA_VERSION", "SHA256_RE",
    "TERMINAL", "PermanentError", "_check", "_no_floats", "check_value", "same",
]
