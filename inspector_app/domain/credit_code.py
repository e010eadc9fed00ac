"""统一社会信用代码 (unified social credit code) per GB 32100-2015, with its check character."""

from __future__ import annotations

# Code alphabet: digits and upper-case letters without I, O, Z, S, V.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_VALUES = {c: i for i, c in enumerate(ALPHABET)}


def check_character(first17: str) -> str:
    """Compute the 18th (check) character for the first 17 characters."""
    if len(first17) != 17:
        raise ValueError("需要 17 位本体代码")
    total = 0
    for ch, w in zip(first17.upper(), WEIGHTS):
        if ch not in _VALUES:
            raise ValueError(f"非法字符 {ch!r}")
        total += _VALUES[ch] * w
    return ALPHABET[(31 - total % 31) % 31]


def credit_code_problem(code: str) -> str | None:
    """Return None when the code is valid, otherwise a message saying what is wrong."""
    code = code.strip().upper()
    if len(code) != 18:
        return f"统一社会信用代码应为 18 位，实际 {len(code)} 位"
    bad = [c for c in code if c not in _VALUES]
    if bad:
        return f"统一社会信用代码含非法字符：{''.join(sorted(set(bad)))}（不使用 I、O、Z、S、V）"
    expected = check_character(code[:17])
    if code[17] != expected:
        return f"统一社会信用代码校验位错误：应为 {expected}，实际为 {code[17]}"
    return None


def is_valid_credit_code(code: str) -> bool:
    return credit_code_problem(code) is None


def make_credit_code(first17: str) -> str:
    """Append the check character (used by demo data and tests)."""
    return first17.upper() + check_character(first17)
