"""Read checklist templates (forms/*.toml, schema 1) into TemplateDef, reporting every problem found.

A problem names the file, the line where one can be found, the item id and what is wrong, so an editor of a
template can fix it without reading code. A broken template is refused as a whole; the others still load. What is
wrong is a code with an English template and parameters (form_fields.FormProblem), worded by the command line and
the windows through ui/errors.py (the zh_CN catalogue keeps the Chinese wording).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector_app.catalog.form_fields import (
    TEMPLATE,
    FormError as FormError,
    FormProblem as FormProblem,
    _Ctx,
    _parse_columns,
    _parse_threshold,
    _str,
    _str_list,
)
from inspector_app.domain.canonical import content_hash
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, coded
from inspector_app.domain.checklist import (
    AnswerType,
    Column,
    ItemDef,
    SectionDef,
    TemplateDef,
    valid_item_id,
)
from inspector_app.domain.roster import Category

SCHEMA_VERSION = 1
TEMPLATE_KEYS = {"schema", "id", "version", "title", "title_en", "applies_to", "primary_for", "description",
                 "seed_refs", "sections"}
SECTION_KEYS = {"id", "title", "items"}
ITEM_KEYS = {
    "id", "label", "checks", "answer", "threshold", "compliant", "choices", "columns", "evidence_hint",
    "legal_basis", "penalty", "seed_refs", "unit", "required", "label_en",
}


def _jsonable(value: Any) -> Any:
    """TOML values as canonical-JSON-safe values (floats become strings, dates ISO strings)."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, float):
        return repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _parse_item(ctx: _Ctx, raw: Any, section_id: str, n: int, seen: dict[str, int | None]) -> ItemDef | None:
    if not isinstance(raw, dict):
        ctx.add("form.item_not_table", QT_TRANSLATE_NOOP(
            "Errors", "Check item {n} of section {section} is malformed."), section=section_id, n=n)
        return None
    item_id = raw.get("id")
    line = ctx.line_of("id", item_id) if isinstance(item_id, str) else None
    if not isinstance(item_id, str) or not item_id:
        ctx.add("form.item_without_id", QT_TRANSLATE_NOOP(
            "Errors", "Check item {n} of section {section} has no id."), None, line, section=section_id, n=n)
        return None
    if not valid_item_id(item_id):
        ctx.add("form.bad_item_id", QT_TRANSLATE_NOOP(
            "Errors", "The check item id {id} is malformed (examples: H-01, V-C2, H-04.1)."),
            item_id, line, id=repr(item_id))
    if item_id in seen:
        dup_line = seen[item_id]
        line = ctx.line_of("id", item_id, after=dup_line or 0) or line
        ctx.add("form.duplicate_item_id", QT_TRANSLATE_NOOP(
            "Errors", "The check item id appears twice (first at line {first})."), item_id, line, first=dup_line)
    seen[item_id] = line
    unknown = set(raw) - ITEM_KEYS
    if unknown:
        ctx.add("form.unknown_fields", QT_TRANSLATE_NOOP(
            "Errors", "Unknown fields {fields}"), item_id, line, fields=str(sorted(unknown)))
    where = coded("form.where_item", QT_TRANSLATE_NOOP("Errors", "Check item {item}"), item=item_id)
    label = _str(ctx, raw, "label", where, item_id, line)
    checks = _str(ctx, raw, "checks", where, item_id, line)
    answer_raw = raw.get("answer")
    answer: AnswerType | None
    try:
        answer = AnswerType(answer_raw)
    except ValueError:
        ctx.add("form.unknown_answer", QT_TRANSLATE_NOOP(
            "Errors", "Unknown answer type {answer} (known: {known})"),
            item_id, line, answer=repr(answer_raw), known=", ".join(a.value for a in AnswerType))
        answer = None
    threshold = _parse_threshold(ctx, raw.get("threshold"), answer, item_id, line)
    compliant = raw.get("compliant", "yes")
    if compliant not in ("yes", "no"):
        ctx.add("form.bad_compliant", QT_TRANSLATE_NOOP(
            "Errors", "compliant must be \"yes\" or \"no\"."), item_id, line)
    if "compliant" in raw and answer not in (AnswerType.BOOL, AnswerType.BOOL_NA, None):
        ctx.add("form.compliant_not_bool", QT_TRANSLATE_NOOP(
            "Errors", "compliant applies only to bool and bool_na answers."), item_id, line)
    choices = _str_list(ctx, raw, "choices", where, item_id, line)
    if answer in (AnswerType.CHOICE, AnswerType.MULTI):
        if len(choices) < 2:
            ctx.add("form.too_few_choices", QT_TRANSLATE_NOOP(
                "Errors", "A choice or multi item must list at least two choices."), item_id, line)
        if len(set(choices)) != len(choices):
            ctx.add("form.duplicate_choices", QT_TRANSLATE_NOOP(
                "Errors", "choices lists an entry twice."), item_id, line)
    elif "choices" in raw:
        ctx.add("form.choices_not_choice", QT_TRANSLATE_NOOP(
            "Errors", "choices applies only to choice and multi answers."), item_id, line)
    columns: tuple[Column, ...] = ()
    if answer is AnswerType.SAMPLE:
        columns = _parse_columns(ctx, raw.get("columns"), item_id, line)
    elif "columns" in raw:
        ctx.add("form.columns_not_sample", QT_TRANSLATE_NOOP(
            "Errors", "columns applies only to sample answers."), item_id, line)
    required = raw.get("required", True)
    if not isinstance(required, bool):
        ctx.add("form.bad_required", QT_TRANSLATE_NOOP("Errors", "required must be true or false."), item_id, line)
        required = True
    if answer is None or not label or not checks:
        return None
    return ItemDef(
        id=item_id, label=label, checks=checks, answer=answer, section_id=section_id, threshold=threshold,
        compliant=compliant if compliant in ("yes", "no") else "yes", choices=choices, columns=columns,
        evidence_hint=_str(ctx, raw, "evidence_hint", where, item_id, line, required=False),
        legal_basis=_str(ctx, raw, "legal_basis", where, item_id, line, required=False),
        penalty=_str(ctx, raw, "penalty", where, item_id, line, required=False),
        seed_refs=_str_list(ctx, raw, "seed_refs", where, item_id, line),
        unit=_str(ctx, raw, "unit", where, item_id, line, required=False)
        or str((raw.get("threshold") or {}).get("unit", "")),
        required=required,
        label_en=_str(ctx, raw, "label_en", where, item_id, line, required=False),
    )


