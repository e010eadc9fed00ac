"""Masking personal data for publication (domain.masking): properties over random Chinese text, and examples."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from inspector_app.domain.credit_code import make_credit_code
from inspector_app.domain.masking import Masker, mask_text

NAME_CHARS = "张王李赵刘陈周吴伟芳娜敏静丽强磊军洋勇艳杰"
_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5).filter(lambda c: c not in NAME_CHARS)
_PUNCT = st.sampled_from(list("，。、；：（）《》“” "))
filler = st.text(alphabet=st.one_of(_CJK, _CJK, _CJK, _PUNCT), max_size=24)

area = st.integers(110000, 829999).map(str)
birth = st.dates(dt.date(1900, 1, 1), dt.date(2025, 12, 31)).map(lambda d: d.strftime("%Y%m%d"))
valid_id = st.builds(lambda a, b, s, c: a + b + f"{s:03d}" + c, area, birth, st.integers(0, 999),
                     st.sampled_from("0123456789X"))
any_id = st.from_regex(r"\A[0-9]{17}[0-9X]\Z")
id_number = st.one_of(valid_id, any_id)

mobile = st.builds(lambda p, n, fmt: fmt.format(p + n[:1], n[1:5], n[5:]) if "{" in fmt else p + n,
                   st.sampled_from(["13", "14", "15", "16", "17", "18", "19"]),
                   st.from_regex(r"\A[0-9]{9}\Z"),
                   st.sampled_from(["", "{} {} {}", "{}-{}-{}", "+86 {}{}{}", "+86-{}-{}-{}"]))
landline = st.builds(lambda a, n, fmt: fmt.format(a, n), st.from_regex(r"\A0[1-9][0-9]{1,2}\Z"),
                     st.from_regex(r"\A[2-8][0-9]{6,7}\Z"), st.sampled_from(["{}-{}", "({}){}", "（{}）{}", "{} {}"]))
phone = st.one_of(mobile, landline)

suffix = st.sampled_from(["人民医院", "中医院", "大药房", "卫生院", "诊所", "社区卫生服务中心", "医疗器械有限公司"])
person = st.text(alphabet=st.sampled_from(NAME_CHARS), min_size=2, max_size=3)
# 100 examples per property in the default run (300 took 25 s of one worker); the nightly profile searches longer
EXAMPLES = 2000 if os.environ.get("HYPOTHESIS_PROFILE") == "nightly" else 100

amount = st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2, allow_nan=False,
                     allow_infinity=False)


@settings(max_examples=EXAMPLES)
@given(filler, filler, id_number)
@example("身份证号", "。", "37990219800101001X")
def test_any_id_number_in_chinese_text_is_masked(before: str, after: str, id_no: str) -> None:
    text = f"{before}{id_no}{after}"
    masked = mask_text(text)
    assert id_no not in masked
    assert len(masked) == len(text)
    assert masked == f"{before}{id_no[:6]}{'*' * 8}{id_no[-4:]}{after}"


@settings(max_examples=EXAMPLES)
@given(filler, filler, phone)
@example("联系电话：", "。", "0537-4012000")
@example("手机", "", "+86 138 0013 8000")
def test_any_phone_in_chinese_text_is_masked(before: str, after: str, number: str) -> None:
    text = f"{before}{number}{after}"
    masked = mask_text(text)
    assert number not in masked and "*" in masked
    assert len(masked) == len(text)
    assert masked.startswith(before) and masked.endswith(after)


@settings(max_examples=EXAMPLES)
@given(filler, filler, filler, filler, suffix, person, amount, st.booleans(), st.booleans(), st.data())
def test_institution_names_and_amounts_are_untouched(f1: str, f2: str, f3: str, f4: str, kind: str, name: str,
                                                     money: Decimal, grouped: bool, name_in_inst: bool,
                                                     data: st.DataObject) -> None:
    stem = data.draw(st.text(alphabet=_CJK, min_size=2, max_size=8))
    inst = (name if name_in_inst else stem) + kind  # a clinic named after its doctor keeps the doctor's name
    code = make_credit_code(data.draw(st.from_regex(r"\A[1-9][1-9][0-9]{6}[0-9A-HJ-NP-RTUW-Y]{9}\Z")))
    shown = f"{money:,.2f}" if grouped else f"{money:.2f}"
    text = f"{f1}{inst}（统一社会信用代码{code}）{f2}涉及金额{shown}元，{f3}联系人{name}{f4}"
    masker = Masker(names=(name,), keep=(inst, code))
    masked = masker.mask(text)
    assert inst in masked and code in masked
    assert f"涉及金额{shown}元" in masked
    tail = masked.rsplit("联系人", 1)[1]
    assert tail.startswith(name[0] + "*" * (len(name) - 1))
    assert len(masked) == len(text)


@settings(max_examples=EXAMPLES)
@given(st.lists(st.one_of(filler, id_number, phone, person, amount.map(lambda d: f"{d:.2f}元")), max_size=8))
def test_masking_is_idempotent_and_keeps_length(parts: list[str]) -> None:
    text = "，".join(parts)
    masker = Masker(names=tuple(p for p in parts if p and all(c in NAME_CHARS for c in p)))
    once = masker.mask(text)
    assert len(once) == len(text)
    assert masker.mask(once) == once


def test_record_numbers_are_masked_but_item_ids_dates_and_articles_are_not() -> None:
    text = ("抽查住院病历 ZY2026-0412 等；病历号：20260412001，处方号CF-2026-001，结算单号 JS20260412，"
            "门诊号为 MZ20260412001。依据条例第三十八条(一)、检查项 H-04.3，检查日期 2026-04-12。")
    masked = mask_text(text)
    for secret in ("ZY2026-0412", "20260412001", "CF-2026-001", "JS20260412", "MZ20260412001"):
        assert secret not in masked
    assert "ZY****-****" in masked and "JS********" in masked
    assert "第三十八条(一)" in masked and "H-04.3" in masked and "2026-04-12" in masked


def test_names_given_and_names_after_patient_words() -> None:
    masker = Masker(names=("周一鸣", "王建国"), keep=("周一鸣诊所",))
    text = "当事人周一鸣拒签，见证人王建国在场；患者李四住院期间不在床；姓名：欧阳明明；患者张某某；周一鸣诊所。"
    masked = masker.mask(text)
    assert masked == ("当事人周**拒签，见证人王**在场；患者李*住院期间不在床；姓名：欧***；患者张某某；"
                      "周一鸣诊所。")
    assert mask_text("患者费用明细与参保人员待遇") == "患者费用明细与参保人员待遇"


def test_literals_amounts_and_long_numbers() -> None:
    masker = Masker(literals=("测执00001",))
    text = "执法证号测执00001；银行卡6222021234567890123；金额 13800138000.00 元与 1,234,567.89 元。"
    masked = masker.mask(text)
    assert "测执00001" not in masked and "6222021234567890123" not in masked
    assert "13800138000.00" in masked and "1,234,567.89" in masked


def test_mask_tree_masks_every_string_and_counts() -> None:
    counts: Counter[str] = Counter()
    tree = {"a": ["电话13905371234", {"b": "身份证号510802197901011234"}], "n": 3, "amount": "12860.00"}
    out = Masker().mask_tree(tree, counts)
    assert out == {"a": ["电话139****1234", {"b": "身份证号510802********1234"}], "n": 3, "amount": "12860.00"}
    assert counts == Counter({"phone": 1, "id_number": 1})
