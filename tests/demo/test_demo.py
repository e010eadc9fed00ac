"""`inspector demo`: a realistic, fictional roster with valid codes, across every category and level."""

import datetime as dt

import pytest

from inspector_app.cli import main
from inspector_app.domain.credit_code import is_valid_credit_code
from inspector_app.domain.roster import Category, Level
from inspector_app.demo.workspace import ORG_ALPHABET, org_code_with_check
from tests.demo_copy import demo_key, demo_passwords, demo_workspace


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory):  # type: ignore[no-untyped-def]
    """The run's demo workspace (built once by `inspector demo`, tests/demo_copy.py), copied for this module."""
    return demo_workspace(tmp_path_factory, tmp_path_factory.mktemp("demo") / "ws")


def test_demo_officers_sign_in_with_the_documented_passwords(demo_ws, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import stat

    from inspector_app.demo.keys import demo_recovery_key_path
    from inspector_app.services.signin import WorkspaceKeys

    keys = WorkspaceKeys(demo_ws / "keys")
    rows = demo_passwords(demo_ws)
    assert len(rows) == 13 and {r[1] for r in rows} == {"组长", "检查员"}
    key = demo_key(demo_ws)
    listed = {o.name: o for o in keys.officers()}
    for name, role, cert, password, _p12 in rows:
        assert listed[name].certificate_no == cert and listed[name].is_team_lead == (role == "组长")
        assert keys.unlock(listed[name].officer_id, password) == key
    for path in (demo_ws / "keys" / "demo-passwords.txt", demo_ws / "keys" / "slots.json"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    private = demo_recovery_key_path(demo_ws)
    assert private.parent == demo_ws.parent and stat.S_IMODE(private.stat().st_mode) == 0o600
    assert keys.recover(private.read_bytes()) == key
    assert not list(demo_ws.rglob("*recovery-key*"))  # the private key is not inside the workspace
    monkeypatch.setenv("INSPECTOR_PASSWORD", rows[0][3])
    assert main(["inspections", "list", "--data-dir", str(demo_ws), "--user", rows[0][0]]) == 0
    assert "共" in capsys.readouterr().out


def test_roster_covers_every_category_and_level(demo_ws) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.app import build_context

    app = build_context(str(demo_ws), workspace_key=demo_key(demo_ws))
    try:
        insts = app.roster.institutions()
        officers = app.roster.officers()
    finally:
        app.close()
    assert len(insts) >= 30
    assert {i.category for i in insts} == {c.value for c in Category}
    assert {i.level for i in insts} == {lv.value for lv in Level}
    assert all(is_valid_credit_code(i.credit_code) for i in insts)
    assert len({i.credit_code for i in insts}) == len(insts)
    for i in insts:  # positions 9–17 are a GB 11714 organisation code with its own check character
        org = i.credit_code[8:17]
        assert all(c in ORG_ALPHABET for c in org[:8]) and org_code_with_check(org[:8]) == org
    assert len(officers) >= 12
    today = dt.date.today()
    expired = [o for o in officers if o.certificate_expiry < today]
    assert len(expired) == 1
    assert len({o.certificate_no for o in officers}) == len(officers)


def test_running_demo_twice_does_not_duplicate(demo_ws, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["demo", "--data-dir", str(demo_ws)]) == 0
    assert "已有数据" in capsys.readouterr().out


def test_demo_has_sample_inspections(demo_ws) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.app import build_context

    app = build_context(str(demo_ws), workspace_key=demo_key(demo_ws))
    try:
        rows = app.queries.inspections()
        assert len(rows) >= 2
        on_site = [r for r in rows if r.status == "on_site"]
        assert on_site and on_site[0].items_answered > 0 and on_site[0].violations >= 1
        assert all(app.journal.verify(r.id).ok for r in rows)
    finally:
        app.close()


def test_demo_has_an_overdue_rectification_being_reinspected(demo_ws) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.app import build_context

    app = build_context(str(demo_ws), workspace_key=demo_key(demo_ws))
    try:
        [rect] = app.review.rectifications()
        assert rect.overdue and rect.result is None
        rein = app.reinspections.for_rectification(rect.id)
        assert rein is not None and not rein.signed and len(rein.officer_ids) == 2
        assert len(app.evidence.list(rect.inspection_id, rein.id)) == 2
        assert app.review.dashboard().overdue
        assert app.queries.summary(rect.inspection_id).status == "rectification"
    finally:
        app.close()


def test_every_signed_document_of_the_demo_verifies(demo_ws, tmp_path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # issue 11: every untouched export passes `inspector verify` (stage claimed by the workspace's database, revocation
    # data embedded at signing) and poppler's pdfsig
    import shutil
    import subprocess

    from inspector_app.app import build_context

    app = build_context(str(demo_ws), workspace_key=demo_key(demo_ws))
    try:
        docs = [d for r in app.queries.inspections() for d in app.signing.documents(r.id)]
        assert {d.kind for d in docs} >= {"record", "notice", "seal", "seal_extension", "preservation"}
        # the signed record's 证据清单 carries the provider and the representative's confirmation (issue 15)
        signed = next(d.inspection_id for d in docs if d.kind == "record")
        assert app.evidence_list.confirmation(signed).signer_name == "郑嘉禾"
        assert any(e.provider for e in app.evidence.list(signed))
        paths = []
        for d in docs:
            out = tmp_path / f"{d.kind}-{d.id}.pdf"
            shutil.copyfile(app.signing.pdf_path(d.id), out)
            paths.append((d, out))
    finally:
        app.close()
    name, _role, _cert, password, _p12 = demo_passwords(demo_ws)[0]
    monkeypatch.setenv("INSPECTOR_PASSWORD", password)  # the database's claims are read after a sign-in
    for d, out in paths:
        capsys.readouterr()
        assert main(["verify", str(out), "--data-dir", str(demo_ws), "--user", name]) == 0, capsys.readouterr().out
        assert capsys.readouterr().out.startswith("结论：通过")
        if shutil.which("pdfsig"):
            text = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True, timeout=60).stdout
            assert text.count("Signature is Valid.") == len(d.signed_fields), text


def test_demo_has_plans_and_a_completed_draw_round(demo_ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.app import build_context

    app = build_context(str(demo_ws), workspace_key=demo_key(demo_ws))
    try:
        plans = {p.key: p for p in app.plans.list()}
        assert set(plans) >= {"2021-annual", "2020-special-rectification"}
        running = next(p for p in plans.values() if p.status.value == "running")
        rounds = app.draws.rounds(running.items[0].id)
        assert [d.status for d in rounds] == ["abandoned", "accepted"]
        pdf = app.draw_records.export(rounds[-1].id, tmp_path / "draw.pdf")
        check = app.draw_records.verify(pdf.read_bytes())
        assert check.ok, check.problems
        assert {r.item.key for r in app.coverage.coverage(running.id)} >= {"fraud", "drug-list"}
    finally:
        app.close()
