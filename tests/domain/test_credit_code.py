"""统一社会信用代码 check character (GB 32100-2015)."""

from hypothesis import given
from hypothesis import strategies as st

from inspector_app.domain.credit_code import ALPHABET, credit_code_problem, is_valid_credit_code, make_credit_code

bodies = st.text(alphabet=ALPHABET, min_size=17, max_size=17)


def test_published_examples_are_valid() -> None:
    assert is_valid_credit_code("91350100M000100Y43")
    assert is_valid_credit_code("911100001000054748")


def test_wrong_check_character_names_the_expected_one() -> None:
    problem = credit_code_problem("91350100M000100Y44")
    assert problem is not None and problem.code == "credit_code.check_character"
    assert problem.params == {"expected": "3", "actual": "4"}


def test_length_and_alphabet_errors_are_explained() -> None:
    length = credit_code_problem("9135010")
    assert length is not None and length.code == "credit_code.length" and length.params == {"length": 7}
    alphabet = credit_code_problem("91350100M000100YI3")
    assert alphabet is not None and alphabet.code == "credit_code.characters" and alphabet.params["characters"] == "I"


def test_lower_case_and_spaces_are_tolerated() -> None:
    assert is_valid_credit_code(" 91350100m000100y43 ")


@given(bodies)
def test_generated_codes_validate(body: str) -> None:
    assert is_valid_credit_code(make_credit_code(body))


@given(bodies, st.integers(0, 17), st.sampled_from(ALPHABET))
def test_any_single_substitution_is_detected(body: str, pos: int, ch: str) -> None:
    code = make_credit_code(body)
    mutated = code[:pos] + ch + code[pos + 1:]
    assert is_valid_credit_code(mutated) == (mutated == code)


@given(bodies, st.integers(0, 15))
def test_adjacent_transpositions_are_detected(body: str, pos: int) -> None:
    code = make_credit_code(body)
    swapped = code[:pos] + code[pos + 1] + code[pos] + code[pos + 2:]
    if swapped != code:
        assert not is_valid_credit_code(swapped)
