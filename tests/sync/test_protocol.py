"""Pure merge rules (sync.md §14.2): compare-and-set, rebase fold, canonical JSON, signing hash."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from inspector_app.domain.canonical import canonical_json
from inspector_app.server import protocol as P

values = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.sampled_from(["", "a", "b", "\x00x"]))
fields = st.sampled_from(["note", "value", "verdict", "place"])
records = st.dictionaries(fields, values, max_size=4)


@given(records, st.dictionaries(fields, st.tuples(values, values), min_size=1, max_size=3))
def test_apply_patch_is_idempotent(cur: dict, patch: dict) -> None:
    p = {f: [o, n] for f, (o, n) in patch.items()}
    once = P.apply_patch(cur, p)
    twice = P.apply_patch(once.data, p)
    assert twice.data == once.data
    assert not twice.applied
    # a replay never adds a conflict that the first application did not have
    assert {c[0] for c in twice.conflicts} <= {c[0] for c in once.conflicts}


@given(records, fields, values, values, fields, values, values)
def test_disjoint_patches_commute(cur: dict, f1: str, o1, n1, f2: str, o2, n2) -> None:  # type: ignore[no-untyped-def]
    if f1 == f2:
        return
    a, b = {f1: [o1, n1]}, {f2: [o2, n2]}
    ab = P.apply_patch(P.apply_patch(cur, a).data, b).data
    ba = P.apply_patch(P.apply_patch(cur, b).data, a).data
    assert ab == ba


@given(records, fields, values, values, values)
def test_same_field_different_values_is_one_conflict_and_keeps_the_server_value(cur: dict, f: str, base, x, y):  # type: ignore[no-untyped-def]
    cur = {**cur, f: base}
    first = P.apply_patch(cur, {f: [base, x]})
    second = P.apply_patch(first.data, {f: [base, y]})
    if P.same(x, y) or P.same(x, base):
        assert not second.conflicts
    else:
        assert len(second.conflicts) == 1 and P.same(second.data[f], x)
        field, b, server, client = second.conflicts[0]
        assert (field, b, server, client) == (f, base, x, y)


@given(records, fields, values)
def test_old_equal_new_is_a_noop(cur: dict, f: str, v) -> None:  # type: ignore[no-untyped-def]
    r = P.apply_patch({**cur, f: v}, {f: [v, v]})
    assert not r.changed and not r.conflicts


def test_true_and_one_are_different_values() -> None:
    r = P.apply_patch({"x": True}, {"x": [1, 2]})
    assert r.conflicts and r.data["x"] is True


@given(st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=5))
def test_canonical_json_is_stable_under_key_order_and_keeps_nul(d: dict) -> None:
    rev = dict(reversed(list(d.items())))
    assert canonical_json(d) == canonical_json(rev)
    import json

    assert json.loads(canonical_json({**d, "t": "a\x00b"}))["t"] == "a\x00b"


@given(records, st.lists(st.tuples(fields, values), max_size=5))
def test_fold_replays_pending_patches_in_order(server: dict, edits: list) -> None:  # type: ignore[no-untyped-def]
    ops = []
    shadow = dict(server)
    for f, v in edits:
        ops.append(("patch", {"fields": {f: [shadow.get(f), v]}}))
        shadow[f] = v
    assert P.fold(server, ops) == shadow
    # a local chain x→y→z applies cleanly on the server when nobody else wrote
    cur = dict(server)
    for _op, payload in ops:
        r = P.apply_patch(cur, payload["fields"])
        assert not r.conflicts
        cur = r.data
    assert all(P.same(cur.get(k), shadow.get(k)) for k in shadow)


def test_signing_hash_ignores_workflow_fields_and_deleted_items() -> None:
    head = {"status": "on_site", "place": "x"}
    kids = [("answer", "a1", {"value": 1}), ("finding", "f1", {"description": "d", "deleted": True}),
            ("comment", "c1", {"text": "not signed content"})]
    h = P.signing_hash(head, kids)
    assert h == P.signing_hash({**head, "status": "signed"}, kids[:1])
    assert h != P.signing_hash(head, [("answer", "a1", {"value": 2})])


def test_validate_data_refuses_floats_unknown_fields_and_wrong_types() -> None:
    spec = P.ENTITIES["answer"]
    for bad in ({"value": 1.5}, {"nonsense": 1}, {"note": 5}):
        try:
            P.validate_data(spec, bad, partial=True)
        except P.PermanentError:
            continue
        raise AssertionError(bad)
