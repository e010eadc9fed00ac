"""Read checklist templates (forms/*.toml, schema 1) into TemplateDef, reporting every problem found.

A problem names the file, the line where one can be found, the item id and what is wrong, so an editor of a
template can fix it without reading code. A broken template is refused as a whole; the others still load.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector_app.catalog.form_fields import (
    FormError as FormError,
    FormProblem as FormProblem,
    _Ctx,
    _parse_columns,
    _parse_threshold,
    _str,
    _str_list,
)
from inspector_app.domain.canonical import content_hash
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
        ctx.add(f"分节 {section_id} 的第 {n} 个检查项格式不正确")
        return None
    item_id = raw.get("id")
    line = ctx.line_of("id", item_id) if isinstance(item_id, str) else None
    if not isinstance(item_id, str) or not item_id:
        ctx.add(f"分节 {section_id} 的第 {n} 个检查项缺少 id", None, line)
        return None
    if not valid_item_id(item_id):
        ctx.add(f"检查项 id {item_id!r} 格式不正确（示例：H-01、V-C2、H-04.1）", item_id, line)
    if item_id in seen:
        dup_line = seen[item_id]
        line = ctx.line_of("id", item_id, after=dup_line or 0) or line
        ctx.add(f"检查项 id 重复（首次出现在第 {dup_line} 行）", item_id, line)
    seen[item_id] = line
    unknown = set(raw) - ITEM_KEYS
    if unknown:
        ctx.add(f"未知字段 {sorted(unknown)}", item_id, line)
    where = f"检查项 {item_id}"
    label = _str(ctx, raw, "label", where, item_id, line)
    checks = _str(ctx, raw, "checks", where, item_id, line)
    answer_raw = raw.get("answer")
    answer: AnswerType | None
    try:
        answer = AnswerType(answer_raw)
    except ValueError:
        ctx.add(f"未知的答案类型 {answer_raw!r}（可用：{', '.join(a.value for a in AnswerType)}）", item_id, line)
        answer = None
    threshold = _parse_threshold(ctx, raw.get("threshold"), answer, item_id, line)
    compliant = raw.get("compliant", "yes")
    if compliant not in ("yes", "no"):
        ctx.add("compliant 只能是 \"yes\" 或 \"no\"", item_id, line)
    if "compliant" in raw and answer not in (AnswerType.BOOL, AnswerType.BOOL_NA, None):
        ctx.add("compliant 只适用于 bool 和 bool_na 类答案", item_id, line)
    choices = _str_list(ctx, raw, "choices", where, item_id, line)
    if answer in (AnswerType.CHOICE, AnswerType.MULTI):
        if len(choices) < 2:
            ctx.add("单选/多选项须至少列出两个 choices", item_id, line)
        if len(set(choices)) != len(choices):
            ctx.add("choices 中有重复项", item_id, line)
    elif "choices" in raw:
        ctx.add("choices 只适用于 choice 和 multi 类答案", item_id, line)
    columns: tuple[Column, ...] = ()
    if answer is AnswerType.SAMPLE:
        columns = _parse_columns(ctx, raw.get("columns"), item_id, line)
    elif "columns" in raw:
        ctx.add("columns 只适用于 sample 类答案", item_id, line)
    required = raw.get("required", True)
    if not isinstance(required, bool):
        ctx.add("required 应为 true 或 false", item_id, line)
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
        ctx.add(f"模板含未知字段 {sorted(unknown)}", None, 1)
    schema = data.get("schema")
    if schema != SCHEMA_VERSION:
        line = next((n for n, text in enumerate(ctx.lines, start=1) if text.strip().startswith("schema")), None)
        ctx.add(f"schema 应为 {SCHEMA_VERSION}，实际为 {schema!r}（此版本程序无法读取）", None, line)
    tid = _str(ctx, data, "id", "模板", None, 1)
    if tid and not re.match(r"^[a-z][a-z0-9-]*$", tid):
        ctx.add(f"模板 id {tid!r} 应为小写英文、数字和连字符", None, ctx.line_of("id", tid))
    version = data.get("version")
    if not isinstance(version, (str, int)) or isinstance(version, bool) or str(version).strip() == "":
        ctx.add("模板缺少 version（字符串或整数）", None, 1)
    title = _str(ctx, data, "title", "模板", None, 1)
    applies_to = _str_list(ctx, data, "applies_to", "模板", None, None)
    known_categories = {c.value for c in Category}
    for cat in applies_to:
        if cat not in known_categories:
            ctx.add(f"applies_to 含未知机构类别 {cat!r}（可用：{'、'.join(known_categories)}）", None,
                    ctx.line_of("applies_to", cat))
    primary_for = _str_list(ctx, data, "primary_for", "模板", None, None)
    for cat in primary_for:
        if cat not in applies_to:
            ctx.add(f"primary_for 中的 {cat!r} 不在 applies_to 中", None, ctx.line_of("primary_for", cat))
    sections_raw = data.get("sections")
    if not isinstance(sections_raw, list) or not sections_raw:
        ctx.add("模板须至少有一个 [[sections]] 分节", None, None)
        sections_raw = []
    sections: list[SectionDef] = []
    seen_items: dict[str, int | None] = {}
    seen_sections: set[str] = set()
    for sn, sraw in enumerate(sections_raw, start=1):
        if not isinstance(sraw, dict):
            ctx.add(f"第 {sn} 个分节格式不正确")
            continue
        sid = sraw.get("id") if isinstance(sraw.get("id"), str) else f"#{sn}"
        sline = ctx.line_of("id", sid)
        unknown = set(sraw) - SECTION_KEYS
        if unknown:
            ctx.add(f"分节 {sid} 含未知字段 {sorted(unknown)}", None, sline)
        if sid in seen_sections:
            ctx.add(f"分节 id {sid!r} 重复", None, sline)
        seen_sections.add(sid)
        stitle = _str(ctx, sraw, "title", f"分节 {sid}", None, sline)
        items_raw = sraw.get("items")
        if not isinstance(items_raw, list) or not items_raw:
            ctx.add(f"分节 {sid} 没有检查项", None, sline)
            continue
        items = [it for n, r in enumerate(items_raw, start=1) if (it := _parse_item(ctx, r, sid, n, seen_items))]
        sections.append(SectionDef(id=sid, title=stitle, items=tuple(items)))
    seed_refs = _str_list(ctx, data, "seed_refs", "模板", None, None)
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
        ctx.add(f"TOML 语法错误：{exc}", None, int(m.group(1)) if m else None)
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
        raise FormError([FormProblem(str(path), None, None, f"无法读取文件：{exc.strerror}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormError([FormProblem(str(path), None, None, f"文件不是 UTF-8 编码（字节位置 {exc.start}）")]) from None
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
            lib.problems.append(FormProblem(str(path), None, None, f"模板 id {t.id!r} 与 {origin[t.id].name} 重复"))
            continue
        lib.templates[t.id] = t
        origin[t.id] = path
    return lib


def validate_paths(paths: Iterable[Path]) -> tuple[list[TemplateDef], list[FormProblem]]:
    ok: list[TemplateDef] = []
    problems: list[FormProblem] = []
    files = template_files(paths)
    if not files:
        problems.append(FormProblem(", ".join(str(p) for p in paths), None, None, "没有找到 .toml 模板文件"))
    for f in files:
        try:
            ok.append(load_template(f))
        except FormError as exc:
            problems.extend(exc.problems)
    return ok, problems
