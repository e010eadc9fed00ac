"""Money in yuan as exact decimals with two places (元, 分)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from inspector_app.domain.errors import ValidationError

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
            raise ValidationError("金额不能为空")
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise ValidationError(f"金额格式不正确：{text!r}") from None
    if not value.is_finite():
        raise ValidationError("金额必须是有限数值")
    if value < 0:
        raise ValidationError("金额不能为负数")
    if value > MAX_YUAN:
        raise ValidationError("金额过大，请核对")
    if value != value.quantize(CENT, rounding=ROUND_HALF_UP):
        raise ValidationError("金额最多保留两位小数（分）")
    return value.quantize(CENT)


def format_yuan(value: Decimal) -> str:
    return f"{value:,.2f}"
