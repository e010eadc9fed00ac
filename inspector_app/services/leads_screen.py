"""Applies the screening rules (domain/leads/rules.py) to one import, in SQL on the import's own transaction, and
writes the leads. Works on what the batches of that import left (services/leads_batch.py): one run row per
settlement and batch (the stays: re-admission, overlaps) and the lines the item rules raised (their sums per lead);
a lead always points at lines the inspector can find in the extract they came from, and those lines are kept.

Runs on the DB-API connection (sqlite3) of the import's unit of work.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from inspector_app.domain.ids import new_ids
from inspector_app.domain.leads import rules as R
from inspector_app.services.leads_batch import LINE_COLUMNS

_ABOVE_PRICE = """
SELECT l.settlement_no, l.institution_code, l.patient_hash, MIN(l.patient_masked), l.item_code, MIN(l.item_name),
       MAX(l.unit_price_fen), p.max_fen, SUM(l.quantity_milli),
       SUM((l.unit_price_fen - p.max_fen) * COALESCE(l.quantity_milli, 1000))
FROM temp.lead_hits l JOIN lead_prices p ON p.code = l.item_code
WHERE l.rule = 'above_price' AND l.unit_price_fen * 10000 > p.max_fen * (10000 + ?)  -- tolerance in basis points
GROUP BY l.settlement_no, l.institution_code, l.patient_hash, l.item_code
"""

_QUANTITY = """
SELECT l.settlement_no, l.institution_code, l.patient_hash, MIN(l.patient_masked), l.item_code, MIN(l.item_name),
       COALESCE(l.fee_date, '') AS day, SUM(l.quantity_milli) AS qty, q.max_milli, SUM(l.amount_fen),
       MAX(1, CAST(julianday(MAX(l.discharged_on)) - julianday(MIN(l.admitted_on)) AS INTEGER)) AS stay_days
FROM temp.lead_hits l JOIN lead_quantities q ON q.code = l.item_code
WHERE l.rule = 'quantity_per_day' AND l.quantity_milli IS NOT NULL
GROUP BY l.settlement_no, l.institution_code, l.patient_hash, l.item_code, day
HAVING (day <> '' AND qty > q.max_milli) OR (day = '' AND qty > q.max_milli * stay_days)
"""

_OUT_OF_LIST = """
SELECT l.settlement_no, l.institution_code, l.patient_hash, MIN(l.patient_masked), l.item_code, MIN(l.item_name),
       SUM(COALESCE(l.amount_fen, 0)), SUM(l.quantity_milli)
FROM temp.lead_hits l
WHERE l.rule = 'out_of_list' AND ({prefixes}) AND l.item_code NOT IN (SELECT code FROM lead_listed)
GROUP BY l.settlement_no, l.institution_code, l.patient_hash, l.item_code
"""

_INSERT = ("INSERT INTO leads (id, import_id, rule, institution_code, institution_id, settlement_no, patient_hash, "
           "patient_masked, amount_fen, detail, status, note, inspection_id, finding_id, campaign_item, created_at, "
           "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', '', NULL, NULL, NULL, ?, ?)")


# the form json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":")) had, one encoder for all
_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), check_circular=False)


def _yuan(fen: int) -> str:
    return format(Decimal(fen) / 100, ".2f")


def _qty(milli: int | None) -> str:
    return "" if milli is None else format((Decimal(milli) / 1000).normalize(), "f")


def _hits(cur: Any, rs: R.RuleSet) -> Iterator[tuple[str, str, str, str, str, int, dict[str, Any]]]:
    """(rule, settlement, institution code, patient hash, masked, amount fen, detail) for every hit."""
    if R.ABOVE_PRICE in rs.enabled and rs.prices:
        tol = int((rs.price_tolerance_pct * 100).to_integral_value())
        for no, inst, ph, pm, code, name, price, limit, qty, excess in cur.execute(
                _ABOVE_PRICE, (tol,)):
            amount = int((Decimal(excess) / 1000).to_integral_value(ROUND_HALF_UP))
            yield (R.ABOVE_PRICE, no, inst, ph, pm, amount, {
                "item_code": code, "item_name": name or "", "unit_price": _yuan(price), "price_limit": _yuan(limit),
                "quantity": _qty(qty)})
    if R.QUANTITY in rs.enabled and rs.max_per_day:
        for no, inst, ph, pm, code, name, day, qty, limit, amount, stay in cur.execute(_QUANTITY):
            allowed = limit if day else limit * stay
            share = Decimal(amount or 0) * (qty - allowed) / qty if qty else Decimal(0)
            yield (R.QUANTITY, no, inst, ph, pm, int(share.to_integral_value(ROUND_HALF_UP)), {
                "item_code": code, "item_name": name or "", "fee_date": day or None, "quantity": _qty(qty),
                "allowed": _qty(allowed), "stay_days": stay})
    if R.OUT_OF_LIST in rs.enabled and rs.listed and rs.drug_prefixes:
        prefixes = " OR ".join("substr(l.item_code, 1, {n}) = '{p}'".format(n=len(p), p=p.replace("'", "''"))
                               for p in rs.drug_prefixes)
        for no, inst, ph, pm, code, name, amount, qty in cur.execute(
                _OUT_OF_LIST.format(prefixes=prefixes)):
            yield (R.OUT_OF_LIST, no, inst, ph, pm, amount, {
                "item_code": code, "item_name": name or "", "quantity": _qty(qty)})


_KEEP_LINES = f"""
INSERT INTO lead_lines (import_id, {', '.join(LINE_COLUMNS)})
SELECT ?, {', '.join(LINE_COLUMNS)} FROM temp.lead_hits h
WHERE h.rule IN ('above_price', 'out_of_list') OR (h.rule = 'quantity_per_day' AND EXISTS (
  SELECT 1 FROM temp.lead_qty q WHERE q.settlement_no = h.settlement_no AND q.institution_code = h.institution_code
    AND q.patient_hash = h.patient_hash AND q.item_code = h.item_code AND q.day = COALESCE(h.fee_date, '')))
