"""The legal clocks of the two evidence-securing measures an inspection can take (pure, Qt-free, storage-free).

- 先行登记保存 (registered preservation, 行政处罚法 第五十六条): when evidence may be lost or hard to obtain later,
  with the approval of the agency head, evidence may be registered and preserved first; a handling decision
  (处理决定) must be made within **7 days**. (Some local rules say 7 working days; we count calendar days, the
  stricter reading, so the app never shows a deadline later than the law's.)
- 封存 (sealing, 医疗保障基金使用监督管理条例 第二十七条(五); 行政强制法 第二十五条): the period may not exceed
  **30 days**; in complex cases it may be extended once, by at most **30 days**, by decision of the agency head,
  with the reason recorded and the party told in writing.

Days are counted in the agency's calendar (Asia/Shanghai): the measure taken on day D runs until D + N inclusive.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

SEAL, PRESERVATION = "seal", "preservation"
MEASURES = (SEAL, PRESERVATION)
PRESERVATION_DAYS = 7
SEAL_DAYS = 30
SEAL_EXTENSION_DAYS = 30
#: How a measure ends: 解除 (released, items returned) or 处理 (handled: a decision on the items — confiscation,
#: transfer, sampling results…). Recorded with a note, journaled.
CLOSINGS = ("released", "handled")


def due_date(measure: str, started_on: dt.date, *, extended: bool = False) -> dt.date:
    """The last day the measure may run (inclusive): preservation + 7, seal + 30 (+ 30 once extended)."""
    if measure == PRESERVATION:
        return started_on + dt.timedelta(days=PRESERVATION_DAYS)
    if measure == SEAL:
        return started_on + dt.timedelta(days=SEAL_DAYS + (SEAL_EXTENSION_DAYS if extended else 0))
    raise ValueError(measure)


@dataclass(frozen=True, slots=True)
class Clock:
    """Where a measure stands on `today` (the agency's date)."""

    measure: str
    started_on: dt.date
    due_on: dt.date
    extended: bool
    closed: str           # "" while running, else one of CLOSINGS
    today: dt.date

    @property
    def days_left(self) -> int:
        """Days until the deadline, counting today as 0 when today is the last day; negative when overdue."""
        return (self.due_on - self.today).days

    @property
    def running(self) -> bool:
        return not self.closed

    @property
    def overdue(self) -> bool:
        return self.running and self.days_left < 0

    @property
    def can_extend(self) -> bool:
        """A seal may be extended once, before its period ends; a preservation never (its 7 days are fixed)."""
        return self.running and self.measure == SEAL and not self.extended and self.days_left >= 0


def clock(measure: str, started_on: dt.date, today: dt.date, *, extended: bool = False, closed: str = "") -> Clock:
    return Clock(measure, started_on, due_date(measure, started_on, extended=extended), extended, closed, today)
