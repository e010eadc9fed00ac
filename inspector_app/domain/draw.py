"""双随机 (random choice of institutions and of officers) — the reproducible draw algorithm, Qt- and storage-free.

Rules (江源区"双随机、一公开"检查工作计划, seed 003; domain reference §4.3):
* institutions are drawn from the register filtered by the plan item's scope, minus those drawn in the last 90 days
  (不可重复抽查, configurable) and minus those excluded with a reason;
* at least 3 % of the scope a year (configurable); institutions with many complaints, serious violations or a low
  credit rating get a higher probability (a weight factor) or a guaranteed quota;
* officers are drawn from the officer register: at least two per inspection, certificates valid on the planned date,
  no 回避 conflict with the institution, and for 交叉检查 none from the institution's own region. An officer who
  fails a condition is redrawn, and the redraw is logged with its reason.

Reproducibility (algorithm "dsr-1"): the seed (32 random bytes, fixed and journaled before the pool is built) and
the pool snapshot determine the result, on any machine. The k-th random number is HMAC-SHA256(seed, label) read as a
256-bit integer, taken modulo the total (bias below 2^-200 for any register size). Institutions are drawn one at a
time without replacement, each with probability weight/total weight, over candidates sorted by id; all arithmetic
is on integers, so there is no floating point to differ between platforms.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from inspector_app.domain.canonical import content_hash
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.plans import InstitutionFacts, Scope

ALGORITHM = "dsr-1"
MIN_OFFICERS = 2


@dataclass(frozen=True, slots=True)
class WeightRule:
    """Institutions matching the rule get `factor` times the weight, and/or `quota` of them are drawn first."""

    name: str
    credit_ratings: tuple[str, ...] = ()
    min_complaints: int | None = None
    serious_violations: bool = False
    factor: int = 1
    quota: int = 0

    def applies(self, inst: InstitutionFacts) -> bool:
        return ((bool(self.credit_ratings) and inst.credit_rating in self.credit_ratings)
                or (self.min_complaints is not None and inst.complaint_count >= self.min_complaints)
                or (self.serious_violations and inst.serious_violations > 0))


@dataclass(frozen=True, slots=True)
class DrawRules:
    min_ratio_pct: Decimal = Decimal(3)   # 抽查比例不低于3%
    lookback_days: int = 90               # 90天内不可重复抽查
    officers_per_team: int = MIN_OFFICERS
    weights: tuple[WeightRule, ...] = (
        WeightRule("信用等级C/D", credit_ratings=("C", "D"), factor=3),
        WeightRule("投诉举报≥3件", min_complaints=3, factor=2),
        WeightRule("有严重违法违规记录", serious_violations=True, factor=3),
    )
    cross_check_excludes_own_region: bool = True   # 交叉检查: no officer from the institution's own region

    def weight(self, inst: InstitutionFacts) -> int:
        w = 1
        for rule in self.weights:
            if rule.applies(inst):
                w *= max(1, rule.factor)
        return w

    def to_json(self) -> dict[str, Any]:
        return {"min_ratio_pct": format(self.min_ratio_pct, "f"), "lookback_days": self.lookback_days,
                "officers_per_team": self.officers_per_team,
                "weights": [{"name": r.name, "credit_ratings": list(r.credit_ratings),
                             "min_complaints": r.min_complaints, "serious_violations": r.serious_violations,
                             "factor": r.factor, "quota": r.quota} for r in self.weights],
                "cross_check_excludes_own_region": self.cross_check_excludes_own_region}

    @staticmethod
    def from_json(raw: Mapping[str, Any]) -> DrawRules:
        return DrawRules(Decimal(raw["min_ratio_pct"]), int(raw["lookback_days"]), int(raw["officers_per_team"]),
                         tuple(WeightRule(w["name"], tuple(w["credit_ratings"]), w["min_complaints"],
                                          bool(w["serious_violations"]), int(w["factor"]), int(w["quota"]))
                               for w in raw["weights"]),
                         # records made before the rule was configurable always excluded the own region
                         bool(raw.get("cross_check_excludes_own_region", True)))

    def validate(self) -> None:
        if not Decimal(0) < self.min_ratio_pct <= Decimal(100):
            raise ValidationError("draw.bad_min_ratio", QT_TRANSLATE_NOOP(
                "Errors", "The minimum ratio {value} % is not between 0 and 100."), value=str(self.min_ratio_pct))
        if self.officers_per_team < MIN_OFFICERS:
            raise ValidationError("draw.too_few_officers_per_team", QT_TRANSLATE_NOOP(
                "Errors", "An inspection needs at least {minimum} officers."), minimum=MIN_OFFICERS)
        if self.lookback_days < 0 or any(r.factor < 1 or r.quota < 0 for r in self.weights):
            raise ValidationError("draw.bad_rules", QT_TRANSLATE_NOOP(
                "Errors", "Weight factors must be at least 1, quotas and the look-back period not negative."))


@dataclass(frozen=True, slots=True)
class OfficerFacts:
    id: str
    name: str
    certificate_no: str
    certificate_expiry: dt.date
    region: str = ""
    conflicts: tuple[str, ...] = ()  # institution ids the officer declared a 回避 conflict with


@dataclass(frozen=True, slots=True)
class Exclusion:
    institution_id: str
    name: str
    reason: str          # "recent" (drawn within the look-back period) or "excluded" (by the lead, with a note)
    note: str = ""


@dataclass(frozen=True, slots=True)
class Pool:
    """What was drawn from: shown to the lead only after the seed is fixed."""

    scope_size: int
    candidates: tuple[InstitutionFacts, ...]
    exclusions: tuple[Exclusion, ...]
    officers: tuple[OfficerFacts, ...]

    def to_json(self) -> dict[str, Any]:
        def inst(i: InstitutionFacts) -> dict[str, Any]:
            return {"id": i.id, "name": i.name, "category": i.category, "level": i.level, "ownership": i.ownership,
                    "region": i.region, "credit_rating": i.credit_rating, "complaint_count": i.complaint_count,
                    "serious_violations": i.serious_violations}
        return {"scope_size": self.scope_size,
                "candidates": [inst(i) for i in sorted(self.candidates, key=lambda i: i.id)],
                "exclusions": [{"institution_id": e.institution_id, "name": e.name, "reason": e.reason,
                                "note": e.note} for e in sorted(self.exclusions, key=lambda e: e.institution_id)],
                "officers": [{"id": o.id, "name": o.name, "certificate_no": o.certificate_no,
                              "certificate_expiry": o.certificate_expiry.isoformat(), "region": o.region,
                              "conflicts": sorted(o.conflicts)} for o in sorted(self.officers, key=lambda o: o.id)]}

    def hash(self) -> str:
        return content_hash(self.to_json())

    @staticmethod
    def from_json(raw: Mapping[str, Any]) -> Pool:
        return Pool(int(raw["scope_size"]),
                    tuple(InstitutionFacts(**c) for c in raw["candidates"]),
                    tuple(Exclusion(**e) for e in raw["exclusions"]),
                    tuple(OfficerFacts(o["id"], o["name"], o["certificate_no"],
                                       dt.date.fromisoformat(o["certificate_expiry"]), o["region"],
                                       tuple(o["conflicts"])) for o in raw["officers"]))


def build_pool(roster: Iterable[InstitutionFacts], scope: Scope, recent: Mapping[str, dt.date],
               excluded: Mapping[str, str], officers: Sequence[OfficerFacts]) -> Pool:
    """The scope's institutions minus the recently drawn (`recent`: id → date drawn) and the excluded (id → note)."""
    in_scope = [i for i in roster if scope.matches(i)]
    candidates, exclusions = [], []
    for i in in_scope:
        if i.id in excluded:
            exclusions.append(Exclusion(i.id, i.name, "excluded", excluded[i.id]))
        elif i.id in recent:
            exclusions.append(Exclusion(i.id, i.name, "recent", recent[i.id].isoformat()))
        else:
            candidates.append(i)
    return Pool(len(in_scope), tuple(candidates), tuple(exclusions), tuple(officers))


