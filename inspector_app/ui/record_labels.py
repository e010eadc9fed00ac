"""Translatable names for signed-document values: document kinds, signature fields, pyHanko's verdict terms."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from inspector_app.records import kinds

translate = QCoreApplication.translate


def document_kind(kind: str) -> str:
    """A document's kind, as stored ("record") or as written into the PDF ("inspection_record")."""
    try:
        return translate("RecordLabels", kinds.kind(kind).label_en)  # labels marked in records/kinds.py
    except KeyError:
        return kind


def signature_field(name: str) -> str:
    m = re.fullmatch(r"Sig_Officer(\d+)", name)
    if m:
        return translate("RecordLabels", "Officer %1").replace("%1", m.group(1))
    return {"Sig_Lead": translate("RecordLabels", "Team lead (review)"),
            "Sig_Agency": translate("RecordLabels", "Officer in charge")}.get(name, name)


def fields(names: tuple[str, ...] | list[str]) -> str:
    return "、".join(signature_field(n) for n in names) if names else "—"

