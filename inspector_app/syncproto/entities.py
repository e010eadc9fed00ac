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

from inspector_app.domain.rules import PLANNER_ROLES, REVIEWER_ROLES


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
    # Whose team a record without a parent belongs to: "creator" (the team the pusher names or belongs to),
    # "institution" (the team the server assigns to data["institution_id"], table institution_teams), or
    # "shared" (no team: every team sees it; only the intake roles write it).
    team_scope: str = "creator"
    # Intake data (leads, campaigns, self-inspection returns) is created centrally by a team lead or an
    # administrator for whichever team the institution is assigned to: their creates pass the team check.
    intake: bool = False

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
        "record_number": "str?", "draw_id": "str?",
        **_DELETED}, required=frozenset({"status"}), workflow_fields=frozenset({"status"}),
        table="inspections", refs=(Ref("institution_id", "institution"),),
        wire_only=frozenset({"institution_name", "credit_code", "team_id", "title", "note", "draw_id"})),
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
        "reinspection_id": "str?", "seizure_id": "str?", "evidence_type": "str?", "provider": "str?",
        "page_count": "int?", **_DELETED},
        required=frozenset({"inspection_id", "sha256", "size"}),
        parent_entity="inspection", parent_key="inspection_id", blob_field="sha256", signed_with_parent=True,
        defaults={"evidence_type": "", "provider": ""}, table="evidence", refs=_IN_INSPECTION),
    # The party's "与原件核对一致" for the record's whole 证据清单 (services/evidence_list.py): one per inspection,
    # printed in the signed record, so frozen with it.
    EntitySpec("evidence_confirmation", "B", {
        **_INSP, "refused": "bool", "signer_name": "str?", "refusal_reason": "str?", "list_digest": "sha256",
        "confirmed_at": "datetime", **_DELETED}, required=frozenset({"inspection_id", "list_digest", "confirmed_at"}),
        parent_entity="inspection", parent_key="inspection_id", signed_with_parent=True,
        defaults={"signer_name": "", "refusal_reason": ""},
        table="evidence_confirmations", refs=_IN_INSPECTION),
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
    # The structured rows of the on-site documents (services/inquiries.py, services/service_receipts.py), append-
    # only like the signed documents they describe. Only columns free of personal data travel: the person
    # questioned (name, ID number, answers) and a receipt's witness stay in the signed PDF, which syncs as the
    # document's blob; a 留置送达 photo is the receipt's blob.
    EntitySpec("inquiry", "A", {
        **_INSP, "document_id": "str", "number": "str", "role": "str", "refused": "bool",
        "started_at": "datetime", "created_at": "datetime?"},
        required=frozenset({"inspection_id", "document_id", "number", "role", "started_at"}),
        parent_entity="inspection", parent_key="inspection_id", table="inquiries", refs=_IN_INSPECTION),
    EntitySpec("service_receipt", "A", {
        **_INSP, "document_id": "str", "served_document_id": "str", "number": "str", "method": "str",
        "served_at": "datetime", "receiver_signed": "bool", "photo_sha256": "sha256?", "created_at": "datetime?"},
        required=frozenset({"inspection_id", "document_id", "served_document_id", "number", "method", "served_at"}),
        parent_entity="inspection", parent_key="inspection_id", blob_field="photo_sha256",
        table="service_receipts", refs=_IN_INSPECTION),
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
    # Data leads and campaigns (issue 16): imported on a team lead's laptop, they reach the laptops of the team
    # the server assigns to each lead's institution (`inspector server assign-institution`). A lead carries its
    # patient only as the importing workspace's keyed hash and a masked hint; the extract and its lines stay on the
    # importing laptop (lead_source and lead_import are local: a pulled lead has no import_id).
    EntitySpec("lead", "B", {
        "rule": "str", "institution_code": "str", "institution_id": "str", "settlement_no": "str",
        "patient_hash": "str", "patient_masked": "str", "amount_fen": "int", "detail": "json", "status": "str",
        "note": "str", "inspection_id": "str?", "finding_id": "str?", "campaign_item": "str?", **_DELETED},
        required=frozenset({"rule", "institution_id", "settlement_no", "patient_hash", "amount_fen"}),
        team_scope="institution", intake=True, defaults={"note": "", "status": "open", "detail": {}},
        table="leads", refs=(Ref("import_id", "lead_import", required=False),)),
    EntitySpec("campaign", "A", {
        "name": "str", "scope": "str", "phases": "json", "items": "json", "self_check_deadline": "date",
        "created_by": "str", "created_at": "datetime"}, required=frozenset({"name", "self_check_deadline"}),
        team_scope="shared", intake=True, roles=frozenset({"team_lead", "admin"}), table="campaigns"),
    EntitySpec("campaign_institution", "A", {"campaign_id": "str", "institution_id": "str"},
               required=frozenset({"campaign_id", "institution_id"}), parent_entity="campaign",
               parent_key="campaign_id", id_keys=("campaign_id", "institution_id"), intake=True,
               roles=frozenset({"team_lead", "admin"}), table="campaign_institutions",
               refs=(Ref("campaign_id", "campaign"), Ref("institution_id", "institution"))),
    EntitySpec("selfcheck_return", "A", {
        "campaign_id": "str", "institution_id": "str", "file_name": "str", "sha256": "sha256", "source": "str",
        "received_on": "date", "late": "bool", "committed_by": "str", "committed_on": "date?",
        "imported_by": "str", "imported_at": "datetime"},
        required=frozenset({"campaign_id", "institution_id", "file_name", "sha256", "received_on"}),
        team_scope="institution", intake=True, roles=frozenset({"team_lead", "admin"}), table="selfcheck_returns",
        blob_field="sha256",  # the return as received (电子数据) follows it to the team's laptops
        refs=(Ref("campaign_id", "campaign"), Ref("institution_id", "institution"))),
    EntitySpec("selfcheck_problem", "A", {
        "return_id": "str", "row_no": "int", "item_id": "str", "description": "str", "amount_fen": "int",
        "refunded_fen": "int", "refunded_on": "date?", "receipt_no": "str", "measures": "str"},
        required=frozenset({"return_id", "item_id", "amount_fen"}), parent_entity="selfcheck_return",
        parent_key="return_id", intake=True, roles=frozenset({"team_lead", "admin"}),
        table="selfcheck_problems", refs=(Ref("return_id", "selfcheck_return"),)),
    # Class D: server-authoritative reference data. Listed so a client edit is recognised and rejected.
    EntitySpec("institution", "D", {}, table="institutions"),
    EntitySpec("officer", "D", {}, table="officers"),
    EntitySpec("template", "D", {}, table="template_versions"),
    # Plans and their 双随机 draws (issue 14): made by a team lead (the rule book's PLANNER_ROLES) for a team, which
    # scopes every record below the plan. A draw is frozen once drawn (seed, pool, result; server/apply.py) and its
    # signed 随机抽查记录 is append-only; every attempt, abandoned ones included, stays a record of its own.
    EntitySpec("plan", "B", {
        "key": "str", "kind": "str", "title": "str", "year": "int", "status": "str", "issuer": "str?",
        "document_no": "str?", "window_start": "date", "window_end": "date", "filing_due": "date?",
        "summary_due": "date?", "phases": "json", "source_hash": "str?", "team_id": "str?", **_DELETED},
        required=frozenset({"key", "kind", "title", "year", "status", "window_start", "window_end"}),
        roles=PLANNER_ROLES, workflow_fields=frozenset({"status"}), table="plans", wire_only=frozenset({"team_id"})),
    EntitySpec("plan_item", "B", {
        "plan_id": "str", "key": "str", "position": "int", "name": "str", "content": "str?", "requirements": "str?",
        "scope": "json", "target_kind": "str", "target_value": "str", "frequency": "int", "window_start": "date",
        "window_end": "date", "division": "str?", "templates": "json", "inspection_type": "str", **_DELETED},
        required=frozenset({"plan_id", "key", "name", "target_kind", "target_value", "window_start", "window_end",
                            "inspection_type"}),
        parent_entity="plan", parent_key="plan_id", roles=PLANNER_ROLES, table="plan_items",
        refs=(Ref("plan_id", "plan"),)),
    EntitySpec("draw", "B", {
        "plan_item_id": "str", "round_no": "int", "attempt": "int", "status": "str", "seed": "str",
        "algorithm": "str", "planned_on": "date", "cross_check": "bool", "rules": "json", "pool": "json",
        "pool_hash": "str?", "result": "json", "reason": "str?", "record_sha256": "sha256?", "created_by": "str?",
        "created_at": "datetime?", "drawn_at": "datetime?", "decided_at": "datetime?", **_DELETED},
        required=frozenset({"plan_item_id", "round_no", "attempt", "status", "seed", "algorithm", "planned_on"}),
        parent_entity="plan_item", parent_key="plan_item_id", roles=PLANNER_ROLES, blob_field="record_sha256",
        workflow_fields=frozenset({"status", "reason", "decided_at", "record_sha256"}),
        table="draws", refs=(Ref("plan_item_id", "plan_item"),)),
    EntitySpec("draw_record", "A", {
        "draw_id": "str", "sha256": "sha256", "number": "str?", "content_hash": "str?", "signer": "str?",
        "signed_at": "datetime?"}, required=frozenset({"draw_id", "sha256"}), parent_entity="draw",
        parent_key="draw_id", roles=PLANNER_ROLES, blob_field="sha256"),
    # Which inspection was made under which plan item (and draw): coverage on every lead's laptop of the team.
    EntitySpec("plan_item_inspection", "A", {**_INSP, "plan_item_id": "str", "draw_id": "str?"},
               required=frozenset({"inspection_id", "plan_item_id"}), parent_entity="inspection",
               parent_key="inspection_id", roles=PLANNER_ROLES, table="plan_item_inspections",
               refs=(*_IN_INSPECTION, Ref("plan_item_id", "plan_item"))),
    # An officer's declared 回避 conflict with an institution: the draw never sends them there.
    EntitySpec("officer_conflict", "B", {"officer_id": "str", "institution_id": "str", "reason": "str?",
                                         **_DELETED},
               required=frozenset({"officer_id", "institution_id"}), defaults={"reason": ""},
               table="officer_conflicts", refs=(Ref("officer_id", "officer"), Ref("institution_id", "institution"))),
    # Local to the importing laptop (the parents of its leads there); never sent.
    EntitySpec("lead_source", "D", {}, table="lead_sources"),
    EntitySpec("lead_import", "D", {}, table="lead_imports", refs=(Ref("source_id", "lead_source"),)),
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
