"""Streaming readers for extracts and returns: CSV (UTF-8 with or without BOM, else GB18030 as Excel writes it
on a Chinese system) and XLSX (openpyxl read-only: rows are read from the zip as they are needed, so memory stays
bounded whatever the file's size). A reader yields the header row, then (row number, cells) pairs, and reports the
fraction read for progress. Files that cannot be read give `leads.malformed_file` naming the file and sheet."""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.leads.mapping import Where

csv.field_size_limit(1 << 20)  # one cell of 1 MiB at most: a runaway quote then fails fast instead of eating memory


def malformed(where: Where, reason: str, row: int | None = None) -> ValidationError:
    return ValidationError("leads.malformed_file", QT_TRANSLATE_NOOP(
        "Errors", "{file} (sheet {sheet}) cannot be read near row {row}: {reason}"),
        reason=reason, **where.params(row if row is not None else 1))


class _Counting(io.RawIOBase):
    """Counts the bytes handed to the text decoder: the progress of a CSV read."""

    def __init__(self, raw: io.BufferedIOBase):
        self._raw, self.count = raw, 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        n = self._raw.readinto(b)
        self.count += n
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


def sniff_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # a character cut at the end of the sample
            return "utf-8"
        return "gb18030"


@dataclass
class Extract:
    """An open extract: `header`, then `rows()`; `fraction()` for progress; close when done."""

    path: Path
    where: Where
    header: list[Any]
    _rows: Iterator[tuple[int, list[Any]]]
    _fraction: Any
    _close: Any
    sheets: tuple[str, ...] = field(default=())
    kind: str = "csv"  # csv | xlsx
    encoding: str = ""  # a CSV's, as sniffed (services/leads_read.py reads UTF-8 without the csv module)

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        return self._rows

    def fraction(self) -> float:
        return float(self._fraction())

    def close(self) -> None:
        self._close()

    def __enter__(self) -> Extract:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_extract(path: Path, sheet: str | None = None) -> Extract:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _open_xlsx(path, sheet)
    if suffix in (".csv", ".txt"):
        return _open_csv(path)
    raise ValidationError("leads.unsupported_file", QT_TRANSLATE_NOOP(
        "Errors", "{file}: only CSV and XLSX files can be imported."), file=path.name)


def _open_csv(path: Path) -> Extract:
    where = Where(path.name)
    size = max(1, path.stat().st_size)
    raw = open(path, "rb")  # noqa: SIM115 - closed by the Extract
    encoding = sniff_encoding(raw.read(65536))
    raw.seek(0)
    counting = _Counting(raw)
    text = io.TextIOWrapper(io.BufferedReader(counting, 1 << 16), encoding=encoding, newline="")
    reader = csv.reader(text)

    def rows_from(first: int) -> Iterator[tuple[int, list[Any]]]:
        n = first
        try:
            for cells in reader:
                n += 1
                if cells and any(cells):
                    yield n, cells
        except (csv.Error, UnicodeDecodeError) as exc:
            raise malformed(where, str(exc), n + 1) from None

    try:
        header = next(reader)
    except StopIteration:
        text.close()
        raise malformed(where, "the file is empty") from None
    except (csv.Error, UnicodeDecodeError) as exc:
        text.close()
        raise malformed(where, str(exc)) from None
    if "\x00" in "".join(header):
        text.close()
        raise malformed(where, "binary content, not text")
    return Extract(path, where, header, rows_from(1), lambda: min(1.0, counting.count / size), text.close,
                   kind="csv", encoding=encoding)


def _open_xlsx(path: Path, sheet: str | None) -> Extract:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise malformed(Where(path.name), f"not an XLSX workbook ({type(exc).__name__})") from None
    names = tuple(wb.sheetnames)
    name = sheet or names[0]
    if name not in names:
        wb.close()
        raise ValidationError("leads.unknown_sheet", QT_TRANSLATE_NOOP(
            "Errors", "{file}: there is no sheet {sheet} (sheets: {sheets})."),
            file=path.name, sheet=name, sheets=", ".join(names))
    ws = wb[name]
    where = Where(path.name, name)
    total = max(1, (ws.max_row or 1))
    done = [0]
    it = ws.iter_rows(values_only=True)

    def rows() -> Iterator[tuple[int, list[Any]]]:
        n = 1
        try:
            for cells in it:
                n += 1
                done[0] = n
                if cells and any(c is not None and c != "" for c in cells):
                    yield n, list(cells)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise malformed(where, str(exc), n + 1) from None

    try:
        header = list(next(it))
    except StopIteration:
        wb.close()
        raise malformed(where, "the sheet is empty") from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        wb.close()
        raise malformed(where, str(exc)) from None
    while header and (header[-1] is None or header[-1] == ""):
        header.pop()
    return Extract(path, where, header, rows(), lambda: min(1.0, done[0] / total), wb.close, names, kind="xlsx")
