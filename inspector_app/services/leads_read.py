"""The data rows of an open extract (services/leads_files.py) as polars frames of raw text, in bounded batches.

A UTF-8 CSV — what the platforms export, and the file a million-line import is — is cut into blocks of whole records
(a newline outside quotes ends one) and each block parsed by polars' CSV reader in native code: the Python csv module
alone took as long as the whole import may. Other files (a GB18030 CSV, an XLSX sheet) come through the extract's
own row iterator and are turned into the same frames, so every format meets the same checks.

A frame has the column ``row_no`` (the row's number in the file, the header being row 1; blank rows are skipped but
counted, as a spreadsheet numbers them) and one text column per mapped field, None for an empty cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

import polars as pl

from inspector_app.services.leads_files import Extract, malformed

BLOCK_BYTES = 4 << 20  # read size: a few MB of text at a time, whatever the file's size
MAX_CELL = 1 << 20  # the csv module's field limit the import always had: a runaway quote fails fast
_MAX_RECORD = 16 << 20  # no record boundary in this many bytes: an unbalanced quote, not a real row


def frames(ext: Extract, columns: Mapping[str, int], batch: int) -> Iterator[tuple[pl.DataFrame, float]]:
    """(frame of at most `batch` non-blank rows, fraction of the file read), in file order."""
    source = _csv_frames(ext, columns) if ext.kind == "csv" and ext.encoding.startswith("utf-8") \
        else _row_frames(ext, columns, max(batch, 1))
    held: list[pl.DataFrame] = []
    n = 0
    first = next(iter(columns))
    for df, fraction in source:
        if df[first].null_count():  # a blank row has every cell empty, this one too (a count kept by polars)
            df = df.filter(~pl.all_horizontal(pl.col(f).is_null() for f in columns))
        while df.height:
            take = min(df.height, batch - n)
            held.append(df.slice(0, take))
            df, n = df.slice(take), n + take
            if n == batch:
                yield pl.concat(held, rechunk=False), fraction
                held, n = [], 0
    if held:
        yield pl.concat(held, rechunk=False), 1.0


def _boundary(buf: bytes, start: int = 0, last: bool = True) -> int:
    """Offset just after the last (or first) newline of `buf` that ends a record (an even number of quotes before
    it, `buf` starting at a record's start); -1 when there is none."""
    if buf.find(b'"', start) < 0:  # no quotes (the usual export): any newline ends a record
        return (buf.rfind(b"\n") if last else buf.find(b"\n", start)) + 1 or -1
    if last:
        p = buf.rfind(b"\n")
        while p >= 0 and buf.count(b'"', 0, p) % 2:
            p = buf.rfind(b"\n", 0, p)
    else:
        p = buf.find(b"\n", start)
        while p >= 0 and buf.count(b'"', 0, p) % 2:
            p = buf.find(b"\n", p + 1)
    return p + 1 if p >= 0 else -1


def _csv_frames(ext: Extract, columns: Mapping[str, int]) -> Iterator[tuple[pl.DataFrame, float]]:
    where = ext.where
    size = max(1, ext.path.stat().st_size)
    width = max(len(ext.header), max(columns.values()) + 1)
    schema = {f"c{i}": pl.String for i in range(width)}
    picked = sorted(set(columns.values()))
    names = {f"c{i}": f"c{i}" for i in picked}
    with open(ext.path, "rb") as f:
        pending = f.read(BLOCK_BYTES)
        if pending.startswith(b"\xef\xbb\xbf"):
            pending = pending[3:]
        while (start := _boundary(pending, last=False)) < 0:  # the header record (read by the extract already)
            more = f.read(BLOCK_BYTES)
            if not more:
                return
            pending += more
        pending, row, eof = pending[start:], 1, False
        while not eof or pending:
            more = b"" if eof else f.read(BLOCK_BYTES)
            eof = eof or not more
            pending += more
            cut = len(pending) if eof else _boundary(pending)
            if cut <= 0:
                if len(pending) > _MAX_RECORD:
                    raise malformed(where, "field larger than field limit (1048576)", row + 1)
                continue
            piece, pending = pending[:cut], pending[cut:]
            try:
                raw = pl.read_csv(piece, has_header=False, schema=schema, columns=picked, missing_columns="insert",
                                  extra_columns="ignore", truncate_ragged_lines=True, raise_if_empty=False)
            except (pl.exceptions.ComputeError, pl.exceptions.SchemaError) as exc:
                raise malformed(where, str(exc).splitlines()[0], row + 1) from None
            raw = raw.rename(names)
            df = raw.select(pl.int_range(row + 1, row + 1 + raw.height, dtype=pl.Int64).alias("row_no"),
                            *(pl.col(f"c{i}").alias(field) for field, i in columns.items()))
            row += raw.height
            _refuse_huge_cells(df, columns, where)
            yield df, min(1.0, f.tell() / size)


def _refuse_huge_cells(df: pl.DataFrame, columns: Mapping[str, int], where: Any) -> None:
    if (df.select(pl.max_horizontal(pl.col(f).str.len_bytes().max() for f in columns)).item() or 0) <= MAX_CELL:
        return  # the longest cell of the block: the lengths are kept beside the texts, no text is read
    huge = df.filter(pl.any_horizontal(pl.col(f).str.len_bytes() > MAX_CELL for f in columns))
    if huge.height:
        raise malformed(where, f"field larger than field limit ({MAX_CELL})", int(huge["row_no"][0]))


def _cell(value: object) -> str | None:
    """A typed spreadsheet cell as the text a CSV export would hold: dates in ISO form, whole numbers without a
    decimal point (a code typed as a number), other numbers as Python writes them."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return value if isinstance(value, str) else str(value)


def _row_frames(ext: Extract, columns: Mapping[str, int], batch: int) -> Iterator[tuple[pl.DataFrame, float]]:
    fields = list(columns)
    idx = [columns[f] for f in fields]
    rows: list[int] = []
    cols: list[list[str | None]] = [[] for _ in fields]

    def frame() -> pl.DataFrame:
        return pl.DataFrame({"row_no": pl.Series(rows, dtype=pl.Int64),
                             **{f: pl.Series(c, dtype=pl.String) for f, c in zip(fields, cols)}})

    for row_no, cells in ext.rows():
        rows.append(row_no)
        for c, i in zip(cols, idx):
            c.append(_cell(cells[i]) if i < len(cells) else None)
        if len(rows) >= batch:
            _refuse_huge_cells(df := frame(), columns, ext.where)
            yield df, ext.fraction()
            rows, cols = [], [[] for _ in fields]
    if rows:
        _refuse_huge_cells(df := frame(), columns, ext.where)
        yield df, 1.0
