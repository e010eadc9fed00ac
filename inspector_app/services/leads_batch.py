"""Screening an extract batch by batch (polars), keeping only what the rules and the screens read.

The store keeps no copy of the extract (the file is kept, hashed, as evidence). Per batch:

* one row per settlement (its stay: first admission, last discharge, total or summed line amounts) is kept in
  memory: the re-admission and overlap rules work on those (services/leads_stays.py), a fifth as many rows as
  lines (the only state that grows with the file: some 60 bytes a settlement);
* the lines an item rule raises (above the price list, out of the drug list: decided line by line; a quantity
  beyond the daily limit: decided on the sums per settlement, item and day) go to the temporary table ``lead_hits``,
  and those that make a lead are kept in ``lead_lines`` as its detail (services/leads_screen.py);
* repeated lines (every value equal) are looked for among the settlement's lines.

The lines of a settlement come together in every export, so a batch's last settlement is held back and joined to
the next batch: sums, repeats and stays are then complete within one batch. A settlement whose lines are scattered
further apart (its row shows up for two batches) is put right by a second read of the file (`second_pass`) that
collects only that settlement's lines into temporary tables — bounded memory whatever the order of the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import polars as pl

from inspector_app.domain.leads import rules as R
from inspector_app.domain.leads.values import PatientHasher, mask_patient
from inspector_app.services import leads_stays
from inspector_app.services.leads_check import VALUE_COLUMNS, finish

KEY = leads_stays.KEY
QTY_KEY = [*KEY, "item_code", "fee_date"]  # no fee date: one group for the stay

LINE_COLUMNS = ("row_no", "row_key", "settlement_no", "institution_code", "patient_hash", "patient_masked",
                "admitted_on", "discharged_on", "institution_name", "diagnosis", "total_fen", "item_code",
                "item_name", "quantity_milli", "unit_price_fen", "amount_fen", "fee_date", "rule_hit")
CREATE_HITS = f"CREATE TEMP TABLE lead_hits (rule, {', '.join(LINE_COLUMNS)})"
_INSERT_HIT = f"INSERT INTO temp.lead_hits VALUES ({', '.join('?' * (len(LINE_COLUMNS) + 1))})"
_ISO = "%Y-%m-%d"
_PENDING_ROWS = 50_000  # lines raised held before they are written (bounded memory whatever the file)
_DUP_CANDIDATE = ["settlement_no", "item_code", "quantity_milli", "amount_fen", "fee_date"]


class Batches:
    """Feed checked batches (services/leads_check.py) in file order, then `finish`."""

    def __init__(self, cur: Any, rs: R.RuleSet, hasher: PatientHasher):
        self._cur, self._rs, self._hash = cur, rs, hasher
        self._masked: dict[str, tuple[str, str]] = {}
        self._carry: pl.DataFrame | None = None
        self._runs: list[pl.DataFrame] = []  # per batch, one row per settlement (leads_stays.merge)
        self._stays: pl.DataFrame | None = None
        self.duplicate: tuple[int, int] | None = None  # (repeat, original) row numbers, the earliest repeat
        tol = int((rs.price_tolerance_pct * 100).to_integral_value())
        self._tol = 10000 + tol  # basis points
        prices = rs.prices if R.ABOVE_PRICE in rs.enabled else {}
        limits = rs.max_per_day if R.QUANTITY in rs.enabled else {}
        # the item codes of the price and quantity lists as an enum: a line's code is looked up once per batch (a
        # cast), its price and daily limit then read by position (a hashed look-up per list cost three times more)
        codes = sorted(set(prices) | set(limits))
        self._codes = pl.Enum(codes) if codes else None
        self._max_fen = pl.Series([prices.get(c) for c in codes], dtype=pl.Int64) if prices else None
        self._max_milli = pl.Series([limits.get(c) for c in codes], dtype=pl.Int64) if limits else None
        self._listed = frozenset(rs.listed) \
            if R.OUT_OF_LIST in rs.enabled and rs.listed and rs.drug_prefixes else None
        self._pending: list[pl.DataFrame] = []  # lines raised, written to lead_hits together (_write_hits)
        self._pending_rows = 0
        for t in ("lead_hits", "lead_keys", "lead_scattered"):
            cur.execute(f"DROP TABLE IF EXISTS temp.{t}")
        cur.execute(CREATE_HITS)

    # ------------------------------------------------------------------ first pass

    def feed(self, df: pl.DataFrame) -> None:
        if self._carry is not None:
            df = pl.concat([self._carry, df])
        last = df.row(df.height - 1, named=True)
        other = df.select(pl.any_horizontal(pl.col(k) != last[k] for k in KEY).arg_true().max()).item()
        if other is None:  # one settlement fills the batch: processed, and set right later if it goes on
            self._carry = None
            self._process(df)
        else:
            self._carry = df.slice(other + 1)
            self._process(df.slice(0, other + 1))

    def flush(self) -> None:
        if self._carry is not None:
            self._process(self._carry)
            self._carry = None
        self._write_hits()

    def _patients(self, ids: Iterable[str]) -> None:
        if len(self._masked) > 200_000:  # bounded: the lines of a patient come together
            self._masked.clear()
        for pid in ids:
            if pid not in self._masked:
                self._masked[pid] = (self._hash(pid), mask_patient(pid))

    def _with_patient(self, df: pl.DataFrame) -> pl.DataFrame:
        ids = df["patient_id"].unique()
        self._patients(ids.to_list())
        got = [self._masked[p] for p in ids.to_list()]
        return df.with_columns(
            pl.col("patient_id").replace_strict(ids, [g[0] for g in got], return_dtype=pl.String).alias("patient_hash"),
            pl.col("patient_id").replace_strict(ids, [g[1] for g in got], return_dtype=pl.String)
            .alias("patient_masked"))

    def _process(self, df: pl.DataFrame) -> None:
        # runs of lines sharing the settlement (they come together): grouped by a run number, cheaper than by three
        # texts; a settlement split within the batch gives two runs, merged with the rest in leads_stays.merge
        run = pl.any_horizontal(pl.col(k) != pl.col(k).shift(1) for k in KEY).fill_null(True).cum_sum()
        self._runs.append(df.group_by(run.alias("run")).agg(
            *(pl.col(k).first() for k in KEY), pl.col("admitted_on").min(), pl.col("discharged_on").max(),
            pl.col("total_fen").max(), pl.col("amount_fen").sum()).drop("run").with_columns(
            pl.lit(len(self._runs), dtype=pl.Int32).alias("batch")))
        item = df["item_code"].cast(self._codes, strict=False).to_physical() if self._codes is not None else None
        if self._max_fen is not None:
            limit = self._max_fen.gather(item)
            self._hits(R.ABOVE_PRICE, df.filter(df["unit_price_fen"] * 10000 > limit * self._tol))
        if self._listed is not None:
            # decided once per distinct code of the batch (a few hundred), the lines then picked by code
            out = [c for c in df["item_code"].unique().drop_nulls().to_list()
                   if c.startswith(self._rs.drug_prefixes) and c not in self._listed]
            if out:
                self._hits(R.OUT_OF_LIST, df.filter(pl.col("item_code").is_in(pl.Series(out, dtype=pl.String)
                                                                              .implode())))
        if self._max_milli is not None:
            # summed on the columns the rule reads only (half the lines are candidates: a copy of all fifteen
            # columns cost as much as the sums); the lines of the groups over the limit are then taken whole
            cand = df.select(*QTY_KEY, "quantity_milli", "admitted_on", "discharged_on",
                             self._max_milli.gather(item).alias("max_milli"),
                             pl.int_range(pl.len(), dtype=pl.UInt32).alias("line")).filter(
                pl.col("max_milli").is_not_null() & pl.col("quantity_milli").is_not_null())
            sums = cand.group_by(QTY_KEY).agg(pl.col("quantity_milli").sum().alias("qty"),
                                              pl.col("admitted_on").min().alias("a"),
                                              pl.col("discharged_on").max().alias("d"),
                                              pl.col("max_milli").first())
            stay = pl.max_horizontal(pl.lit(1), (pl.col("d") - pl.col("a")).dt.total_days())
            over = sums.filter(pl.when(pl.col("fee_date").is_not_null()).then(pl.col("qty") > pl.col("max_milli"))
                               .otherwise(pl.col("qty") > pl.col("max_milli") * stay))
            if over.height:
                lines = cand.join(over.select(QTY_KEY), on=QTY_KEY, how="semi", nulls_equal=True)["line"]
                self._hits(R.QUANTITY, df[lines.sort()])
        self._duplicates(df)

    def quantity_lines(self, df: pl.DataFrame) -> pl.DataFrame:
        """The lines of an item with a daily limit and a quantity."""
        assert self._max_milli is not None and self._codes is not None
        limit = self._max_milli.gather(df["item_code"].cast(self._codes, strict=False).to_physical())
        return df.filter(limit.is_not_null() & df["quantity_milli"].is_not_null())

    def _hits(self, rule: str, lines: pl.DataFrame) -> None:
        if not lines.height:
            return
        self._pending.append(finish(lines).select(pl.lit(rule).alias("rule"), "row_no", *VALUE_COLUMNS))
        self._pending_rows += lines.height
        if self._pending_rows >= _PENDING_ROWS:
            self._write_hits()

    def _write_hits(self) -> None:
        """The lines raised so far, to lead_hits in one statement: a few thousand per batch, each batch's rules
        written apart cost more in fixed overhead than in rows."""
        if not self._pending:
            return
        lines = pl.concat(self._pending)
        self._pending, self._pending_rows = [], 0
        lines = self._with_patient(lines).with_columns(
            row_key(lines), *(pl.col(c).dt.strftime(_ISO) for c in ("admitted_on", "discharged_on", "fee_date")))
        self._cur.executemany(_INSERT_HIT, lines.select("rule", *LINE_COLUMNS).iter_rows())

    def _duplicates(self, df: pl.DataFrame) -> None:
        # candidates first: lines equal in every value are equal in these (hashed: a cheaper pass than all fifteen
        # columns); the candidates' values are then compared in full below
        keys = df.select(_DUP_CANDIDATE).hash_rows()
        if keys.n_unique() == keys.len():  # the usual batch: counting the distinct keys is cheaper than marking them
            return
        dup = keys.is_duplicated()
        groups = finish(df.filter(dup)).group_by(VALUE_COLUMNS).agg(pl.col("row_no").sort().head(2).alias("r")).filter(
            pl.col("r").list.len() > 1)
        for first, second in (r for (r,) in groups.select("r").iter_rows()):
            if self.duplicate is None or second < self.duplicate[0]:
                self.duplicate = (second, first)

    # ------------------------------------------------------------------ settlements scattered over batches

    def stays(self) -> pl.DataFrame:
        if self._stays is None:
            self._stays = leads_stays.merge(self._runs) if self._runs else pl.DataFrame()
            self._runs = []
        return self._stays

    def stay_hits(self) -> list[tuple[str, str, str, str, str, int, dict[str, Any]]]:
        """The settlement-level leads, the patient as its keyed hash and masked hint (computed for these only)."""
        self._write_hits()
        found = list(leads_stays.hits(self.stays(), self._rs)) if self.stays().height else []
        self._patients({h[3] for h in found})
        return [(rule, no, inst, *self._masked[pid], amount, detail) for rule, no, inst, pid, amount, detail in found]

    def scattered(self) -> pl.DataFrame:
        """KEY of the settlements whose lines show up in more than one batch; their per-batch quantity sums were
        partial and are dropped here (`second_pass` redoes them)."""
        stays = self.stays()
        out = stays.filter(pl.col("parts") > 1).select(KEY) if stays.height else pl.DataFrame()
        if out.height:
            self._cur.execute("CREATE TEMP TABLE lead_keys (row_key INTEGER, row_no INTEGER)")
            self._cur.execute("CREATE TEMP TABLE lead_scattered (settlement_no, institution_code, patient_hash)")
            self._patients(out["patient_id"].to_list())
            self._cur.executemany("INSERT INTO temp.lead_scattered VALUES (?, ?, ?)", [
                (no, inst, self._masked[pid][0]) for no, inst, pid in out.iter_rows()])
            self._cur.execute(
                "DELETE FROM temp.lead_hits WHERE rule = ? AND EXISTS (SELECT 1 FROM temp.lead_scattered s WHERE "
                "s.settlement_no = lead_hits.settlement_no AND s.institution_code = lead_hits.institution_code "
                "AND s.patient_hash = lead_hits.patient_hash)", (R.QUANTITY,))
        return out

    def second_pass(self, df: pl.DataFrame, keys: pl.DataFrame) -> None:
        """One batch of the file read again: the lines of the scattered settlements only."""
        df = df.join(keys, on=KEY, how="semi")
        if not df.height:
            return
        df = finish(df)
        self._cur.executemany("INSERT INTO temp.lead_keys VALUES (?, ?)",
                              df.select(row_key(df), "row_no").iter_rows())
        if self._max_milli is not None:  # every candidate line: the rule's SQL sums them (leads_screen.py)
            self._hits(R.QUANTITY, self.quantity_lines(df))

    def scattered_duplicate(self) -> None:
        self._write_hits()
        keys = [k for (k,) in self._cur.execute(
            "SELECT row_key FROM temp.lead_keys GROUP BY row_key HAVING COUNT(*) > 1")]
        for k in keys:
            first, second = (r for (r,) in self._cur.execute(
                "SELECT row_no FROM temp.lead_keys WHERE row_key = ? ORDER BY row_no LIMIT 2", (k,)))
            if self.duplicate is None or second < self.duplicate[0]:
                self.duplicate = (second, first)


def row_key(df: pl.DataFrame) -> pl.Expr:
    """64-bit hash of a line's values, as a signed SQLite integer: equal lines, equal keys (two different lines of a
    million sharing one: about 1 in 30 million; the repeat reported names both rows, for the user to see)."""
    return pl.struct(VALUE_COLUMNS).hash(seed=0).reinterpret(signed=True).alias("row_key")
