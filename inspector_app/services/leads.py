"""Data leads: importing a settlement or monitoring extract, screening it, listing the leads.

One import is one user action: the import record, the source's mapping, the leads the rules raised, the lines that
make them and the journal event are written in ONE transaction — a bad row, a duplicate, a cancel or a crash leaves
nothing behind. The file is read, checked and screened in batches (services/leads_read.py, leads_check.py,
leads_batch.py: polars, bounded memory whatever the file's size); the store keeps no copy of the extract — the file
is the evidence, its SHA-256 is in the import record — only what the screens show.

The leads that name a roster institution go to the outbox in the same transaction (services/leads_sync.py);
the journal chain "leads" records every import.
"""

from __future__ import annotations

import dataclasses
import gc
import datetime as dt
import hashlib
import secrets
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from inspector_app.domain import agency_time
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError, ValidationError
from inspector_app.domain.ids import new_id
from inspector_app.domain.leads.mapping import ResolvedMapping, resolve
from inspector_app.domain.leads.rules import RuleSet
from inspector_app.domain.leads.values import Limits, PatientHasher
from inspector_app.services import leads_batch, leads_check, leads_read, leads_screen, leads_sync
from inspector_app.services.context import Actor, ServiceContext
from inspector_app.services.leads_files import Extract, open_extract
from inspector_app.storage.leads_orm import LeadImportRow, LeadRow, LeadSettingsRow, LeadSourceRow
from inspector_app.storage.orm import InstitutionRow

LEADS_CHAIN = "leads"
BATCH = 100_000  # rows per batch: a few MB of columns, checked and screened at once
IMPORT_CACHE_KIB = 64 * 1024

class ImportCancelled(DomainError):
    """The user cancelled; the transaction was rolled back."""


Progress = Callable[[int, float], None]  # (rows read, fraction of the file read)


@dataclass(frozen=True, slots=True)
class LeadImportDTO:
    id: str
    source: str
    file_name: str
    sha256: str
    sheet: str
    rows: int
    mapping: dict[str, str]
    ignored_columns: tuple[str, ...]
    leads_by_rule: dict[str, int]


@dataclass(frozen=True, slots=True)
class LeadDTO:
    id: str
    import_id: str | None  # None: pulled from the sync server (imported on another laptop)
    rule: str
    institution_code: str
    institution_id: str | None
    settlement_no: str
    patient_masked: str
    amount: Decimal
    detail: dict[str, Any]
    status: str
    note: str
    finding_id: str | None = None
    campaign_item: str | None = None  # the campaign checklist item a confirmed lead was filed under


def lead_dto(r: LeadRow) -> LeadDTO:
    return LeadDTO(r.id, r.import_id, r.rule, r.institution_code, r.institution_id, r.settlement_no, r.patient_masked,
                   (Decimal(r.amount_fen) / 100).quantize(Decimal("0.01")), dict(r.detail), r.status, r.note,
                   r.finding_id, r.campaign_item)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _dbapi(session: Any) -> Any:
    return session.connection().connection.driver_connection


