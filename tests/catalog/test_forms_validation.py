"""Every class of broken template gets a clear message (file, line, item, what) and a non-zero exit; the app
refuses the broken template and keeps working with the others. What is wrong is a code with parameters (the tests
assert those); the command line words it in its language (Chinese by default, as before)."""

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
    assert p.code == "form.toml_syntax" and p.line == line_of(text, 'label = "退回金额')


def test_duplicate_item_id(tmp_path: Path) -> None:
    text = GOOD.replace('id = "T-07"', 'id = "T-06"')
    [p] = problems_for(tmp_path, text)
    assert (p.item, p.code) == ("T-06", "form.duplicate_item_id") and p.line == line_of(text, 'id = "T-06"', 2)


def test_unknown_answer_type(tmp_path: Path) -> None:
    text = GOOD.replace('answer = "date"', 'answer = "datum"')
    [p] = problems_for(tmp_path, text)
    assert (p.item, p.code, p.params["answer"]) == ("T-06", "form.unknown_answer", "'datum'")
    assert p.line == line_of(text, 'id = "T-06"')


def test_threshold_on_a_non_numeric_item(tmp_path: Path) -> None:
    text = GOOD.replace('answer = "text"', 'answer = "text"\nthreshold = { op = "<=", value = 8 }')
    [p] = problems_for(tmp_path, text)
    assert (p.item, p.code) == ("T-07", "form.threshold_not_numeric")


def test_bad_threshold_operator_and_value(tmp_path: Path) -> None:
    probs = problems_for(tmp_path, GOOD.replace('op = "<=", value = 8', 'op = "=<", value = 8'))
    assert probs[0].code == "form.threshold_bad_op" and probs[0].params["op"] == "'=<'"
    probs = problems_for(tmp_path, GOOD.replace('op = "<=", value = 8', 'op = "<=", value = "eight"'))
    assert probs[0].code == "form.threshold_bad_value"


def test_missing_label(tmp_path: Path) -> None:
    [p] = problems_for(tmp_path, GOOD.replace('label = "医保办负责人"\n', ""))
    assert (p.item, p.code, p.params["key"]) == ("T-07", "form.missing_field", "'label'")


def test_unknown_column_type(tmp_path: Path) -> None:
    [p] = problems_for(tmp_path, GOOD.replace('type = "date" }', 'type = "datetime" }'))
    assert (p.item, p.code, p.params["type"]) == ("T-10", "form.column_bad_type", "'datetime'")


def test_sample_without_columns(tmp_path: Path) -> None:
    start = GOOD.index("columns = [")
    end = GOOD.index("]\n", GOOD.index('id = "consent"')) + 2
    text = GOOD[:start] + GOOD[end:]
    [p] = problems_for(tmp_path, text)
    assert (p.item, p.code) == ("T-10", "form.sample_without_columns")


def test_unknown_field_is_reported(tmp_path: Path) -> None:
    [p] = problems_for(tmp_path, GOOD.replace('unit = "人"', 'unit = "人"\nlegal = "x"'))
    assert (p.item, p.code, p.params["fields"]) == ("T-03", "form.unknown_fields", "['legal']")


def test_choice_item_needs_choices(tmp_path: Path) -> None:
    [p] = problems_for(tmp_path, GOOD.replace('choices = ["专门机构", "专职人员", "兼职人员"]',
                                              'choices = ["专门机构"]'))
    assert (p.item, p.code) == ("T-08", "form.too_few_choices")


def test_unknown_schema_version(tmp_path: Path) -> None:
    [p] = problems_for(tmp_path, GOOD.replace("schema = 1", "schema = 2"))
    assert p.code == "form.bad_schema" and p.params["schema"] == "2"


def test_unknown_institution_category(tmp_path: Path) -> None:
    [p] = problems_for(tmp_path, GOOD.replace('applies_to = ["医院", "零售药店"]', 'applies_to = ["医院", "药铺"]'))
    assert p.code == "form.unknown_category" and p.params["category"] == "'药铺'"


def test_bad_item_id_format(tmp_path: Path) -> None:
    [p] = problems_for(tmp_path, GOOD.replace('id = "T-03"', 'id = "t 3"'))
    assert (p.item, p.code) == ("t 3", "form.bad_item_id")


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
    assert main(["--lang", "zh_CN", "forms", "validate", str(bad)]) == 1  # worded as it always was in Chinese
    assert "[T-06]: 未知的答案类型 'datum'（可用：" in capsys.readouterr().err
    assert main(["--lang", "en", "forms", "validate", str(bad)]) == 1
    assert "[T-06]: Unknown answer type 'datum' (known: " in capsys.readouterr().err


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
    assert (p.code, p.params["key"]) == ("form.not_a_string_list", "'seed_refs'")


def test_primary_category_must_be_applicable(tmp_path: Path) -> None:
    [p] = problems_for(tmp_path, GOOD.replace('primary_for = ["医院"]', 'primary_for = ["诊所"]'))
    assert (p.code, p.params["category"]) == ("form.primary_not_applicable", "'诊所'")
