"""The draw rules file (plans/draw-rules.toml): the shipped example is the documented defaults; each class of error
is refused with file:line and a code; a file's rules are what the draw runs under (CLI --rules, the workspace's
config file) and their hash is in the draw and its record."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from inspector_app.catalog.draw_rules_loader import DrawRulesFileError, load_draw_rules, parse_draw_rules
from inspector_app.domain.canonical import content_hash
from inspector_app.domain.draw import DrawRules, verify_draw
from tests.conftest import REPO
from tests.draw_helpers import ADMIN, PLANNED, filed_plan, register

GOOD = """schema = 1
min_ratio = 5
lookback_days = 60
officers_per_inspection = 3

[cross_check]
exclude_own_region = false

[[weights]]
name = "低信用"
credit_ratings = ["D"]
factor = 4
quota = 2
"""


def test_the_shipped_example_is_the_documented_default() -> None:
    rules, file_hash = load_draw_rules(REPO / "plans" / "draw-rules.toml")
    assert rules == DrawRules() and len(file_hash) == 64
    assert rules.min_ratio_pct == Decimal(3) and rules.lookback_days == 90 and rules.officers_per_team == 2


def test_a_rules_file_sets_every_rule() -> None:
    rules = parse_draw_rules(GOOD, Path("r.toml"))
    assert (rules.min_ratio_pct, rules.lookback_days, rules.officers_per_team) == (Decimal(5), 60, 3)
    assert rules.cross_check_excludes_own_region is False
    [w] = rules.weights
    assert (w.name, w.credit_ratings, w.factor, w.quota) == ("低信用", ("D",), 4, 2)
    assert DrawRules.from_json(rules.to_json()) == rules
    # records made before the region rule was configurable read as excluding the own region
    old = {k: v for k, v in rules.to_json().items() if k != "cross_check_excludes_own_region"}
    assert DrawRules.from_json(old).cross_check_excludes_own_region is True
    assert parse_draw_rules("schema = 1\nweights = []\n", Path("r.toml")).weights == ()


@pytest.mark.parametrize("text,line,code", [
    ("schema = 1\nmin_ratio = = 3\n", 2, "rules.toml_syntax"),
    ("schema = 2\n", 1, "rules.unknown_schema"),
    ("schema = 1\n\nratio = 3\n", 3, "rules.unknown_field"),
    ("schema = 1\nmin_ratio = 0\n", 2, "rules.min_ratio_out_of_range"),
    ("schema = 1\nmin_ratio = 120\n", 2, "rules.min_ratio_out_of_range"),
    ("schema = 1\nmin_ratio = \"3\"\n", 2, "rules.min_ratio_out_of_range"),
    ("schema = 1\nlookback_days = -1\n", 2, "rules.bad_lookback"),
    ("schema = 1\nofficers_per_inspection = 1\n", 2, "rules.too_few_officers"),
    ("schema = 1\ncross_check = 3\n", 2, "rules.bad_cross_check"),
    ("schema = 1\n[cross_check]\nexclude_own_region = \"yes\"\n", 3, "rules.bad_bool"),
    ("schema = 1\n[cross_check]\nown = true\n", 3, "rules.unknown_field"),
    ("schema = 1\n[[weights]]\ncredit_ratings = [\"C\"]\nfactor = 2\n", 2, "rules.missing_name"),
    ("schema = 1\n[[weights]]\nname = \"x\"\ncredit_ratings = [\"E\"]\nfactor = 2\n", 4, "rules.unknown_rating"),
    ("schema = 1\n[[weights]]\nname = \"x\"\nmin_complaints = 0\nfactor = 2\n", 4, "rules.bad_complaints"),
    ("schema = 1\n[[weights]]\nname = \"x\"\nserious_violations = 1\nfactor = 2\n", 4, "rules.bad_bool"),
    ("schema = 1\n[[weights]]\nname = \"x\"\nmin_complaints = 3\nfactor = 0\n", 5, "rules.bad_factor"),
    ("schema = 1\n[[weights]]\nname = \"x\"\nmin_complaints = 3\nquota = -1\nfactor = 2\n", 5, "rules.bad_quota"),
    ("schema = 1\n[[weights]]\nname = \"x\"\nfactor = 2\n", 2, "rules.weight_without_condition"),
    ("schema = 1\n[[weights]]\nname = \"x\"\nmin_complaints = 3\n", 2, "rules.weight_without_effect"),
    ("schema = 1\n[[weights]]\nname = \"x\"\nmin_complaints = 3\nfactor = 2\nboost = 1\n", 6, "rules.unknown_field"),
    ("schema = 1\n[[weights]]\nname = \"x\"\nmin_complaints = 3\nfactor = 2\n"
     "[[weights]]\nname = \"x\"\ncredit_ratings = [\"C\"]\nfactor = 2\n", 7, "rules.duplicate_weight"),
])
def test_each_class_of_error_is_refused_with_file_and_line(tmp_path: Path, text: str, line: int, code: str) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DrawRulesFileError) as info:
        load_draw_rules(path)
    assert info.value.code == "rules.file_invalid"
    assert [(p.code, p.line) for p in info.value.problems] == [(code, line)]
    assert str(info.value.problems[0]).startswith(f"{path}:{line}: ")


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(DrawRulesFileError) as info:
        load_draw_rules(tmp_path / "missing.toml")
    assert [p.code for p in info.value.problems] == ["rules.unreadable"]


def test_the_draw_runs_under_the_file_and_stores_its_hash(app, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.cli import main

    register(app, hospitals=20)
    item = next(i for i in filed_plan(app).items if i.key == "random")
    path = tmp_path / "rules.toml"
    path.write_text(GOOD.replace("min_ratio = 5", "min_ratio = 50"), encoding="utf-8")
    data_dir = str(app.paths.data_dir)
    assert main(["draw", "run", item.id, "--seed", "ab" * 32, "--planned-on", PLANNED.isoformat(), "--no-accept",
                 "--rules", str(path), "--json", "--data-dir", data_dir]) == 0
    out = json.loads(capsys.readouterr().out)
    rules = load_draw_rules(path)[0]
    assert out["rules"] == rules.to_json() and out["rules_hash"] == content_hash(rules.to_json())
    assert out["count"] == 10   # 50 % of the 20 hospitals, above the item's own 20 % target
    assert all(len(p["officer_ids"]) == 3 for p in out["result"]["picks"])
    record = app.draws.record(out["id"])
    assert record["rules_hash"] == out["rules_hash"] and verify_draw(record) == []
    assert verify_draw({**record, "rules_hash": "0" * 64}) == ["rules_hash"]
    # a broken file: nothing is drawn, the problems are printed with file:line
    path.write_text("schema = 1\nmin_ratio = 0\n", encoding="utf-8")
    assert main(["draw", "run", item.id, "--rules", str(path), "--data-dir", data_dir]) == 1
    assert f"{path}:2: " in capsys.readouterr().err
    assert len(app.draws.rounds(item.id)) == 1


def test_the_workspace_rules_file_applies_to_every_new_draw(app) -> None:  # type: ignore[no-untyped-def]
    register(app, hospitals=20)
    item = next(i for i in filed_plan(app).items if i.key == "random")
    assert app.draws.current_rules() == DrawRules()
    config = app.draws.rules_file
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("schema = 1\nlookback_days = 30\n", encoding="utf-8")
    draw = app.draws.open(ADMIN, item.id, planned_on=PLANNED)
    assert draw.rules["lookback_days"] == 30 and draw.rules_hash == content_hash(draw.rules)
    config.write_text("schema = 1\nlookback_days = x\n", encoding="utf-8")
    with pytest.raises(DrawRulesFileError):
        app.draws.open(ADMIN, item.id, planned_on=PLANNED)
