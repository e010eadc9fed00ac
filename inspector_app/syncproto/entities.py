"""The synced entities, each declared once (docs/sync-entities.md says how to add one).

An `EntitySpec` is the single description both sides derive from:
* the server validates pushed data against `fields`/`required`, authorises by `roles`, finds the owning record
  through `parent_entity`/`parent_key`, freezes `signed_with_parent` items when the inspection is signed;
* the client projects pulled state into its local `table` (the ORM table of that name), checks the local `refs`
  exist first (parents before children, in `materialize_order()`), and registers `blob_field` files for upload;
* services build their outbox payloads from `fields` (syncproto.payloads).
tests/sync/test_entity_registry.py checks that the client ORM, the server and this registry agree.

Data classes (sync.md §2): A append-only (insert only, keyed by a client UUID, identical re-insert is a no-op),
B mutable team records (per-field compare-and-set, conflicts kept), D server-authoritative reference data
(pull only; a client mutation is rejected and recorded).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from inspector_app.domain.rules import REVIEWER_ROLES


@dataclass(frozen=True)
class Ref:
    """A field holding the id of another synced entity that must exist locally before this row is written."""

    key: str
    entity: str
    required: bool = True


@dataclass(frozen=True)
class EntitySpec:
    name: str
    klass: str                                  # A append-only, B mutable, D reference (sync.md §2)
    fields: Mapping[str, str]                   # wire field -> kind (syncproto.values.KINDS, "?" = nullable)
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
    table: str | None = None    # the client's ORM table; None: kept in sync_records only (comments, approvals)
    refs: tuple[Ref, ...] = ()  # local rows that must exist before this one is projected (foreign keys)
    wire_only: frozenset[str] = frozenset()  # declared fields the client table has no column for (kept in
    #                                          sync_records.server_data and on the server)

    def ops(self) -> frozenset[str]:
        if self.klass == "A":
            return frozenset({"append", "create"})
        if self.klass == "B":
            base = {"create", "patch", "delete", "resolve"}
            return frozenset(base | ({"sign"} if self.name == "inspection" else set()))
        return frozenset({"create", "patch", "delete"})  # class D: parsed, then rejected


_DELETED = {"deleted": "bool"}
_INSP = {"inspection_id": "str"}
_IN_INSPECTION = (Ref("inspection_id", "inspection"),)

ENTITIES: dict[str, EntitySpec] = {s.name: s for s in [
    EntitySpec("inspection", "B", {
        "institution_id": "str", "institution_name": "str?", "credit_code": "str?", "inspection_type": "str",
        "mode": "str", "place": "str?", "planned_at": "datetime", "started_at": "datetime?",
        "ended_at": "datetime?", "period_from": "date?", "period_to": "date?", "status": "str",
        "content_hash": "str?", "created_by": "str?", "team_id": "str?", "title": "str?", "note": "str?",
        "record_number": "str?",
        **_DELETED}, required=frozenset({"status"}), workflow_fields=frozenset({"status"}),
        table="inspections", refs=(Ref("institution_id", "institution"),),
        wire_only=frozenset({"institution_name", "credit_code", "team_id", "title", "note"})),
    EntitySpec("team_member", "B", {
        **_INSP, "officer_id": "str", "name": "str?", "certificate_no": "str?", "certificate_expiry": "date?",
        "role": "str?", "credentials_shown_at": "datetime?", "recusal_declared_at": "datetime?",
        "has_conflict": "bool?", "conflict_note": "str?", **_DELETED},
        required=frozenset({"inspection_id", "officer_id"}), parent_entity="inspection", parent_key="inspection_id",
        signed_with_parent=True, defaults={"conflict_note": ""},
        table="team_members", refs=(*_IN_INSPECTION, Ref("officer_id", "officer")),
        wire_only=frozenset({"name", "certificate_no", "certificate_expiry"})),
    EntitySpec("answer", "B", {
        **_INSP, "template_hash": "str", "item_id": "str", "value": "json", "verdict": "str?", "note": "str?",
        "position": "int?", **_DELETED}, required=frozenset({"inspection_id", "item_id"}),
        parent_entity="inspection", parent_key="inspection_id", signed_with_parent=True,
        table="answers", refs=(*_IN_INSPECTION, Ref("template_hash", "template"))),
    EntitySpec("finding", "B", {
        **_INSP, "answer_id": "str?", "item_id": "str?", "description": "str", "severity": "str",
        "amount_involved": "decimal?", "amount_to_recover": "decimal?", "legal_basis": "str?",
        "penalty_article": "str?", **_DELETED}, required=frozenset({"inspection_id"}),
        parent_entity="inspection", parent_key="inspection_id", signed_with_parent=True,
        table="findings", refs=(*_IN_INSPECTION, Ref("answer_id", "answer", required=False))),
    EntitySpec("evidence", "B", {
        **_INSP, "sha256": "sha256", "kind": "str", "measure": "str?", "caption": "str?",
        "captured_at": "datetime?", "source_name": "str?", "mime": "str?", "size": "int", "meta": "json",
        "reinspection_id": "str?", "seizure_id": "str?", **_DELETED},
        required=frozenset({"inspection_id", "sha256", "size"}),
        parent_entity="inspection", parent_key="inspection_id", blob_field="sha256", signed_with_parent=True,
        table="evidence", refs=_IN_INSPECTION),
    EntitySpec("evidence_link", "B", {"evidence_id": "str", "target_type": "str", "target_id": "str", **_DELETED},
               required=frozenset({"evidence_id", "target_type", "target_id"}),
               parent_entity="evidence", parent_key="evidence_id",
               table="evidence_links", refs=(Ref("evidence_id", "evidence"),)),
    EntitySpec("inspection_template", "A", {**_INSP, "template_hash": "str", "position": "int?"},
               required=frozenset({"inspection_id", "template_hash"}), parent_entity="inspection",
               parent_key="inspection_id", id_keys=("inspection_id", "template_hash"),
               table="inspection_templates", refs=(*_IN_INSPECTION, Ref("template_hash", "template"))),
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
    # The record's signing and review trail is projected locally so a team lead's laptop can review and an
    # inspector's laptop sees a return for correction (their files are fetched after the pull).
    EntitySpec("signature_capture", "A", {**_INSP, "png_sha256": "sha256?"}, required=frozenset({"inspection_id"}),
               parent_entity="inspection", parent_key="inspection_id", blob_field="png_sha256", open_fields=True,
               table="signature_captures", refs=_IN_INSPECTION),
    EntitySpec("party_signoff", "B", {**_INSP}, required=frozenset({"inspection_id"}), parent_entity="inspection",
               parent_key="inspection_id", open_fields=True, table="party_signoffs", refs=_IN_INSPECTION),
    EntitySpec("document", "B", {**_INSP, "pdf_sha256": "sha256?", "content_hash": "str?"},
               required=frozenset({"inspection_id"}), parent_entity="inspection", parent_key="inspection_id",
               blob_field="pdf_sha256", open_fields=True, table="documents", refs=_IN_INSPECTION),
    # Written by the review service (services/review.py).
    EntitySpec("review_event", "A", {**_INSP, "content_hash": "str?"}, required=frozenset({"inspection_id"}),
               parent_entity="inspection", parent_key="inspection_id", open_fields=True,
               table="review_events", refs=_IN_INSPECTION),
    EntitySpec("outcome", "B", {}, parent_entity="inspection", parent_is_id=True, open_fields=True,
               roles=frozenset({"team_lead", "admin", "inspector"}), table="outcomes", refs=_IN_INSPECTION),
    EntitySpec("rectification", "B", {}, open_fields=True, table="rectifications", refs=_IN_INSPECTION),
    # A re-inspection (services/reinspection.py) is frozen by its own signature (content_hash), not the record's.
    EntitySpec("reinspection", "B", {
        **_INSP, "rectification_id": "str", "officer_ids": "json", "place": "str?", "visited_at": "datetime",
        "result": "str?", "note": "str?", "number": "str?", "content_hash": "str?", "document_id": "str?",
        **_DELETED}, required=frozenset({"inspection_id", "rectification_id", "visited_at"}),
        parent_entity="inspection", parent_key="inspection_id", defaults={"note": "", "place": ""},
        table="reinspections", refs=(*_IN_INSPECTION, Ref("rectification_id", "rectification"))),
    # A 封存 / 先行登记保存 measure (services/seizures.py): its clock and how it ended. Not frozen by the record's
    # signature: it is extended and closed after the record is signed; its notice is a document of its own.
    EntitySpec("seizure", "B", {
        **_INSP, "document_id": "str", "number": "str", "measure": "str", "items": "int", "started_at": "datetime",
        "due_on": "date", "extended": "bool", "extension_reason": "str?", "extended_at": "datetime?",
        "closed": "str?", "closed_note": "str?", "closed_at": "datetime?", **_DELETED},
        required=frozenset({"inspection_id", "document_id", "number", "measure", "started_at", "due_on"}),
        parent_entity="inspection", parent_key="inspection_id",
        defaults={"extended": False, "extension_reason": "", "closed": "", "closed_note": ""},
        table="seizures", refs=_IN_INSPECTION),
    # The seal ledger (services/case_file/ledger.py): each case-file seal as exported, append-only; kept in
    # sync_records only (no table of its own on the client).
    EntitySpec("case_file_seal", "A", {
        **_INSP, "catalogue_sha256": "sha256", "manifest_sha256": "sha256", "record_number": "str",
        "journal_head": "str?", "exported_at": "datetime", "sealed_by": "str?", "certificate_no": "str?"},
        required=frozenset({"inspection_id", "catalogue_sha256", "manifest_sha256", "exported_at"}),
        parent_entity="inspection", parent_key="inspection_id"),
    # Class D: server-authoritative reference data. Listed so a client edit is recognised and rejected.
    EntitySpec("institution", "D", {}, table="institutions"),
    EntitySpec("officer", "D", {}, table="officers"),
    EntitySpec("template", "D", {}, table="template_versions"),
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


def materialize_order() -> tuple[str, ...]:
    """Entities with a local table, parents before children (reference data, inspections, their items, links):
    the client projects pulled records in this order so local foreign keys are satisfied."""
    depth: dict[str, int] = {}

    def level(name: str, seen: tuple[str, ...] = ()) -> int:
        if name in seen:
            raise ValueError(f"reference cycle through {name}")
        if name not in depth:
            refs = ENTITIES[name].refs
            depth[name] = 1 + max((level(r.entity, (*seen, name)) for r in refs), default=-1)
        return depth[name]

    tabled = [n for n, s in ENTITIES.items() if s.table]
    return tuple(sorted(tabled, key=lambda n: (level(n), n)))


def signed_with_record(entity: str, data: Mapping[str, Any]) -> bool:
    """Whether this record is part of what the inspection record's signature covers. Evidence taken at a
    re-inspection is not: it belongs to the re-inspection, which its own signature freezes; nor is a seized
    item's photo, whose SHA-256 the signed 封存决定书 / 先行登记保存通知书 prints."""
    spec = ENTITIES.get(entity)
    return bool(spec and spec.signed_with_parent) and not (
        entity == "evidence" and (data.get("reinspection_id") or data.get("seizure_id")))


def record_id(spec: EntitySpec, entity_id: str, data: Mapping[str, Any]) -> str:
    """The server's record key. Class A rows keyed by content (a template pinned to an inspection) ignore
    entity_id so two pins of one inspection are two records, not a clash."""
    if spec.id_keys:
        return ":".join(str(data.get(k)) for k in spec.id_keys)
    return entity_id
