"""Every class of broken template gets a clear message (file, line, item, what) and a non-zero exit; the app
refuses the broken template and keeps working with the others."""

import shutil
from pathlib import Path

import pytest

from inspector_app.catalog.loader import FormError, load_library, load_template
from inspector_app.cli import main
from tests.conftest import FIXTURES

GOOD = (FIXTURES / "forms" / "mini.toml").read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, name: str = "broken.toml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def problems_for(tmp_path: Path, text: str) -> list:
    with pytest.raises(FormError) as err:
        load_template(write(tmp_path, text))
    return err.value.problems


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    n = 0
    for i, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            n += 1
            if n == occurrence:
                return i
    raise AssertionError(needle)


def test_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    text = GOOD.replace('label = "退回金额"', 'label = "退回金额')
    [p] = problems_for(tmp_path, text)
    assert "TOML 语法错误" in p.message and p.line == line_of(text, 'label = "退回金额')


def test_duplicate_item_id(tmp_path: Path) -> None:
    text = GOOD.replace('id = "T-07"', 'id = "T-06"')
    [p] = problems_for(tmp_path, text)
    assert p.item == "T-06" and "重复" in p.message and p.line == line_of(text, 'id = "T-06"', 2)


def test_unknown_answer_type(tmp_path: Path) -> None:
    text = GOOD.replace('answer = "date"', 'answer = "datum"')
    [p] = problems_for(tmp_path, text)
    assert p.item == "T-06" and "datum" in p.message and p.line == line_of(text, 'id = "T-06"')


def test_threshold_on_a_non_numeric_item(tmp_path: Path) -> None:
    text = GOOD.replace('answer = "text"', 'answer = "text"\nthreshold = { op = "<=", value = 8 }')
    [p] = problems_for(tmp_path, text)
    assert p.item == "T-07" and "阈值只能用于数值类" in p.message


def test_bad_threshold_operator_and_value(tmp_path: Path) -> None:
    probs = problems_for(tmp_path, GOOD.replace('op = "<=", value = 8', 'op = "=<", value = 8'))
    assert "op" in probs[0].message
    probs = problems_for(tmp_path, GOOD.replace('op = "<=", value = 8', 'op = "<=", value = "eight"'))
    assert "value" in probs[0].message


def test_missing_label(tmp_path: Path) -> None:
    [p] = problems_for(tmp_path, GOOD.replace('label = "医保办负责人"\n', ""))
    assert p.item == "T-07" and "label" in p.message


def test_unknown_column_type(tmp_path: Path) -> None:
    [p] = problems_for(tmp_path, GOOD.replace('type = "date" }', 'type = "datetime" }'))
    assert p.item == "T-10" and "datetime" in p.message


def test_sample_without_columns(tmp_path: Path) -> None:
    start = GOOD.index("columns = [")
    end = GOOD.index("]\n", GOOD.index('id = "consent"')) + 2
    text = GOOD[:start] + GOOD[end:]
    [p] = problems_for(tmp_path, text)
    assert p.item == "T-10" and "columns" in p.message


def test_unknown_field_is_reported(tmp_path: Path) -> None:
    [p] = problems_for(tmp_path, GOOD.replace('unit = "人"', 'unit = "人"\nlegal = "x"'))
    assert p.item == "T-03" and "legal" in p.message


def test_choice_item_needs_choices(tmp_path: Path) -> None:
    [p] = problems_for(tmp_path, GOOD.replace('choices = ["专门机构", "专职人员", "兼职人员"]',
                                              'choices = ["专门机构"]'))
    assert p.item == "T-08" and "choices" in p.message


def test_unknown_schema_version(tmp_path: Path) -> None:
    [p] = problems_for(tmp_path, GOOD.replace("schema = 1", "schema = 2"))
    assert "schema" in p.message


def test_unknown_institution_category(tmp_path: Path) -> None:
    [p] = problems_for(tmp_path, GOOD.replace('applies_to = ["医院", "零售药店"]', 'applies_to = ["医院", "药铺"]'))
    assert "药铺" in p.message


def test_bad_item_id_format(tmp_path: Path) -> None:
    [p] = problems_for(tmp_path, GOOD.replace('id = "T-03"', 'id = "t 3"'))
    assert p.item == "t 3" and "格式" in p.message


def test_not_utf8(tmp_path: Path) -> None:
    p = tmp_path / "gbk.toml"
    p.write_bytes(GOOD.encode("gbk"))
    with pytest.raises(FormError, match="UTF-8"):
        load_template(p)


def test_several_problems_are_all_reported(tmp_path: Path) -> None:
    text = GOOD.replace('answer = "date"', 'answer = "datum"').replace('id = "T-07"', 'id = "T-06"')
    assert len(problems_for(tmp_path, text)) == 2


def test_validate_command_exit_status_and_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, GOOD, "good.toml")
    assert main(["forms", "validate", str(good)]) == 0
    bad = write(tmp_path, GOOD.replace('answer = "date"', 'answer = "datum"'), "bad.toml")
    assert main(["forms", "validate", str(good), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.toml:" in err and "[T-06]" in err and "datum" in err


def test_validate_command_on_an_empty_folder_fails(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["forms", "validate", str(tmp_path / "empty")]) == 1


def test_library_refuses_the_broken_template_and_keeps_the_others(tmp_path: Path) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(FIXTURES / "forms", forms)
    write(forms, GOOD.replace('id = "mini"', 'id = "mini-two"').replace('answer = "date"', 'answer = "?"'),
          "zz-broken.toml")
    lib = load_library(forms)
    assert set(lib.templates) == {"mini"}
    assert lib.problems and "zz-broken.toml" in lib.problems[0].file


def test_template_seed_refs_must_be_a_list(tmp_path: Path) -> None:
    [p] = problems_for(tmp_path, GOOD.replace('applies_to = ["医院", "零售药店"]',
                                              'applies_to = ["医院", "零售药店"]\nseed_refs = "S:000"'))
    assert "seed_refs" in p.message


def test_primary_category_must_be_applicable(tmp_path: Path) -> None:
    [p] = problems_for(tmp_path, GOOD.replace('primary_for = ["医院"]', 'primary_for = ["诊所"]'))
    assert "primary_for" in p.message and "诊所" in p.message
