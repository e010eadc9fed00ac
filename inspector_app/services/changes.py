"""What a service call changed: the only thing views listen to."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Changes:
    inspections: frozenset[str] = frozenset()
    roster: bool = False
    answers: frozenset[str] = frozenset()
    findings: frozenset[str] = frozenset()
    evidence: frozenset[str] = frozenset()
    extra: dict[str, str] = field(default_factory=dict)

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(
            inspections=self.inspections | other.inspections,
            roster=self.roster or other.roster,
            answers=self.answers | other.answers,
            findings=self.findings | other.findings,
            evidence=self.evidence | other.evidence,
            extra={**self.extra, **other.extra},
        )
