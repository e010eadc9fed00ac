"""Document numbers (文号/编号) from a configurable pattern, numbered without gaps per type and year.

The counter is incremented inside the caller's write transaction, so a number is taken only if the document
that uses it is committed; a number assigned to an inspection stays with it (a failed signing retries with it)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from inspector_app.domain.agency_time import local
from inspector_app.records import kinds
from inspector_app.services.record_builder import setting
from inspector_app.storage.orm import DocumentCounterRow



def format_number(pattern: str, year: int, n: int) -> str:
    return pattern.format(year=year, n=n)


def next_number(s: Session, doc_type: str, now: dt.datetime) -> str:
    year = local(now).year
    counter = s.get(DocumentCounterRow, (doc_type, year))
    if counter is None:
        counter = DocumentCounterRow(doc_type=doc_type, year=year, last_number=0)
        s.add(counter)
    counter.last_number += 1
    s.flush()
    return format_number(setting(s, kinds.kind(doc_type).number_setting), year, counter.last_number)


def peek_number(s: Session, doc_type: str, now: dt.datetime) -> str:
    """The number `next_number` would give now, without taking it: a document is rendered and signed with it off
    the writer, and the write transaction that takes the number checks it is still the same."""
    year = local(now).year
    counter = s.get(DocumentCounterRow, (doc_type, year))
    return format_number(setting(s, kinds.kind(doc_type).number_setting), year,
                         (counter.last_number if counter is not None else 0) + 1)
