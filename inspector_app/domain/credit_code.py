"""统一社会信用代码 (unified social credit code) per GB 32100-2015, with its check character."""

from __future__ import annotations

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError

# Code alphabet: digits and upper-case letters without I, O, Z, S, V.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_VALUES = {c: i for i, c in enumerate(ALPHABET)}


def check_character(first17: str) -> str:
    """Compute the 18th (check) character for the first 17 characters."""
    if len(first17) != 17:
        raise ValueError(f"17 characters expected, got {len(first17)}")  # a caller's bug: users never get here
    total = 0
    for ch, w in zip(first17.upper(), WEIGHTS):
        if ch not in _VALUES:
            raise ValueError(f"{ch!r} is not a character of the code")
        total += _VALUES[ch] * w
    return ALPHABET[(31 - total % 31) % 31]


def credit_code_problem(code: str) -> ValidationError | None:
    """Return None when the code is valid, otherwise a coded error saying what is wrong."""
    code = code.strip().upper()
    if len(code) != 18:
        return ValidationError("credit_code.length", QT_TRANSLATE_NOOP(
            "Errors", "A unified social credit code has 18 characters, not {length}."), length=len(code))
    bad = [c for c in code if c not in _VALUES]
    if bad:
        return ValidationError("credit_code.characters", QT_TRANSLATE_NOOP(
            "Errors", "The unified social credit code has characters not used in it: {characters} (I, O, Z, S and V "
                      "are never used)."), characters="".join(sorted(set(bad))))
    expected = check_character(code[:17])
    if code[17] != expected:
        return ValidationError("credit_code.check_character", QT_TRANSLATE_NOOP(
            "Errors", "The check character of the unified social credit code is wrong: {expected} expected, "
                      "{actual} found."), expected=expected, actual=code[17])
    return None


def is_valid_credit_code(code: str) -> bool:
    return credit_code_problem(code) is None


def make_credit_code(first17: str) -> str:
    """Append the check character (used by demo data and tests)."""
    return first17.upper() + check_character(first17)
