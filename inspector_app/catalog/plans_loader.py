"""Read an inspection plan file (plans/*.toml, schema 1) into PlanData, reporting every problem with file:line.

Each problem is a code with parameters (like the domain's errors), so tests assert on codes and the UI translates.
A file with any problem is refused as a whole: nothing of it is imported. The format is described in plans/README.md.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from inspector_app.domain.canonical import content_hash
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError, render
from inspector_app.domain.inspection import InspectionType
from inspector_app.domain.plans import (
    Phase,
    PlanData,
    PlanItemData,
    PlanKind,
    Scope,
    Target,
    TargetKind,
    Window,
)
from inspector_app.domain.roster import Category, Level, Ownership

SCHEMA_VERSION = 1
PLAN_KEYS = {"schema", "id", "kind", "title", "year", "issuer", "document_no", "window", "filing_due", "summary_due",
             "phases", "items"}
ITEM_KEYS = {"id", "name", "content", "requirements", "scope", "target", "frequency", "window", "division",
             "templates", "inspection_type"}
PHASE_KEYS = {"name", "start", "end"}
SCOPE_KEYS = {"categories", "levels", "regions", "ownership"}
_ITEM_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


@dataclass(frozen=True, slots=True)
class PlanProblem:
    file: str
    line: int | None
    code: str
    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return f"{where}: {render(self.template, self.params)} [{self.code}]"

    def english(self) -> str:  # as a sub-problem of PlanFileError (domain.errors.DomainError.english)
        return str(self)

    @property
    def codes(self) -> list[str]:
        return [self.code]


class PlanFileError(ValidationError):
    """The file was refused; `problems` lists every problem found, each with its line."""

    def __init__(self, problems: list[PlanProblem]):
        super().__init__("plan.file_invalid", QT_TRANSLATE_NOOP("Errors", "The plan file was not imported."))
        # After the base class (which starts with no sub-problems): each problem keeps its file and line, and the
        # UI translates its template (ui/errors.py); the English text lists them for logs and the CLI.
        self.problems = problems  # type: ignore[assignment]
        self.args = (self.english(),)


_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")
_HEADER = re.compile(r"^\s*\[\[\s*(items|phases)\s*\]\]")


class _Lines:
    """Where things are in the file: top-level keys, and each [[items]] / [[phases]] table with its keys."""

    def __init__(self, text: str):
        self.top: dict[str, int] = {}
        self.tables: dict[str, list[dict[str, int]]] = {"items": [], "phases": []}
        self.table_lines: dict[str, list[int]] = {"items": [], "phases": []}
        current: dict[str, int] | None = None
        for n, line in enumerate(text.splitlines(), start=1):
            if m := _HEADER.match(line):
                current = {}
                self.tables[m.group(1)].append(current)
                self.table_lines[m.group(1)].append(n)
            elif m := _KEY.match(line):
                (current if current is not None else self.top).setdefault(m.group(1), n)

    def of(self, table: str | None, index: int, key: str | None) -> int | None:
        if table is None:
            return self.top.get(key or "")
        if index >= len(self.tables[table]):
            return None
        if key is not None and key in self.tables[table][index]:
            return self.tables[table][index][key]
        return self.table_lines[table][index]


class _Ctx:
    def __init__(self, path: Path, text: str):
        self.file = str(path)
        self.lines = _Lines(text)
        self.problems: list[PlanProblem] = []

    def add(self, line: int | None, code: str, template: str, **params: Any) -> None:
        self.problems.append(PlanProblem(self.file, line, code, template, params))


def _date(ctx: _Ctx, raw: Any, name: str, line: int | None) -> dt.date | None:
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw
    ctx.add(line, "plan.bad_date", QT_TRANSLATE_NOOP("Errors", "{field} must be a date such as 2026-01-31."),
            field=name)
    return None


def _window(ctx: _Ctx, raw: Any, name: str, line: int | None) -> Window | None:
    if not isinstance(raw, dict) or set(raw) != {"start", "end"}:
        ctx.add(line, "plan.bad_window", QT_TRANSLATE_NOOP(
            "Errors", "{field} must be a table {{ start = 2026-01-01, end = 2026-12-31 }}."), field=name)
        return None
    start, end = _date(ctx, raw["start"], f"{name}.start", line), _date(ctx, raw["end"], f"{name}.end", line)
    if start is None or end is None:
        return None
    if end < start:
        ctx.add(line, "plan.window_reversed", QT_TRANSLATE_NOOP(
            "Errors", "The window ends ({end}) before it starts ({start})."), start=start.isoformat(),
            end=end.isoformat())
        return None
    return Window(start, end)


def _text(ctx: _Ctx, obj: dict[str, Any], key: str, line: int | None, required: bool = False) -> str:
    value = obj.get(key)
    if value is None:
        if required:
            ctx.add(line, "plan.missing_field", QT_TRANSLATE_NOOP("Errors", "The required field {field} is missing."),
                    field=key)
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        ctx.add(line, "plan.bad_text", QT_TRANSLATE_NOOP("Errors", "{field} must be a non-empty string."), field=key)
        return ""
    return value.strip()


def _unknown(ctx: _Ctx, obj: dict[str, Any], allowed: set[str], line: int | None) -> None:
    for key in sorted(set(obj) - allowed):
        ctx.add(line, "plan.unknown_field", QT_TRANSLATE_NOOP("Errors", "Unknown field {field}."), field=key)


def _scope(ctx: _Ctx, raw: Any, line: int | None) -> Scope:
    if raw is None:
        return Scope()
    if not isinstance(raw, dict):
        ctx.add(line, "plan.bad_scope", QT_TRANSLATE_NOOP("Errors", "scope must be a table of lists."))
        return Scope()
    _unknown(ctx, raw, SCOPE_KEYS, line)
    values: dict[str, tuple[str, ...]] = {}
    for key, enum in (("categories", Category), ("levels", Level), ("ownership", Ownership), ("regions", None)):
        v = raw.get(key, [])
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            ctx.add(line, "plan.bad_list", QT_TRANSLATE_NOOP("Errors", "{field} must be a list of strings."),
                    field=f"scope.{key}")
            v = []
        if enum is not None:
            names = {m.value for m in enum}
            for x in v:
                if x not in names:
                    ctx.add(line, "plan.scope_unknown_value", QT_TRANSLATE_NOOP(
                        "Errors", "Unknown {field} in the scope: {value}."), field=key, value=x)
        values[key] = tuple(v)
    return Scope(**values)


def _target(ctx: _Ctx, raw: Any, line: int | None) -> Target:
    if raw is None:
        return Target()
    if not isinstance(raw, dict) or len(raw) != 1 or not set(raw) <= {"share", "count"}:
        ctx.add(line, "plan.bad_target", QT_TRANSLATE_NOOP(
            "Errors", "target must be either {{ share = 20 }} (per cent of the scope) or {{ count = 10 }}."))
        return Target()
    if "share" in raw:
        value = raw["share"]
        try:
            pct = Decimal(str(value)) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
        except InvalidOperation:
            pct = None
        if pct is None or not (Decimal(0) < pct <= Decimal(100)):
            ctx.add(line, "plan.target_out_of_range", QT_TRANSLATE_NOOP(
                "Errors", "The target {value} % is not between 0 and 100."), value=str(value))
            return Target()
        return Target(TargetKind.SHARE, share_pct=pct)
    count = raw["count"]
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        ctx.add(line, "plan.count_out_of_range", QT_TRANSLATE_NOOP(
            "Errors", "The target count {value} is not a positive number."), value=str(count))
        return Target()
    return Target(TargetKind.COUNT, count=count)


def _item(ctx: _Ctx, raw: Any, index: int, plan_window: Window | None,
          known_templates: set[str] | None) -> PlanItemData | None:
    def at(key: str | None = None) -> int | None:
        return ctx.lines.of("items", index, key)

    if not isinstance(raw, dict):
        ctx.add(at(), "plan.bad_item", QT_TRANSLATE_NOOP("Errors", "Each [[items]] entry must be a table."))
        return None
    before = len(ctx.problems)
    _unknown(ctx, raw, ITEM_KEYS, at())
    key = _text(ctx, raw, "id", at("id") or at(), required=True)
    if key and not _ITEM_ID.match(key):
        ctx.add(at("id"), "plan.bad_item_id", QT_TRANSLATE_NOOP(
            "Errors", "The item id {value} may only use lower-case letters, digits and hyphens."), value=key)
    name = _text(ctx, raw, "name", at("name") or at(), required=True)
    frequency = raw.get("frequency", 0)
    if not isinstance(frequency, int) or isinstance(frequency, bool) or not 0 <= frequency <= 366:
        ctx.add(at("frequency"), "plan.bad_frequency", QT_TRANSLATE_NOOP(
            "Errors", "frequency must be a whole number of times per year between 0 and 366, not {value}."),
            value=str(frequency))
        frequency = 0
    window = None
    if "window" in raw:
        window = _window(ctx, raw["window"], "window", at("window"))
        if window and plan_window and (window.start < plan_window.start or window.end > plan_window.end):
            ctx.add(at("window"), "plan.item_window_outside", QT_TRANSLATE_NOOP(
                "Errors", "The window of item {key} lies outside the plan's window."), key=key)
    templates = raw.get("templates", [])
    if not isinstance(templates, list) or not all(isinstance(t, str) for t in templates):
        ctx.add(at("templates"), "plan.bad_list", QT_TRANSLATE_NOOP("Errors", "{field} must be a list of strings."),
                field="templates")
        templates = []
    for t in templates:
        if known_templates is not None and t not in known_templates:
            ctx.add(at("templates"), "plan.unknown_template", QT_TRANSLATE_NOOP(
                "Errors", "No checklist template has the id {value}."), value=t)
    itype = raw.get("inspection_type", InspectionType.SPECIAL.value)
    if itype not in {m.value for m in InspectionType}:
        ctx.add(at("inspection_type"), "plan.bad_inspection_type", QT_TRANSLATE_NOOP(
            "Errors", "Unknown inspection type {value}."), value=str(itype))
        itype = InspectionType.SPECIAL.value
    item = PlanItemData(
        key=key, name=name, content=_text(ctx, raw, "content", at("content")),
        requirements=_text(ctx, raw, "requirements", at("requirements")),
        scope=_scope(ctx, raw.get("scope"), at("scope")), target=_target(ctx, raw.get("target"), at("target")),
        frequency=frequency, window=window, division=_text(ctx, raw, "division", at("division")),
        templates=tuple(templates), inspection_type=InspectionType(itype))
    return item if len(ctx.problems) == before else None


def _phases(ctx: _Ctx, raw: Any, plan_window: Window | None) -> tuple[Phase, ...]:
    if not isinstance(raw, list):
        ctx.add(ctx.lines.of(None, 0, "phases"), "plan.bad_phase", QT_TRANSLATE_NOOP(
            "Errors", "Each [[phases]] entry must be a table with name, start and end."))
        return ()
    out = []
    for i, p in enumerate(raw):
        line = ctx.lines.of("phases", i, None)
        if not isinstance(p, dict) or not {"name", "start", "end"} <= set(p):
            ctx.add(line, "plan.bad_phase", QT_TRANSLATE_NOOP(
                "Errors", "Each [[phases]] entry must be a table with name, start and end."))
            continue
        _unknown(ctx, p, PHASE_KEYS, line)
        name = _text(ctx, p, "name", ctx.lines.of("phases", i, "name"), required=True)
        w = _window(ctx, {"start": p["start"], "end": p["end"]}, "phase", ctx.lines.of("phases", i, "start"))
        if w and plan_window and (w.start < plan_window.start or w.end > plan_window.end):
            ctx.add(line, "plan.phase_outside", QT_TRANSLATE_NOOP(
                "Errors", "The phase {name} lies outside the plan's window."), name=name)
        if w and name:
            out.append(Phase(name, w))
    return tuple(out)


def parse_plan(text: str, path: Path, known_templates: set[str] | None = None) -> PlanData:
    """The plan in `text` (read from `path`, named in messages), or PlanFileError listing every problem."""
    ctx = _Ctx(path, text)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        ctx.add(int(m.group(1)) if m else None, "plan.toml_syntax", QT_TRANSLATE_NOOP(
            "Errors", "The file is not valid TOML: {detail}"), detail=str(exc))
        raise PlanFileError(ctx.problems) from None
    top = ctx.lines.top.get
    if raw.get("schema") != SCHEMA_VERSION:
        ctx.add(top("schema"), "plan.unknown_schema", QT_TRANSLATE_NOOP(
            "Errors", "schema must be {expected}, not {value}."), expected=SCHEMA_VERSION, value=str(raw.get("schema")))
        raise PlanFileError(ctx.problems)
    _unknown(ctx, raw, PLAN_KEYS, None)
    for p in ctx.problems:  # point at the unknown key's own line
        object.__setattr__(p, "line", p.line or top(p.params.get("field", "")))
    key = _text(ctx, raw, "id", top("id"), required=True)
    if key and not _ITEM_ID.match(key):
        ctx.add(top("id"), "plan.bad_item_id", QT_TRANSLATE_NOOP(
            "Errors", "The item id {value} may only use lower-case letters, digits and hyphens."), value=key)
    kind = raw.get("kind")
    if kind not in {k.value for k in PlanKind}:
        ctx.add(top("kind"), "plan.bad_kind", QT_TRANSLATE_NOOP(
            "Errors", "kind must be annual or campaign, not {value}."), value=str(kind))
    title = _text(ctx, raw, "title", top("title"), required=True)
    year = raw.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
        ctx.add(top("year"), "plan.bad_year", QT_TRANSLATE_NOOP("Errors", "year must be a year such as 2026."))
        year = 0
    window = None
    if "window" not in raw:
        ctx.add(None, "plan.missing_field", QT_TRANSLATE_NOOP("Errors", "The required field {field} is missing."),
                field="window")
    else:
        window = _window(ctx, raw["window"], "window", top("window"))
    dues = {}
    for due in ("filing_due", "summary_due"):
        dues[due] = _date(ctx, raw[due], due, top(due)) if due in raw else None
    items_raw = raw.get("items")
    if not isinstance(items_raw, list) or not items_raw:
        ctx.add(None, "plan.no_items", QT_TRANSLATE_NOOP("Errors", "The plan has no items."))
        items_raw = []
    items = [_item(ctx, r, i, window, known_templates) for i, r in enumerate(items_raw)]
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if item is None:
            continue
        if item.key in seen:
            ctx.add(ctx.lines.of("items", i, "id"), "plan.duplicate_item", QT_TRANSLATE_NOOP(
                "Errors", "Two items of the plan have the key {key}."), key=item.key)
        seen[item.key] = i
    phases = _phases(ctx, raw.get("phases", []), window)
    if ctx.problems or window is None:
        raise PlanFileError(ctx.problems)
    return PlanData(key=key, kind=PlanKind(kind), title=title, year=year, window=window,
                    items=tuple(i for i in items if i is not None), issuer=_text(ctx, raw, "issuer", top("issuer")),
                    document_no=_text(ctx, raw, "document_no", top("document_no")),
                    filing_due=dues["filing_due"], summary_due=dues["summary_due"], phases=phases)


def load_plan(path: Path, known_templates: set[str] | None = None) -> tuple[PlanData, str]:
    """The plan and the SHA-256 of the file's text (stored with the import: which file the plan came from)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanFileError([PlanProblem(str(path), None, "plan.unreadable", QT_TRANSLATE_NOOP(
            "Errors", "The file cannot be read: {detail}"), {"detail": str(exc)})]) from None
    return parse_plan(text, path, known_templates), content_hash({"text": text})
