"""Every value of a batch of extract rows checked and converted at once (polars), with the verdicts the row-by-row
parser (domain/leads/values.py RowParser) gives: the same texts accepted, the same refused.

Numbers in the plain notation of exports and ISO dates are converted natively over the column, anything else by the
domain's own parse functions once per distinct text. Dates and quantities repeat (a few hundred texts in a batch of
100,000 lines), so those columns are converted on their distinct texts only and spread back (_per_distinct). Names,
diagnoses and rule texts are checked here but stripped only on the lines that are kept or compared (`finish`).
When a batch holds a refused value, the first refused row is handed to RowParser, which raises the coded error
naming file, sheet, row and column exactly as before — the vectorised check only decides *whether* and *where*, the
wording has one home.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
import polars as pl

from inspector_app.domain.leads.mapping import FIELDS, ResolvedMapping, Where
from inspector_app.domain.leads.values import MAX_TEXT, Limits, PatientHasher, RowParser, parse_date, parse_scaled
from inspector_app.services.leads_files import malformed

_MAX = 10**13  # values.py _MAX_FEN: beyond it a value is a typo or a corrupted cell
_FEW = 1000  # distinct texts of a column converted one by one rather than the whole column (_per_distinct)

#: the typed columns of a checked batch (after row_no), in FIELDS order; money in fen, quantities in thousandths
TYPED: dict[str, tuple[str, pl.DataType]] = {
    "settlement_no": ("settlement_no", pl.String()), "institution_code": ("institution_code", pl.String()),
    "patient_id": ("patient_id", pl.String()), "admitted_on": ("admitted_on", pl.Date()),
    "discharged_on": ("discharged_on", pl.Date()), "institution_name": ("institution_name", pl.String()),
    "diagnosis": ("diagnosis", pl.String()), "total_amount": ("total_fen", pl.Int64()),
    "item_code": ("item_code", pl.String()), "item_name": ("item_name", pl.String()),
    "quantity": ("quantity_milli", pl.Int64()), "unit_price": ("unit_price_fen", pl.Int64()),
    "amount": ("amount_fen", pl.Int64()), "fee_date": ("fee_date", pl.Date()), "rule_hit": ("rule_hit", pl.String()),
}
VALUE_COLUMNS = tuple(name for name, _t in TYPED.values())
#: optional texts no screen compares (only stored with a lead's lines): checked here, stripped by `finish` on the
#: few lines that need them (a strip of every cell was a tenth of the check)
LATER = ("institution_name", "diagnosis", "item_name", "rule_hit")


def finish(df: pl.DataFrame) -> pl.DataFrame:
    """The LATER columns of checked lines as check would have made them: stripped, None when empty."""
    texts = [pl.col(c).str.strip_chars() for c in LATER]
    return df.with_columns(pl.when(t.str.len_bytes() > 0).then(t).alias(c) for c, t in zip(LATER, texts))


def _date_or_none(text: str) -> dt.date | None:
    try:
        return parse_date(text)
    except (ValueError, TypeError, OverflowError):
        return None


def _scaled_or_none(text: str, scale: int, low: int) -> int | None:
    try:
        v = parse_scaled(text, scale)
    except (ValueError, TypeError, ArithmeticError):
        return None
    return v if low <= v < _MAX else None


def _leftovers(v: pl.Series, plain: pl.Series, convert: Callable[[str], object],
               dtype: pl.DataType) -> tuple[pl.Series, list[str]]:
    """The texts `plain` does not cover, converted once per distinct text (stripped first: a cell of spaces is an
    empty cell); the blank ones are returned apart."""
    u = v.filter(~plain).unique()
    texts = u.to_list()
    blank = [t for t in texts if not t.strip()]
    return v.replace_strict(u, [convert(t.strip()) for t in texts], default=None, return_dtype=dtype), blank


def _dates(v: pl.Series) -> tuple[pl.Series, list[str]]:
    """ISO dates (what exports write) parsed natively; any other text by parse_date, once per distinct text."""
    iso = v.str.contains(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$").fill_null(True)
    fast = v.str.to_date("%Y-%m-%d", strict=False)
    if iso.all():
        return fast, []
    slow, blank = _leftovers(v, iso, _date_or_none, pl.Date())
    return fast.zip_with(iso, slow), blank


def _scaled(v: pl.Series, digits: int, signed: bool) -> tuple[pl.Series, list[str]]:
    """Text → integer × 10^digits, None where refused (values.py _fixed / parse_scaled, and their range): the plain
    notation of exports (12, -3.5, 12.50) natively, anything else (1,200.00, .5, 1e3, a padded cell) by
    parse_scaled, once per distinct text."""
    sign = "-?" if signed else ""
    plain = v.str.contains(rf"^{sign}[0-9]{{1,12}}(\.[0-9]{{0,{digits}}})?$").fill_null(True)
    vals = v.cast(pl.Decimal(24, digits), strict=False).to_physical().cast(pl.Int64)
    low = -_MAX + 1 if signed else 0
    blank: list[str] = []
    if not plain.all():
        slow, blank = _leftovers(v, plain, lambda t: _scaled_or_none(t, 10**digits, low), pl.Int64())
        vals = vals.zip_with(plain, slow)
    return pl.select(pl.when((vals >= low) & (vals < _MAX)).then(vals)).to_series(), blank


def _per_distinct(v: pl.Series, convert: Callable[[pl.Series], tuple[pl.Series, list[str]]]
                  ) -> tuple[pl.Series, list[str]]:
    """`convert` applied to the distinct texts only and spread back over the column, when they are few (a batch's
    dates and quantities: a few hundred texts for 100,000 cells): the same verdicts, each text being converted by
    the same function, at a fraction of the cost. Many distinct texts (dates with a time): `convert` over the
    column, as soon as its first rows show it (finding them all would cost more than it saves)."""
    if v.head(_FEW).n_unique() > _FEW // 2:
        return convert(v)
    u = v.unique().drop_nulls()
    if u.len() > max(_FEW, v.len() // 50):
        return convert(v)
    typed, blank = convert(u)
    return typed.gather(v.cast(pl.Enum(u)).to_physical()), blank


def check(raw: pl.DataFrame, mapping: ResolvedMapping, where: Where, limits: Limits,
          hasher: PatientHasher) -> pl.DataFrame:
    """The typed batch (row_no + VALUE_COLUMNS), or the first refused row's error (ValidationError). Text cells are
    stripped; dates and numbers in the plain notation carry no spaces, the others are stripped by the fallback."""
    latest = limits.latest or dt.date.max
    out: list[pl.Series] = [raw["row_no"]]
    bad: list[pl.Series] = []
    n = raw.height
    for field, (kind, required) in FIELDS.items():
        name, dtype = TYPED[field]
        if field not in mapping.columns:
            out.append(pl.Series(name, [None] * n, dtype=dtype))
            continue
        v = raw[field]
        if kind == "text" and field in LATER and not required:
            typed = v  # stripped by `finish` where the value is used
            missing = v.is_null()
            wrong = (v.str.len_bytes() > MAX_TEXT).fill_null(False)  # stripping only shortens a text
            if wrong.any():
                wrong = (v.str.strip_chars().str.len_chars() > MAX_TEXT).fill_null(False)
        elif kind == "text":
            v = v.str.strip_chars()
            size = v.str.len_bytes()  # kept beside the texts: no text is read
            typed = pl.select(pl.when(size > 0).then(v)).to_series()
            missing = typed.is_null()
            wrong = (size > MAX_TEXT).fill_null(False)  # a character is one byte or more: only these can be too long
            if wrong.any():
                wrong = (typed.str.len_chars() > MAX_TEXT).fill_null(False)
        else:
            if kind == "date":
                typed, blank = _per_distinct(v, _dates)
                wrong = (typed.is_null() | (typed < limits.earliest) | (typed > latest)).fill_null(True)
            else:
                if kind == "money":  # amounts: as many texts as settlements and lines, converted over the column
                    typed, blank = _scaled(v, 2, True)
                else:
                    typed, blank = _per_distinct(v, lambda u: _scaled(u, 3, False))
                wrong = typed.is_null()
            missing = v.is_null() | v.is_in(pl.Series(blank, dtype=pl.String).implode()) if blank else v.is_null()
            wrong = wrong & ~missing
        out.append(typed.alias(name))
        bad.append((wrong | missing) if required else wrong)
    df = pl.DataFrame(out)
    bad.append((df["discharged_on"] < df["admitted_on"]).fill_null(False))
    any_bad = pl.DataFrame(bad, schema=[f"b{i}" for i in range(len(bad))]).select(
        pl.any_horizontal(pl.all()).arg_true().min()).item()
    if any_bad is not None:
        _explain(raw.row(int(any_bad), named=True), mapping, where, limits, hasher)
    return df


def _explain(row: dict[str, object], mapping: ResolvedMapping, where: Where, limits: Limits,
             hasher: PatientHasher) -> None:
    """Raise the row's error the way the row-by-row parser words it."""
    cells: list[object] = [None] * (max(mapping.columns.values()) + 1)
    for field, idx in mapping.columns.items():
        cells[idx] = row[field]
    row_no = int(row["row_no"])  # type: ignore[call-overload]
    RowParser(mapping, where, limits, hasher).parse(cells, row_no)
    raise malformed(where, "a value the batch check refused", row_no)  # the two checks disagree: never silent

