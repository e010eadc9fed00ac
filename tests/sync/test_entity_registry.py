"""Client, server and the client ORM agree with the one declaration of each synced entity (syncproto.entities),
and the wire bodies the client builds are the ones the server validates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from typing import get_type_hints

import pytest

from inspector_app import syncproto as P
from inspector_app.server import app as server_app
from inspector_app.storage.orm import Base
from inspector_app.sync.project import mappings
from inspector_app.syncproto import payloads, wire

TABLES = {m.class_.__tablename__: m.class_ for m in Base.registry.mappers}


def test_every_declared_table_is_an_orm_table_with_the_declared_columns() -> None:
    for name, spec in P.ENTITIES.items():
        if spec.table is None:
            # append-only records (comments, approvals, signed draw records) live in sync_records alone; a class D
            # entity without a table would be local-only data the server refuses and never sends
            assert spec.klass in ("A", "D"), f"{name}: only append-only entities may live in sync_records alone"
            assert spec.klass == "A" or not spec.fields, f"{name}: a table-less class D entity declares no fields"
            continue
        assert spec.table in TABLES, f"{name}: no ORM table {spec.table}"
        columns = {c.key for c in TABLES[spec.table].__table__.columns}
        for f in spec.fields:
            if f == "deleted":   # soft delete travels as a flag; stored as deleted_at where the table has one
                continue
            assert (f in columns) != (f in spec.wire_only), (
                f"{name}.{f}: a declared field is a column of {spec.table} or listed in wire_only, not both")
        assert spec.wire_only <= set(spec.fields), f"{name}: wire_only names undeclared fields"


def test_refs_are_the_foreign_keys_of_the_client_table() -> None:
    for name, spec in P.ENTITIES.items():
        if spec.table is None:
            continue
        table = TABLES[spec.table].__table__
        fks = {c.key: {fk.column.table.name for fk in c.foreign_keys} for c in table.columns if c.foreign_keys}
        declared = {r.key: r for r in spec.refs}
        assert set(fks) == set(declared), f"{name}: refs {sorted(declared)} vs foreign keys {sorted(fks)}"
        for key, ref in declared.items():
            assert fks[key] == {P.ENTITIES[ref.entity].table}, f"{name}.{key} points elsewhere"
            assert ref.required == (not table.columns[key].nullable), f"{name}.{key}: required vs nullable"


def test_client_projection_is_derived_parents_first() -> None:
    maps = mappings()
    assert set(maps) == {n for n, s in P.ENTITIES.items() if s.table}
    order = list(maps)
    for name, (row_cls, parents) in maps.items():
        assert row_cls.__tablename__ == P.ENTITIES[name].table
        for ref in P.ENTITIES[name].refs:
            assert order.index(ref.entity) < order.index(name), f"{ref.entity} must come before {name}"
        assert [(k, p.__tablename__, r) for k, p, r in parents] == [
            (r.key, P.ENTITIES[r.entity].table, r.required) for r in P.ENTITIES[name].refs]


def test_declarations_are_well_formed() -> None:
    for name, spec in P.ENTITIES.items():
        assert spec.klass in ("A", "B", "D"), name
        for f, kind in spec.fields.items():
            assert kind.rstrip("?") in P.KINDS, f"{name}.{f}: unknown kind {kind}"
        assert spec.required <= set(spec.fields) or spec.open_fields, name
        if spec.blob_field:
            assert spec.fields[spec.blob_field].rstrip("?") == "sha256", f"{name}: blob field must be sha256"
        if spec.parent_entity:
            assert spec.parent_entity in P.ENTITIES, name
            assert spec.parent_is_id or spec.parent_key in spec.fields, name
        for ref in spec.refs:
            assert ref.entity in P.ENTITIES and P.ENTITIES[ref.entity].table, f"{name}: ref to {ref.entity}"
        assert spec.ops() <= set(P.OPS), name


@pytest.mark.parametrize("wire_type,model", [
    (wire.HelloRequest, server_app.HelloRequest),
    (wire.MutationWire, server_app.MutationBody),
    (wire.PushRequest, server_app.PushRequest),
])
def test_server_validates_the_bodies_the_client_builds(wire_type: type, model: type) -> None:
    assert set(get_type_hints(wire_type)) == set(model.model_fields)


def test_built_requests_pass_the_server_models() -> None:
    m = wire.mutation(1, "m1", "finding", "f1", "create", {"data": {"inspection_id": "i1"}}, "h")
    server_app.PushRequest.model_validate(wire.push_request("c1", "e1", [m]))
    server_app.HelloRequest.model_validate(wire.hello_request("c1", "1.0"))


def test_generated_payloads_are_wire_values() -> None:
    row = SimpleNamespace(inspection_id="i1", answer_id=None, item_id="x", description="d", severity="minor",
                          amount_involved=Decimal("12.50"), amount_to_recover=None, legal_basis="l",
                          penalty_article=None)
    data = payloads.create_payload("finding", row)["data"]
    assert data == {"inspection_id": "i1", "answer_id": None, "item_id": "x", "description": "d",
                    "severity": "minor", "amount_involved": "12.50", "amount_to_recover": None,
                    "legal_basis": "l", "penalty_article": None}
    P.validate_data(P.ENTITIES["finding"], data, partial=False)
    stamp = dt.datetime(2026, 5, 1, 8, 0, tzinfo=dt.timezone.utc)
    ev = SimpleNamespace(started_at=None)
    assert payloads.row_changes("inspection", ev, {"started_at": stamp}) == {
        "fields": {"started_at": [None, "2026-05-01T08:00:00+00:00"]}}
    assert payloads.row_changes("inspection", SimpleNamespace(status="draft"), {"status": "draft"}) is None
    assert payloads.delete_payload(reason="dup") == {"fields": {"deleted": [False, True]}, "reason": "dup"}
    with pytest.raises(KeyError):
        payloads.create_payload("finding", row, ["no_such_field"])
    with pytest.raises(P.PermanentError):
        payloads.to_wire(1.5)


def test_services_write_the_generated_payloads(app, roster) -> None:  # type: ignore[no-untyped-def]
    """The finding a service adds goes out with the payload the declaration generates, field for field the
    payload the service used to write by hand (so servers and older clients see no difference)."""
    from sqlalchemy import select

    from inspector_app.domain.findings import FindingData
    from inspector_app.storage.orm import OutboxRow
    from tests.helpers import lead, new_inspection, start_on_site

    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    dto, _ = app.findings.add(lead(roster), iid, FindingData(description="多收费", amount_involved=Decimal("1200.5")))
    with app.ctx.read() as s:
        row = s.scalars(select(OutboxRow).where(OutboxRow.entity == "finding", OutboxRow.entity_id == dto.id)).one()
    assert row.op == "create" and row.payload == {"data": {
        "inspection_id": iid, "answer_id": None, "item_id": None, "description": "多收费", "severity": "一般",
        "amount_involved": "1200.5", "amount_to_recover": "0.00", "legal_basis": "", "penalty_article": ""}}
    P.validate_data(P.ENTITIES["finding"], row.payload["data"], partial=False)
