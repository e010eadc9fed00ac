"""Outbox payloads come from the entity declaration (syncproto.payloads), not from dicts written out in each service.

A service writes `create_payload(entity, row, fields)` / `changes_payload(entity, {f: (old, new)})` /
`delete_payload(...)` / `data_payload(entity, {...})`: the field names are checked against the declaration and the
values put in wire form in one place. The only hand-written `{"data": ...}` / `{"fields": ...}` bodies left are
those of class D entities (institutions, officers, plans, draws, declared conflicts): reference or local-only data
the server refuses, which declares no fields yet (issue 14 syncs them).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from inspector_app import syncproto as P
from inspector_app.syncproto import payloads

ROOT = Path(__file__).resolve().parents[2] / "inspector_app"
WRITERS = [*sorted((ROOT / "services").rglob("*.py")), *sorted((ROOT / "sync").glob("*.py")), ROOT / "app.py"]
HAND_BUILT = re.compile(r"""\{\s*"(data|fields)"\s*:""")
RECORDED_ENTITY = re.compile(r"""uow\.(?:record\([^,]+,\s*[^,]+,|outbox\()\s*(?:"([a-z_]+)"|([A-Za-z_.]+))""")


def _rel(path: Path) -> str:
    return path.relative_to(ROOT.parent).as_posix()


def test_only_class_d_entities_have_hand_built_payloads() -> None:
    offenders = []
    for path in WRITERS:
        text = path.read_text(encoding="utf-8")
        if not HAND_BUILT.search(text):
            continue
        entities = {m.group(1) for m in RECORDED_ENTITY.finditer(text) if m.group(1)}
        synced = sorted(e for e in entities if P.ENTITIES[e].klass != "D")
        if synced:
            offenders.append(f"{_rel(path)} writes {synced} and builds a payload by hand")
    assert not offenders, "build outbox payloads with inspector_app.syncproto.payloads:\n" + "\n".join(offenders)


def test_the_scan_sees_the_modules_that_write_the_outbox() -> None:
    """The check above is not vacuous: it finds the entities of the writing modules (regex kept in step)."""
    seen: set[str] = set()
    for path in WRITERS:
        seen |= {m.group(1) for m in RECORDED_ENTITY.finditer(path.read_text(encoding="utf-8")) if m.group(1)}
    assert {"inspection", "team_member", "answer", "finding", "evidence", "evidence_link", "document",
            "reinspection", "outcome", "rectification", "review_event", "signature_capture", "party_signoff",
            "comment", "approval", "inspection_template", "institution", "draw"} <= seen


def test_changes_payload_keeps_every_pair_in_wire_form() -> None:
    when = dt.datetime(2026, 5, 1, 8, 0, tzinfo=dt.timezone.utc)
    assert payloads.changes_payload("team_member", {
        "has_conflict": (False, False), "recusal_declared_at": (None, when)}) == {"fields": {
            "has_conflict": [False, False], "recusal_declared_at": [None, "2026-05-01T08:00:00+00:00"]}}
    assert payloads.changes_payload("inspection", {"status": ("draft", "on_site")}, reason="r") == {
        "fields": {"status": ["draft", "on_site"]}, "reason": "r"}
    with pytest.raises(KeyError):
        payloads.changes_payload("finding", {"no_such_field": (1, 2)})


def test_data_payload_checks_the_declaration() -> None:
    assert payloads.data_payload("comment", {"inspection_id": "i", "version": None, "text": "t", "author": "a"}) == {
        "data": {"inspection_id": "i", "version": None, "text": "t", "author": "a"}}
    with pytest.raises(KeyError):
        payloads.data_payload("approval", {"inspection_id": "i", "verdict": "ok"})


def test_create_payload_reads_the_named_fields_and_adds_extras() -> None:
    row = SimpleNamespace(inspection_id="i1", template_hash="h", item_id="x", value=None, verdict=None,
                          amount=Decimal("1"))
    assert payloads.create_payload("answer", row, ("inspection_id", "template_hash", "item_id", "value", "verdict"),
                                   extra={"note": ""}) == {"data": {
        "inspection_id": "i1", "template_hash": "h", "item_id": "x", "value": None, "verdict": None, "note": ""}}
    assert payloads.row_data("inspection_template", SimpleNamespace(inspection_id="i", template_hash="h",
                                                                    position=0)) == {
        "inspection_id": "i", "template_hash": "h", "position": 0}
