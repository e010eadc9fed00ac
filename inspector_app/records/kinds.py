"""The document kinds (执法文书) the app makes, as data: one entry per kind.

Before this registry a kind was a bare string ("notice") repeated in about ten files (numbering, journal words,
verification words, case-file titles and order, export choices, UI labels…). Every such table is now derived from
`KINDS`. Adding a kind touches:

1. this file: one `DocumentKind` entry (code, title, 文号 pattern, renderer, signers, case-file order, evidence type);
2. records/: its frozen snapshot (e.g. model_docs.py) and one renderer section (render_docs.py, _sections_docs.py);
3. services/: one use case that builds the snapshot and goes through services/document_pipeline.py
   (`produce` off the writer, then `add_row` in one short transaction), plus its journal event name in
   records/journal_words.py;
4. ui/: one dialog (e.g. ui/dialogs/inquiry_dialog.py) and its button;
5. if it keeps structured data of its own: a table (storage/docs_orm.py) and a migration.

Export (`inspector export --kind`), verification words, the case file, the printed journal and the UI's labels pick
the new kind up from the registry.

Qt-free and storage-free like the rest of records/: the English labels are marked for translation with
QT_TRANSLATE_NOOP (context "RecordLabels") and translated by the UI.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspector_app.domain.errors import QT_TRANSLATE_NOOP

#: The eight statutory evidence types (行政处罚法 第四十六条) — what a signed document counts as in the 证据清单.
EVIDENCE_TYPES = ("书证", "物证", "视听资料", "电子数据", "证人证言", "当事人的陈述", "鉴定意见", "勘验笔录、现场笔录")


@dataclass(frozen=True, slots=True)
class DocumentKind:
    code: str                 # DocumentRow.kind, the number counter's type, `export --kind`
    pdf_kind: str             # /InspDocKind in the PDF and the KIND of the records/ snapshot
    title: str                # the full Chinese title printed on the document and in the case file
    short: str                # the short Chinese name used in messages (“该检查尚无已签名的…”)
    label_en: str             # the UI's source-language label (translated in context "RecordLabels")
    default_pattern: str      # 文号/编号 pattern; the workspace setting `<code>_number_pattern` overrides it
    renderer: str             # "module:function" of records/ that draws it, e.g. "render:render_notice"
    signers: str              # who signs: "officers" (every officer, first certifies), "agency" (one issuing officer)
    case_file_order: int      # place in the case file and its 卷内目录
    evidence_type: str = ""   # its statutory type in the 证据清单 ("" = not evidence, e.g. a notice)
    freezes: str = ""         # what the first signature freezes: "inspection", "reinspection", "" (nothing else)
    party_signs: bool = False  # the person questioned / the party signs or refuses (PartySignoffRow.document_kind)
    where_made: str = ""      # where a user makes it (for “not signed yet” messages), Chinese
    journal_name: str = ""    # its name in the printed 全过程记录 when not `short` (e.g. 现场检查笔录, not 笔录)

    @property
    def number_setting(self) -> str:
        return f"{self.code}_number_pattern"

    @property
    def spoken(self) -> str:
        return self.journal_name or self.short


KINDS: tuple[DocumentKind, ...] = (
    DocumentKind("record", "inspection_record", "现场检查笔录", "笔录",
                 QT_TRANSLATE_NOOP("RecordLabels", "On-site inspection record"), "医保检〔{year}〕{n}号",
                 "render:render_record", "officers", 0, evidence_type="勘验笔录、现场笔录", freezes="inspection",
                 party_signs=True, where_made="请先在检查的“签名与笔录”页由检查人员签名",
                 journal_name="现场检查笔录"),
    DocumentKind("addendum", "record_addendum", "现场检查笔录补正说明", "补正说明",
                 QT_TRANSLATE_NOOP("RecordLabels", "Addendum (correction)"), "医保补〔{year}〕{n}号",
                 "render:render_addendum", "officers", 1, evidence_type="勘验笔录、现场笔录", party_signs=True,
                 where_made="只有退回补正后签署了补正说明才有"),
    DocumentKind("notice", "rectification_notice", "责令改正（限期整改）通知书", "责令整改通知书",
                 QT_TRANSLATE_NOOP("RecordLabels", "Rectification notice"), "医保改〔{year}〕{n}号",
                 "render:render_notice", "agency", 2,
                 where_made="责令整改通知书在笔录签名后于“签名与笔录”页签发"),
    DocumentKind("reinspection", "reinspection_record", "整改复查记录", "整改复查记录",
                 QT_TRANSLATE_NOOP("RecordLabels", "Re-inspection record"), "医保复〔{year}〕{n}号",
                 "render:render_reinspection", "officers", 3, evidence_type="勘验笔录、现场笔录",
                 freezes="reinspection",
                 where_made="整改复查在“整改跟踪与统计”中进行，复查记录签名后才能导出"),
    DocumentKind("inquiry", "inquiry_record", "询问笔录", "询问笔录",
                 QT_TRANSLATE_NOOP("RecordLabels", "Inquiry record"), "医保询〔{year}〕{n}号",
                 "render_docs:render_inquiry", "officers", 4, evidence_type="当事人的陈述", party_signs=True,
                 where_made="询问笔录在检查的“签名与笔录”页制作，两名执法人员签名后才能导出"),
    DocumentKind("service", "service_receipt", "送达回证", "送达回证",
                 QT_TRANSLATE_NOOP("RecordLabels", "Proof of service"), "医保送〔{year}〕{n}号",
                 "render_docs:render_service", "officers", 5,
                 where_made="送达回证在签发通知书后于“签名与笔录”页制作"),
    DocumentKind("seal", "seal_decision", "封存决定书", "封存决定书",
                 QT_TRANSLATE_NOOP("RecordLabels", "Sealing decision"), "医保封〔{year}〕{n}号",
                 "render_seizure:render_seal", "officers", 6, party_signs=True,
                 where_made="封存在检查的“签名与笔录”页的“封存／先行登记保存”中办理，两名执法人员签名后才能导出"),
    DocumentKind("preservation", "preservation_notice", "先行登记保存通知书", "先行登记保存通知书",
                 QT_TRANSLATE_NOOP("RecordLabels", "Registered preservation notice"), "医保存〔{year}〕{n}号",
                 "render_seizure:render_preservation", "officers", 7, party_signs=True,
                 where_made="先行登记保存在检查的“签名与笔录”页的“封存／先行登记保存”中办理，两名执法人员签名后才能导出"),
    DocumentKind("seal_extension", "seal_extension", "延长封存决定书", "延长封存决定书",
                 QT_TRANSLATE_NOOP("RecordLabels", "Seal extension decision"), "医保延封〔{year}〕{n}号",
                 "render_seizure:render_extension", "officers", 8,
                 where_made="延长封存在“封存／先行登记保存”中对封存措施办理，两名执法人员签名后才能导出"),
)

BY_CODE: dict[str, DocumentKind] = {k.code: k for k in KINDS}
BY_PDF_KIND: dict[str, DocumentKind] = {k.pdf_kind: k for k in KINDS}


def kind(code: str) -> DocumentKind:
    """The kind stored as `code` ("record") or written into a PDF as `code` ("inspection_record")."""
    found = BY_CODE.get(code) or BY_PDF_KIND.get(code)
    if found is None:
        raise KeyError(code)
    return found


def default_patterns() -> dict[str, str]:
    """Workspace setting key -> default 文号 pattern, for the settings a new workspace starts with."""
    return {k.number_setting: k.default_pattern for k in KINDS}


def codes() -> tuple[str, ...]:
    return tuple(k.code for k in KINDS)


def titles() -> dict[str, str]:
    """code -> full title (case file, journal words)."""
    return {k.code: k.title for k in KINDS}


def pdf_titles() -> dict[str, str]:
    """/InspDocKind -> full title (the verifier's words)."""
    return {k.pdf_kind: k.title for k in KINDS}
