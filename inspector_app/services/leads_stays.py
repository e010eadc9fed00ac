"""The settlement-level rules (re-admission, overlapping stays) on the stays of one import, in polars.

A stay is one settlement (number, institution, patient): its first admission, last discharge and total (the
医疗总费用 column, else the sum of its line amounts). The batches (services/leads_batch.py) leave one partial row per
settlement and batch, about a fifth as many rows as lines; they are merged here, and the rules run on the merged
stays — the same answers the SQL window and self-join gave, without handing every stay to SQLite.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import polars as pl

from inspector_app.domain.leads import rules as R

KEY = ["settlement_no", "institution_code", "patient_id"]
_ISO = "%Y-%m-%d"


def merge(parts: list[pl.DataFrame]) -> pl.DataFrame:
    """One row per settlement: KEY, a, d, total, parts (in how many batches it showed up)."""
    runs = pl.concat(parts)
    # Most settlements are one run: only those whose key (hashed, then compared exactly) repeats are grouped.
    again = runs.select(pl.struct(KEY).hash().is_duplicated()).to_series()
    single = runs.filter(~again).select(
        *KEY, pl.col("admitted_on").alias("a"), pl.col("discharged_on").alias("d"),
        pl.coalesce("total_fen", "amount_fen").alias("total"), pl.lit(1, dtype=pl.UInt32).alias("parts"))
    merged = runs.filter(again).group_by(KEY).agg(
        pl.col("admitted_on").min().alias("a"), pl.col("discharged_on").max().alias("d"),
        # COALESCE(MAX(total), SUM(amount), 0): a sum over no amounts is 0 here, the same fallback
        pl.coalesce(pl.col("total_fen").max(), pl.col("amount_fen").sum()).alias("total"),
        pl.col("batch").n_unique().cast(pl.UInt32).alias("parts"))
    return pl.concat([single, merged]).with_columns(pl.col("total").fill_null(0))


def hits(stays: pl.DataFrame, rs: R.RuleSet) -> Iterator[tuple[str, str, str, str, int, dict[str, Any]]]:
    """(rule, settlement, institution code, patient id, amount fen, detail) for every hit."""
    if R.READMISSION in rs.enabled:
        part = ["patient_id", "institution_code"] if rs.readmission_same_institution else ["patient_id"]
        # sorted by the partition's hash first (cheaper than by its texts), then the window's own order; the previous
        # stay counts when it is the same partition (compared exactly)
        s = stays.filter(pl.col("d") > pl.col("a")).with_columns(pl.struct(part).hash().alias("pk")).sort(
            ["pk", *part, "a", "d", "settlement_no"])
        same = pl.all_horizontal(pl.col(c) == pl.col(c).shift(1) for c in part)
        prev = [pl.when(same).then(pl.col(c).shift(1)) for c in ("settlement_no", "d", "institution_code")]
        s = s.with_columns(prev[0].alias("prev_no"), prev[1].alias("prev_d"), prev[2].alias("prev_inst")).filter(
            pl.col("prev_no").is_not_null() & (pl.col("a") >= pl.col("prev_d"))
            & ((pl.col("a") - pl.col("prev_d")).dt.total_days() <= rs.readmission_days))
        for no, inst, pid, a, d, total, prev_no, prev_d, prev_inst in s.select(
                *KEY, pl.col("a").dt.strftime(_ISO), pl.col("d").dt.strftime(_ISO), "total", "prev_no",
                pl.col("prev_d").dt.strftime(_ISO), "prev_inst").iter_rows():
            yield (R.READMISSION, no, inst, pid, total, {
                "admitted_on": a, "discharged_on": d, "previous_settlement": prev_no, "previous_discharge": prev_d,
                "previous_institution": prev_inst, "window_days": rs.readmission_days})
    if R.OVERLAP in rs.enabled:
        # an overlap of a day or more needs both stays to last a day or more: same-day visits take no part
        x = stays.filter(pl.col("d") > pl.col("a")).select(*KEY, "a", "d", "total")
        days = (pl.min_horizontal("d", "d_o") - pl.max_horizontal("a", "a_o")).dt.total_days()
        pairs = x.join(x.select("patient_id", pl.col("settlement_no").alias("no_o"),
                                pl.col("institution_code").alias("inst_o"), pl.col("a").alias("a_o"),
                                pl.col("d").alias("d_o")), on="patient_id").filter(
            (pl.col("a_o") < pl.col("d")) & (pl.col("inst_o") != pl.col("institution_code"))
            & (days >= rs.overlap_min_days)).with_columns(days.alias("days"))
        for no, inst, pid, a, d, total, o_no, o_inst, o_a, o_d, n in pairs.select(
                *KEY, *(pl.col(c).dt.strftime(_ISO) for c in ("a", "d")), "total", "no_o", "inst_o",
                *(pl.col(c).dt.strftime(_ISO) for c in ("a_o", "d_o")), "days").iter_rows():
            yield (R.OVERLAP, no, inst, pid, total, {
                "admitted_on": a, "discharged_on": d, "other_settlement": o_no, "other_institution": o_inst,
                "other_admitted_on": o_a, "other_discharged_on": o_d, "overlap_days": int(n)})