def _build(ctx: _Ctx, data: dict[str, Any]) -> TemplateDef | None:
    unknown = set(data) - TEMPLATE_KEYS
    if unknown:
        ctx.add("form.template_unknown_fields", QT_TRANSLATE_NOOP(
            "Errors", "The template has unknown fields {fields}"), None, 1, fields=str(sorted(unknown)))
    schema = data.get("schema")
    if schema != SCHEMA_VERSION:
        line = next((n for n, text in enumerate(ctx.lines, start=1) if text.strip().startswith("schema")), None)
        ctx.add("form.bad_schema", QT_TRANSLATE_NOOP(
            "Errors", "schema must be {expected}, not {schema} (this version of the program cannot read it)."),
            None, line, expected=SCHEMA_VERSION, schema=repr(schema))
    tid = _str(ctx, data, "id", TEMPLATE, None, 1)
    if tid and not re.match(r"^[a-z][a-z0-9-]*$", tid):
        ctx.add("form.bad_template_id", QT_TRANSLATE_NOOP(
            "Errors", "The template id {id} must be lowercase English letters, digits and hyphens."),
            None, ctx.line_of("id", tid), id=repr(tid))
    version = data.get("version")
    if not isinstance(version, (str, int)) or isinstance(version, bool) or str(version).strip() == "":
        ctx.add("form.version_missing", QT_TRANSLATE_NOOP(
            "Errors", "The template has no version (a string or an integer)."), None, 1)
    title = _str(ctx, data, "title", TEMPLATE, None, 1)
    applies_to = _str_list(ctx, data, "applies_to", TEMPLATE, None, None)
    known_categories = {c.value for c in Category}
    for cat in applies_to:
        if cat not in known_categories:
            ctx.add("form.unknown_category", QT_TRANSLATE_NOOP(
                "Errors", "applies_to has an unknown institution category {category} (known: {known})"), None,
                ctx.line_of("applies_to", cat), category=repr(cat), known=sorted(known_categories))
    primary_for = _str_list(ctx, data, "primary_for", TEMPLATE, None, None)
    for cat in primary_for:
        if cat not in applies_to:
            ctx.add("form.primary_not_applicable", QT_TRANSLATE_NOOP(
                "Errors", "{category} in primary_for is not in applies_to."), None, ctx.line_of("primary_for", cat),
                category=repr(cat))
    sections_raw = data.get("sections")
    if not isinstance(sections_raw, list) or not sections_raw:
        ctx.add("form.no_sections", QT_TRANSLATE_NOOP(
            "Errors", "The template must have at least one [[sections]] section."), None, None)
        sections_raw = []
    sections: list[SectionDef] = []
    seen_items: dict[str, int | None] = {}
    seen_sections: set[str] = set()
    for sn, sraw in enumerate(sections_raw, start=1):
        if not isinstance(sraw, dict):
            ctx.add("form.section_not_table", QT_TRANSLATE_NOOP("Errors", "Section {n} is malformed."), n=sn)
            continue
        sid = sraw.get("id") if isinstance(sraw.get("id"), str) else f"#{sn}"
        sline = ctx.line_of("id", sid)
        unknown = set(sraw) - SECTION_KEYS
        if unknown:
            ctx.add("form.section_unknown_fields", QT_TRANSLATE_NOOP(
                "Errors", "Section {section} has unknown fields {fields}"),
                None, sline, section=sid, fields=str(sorted(unknown)))
        if sid in seen_sections:
            ctx.add("form.duplicate_section", QT_TRANSLATE_NOOP(
                "Errors", "The section id {id} appears twice."), None, sline, id=repr(sid))
        seen_sections.add(sid)
        stitle = _str(ctx, sraw, "title", coded("form.where_section", QT_TRANSLATE_NOOP("Errors", "Section {section}"),
                                                section=sid), None, sline)
        items_raw = sraw.get("items")
        if not isinstance(items_raw, list) or not items_raw:
            ctx.add("form.section_without_items", QT_TRANSLATE_NOOP(
                "Errors", "Section {section} has no check items."), None, sline, section=sid)
            continue
        items = [it for n, r in enumerate(items_raw, start=1) if (it := _parse_item(ctx, r, sid, n, seen_items))]
        sections.append(SectionDef(id=sid, title=stitle, items=tuple(items)))
    seed_refs = _str_list(ctx, data, "seed_refs", TEMPLATE, None, None)
    if ctx.problems:
        return None
    source = _jsonable(data)
    return TemplateDef(
        id=tid, version=str(version), title=title, title_en=str(data.get("title_en", "")),
        applies_to=applies_to, primary_for=primary_for, sections=tuple(sections), content_hash=content_hash(source),
        description=str(data.get("description", "")), seed_refs=seed_refs,
        source=source,
    )


