"""Pinned checklist templates: snapshots stored with the inspections that use them, looked up by content hash."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy.orm import Session

from inspector_app.catalog.loader import template_from_source
from inspector_app.domain.canonical import canonical_json
from inspector_app.domain.checklist import TemplateDef
from inspector_app.storage.orm import TemplateVersionRow


def pin(session: Session, template: TemplateDef) -> None:
    """Store the template's snapshot once; the hash is the identity, so a later edit is a new row."""
    if session.get(TemplateVersionRow, template.content_hash) is None:
        session.add(TemplateVersionRow(content_hash=template.content_hash, template_id=template.id,
                                       version=template.version, title=template.title, source=template.source))
        session.flush()


@lru_cache(maxsize=256)
def _from_json(text: str) -> TemplateDef:
    import json

    return template_from_source(json.loads(text))


def pinned(session: Session, content_hash: str) -> TemplateDef:
    row = session.get(TemplateVersionRow, content_hash)
    if row is None:
        raise KeyError(f"template snapshot {content_hash} missing")
    template = _from_json(canonical_json(row.source))
    if template.content_hash != content_hash:
        raise RuntimeError(f"template snapshot {content_hash} does not match its hash (store corrupted?)")
    return template
