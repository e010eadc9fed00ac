"""Coverage of a plan item: institutions inspected against the target, with the denominator shown, the times done
against the frequency, the days left in the window and whether the item is behind schedule.

Only inspections actually carried out count: signed records (status signed or any later status), never drafts.
"Times" are batches: an accepted draw is one batch, an inspection assigned to the item by hand is a batch of its own.
Behind schedule: the share of the window elapsed, applied to the target (and to the frequency), rounded down, is more
than what is done — so nothing is behind on the first day, and everything short of the target is behind at the end.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from inspector_app.domain.inspection import Status
from inspector_app.domain.plans import InstitutionFacts, Scope, Target, Window

#: Statuses of an inspection whose record is signed: carried out.
CARRIED_OUT = frozenset({Status.SIGNED, Status.SUBMITTED, Status.UNDER_REVIEW, Status.RETURNED, Status.APPROVED,
                         Status.RECTIFICATION, Status.CLOSED})


@dataclass(frozen=True, slots=True)
class Visit:
    """An inspection under a plan item."""

    institution_id: str
    status: str
    batch: str      # the draw id, or the inspection id for one assigned by hand
    day: dt.date    # planned (agency) date


@dataclass(frozen=True, slots=True)
class RegionCoverage:
    region: str
    done: int
    scope_size: int


@dataclass(frozen=True, slots=True)
class ItemCoverage:
    scope_size: int         # the denominator: institutions in scope in the register
    required: int           # institutions the target asks for (0: no institution target)
    done: int               # distinct institutions in scope with a signed inspection in the window
    share_pct: Decimal      # done / scope_size, one decimal
    frequency: int
    times_done: int
    days_left: int
    expected_done: int      # pro rata of the elapsed window
    expected_times: int
    behind: bool
    by_region: tuple[RegionCoverage, ...]

    def label_zh(self, scope_label: str, target: Target) -> str:
        """e.g. 二级及以上 医院 12/40 = 30.0%（目标 覆盖率不低于50%）"""
        return f"{scope_label} {self.done}/{self.scope_size} = {self.share_pct}%（目标 {target.label_zh()}）"


def item_coverage(roster: Iterable[InstitutionFacts], scope: Scope, target: Target, frequency: int, window: Window,
                  visits: Sequence[Visit], today: dt.date) -> ItemCoverage:
    in_scope = {i.id: i for i in roster if scope.matches(i)}
    done_visits = [v for v in visits if Status(v.status) in CARRIED_OUT and window.start <= v.day <= window.end]
    done_ids = {v.institution_id for v in done_visits if v.institution_id in in_scope}
    size = len(in_scope)
    required = target.required(size)
    share = (Decimal(len(done_ids) * 100) / size).quantize(Decimal("0.1"), ROUND_HALF_UP) if size else Decimal(0)
    times = len({v.batch for v in done_visits})
    elapsed = Decimal(max(0, min((today - window.start).days + 1, (window.end - window.start).days + 1)))
    total = Decimal((window.end - window.start).days + 1)
    expected_done = math.floor(required * elapsed / total)
    expected_times = math.floor(frequency * elapsed / total)
    regions: dict[str, list[int]] = {}
    for inst in in_scope.values():
        counts = regions.setdefault(inst.region, [0, 0])
        counts[1] += 1
        counts[0] += inst.id in done_ids
    return ItemCoverage(size, required, len(done_ids), share, frequency, times, window.days_left(today),
                        expected_done, expected_times,
                        len(done_ids) < expected_done or times < expected_times,
                        tuple(RegionCoverage(r, d, n) for r, (d, n) in sorted(regions.items())))