@contextmanager
def _larger_cache(dbapi: Any) -> Iterator[None]:
    """A larger page cache for the import's transaction only (bounded: 64 MiB), restored before the pooled
    connection is handed to anyone else: the sorts of the duplicate check and of the screening stay in memory
    instead of spilling to temporary files."""
    before = int(dbapi.execute("PRAGMA cache_size").fetchone()[0])
    dbapi.execute(f"PRAGMA cache_size = {-IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        dbapi.execute(f"PRAGMA cache_size = {before}")


@contextmanager
def _no_gc() -> Iterator[None]:
    """No cyclic garbage collection during an import: it builds tens of thousands of small tuples and dicts (the
    leads and their details, none in a cycle), and each full collection this set off walked the app's whole heap
    — about 5 % of a million-line import's CPU time. Reference counting still frees everything."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class LeadService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    # ------------------------------------------------------------------ import

    def import_file(self, actor: Actor, path: Path, source: str, *, sheet: str | None = None,
                    mapping: Mapping[str, str] | None = None, rules: RuleSet | None = None,
                    limits: Limits | None = None, progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> LeadImportDTO:
        """Import `path` under the source named `source` (created with the default mapping on first use, its saved
        mapping reused after; `mapping` replaces it) and screen it with `rules`."""
        path = Path(path)
        source = source.strip()
        if not source:
            raise ValidationError("leads.source_required", QT_TRANSLATE_NOOP(
                "Errors", "Name the source of the extract (e.g. the platform it was exported from)."))
        limits = dataclasses.replace(limits or Limits())
        if limits.latest is None:
            limits.latest = agency_time.today(self._ctx.clock())
        if not path.is_file():
            raise ValidationError("leads.file_not_found", QT_TRANSLATE_NOOP("Errors", "{file}: no such file."),
                                  file=path.name)
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise ValidationError("leads.file_too_large", QT_TRANSLATE_NOOP(
                "Errors", "{file} is {size} MB; at most {limit} MB can be imported at once."),
                file=path.name, size=size // 2**20, limit=limits.max_bytes // 2**20)
        sha = file_sha256(path)
        rules = rules or RuleSet()
        with _no_gc(), self._ctx.unit(actor) as uow, _larger_cache(_dbapi(uow.session)):
            s = uow.session
            if s.scalar(select(LeadImportRow.id).where(LeadImportRow.sha256 == sha)) is not None:
                raise ValidationError("leads.already_imported", QT_TRANSLATE_NOOP(
                    "Errors", "{file} has already been imported (same content)."), file=path.name)
            src = s.scalar(select(LeadSourceRow).where(LeadSourceRow.name == source))
            with open_extract(path, sheet) as ext:
                saved = dict(mapping) if mapping is not None else (src.mapping if src is not None else None)
                resolved = resolve(ext.header, ext.where, saved)
                if src is None:
                    src = LeadSourceRow(id=new_id(), name=source, mapping=resolved.headers,
                                        created_at=uow.now, updated_at=uow.now)
                    s.add(src)
                    s.flush()  # no ORM relationship orders the inserts: the source first (foreign key)
                elif src.mapping != resolved.headers:
                    src.mapping, src.updated_at = resolved.headers, uow.now
                imp = LeadImportRow(id=new_id(), source_id=src.id, file_name=path.name, sha256=sha,
                                    sheet=ext.where.sheet, rows=0, ignored_columns=list(resolved.ignored),
                                    imported_by=actor.label, imported_at=uow.now)
                s.add(imp)
                s.flush()
                hasher = PatientHasher(self._patient_key(s))
                rows, stay_hits = self._read_and_screen(_dbapi(s), ext, resolved, limits, hasher, rules,
                                                        lambda: open_extract(path, sheet), progress, cancelled)
            if rows == 0:
                raise ValidationError("leads.no_rows", QT_TRANSLATE_NOOP(
                    "Errors", "{file} (sheet {sheet}) has a header row but no data rows."),
                    **ext.where.params())
            institutions = dict(s.execute(select(InstitutionRow.designation_code, InstitutionRow.id)
                                          .where(InstitutionRow.designation_code != "")).all())
            stamp = uow.now.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")
            counts, first_id, last_id = leads_screen.screen(_dbapi(s), imp.id, rules, institutions, stamp,
                                                            stay_hits)
            imp.rows, imp.first_line_id, imp.last_line_id = rows, first_id, last_id
            leads_sync.queue_import(uow, imp.id)  # to the sync server, in this transaction
            uow.journal(LEADS_CHAIN, "leads.imported", {
                "entity": "lead_import", "id": imp.id, "source": source, "file": path.name, "sha256": sha,
                "sheet": ext.where.sheet, "rows": rows, "leads": dict(sorted(counts.items()))})
            return LeadImportDTO(imp.id, source, path.name, sha, ext.where.sheet, rows, dict(resolved.headers),
                                 resolved.ignored, dict(sorted(counts.items())))

    def _patient_key(self, s: Any) -> bytes:
        row = s.get(LeadSettingsRow, 1)
        if row is None:
            row = LeadSettingsRow(id=1, patient_key=secrets.token_hex(32))
            s.add(row)
            s.flush()
        return bytes.fromhex(row.patient_key)

    def _read_and_screen(self, dbapi: Any, ext: Extract, resolved: ResolvedMapping, limits: Limits,
                         hasher: PatientHasher, rules: RuleSet, reopen: Callable[[], Extract],
                         progress: Progress | None, cancelled: Callable[[], bool] | None
                         ) -> tuple[int, list[Any]]:
        """Read, check and screen every batch (services/leads_batch.py); the number of rows. Refusals come in file
        order, as a row-by-row read gave them; a repeated line once the whole file is read."""
        cur = dbapi.cursor()
        try:
            work = leads_batch.Batches(cur, rules, hasher)
            rows = 0
            for raw, fraction in leads_read.frames(ext, resolved.columns, BATCH):
                allowed = limits.max_rows - rows
                if raw.height > allowed:  # a refused value before the limit is named first
                    leads_check.check(raw.head(allowed + 1), resolved, ext.where, limits, hasher)
                    raise ValidationError("leads.too_many_rows", QT_TRANSLATE_NOOP(
                        "Errors", "{file} (sheet {sheet}) has more than {limit} rows; split the extract."),
                        limit=limits.max_rows, **ext.where.params(int(raw["row_no"][allowed])))
                work.feed(leads_check.check(raw, resolved, ext.where, limits, hasher))
                rows += raw.height
                if raw.height >= BATCH:
                    self._step(ext, rows, fraction, progress, cancelled)
            work.flush()
            keys = work.scattered()
            if keys.height:  # a settlement's lines apart in the file: read it again for them
                with reopen() as again:
                    for raw, _fraction in leads_read.frames(again, resolved.columns, BATCH):
                        work.second_pass(leads_check.check(raw, resolved, ext.where, limits, hasher), keys)
                        self._step(ext, rows, 1.0, None, cancelled)
                work.scattered_duplicate()
            if work.duplicate is not None:
                repeat, original = work.duplicate
                raise ValidationError("leads.duplicate_row", QT_TRANSLATE_NOOP(
                    "Errors", "{file} (sheet {sheet}) row {row} repeats row {first} (column {column})."),
                    first=original, **ext.where.params(repeat, "*"))
            stay_hits = work.stay_hits()
            if progress is not None:
                progress(rows, 1.0)
            return rows, stay_hits
        finally:
            cur.close()

    @staticmethod
    def _step(ext: Extract, rows: int, fraction: float, progress: Progress | None,
              cancelled: Callable[[], bool] | None) -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled("leads.cancelled", QT_TRANSLATE_NOOP(
                "Errors", "The import of {file} was cancelled; nothing was imported."), file=ext.where.file)
        if progress is not None:
            progress(rows, fraction)

    # ------------------------------------------------------------------ reading

    def leads(self, *, institution_id: str | None = None, import_id: str | None = None,
              rule: str | None = None) -> list[LeadDTO]:
        with self._ctx.read() as s:
            q = select(LeadRow)
            if institution_id is not None:
                q = q.where(LeadRow.institution_id == institution_id)
            if import_id is not None:
                q = q.where(LeadRow.import_id == import_id)
            if rule is not None:
                q = q.where(LeadRow.rule == rule)
            rows = s.scalars(q.order_by(LeadRow.institution_code, LeadRow.rule, LeadRow.settlement_no)).all()
            return [lead_dto(r) for r in rows]

    def sources(self) -> dict[str, dict[str, str]]:
        with self._ctx.read() as s:
            return {r.name: dict(r.mapping) for r in s.scalars(select(LeadSourceRow).order_by(LeadSourceRow.name))}

    def line_count(self, import_id: str) -> int:
        """The settlement lines kept for the import: those that make its leads."""
        with self._ctx.read() as s:
            imp = s.get(LeadImportRow, import_id)
            if imp is None or imp.first_line_id is None:
                return 0
            return int(_dbapi(s).execute("SELECT COUNT(*) FROM lead_lines WHERE id BETWEEN ? AND ?",
                                         (imp.first_line_id, imp.last_line_id)).fetchone()[0])