GROUP BY h.row_no ORDER BY h.row_no  -- a line two rules raised is kept once
"""


def screen(dbapi: Any, import_id: str, rs: R.RuleSet, institutions: Mapping[str, str], now_iso: str,
           stay_hits: list[tuple[str, str, str, str, str, int, dict[str, Any]]]
           ) -> tuple[Counter[str], int | None, int | None]:
    """Run the enabled rules over what the batches left in the temporary tables (services/leads_batch.py: the
    settlements' runs, the lines the item rules raised), insert the leads and keep the lines that make them;
    returns the count per rule and the id range of the kept lines (see LeadImportRow)."""
    cur = dbapi.cursor()
    try:
        for t in ("lead_prices", "lead_quantities", "lead_listed", "lead_qty"):
            cur.execute(f"DROP TABLE IF EXISTS temp.{t}")
        cur.execute("CREATE TEMP TABLE lead_prices (code TEXT PRIMARY KEY, max_fen INTEGER)")
        cur.executemany("INSERT INTO lead_prices VALUES (?, ?)", list(rs.prices.items()))
        cur.execute("CREATE TEMP TABLE lead_quantities (code TEXT PRIMARY KEY, max_milli INTEGER)")
        cur.executemany("INSERT INTO lead_quantities VALUES (?, ?)", list(rs.max_per_day.items()))
        cur.execute("CREATE TEMP TABLE lead_listed (code TEXT PRIMARY KEY)")
        cur.executemany("INSERT INTO lead_listed VALUES (?)", [(c,) for c in rs.listed])
        hits = stay_hits + list(_hits(cur, rs))
        counts: Counter[str] = Counter()
        cur.executemany(_INSERT, [
            (lead_id, import_id, rule, inst, institutions.get(inst), no, ph, pm, int(amount or 0),
             _JSON.encode(detail), now_iso, now_iso)
            for lead_id, (rule, no, inst, ph, pm, amount, detail) in zip(new_ids(len(hits)), hits)])
        counts.update(h[0] for h in hits)
        cur.execute("CREATE TEMP TABLE lead_qty (settlement_no, institution_code, patient_hash, item_code, day, "
                    "PRIMARY KEY (settlement_no, institution_code, patient_hash, item_code, day)) WITHOUT ROWID")
        cur.executemany("INSERT INTO temp.lead_qty VALUES (?, ?, ?, ?, ?)", [
            (no, inst, ph, detail["item_code"], detail["fee_date"] or "")
            for rule, no, inst, ph, _pm, _amount, detail in hits if rule == R.QUANTITY])
        before = cur.execute("SELECT COALESCE(MAX(id), 0) FROM lead_lines").fetchone()[0]
        cur.execute(_KEEP_LINES, (import_id,))
        first, last = cur.execute("SELECT MIN(id), MAX(id) FROM lead_lines WHERE id > ?", (before,)).fetchone()
        return counts, first, last
    finally:
        for t in ("lead_hits", "lead_keys", "lead_scattered", "lead_prices", "lead_quantities", "lead_listed",
                  "lead_qty"):
            cur.execute(f"DROP TABLE IF EXISTS temp.{t}")
        cur.close()
