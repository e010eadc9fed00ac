"""Money in yuan as exact decimals with two places (元, 分)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError

CENT = Decimal("0.01")
MAX_YUAN = Decimal("1000000000000")  # 1e12 yuan: far above any fund case, catches typos


def parse_yuan(text: str | int | Decimal) -> Decimal:
    """Parse an amount in yuan; accepts '1,234.5', '１２３' (full-width), '¥12'. Refuses more than 2 decimals."""
    if isinstance(text, Decimal):
        value = text
    elif isinstance(text, int):
        value = Decimal(text)
    else:
        cleaned = text.strip().translate(str.maketrans("０１２３４５６７８９．，", "0123456789.,"))
        cleaned = cleaned.replace(",", "").replace("¥", "").replace("￥", "").replace("元", "").strip()
        if not cleaned:
            raise ValidationError("money.empty", QT_TRANSLATE_NOOP(
                "Errors", "The amount is empty."))
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise ValidationError("money.malformed", QT_TRANSLATE_NOOP(
                "Errors", "The amount {text} is not a number."), text=repr(text)) from None
    if not value.is_finite():
        raise ValidationError("money.not_finite", QT_TRANSLATE_NOOP(
            "Errors", "The amount must be a finite number."))
    if value < 0:
        raise ValidationError("money.negative", QT_TRANSLATE_NOOP(
            "Errors", "The amount cannot be negative."))
    if value > MAX_YUAN:
        raise ValidationError("money.too_large", QT_TRANSLATE_NOOP(
            "Errors", "The amount is too large; please check it."))
    if value != value.quantize(CENT, rounding=ROUND_HALF_UP):
        raise ValidationError("money.too_precise", QT_TRANSLATE_NOOP(
            "Errors", "An amount has at most two decimals (fen)."))
    return value.quantize(CENT)


def format_yuan(value: Decimal) -> str:
    return f"{value:,.2f}"