def minimum_count(scope_size: int, rules: DrawRules) -> int:
    return math.ceil(rules.min_ratio_pct * scope_size / 100)


def check_count(count: int, scope_size: int, rules: DrawRules) -> None:
    minimum = minimum_count(scope_size, rules)
    if count < max(1, minimum):
        raise ValidationError("draw.below_minimum", QT_TRANSLATE_NOOP(
            "Errors", "{count} of {scope} institutions is below the minimum ratio of {ratio} % ({minimum})."),
            count=count, scope=scope_size, ratio=format(rules.min_ratio_pct, "f"), minimum=max(1, minimum))


def _rand(seed: bytes, label: str, modulus: int) -> int:
    return int.from_bytes(hmac.new(seed, label.encode("utf-8"), hashlib.sha256).digest(), "big") % modulus


@dataclass(frozen=True, slots=True)
class Pick:
    institution_id: str
    name: str
    weight: int
    via: str                        # "quota:<rule name>" or "weighted"
    officer_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Redraw:
    institution_id: str
    officer_id: str
    reason: str                     # certificate_expired | conflict | own_region


@dataclass(frozen=True, slots=True)
class DrawResult:
    picks: tuple[Pick, ...]
    redraws: tuple[Redraw, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {"picks": [{"institution_id": p.institution_id, "name": p.name, "weight": p.weight, "via": p.via,
                           "officer_ids": list(p.officer_ids)} for p in self.picks],
                "redraws": [{"institution_id": r.institution_id, "officer_id": r.officer_id, "reason": r.reason}
                            for r in self.redraws]}


def seed_bytes(seed_hex: str) -> bytes:
    try:
        raw = bytes.fromhex(seed_hex)
    except ValueError:
        raw = b""
    if len(raw) < 16:
        raise ValidationError("draw.bad_seed", QT_TRANSLATE_NOOP(
            "Errors", "The seed must be at least 32 hexadecimal digits."))
    return raw


def officer_problem(o: OfficerFacts, inst: InstitutionFacts, day: dt.date, cross_check: bool) -> str | None:
    if o.certificate_expiry < day:
        return "certificate_expired"
    if inst.id in o.conflicts:
        return "conflict"
    if cross_check and o.region and o.region == inst.region:
        return "own_region"
    return None


def run_draw(pool: Pool, rules: DrawRules, seed_hex: str, count: int, planned_on: dt.date,
             cross_check: bool = False) -> DrawResult:
    """Draw `count` institutions (all candidates if fewer) and a team for each. Deterministic in its arguments."""
    seed = seed_bytes(seed_hex)
    check_count(count, pool.scope_size, rules)
    remaining = sorted(pool.candidates, key=lambda i: i.id)
    weight_of = {i.id: rules.weight(i) for i in remaining}
    picks: list[Pick] = []
    step = 0

    def take(candidates: list[InstitutionFacts], via: str) -> None:
        nonlocal step
        weights = [weight_of[i.id] for i in candidates]
        r = _rand(seed, f"institution/{step}", sum(weights))
        step += 1
        for inst, w in zip(candidates, weights):
            if r < w:
                picks.append(Pick(inst.id, inst.name, w, via))
                remaining.remove(inst)
                return
            r -= w

    for rule in rules.weights:
        for _ in range(rule.quota):
            eligible = [i for i in remaining if rule.applies(i)]
            if not eligible or len(picks) >= count:
                break
            take(eligible, f"quota:{rule.name}")
    while remaining and len(picks) < count:
        take(remaining, "weighted")

    officers = sorted(pool.officers, key=lambda o: o.id)
    by_id = {i.id: i for i in pool.candidates}
    teams, redraws = [], []
    for p in picks:
        inst = by_id[p.institution_id]
        left = list(officers)
        team: list[str] = []
        n = 0
        while len(team) < rules.officers_per_team:
            if not left:
                raise ValidationError("draw.not_enough_officers", QT_TRANSLATE_NOOP(
                    "Errors", "Not enough eligible officers for {name}."), name=inst.name)
            o = left.pop(_rand(seed, f"officer/{inst.id}/{n}", len(left)))
            n += 1
            problem = officer_problem(o, inst, planned_on,
                                      cross_check and rules.cross_check_excludes_own_region)
            if problem:
                redraws.append(Redraw(inst.id, o.id, problem))
            else:
                team.append(o.id)
        teams.append(Pick(p.institution_id, p.name, p.weight, p.via, tuple(team)))
    return DrawResult(tuple(teams), tuple(redraws))


def verify_draw(record: Mapping[str, Any]) -> list[str]:
    """Re-run a draw from its record (the JSON embedded in the 随机抽查记录); the problems found, empty if it holds."""
    problems = []
    if record.get("algorithm") != ALGORITHM:
        return [f"unknown algorithm {record.get('algorithm')!r}"]
    pool = Pool.from_json(record["pool"])
    if pool.hash() != record["pool_hash"]:
        problems.append("pool_hash")
    if "rules_hash" in record and content_hash(record["rules"]) != record["rules_hash"]:
        problems.append("rules_hash")
    try:
        again = run_draw(pool, DrawRules.from_json(record["rules"]), record["seed"], int(record["count"]),
                         dt.date.fromisoformat(record["planned_on"]), bool(record["cross_check"]))
    except ValidationError as exc:
        return problems + [exc.code]
    if again.to_json() != record["result"]:
        problems.append("result")
    return problems