def parse_template_text(text: str, path: Path) -> TemplateDef:
    ctx = _Ctx(path, text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        ctx.add("form.toml_syntax", QT_TRANSLATE_NOOP(
            "Errors", "TOML syntax error: {error}"), None, int(m.group(1)) if m else None, error=str(exc))
        raise FormError(ctx.problems) from None
    template = _build(ctx, data)
    if template is None:
        raise FormError(ctx.problems)
    return template


def template_from_source(source: dict[str, Any], origin: str = "<snapshot>") -> TemplateDef:
    """Rebuild a template from its pinned snapshot (as stored with an inspection)."""
    ctx = _Ctx(Path(origin), "")
    template = _build(ctx, source)
    if template is None:
        raise FormError(ctx.problems)
    return template


def load_template(path: Path) -> TemplateDef:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FormError([FormProblem(str(path), None, None, "form.unreadable", QT_TRANSLATE_NOOP(
            "Errors", "The file cannot be read: {error}"), {"error": exc.strerror})]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormError([FormProblem(str(path), None, None, "form.not_utf8", QT_TRANSLATE_NOOP(
            "Errors", "The file is not UTF-8 encoded (byte {position})."), {"position": exc.start})]) from None
    return parse_template_text(text, path)


@dataclass
class Library:
    templates: dict[str, TemplateDef] = field(default_factory=dict)
    problems: list[FormProblem] = field(default_factory=list)

    def for_category(self, category: str) -> list[TemplateDef]:
        """Templates that apply to the category, the primary ones (checked by default) first."""
        found = [t for t in self.templates.values() if category in t.applies_to]
        return sorted(found, key=lambda t: (category not in t.primary_for, t.id))

    def by_hash(self, digest: str) -> TemplateDef | None:
        return next((t for t in self.templates.values() if t.content_hash == digest), None)


def template_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(p.glob("*.toml")))
        else:
            files.append(p)
    return files


def load_library(directory: Path) -> Library:
    lib = Library()
    origin: dict[str, Path] = {}
    for path in template_files([directory]):
        try:
            t = load_template(path)
        except FormError as exc:
            lib.problems.extend(exc.problems)
            continue
        if t.id in lib.templates:
            lib.problems.append(FormProblem(str(path), None, None, "form.duplicate_template", QT_TRANSLATE_NOOP(
                "Errors", "The template id {id} is also the id of {other}."), {"id": repr(t.id),
                                                                             "other": origin[t.id].name}))
            continue
        lib.templates[t.id] = t
        origin[t.id] = path
    return lib


def validate_paths(paths: Iterable[Path]) -> tuple[list[TemplateDef], list[FormProblem]]:
    ok: list[TemplateDef] = []
    problems: list[FormProblem] = []
    files = template_files(paths)
    if not files:
        problems.append(FormProblem(", ".join(str(p) for p in paths), None, None, "form.no_templates",
                                    QT_TRANSLATE_NOOP("Errors", "No .toml template files were found.")))
    for f in files:
        try:
            ok.append(load_template(f))
        except FormError as exc:
            problems.extend(exc.problems)
    return ok, problems
