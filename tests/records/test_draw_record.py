"""The signed 随机抽查记录: it verifies, re-runs to the same result, and `draw verify` rejects an altered result,
pool or seed (re-signed or not); `inspector draw run/verify` from the command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from inspector_app.domain.canonical import canonical_json
from inspector_app.records import pki
from inspector_app.services.draw_records import verify_draw_pdf
from tests.draw_helpers import ADMIN, PLANNED, filed_plan, register

EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
PASSWORD = "抽查-口令-2026"


@pytest.fixture(scope="module")
def ca() -> pki.CertKey:
    return pki.create_ca("测试市医疗保障局", not_before=EPOCH)


def signed_round(app, ca):  # type: ignore[no-untyped-def]
    reg = register(app, hospitals=20)
    lead = reg["officers"][0]
    app.keys.save(lead.id, pki.issue_officer(ca, lead.name, lead.certificate_no, not_before=EPOCH,
                                             team_lead=True), PASSWORD)
    app.keys.add_trust_root(ca.cert)
    app.keys.add_crl(pki.make_crl(ca))
    item = next(i for i in filed_plan(app).items if i.key == "random")
    first = app.draws.run(ADMIN, app.draws.open(ADMIN, item.id, planned_on=PLANNED).id)
    app.draws.abandon(ADMIN, first.id, "抽中机构已停业")
    draw = app.draws.run(ADMIN, app.draws.open(ADMIN, item.id, round_no=1, planned_on=PLANNED).id)
    app.draws.accept(ADMIN, draw.id)
    app.draw_records.sign(ADMIN, draw.id, lead.id, PASSWORD)
    return draw, lead


def test_signed_record_verifies_and_lists_every_attempt(app, ca, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draw, _ = signed_round(app, ca)
    out = app.draw_records.export(draw.id, tmp_path / "record.pdf")
    result = app.draw_records.verify(out.read_bytes())
    assert result.ok and result.signature_ok and result.draw_ok, result.problems
    assert result.number.endswith("-1-2")
    assert [a["status"] for a in result.record["attempts"]] == ["abandoned", "accepted"]
    assert result.record["attempts"][0]["reason"] == "抽中机构已停业"


def test_verify_rejects_altered_result_pool_or_seed(app, ca, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.records import signing
    from inspector_app.records.draw_record import render_draw_record
    from inspector_app import fonts

    draw, lead = signed_round(app, ca)
    pdf = app.draw_records.export(draw.id, tmp_path / "r.pdf").read_bytes()
    good = app.draw_records.verify(pdf).record
    ck = app.keys.load(lead.id, PASSWORD)

    def resigned(record: dict) -> bytes:
        rendered = render_draw_record(record, fonts.ensure_fonts(fonts.default_cache_dir()))
        return signing.certify_rendered(rendered, ck, lead.id, revocation=app.keys.revocation_context())

    drawn = {p["institution_id"] for p in good["result"]["picks"]}
    other = next(c for c in good["pool"]["candidates"] if c["id"] not in drawn)
    altered = json.loads(canonical_json(good))
    altered["result"]["picks"][0]["institution_id"] = other["id"]
    altered["result"]["picks"][0]["name"] = other["name"]
    assert app.draw_records.verify(resigned(altered)).problems == ("result",)
    fewer = json.loads(canonical_json(good))
    fewer["pool"]["candidates"] = [c for c in fewer["pool"]["candidates"] if c["id"] != other["id"]]
    assert "pool_hash" in app.draw_records.verify(resigned(fewer)).problems
    reseeded = dict(json.loads(canonical_json(good)), seed="ab" * 32)
    assert app.draw_records.verify(resigned(reseeded)).problems == ("result",)
    # Editing the bytes of the signed file breaks its signature.
    at = len(pdf) // 3
    tampered = pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1:]
    check = verify_draw_pdf(tampered, app.keys.trust_roots(), app.keys.crls())
    assert not check.ok


def test_cli_draw_run_and_verify(app, ca, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.cli import main

    reg = register(app, hospitals=20)
    item = next(i for i in filed_plan(app).items if i.key == "random")
    data_dir = str(app.paths.data_dir)
    seed = "0123456789abcdef" * 4
    assert main(["draw", "run", item.id, "--seed", seed, "--planned-on", "2026-12-01", "--json",
                 "--data-dir", data_dir]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["seed"] == seed and out["status"] == "accepted" and len(out["inspection_ids"]) == 4
    again = app.draws.record(out["id"])
    assert again["pool_hash"] == out["pool_hash"]
    assert {p["institution_id"] for p in again["result"]["picks"]} <= {i.id for i in reg["institutions"]}
    bad = tmp_path / "not-a-draw.pdf"
    bad.write_bytes(b"%PDF-1.7\n")
    assert main(["draw", "verify", str(bad), "--data-dir", data_dir]) == 1
