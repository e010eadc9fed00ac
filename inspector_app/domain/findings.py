"""Findings (发现的问题) recorded during an inspection."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError


class Severity(StrEnum):
    MINOR = "一般"
    SERIOUS = "较重"
    GRAVE = "严重"


@dataclass(frozen=True, slots=True)
class FindingData:
    description: str
    severity: Severity = Severity.MINOR
    amount_involved: Decimal = Decimal("0.00")
    amount_to_recover: Decimal = Decimal("0.00")
    legal_basis: str = ""
    penalty_article: str = ""
    item_id: str | None = None

    def validate(self) -> None:
        if not self.description.strip():
            raise ValidationError("finding.description_empty", QT_TRANSLATE_NOOP(
                "Errors", "The description of the finding is empty."))
        if self.amount_to_recover > self.amount_involved and self.amount_involved > 0:
            raise ValidationError("finding.recover_exceeds_involved", QT_TRANSLATE_NOOP(
                "Errors", "The amount to recover cannot exceed the amount involved."))
