"""The case file (案卷, 一案一卷) of an inspection and its publication (公开) — domain.md R12–R14, §3 卷内目录.

`CaseFileService.export` writes one ZIP per inspection (temp file → fsync → rename):

    documents/01_现场检查笔录_<文号>.pdf   every signed document, latest signed revision (record, addenda, notices)
    record.json                           the snapshot the record's signatures bind to (exact bytes: its SHA-256
                                          is the record's content hash), taken out of the signed PDF
    evidence/E-01_<source name>           the original evidence files, byte for byte
    journal.json                          the whole journal (全过程记录) with its chain head, verified first
    卷内目录.pdf, 卷内目录.txt            the catalogue (ReportLab, embedded Noto Sans SC) and its text twin
    manifest.json                         SHA-256 and size of every other file, ids, hashes, time, app version

`verify_case_file` (also `CaseFileService.verify`) checks a ZIP offline: the manifest against the files present,
every signed PDF (records.verify), record.json and the evidence against what the signed record lists, and the
journal chain against the heads in the manifest and in the signed PDFs. The manifest itself is not signed: the
anchors are the signatures, so rewriting the manifest cannot hide a changed evidence file or record.json.

`CaseFileService.publication` writes the publication summary (PDF + JSON) with personal data masked
(domain.masking): institution, 统一社会信用代码, violations, legal basis and amounts stay.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import tempfile
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from reportlab.lib.units import mm
from sqlalchemy import select

from inspector_app import __version__, fonts
from inspector_app.domain.errors import ValidationError
from inspector_app.domain.journal import events_from_json, events_to_json, verify_chain
from inspector_app.domain.masking import Masker
from inspector_app.records import _layout as L
from inspector_app.records import model as rm
from inspector_app.records.render import RECORD_FILE
from inspector_app.records.verify import VerifyReport, _embedded_files, verify_pdf
from inspector_app.services.context import ServiceContext
from inspector_app.services.evidence import EvidenceService
from inspector_app.services.journal import JournalService
from inspector_app.services.keys import KeyService
from inspector_app.services.record_builder import build_snapshot
from inspector_app.services.signing import DocumentDTO, SigningService
from inspector_app.storage.blob_store import BlobStore
from inspector_app.storage.review_orm import OutcomeRow, RectificationRow

Progress = Callable[[int, str], None]

MANIFEST = "manifest.json"
RECORD_JSON = "record.json"
JOURNAL_JSON = "journal.json"
CATALOGUE_PDF = "卷内目录.pdf"
CATALOGUE_TXT = "卷内目录.txt"
FORMAT = "inspector-case-file"
PUBLICATION_FORMAT = "inspector-publication"
_CHUNK = 1 << 20
_PDF_LIMIT = 1 << 30  # a signed document (or JSON) larger than this is not read into memory for verification

CODES = {
    "unreadable": "文件不是有效的 ZIP 案卷",
    "manifest_invalid": "案卷清单 manifest.json 缺失或格式错误",
    "file_missing": "清单所列文件在案卷中缺失",
    "file_added": "案卷中有清单未列的文件",
    "file_changed": "文件内容与清单所载 SHA-256 或大小不一致",
    "pdf_invalid": "签名文书核验不通过",
    "record_mismatch": "record.json 与签名笔录所载内容哈希不一致",
    "evidence_mismatch": "证据原件与签名笔录证据清单所载 SHA-256 不一致",
    "journal_tampered": "全过程记录被篡改，或其链头与清单、签名文书所载不一致",
}

_DOC_TITLES = {"record": "现场检查笔录", "addendum": "现场检查笔录补正说明", "notice": "责令改正（限期整改）通知书",
               "reinspection": "整改复查记录"}
_DOC_ORDER = {"record": 0, "addendum": 1, "notice": 2, "reinspection": 3}
_EVIDENCE_CATEGORY = {"photo": "照片证据", "document": "书证", "audio_video": "视听资料", "data": "电子数据"}
_MIME_EXT = {"image/jpeg": ".jpg", "image/png": ".png", "application/pdf": ".pdf", "image/heic": ".heic",
             "image/tiff": ".tif", "video/mp4": ".mp4", "audio/mpeg": ".mp3", "image/webp": ".webp"}
#: already compressed: stored as they are (and a JPEG or PDF stays byte-identical and cheap to write)
_STORED_EXT = {".jpg", ".jpeg", ".pdf", ".png", ".heic", ".heif", ".webp", ".gif", ".mp4", ".mov", ".m4v",
               ".m4a", ".mp3", ".aac", ".amr", ".zip", ".docx", ".xlsx", ".pptx", ".ofd", ".gz", ".7z", ".rar"}


class Problem(NamedTuple):
    code: str
    message: str
    path: str = ""


@dataclass(frozen=True)
class CaseFileReport:
    ok: bool
    problems: list[Problem]
    manifest: dict[str, Any] | None = None
    files: int = 0
    documents: dict[str, VerifyReport] = field(default_factory=dict)
    journal_length: int = 0
    journal_head: str = ""

    @property
    def codes(self) -> set[str]:
        return {p.code for p in self.problems}

    def describe(self) -> str:
        m = self.manifest or {}
        lines = [f"案卷：{m.get('record_number') or '（未知）'}，检查 {m.get('inspection_id') or '—'}",
                 f"文件：{self.files} 个；签名文书：{len(self.documents)} 份；全过程记录：{self.journal_length} 条，"
                 f"链头 {self.journal_head or '—'}"]
        for path, rep in self.documents.items():
            lines.append(f"  {path}：{len(rep.signatures)} 个签名，{'通过' if rep.ok else '不通过'}")
        lines.append("结论：" + ("通过" if self.ok else "不通过"))
        lines += [f"  [{p.code}] {p.path or '—'}：{p.message}" for p in self.problems]
        return "\n".join(lines)

    def to_json(self) -> str:
        return json.dumps({"ok": self.ok, "problems": [p._asdict() for p in self.problems], "files": self.files,
                           "journal_length": self.journal_length, "journal_head": self.journal_head,
                           "manifest": self.manifest,
                           "documents": {k: json.loads(v.to_json()) for k, v in self.documents.items()}},
                          ensure_ascii=False, indent=1, default=str)


@dataclass(frozen=True, slots=True)
class PublicationResult:
    pdf: Path
    json: Path
    masked: dict[str, int]  # how many items of each kind of personal data were masked


@dataclass(slots=True)
class _Entry:
    """One file of the case file, as listed in the manifest and the catalogue."""

    path: str
    title: str
    category: str
    sha256: str = ""
    size: int = 0
    pages: int | None = None
    remark: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def manifest_row(self) -> dict[str, Any]:
        row = {"path": self.path, "sha256": self.sha256, "size": self.size, "title": self.title,
               "category": self.category}
        if self.pages is not None:
            row["pages"] = self.pages
        return {**row, **self.extra}


# ------------------------------------------------------------------------------------------------ helpers


def safe_name(name: str, fallback: str = "file", limit: int = 80) -> str:
    """A file name made of ASCII letters, digits, ``-_.()`` and Chinese characters (with 〔〕（）); anything else —
    path separators, control and reserved characters, spaces — becomes ``_``. The extension is kept."""
    name = unicodedata.normalize("NFC", name or "").strip()
    out = []
    for c in name:
        if (c.isascii() and (c.isalnum() or c in "-_.()")) or "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" \
                or c in "〔〕（）【】":
            out.append(c)
        else:
            out.append("_")
    text = re.sub(r"_+", "_", "".join(out)).strip("._ ")
    if not text:
        return fallback
    stem, dot, ext = text.rpartition(".")
    if dot and stem and len(ext) <= 8:
        return stem[:max(1, limit - len(ext) - 1)] + "." + ext
    return text[:limit]


def _fmt_size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1 << 20:
        return f"{n / 1024:.1f} KB"
    return f"{n / (1 << 20):.1f} MB"


def _extension(name: str, mime: str) -> str:
    ext = Path(name).suffix.lower()
    return ext if ext and len(ext) <= 8 else _MIME_EXT.get(mime, "")


def _compression(path: str) -> int:
    return zipfile.ZIP_STORED if Path(path).suffix.lower() in _STORED_EXT else zipfile.ZIP_DEFLATED


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True, default=str).encode("utf-8")


def _pdf_reader(data: bytes) -> Any:
    from pyhanko.pdf_utils.reader import PdfFileReader

    return PdfFileReader(io.BytesIO(data), strict=False)


def _embedded(reader: Any) -> dict[str, bytes]:
    return _embedded_files(reader.root)


def _page_count(reader: Any) -> int | None:
    try:
        return int(reader.root["/Pages"]["/Count"])
    except (KeyError, TypeError, ValueError):
        return None


def _local(value: str | dt.datetime | None, date_only: bool = False) -> str:
    if not value:
        return "—"
    when = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    return L.fmt_dt(when, date_only=date_only)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a directory; rename is durable enough there
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class _AtomicFile:
    """Write `target` through a temp file in the same folder; fsync and rename on success, remove on failure."""

    def __init__(self, target: Path):
        self.target = target

    def __enter__(self) -> Any:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".part", dir=self.target.parent)
        self.tmp = Path(name)
        self.file = os.fdopen(fd, "w+b")
        return self.file

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        try:
            if exc_type is None:
                self.file.flush()
                os.fsync(self.file.fileno())
            self.file.close()
            if exc_type is None:
                os.replace(self.tmp, self.target)
                _fsync_dir(self.target.parent)
        finally:
            self.tmp.unlink(missing_ok=True)


def _write_atomic(target: Path, data: bytes) -> None:
    with _AtomicFile(target) as f:
        f.write(data)


# ------------------------------------------------------------------------------------------------ service


class CaseFileService:
    def __init__(self, ctx: ServiceContext, signing: SigningService, evidence: EvidenceService,
                 journal: JournalService, keys: KeyService):
        self._ctx = ctx
        self._signing = signing
        self._evidence = evidence
        self._journal = journal
        self._keys = keys

    # ------------------------------------------------------------------ export

    def _signed_documents(self, inspection_id: str) -> tuple[DocumentDTO, list[DocumentDTO]]:
        docs = self._signing.documents(inspection_id)
        record = next((d for d in docs if d.kind == "record"), None)
        if record is None:
            raise ValidationError("该检查的现场检查笔录尚未签名，不能导出案卷或公开信息：一案一卷以已签名的笔录为准，"
                                  "请先完成签名")
        pending = [f for f in record.pending_fields if f.startswith("Sig_Officer")]
        if pending:
            raise ValidationError(f"现场检查笔录尚有 {len(pending)} 名执法人员未签名，全部执法人员签名后才能导出")
        return record, sorted(docs, key=lambda d: (_DOC_ORDER.get(d.kind, 9), d.created_at))

    def export(self, inspection_id: str, dest_zip: str | Path, progress: Progress | None = None) -> Path:
        """Write the case file of a signed inspection to `dest_zip`; returns its path."""
        say = progress or (lambda _p, _m: None)
        dest = Path(dest_zip)
        record_doc, docs = self._signed_documents(inspection_id)
        say(2, "校验全过程记录")
        events = self._journal.events(inspection_id)
        chain = verify_chain(events)
        if not chain.ok:
            raise ValidationError("全过程记录校验不通过，不能导出案卷：" + "；".join(chain.problems))
        exported_at = self._ctx.clock()
        stamp = exported_at.astimezone(rm.CN_TZ).timetuple()[:6]
        entries: list[_Entry] = []
        record_json = b""
        reinspections: list[tuple[str, dict[str, Any]]] = []  # (number, signed content) of each 整改复查记录
        with _AtomicFile(dest) as raw, zipfile.ZipFile(raw, "w", allowZip64=True) as zf:
            def put_file(entry: _Entry, sha: str, expected: str) -> None:
                # the plaintext from the blob store (decrypted chunk by chunk when the workspace is encrypted)
                entry.sha256, entry.size = _stream_into(zf, entry.path, self._ctx.blobs, sha, stamp)
                if entry.sha256 != expected:
                    raise ValidationError(f"本机存储的文件已损坏（{entry.title}：SHA-256 与登记值不符），案卷未导出")
                entries.append(entry)

            def put_bytes(entry: _Entry, data: bytes) -> None:
                _write_entry(zf, entry.path, data, stamp)
                entry.sha256, entry.size = hashlib.sha256(data).hexdigest(), len(data)
                entries.append(entry)

            for n, doc in enumerate(docs, start=1):
                say(5 + 25 * n // len(docs), f"写入文书 {doc.number}")
                source = self._signing.pdf_path(doc.id)
                if not source.exists():
                    raise ValidationError(f"文书 {doc.number} 的 PDF 在本机缺失（可能尚未从服务器下载），案卷未导出")
                data = source.read_bytes()
                reader = _pdf_reader(data)
                if doc.kind == "reinspection":
                    rein_json = _embedded(reader).get(RECORD_FILE, b"")
                    if hashlib.sha256(rein_json).hexdigest() != doc.content_hash:
                        raise ValidationError(f"整改复查记录 {doc.number} 中嵌入的内容与其内容哈希不一致，案卷未导出")
                    reinspections.append((doc.number, json.loads(rein_json)))
                if doc.id == record_doc.id:
                    record_json = _embedded(reader).get(RECORD_FILE, b"")
                    if hashlib.sha256(record_json).hexdigest() != doc.content_hash:
                        raise ValidationError("签名笔录中嵌入的内容与其内容哈希不一致，案卷未导出")
                title = _DOC_TITLES.get(doc.kind, doc.kind)
                signed = "、".join(_field_label(f) for f in doc.signed_fields)
                remark = f"已签名：{signed}" + (f"；待签：{'、'.join(_field_label(f) for f in doc.pending_fields)}"
                                                if doc.pending_fields else "")
                if hashlib.sha256(data).hexdigest() != doc.pdf_sha256:
                    raise ValidationError(f"本机存储的{title}已损坏（SHA-256 与登记值不符），案卷未导出")
                put_bytes(_Entry(f"documents/{n:02d}_{safe_name(title)}_{safe_name(doc.number, 'doc')}.pdf",
                                 f"{title}（{doc.number}）", "文书", pages=_page_count(reader), remark=remark,
                                 extra={"kind": doc.kind, "number": doc.number, "content_hash": doc.content_hash}),
                          data)
            record = json.loads(record_json)
            put_bytes(_Entry(RECORD_JSON, "现场检查笔录内容（规范化 JSON，签名所及）", "记录数据",
                             remark="SHA-256 即笔录内容哈希"), record_json)
            say(35, "写入证据原件")
            self._put_evidence(inspection_id, record, put_file, say)
            for number, rein in reinspections:
                self._put_reinspection_evidence(number, rein, put_file)
            say(85, "写入全过程记录")
            put_bytes(_Entry(JOURNAL_JSON, "全过程记录（哈希链）", "全过程记录",
                             remark=f"共 {chain.length} 条，导出前已校验\n链头 {chain.head[:16]}…"),
                      _json_bytes({"format": "inspector-journal/1", "chain_id": inspection_id,
                                   "chain_head": chain.head, "length": chain.length, "verified_at_export": True,
                                   "events": events_to_json(events)}))
            say(90, "生成卷内目录")
            meta = {"inspection_id": inspection_id, "record_number": record_doc.number,
                    "content_hash": record_doc.content_hash, "journal_head": chain.head,
                    "journal_length": chain.length, "exported_at": exported_at.isoformat(),
                    "app_version": __version__,
                    "institution": {"name": record["party"]["name"], "credit_code": record["party"]["credit_code"]},
                    "agency": record.get("agency", ""), "inspection_type": record.get("inspection_type", ""),
                    "started_at": record.get("started_at"), "ended_at": record.get("ended_at")}
            listed = list(entries)
            put_bytes(_Entry(CATALOGUE_TXT, "卷内目录（文本）", "目录"), catalogue_text(meta, listed).encode("utf-8"))
            put_bytes(_Entry(CATALOGUE_PDF, "卷内目录", "目录"), catalogue_pdf(meta, listed))
            manifest = {"format": FORMAT, "format_version": 1, **meta, "files": [e.manifest_row() for e in entries]}
            _write_entry(zf, MANIFEST, _json_bytes(manifest), stamp)
        say(100, "案卷已导出")
        return dest

    def _put_evidence(self, inspection_id: str, record: dict[str, Any],
                      put_file: Callable[[_Entry, str, str], None], say: Progress) -> None:
        """The originals, numbered as in the signed record's 证据清单 (matched by SHA-256); anything added
        afterwards (e.g. re-inspection photos) follows with the next numbers."""
        current = self._evidence.list(inspection_id)
        by_sha = {e.sha256: e for e in current}
        signed = record.get("evidence", [])
        rows: list[tuple[str, str, str, str, str, str]] = []  # number, sha, name, kind, caption, remark
        for ev in signed:
            dto = by_sha.get(ev["sha256"])
            name = dto.source_name if dto else ev.get("source_name", "")
            mime = dto.mime if dto else ""
            rows.append((ev["number"], ev["sha256"], name + ("" if Path(name).suffix else _extension(name, mime)),
                         dto.kind if dto else "", ev.get("caption", ""),
                         f"{ev.get('measure', '')}\n{_local(ev.get('captured_at'))}"))
        seen = {ev["sha256"] for ev in signed}
        extra = [e for e in current if e.sha256 not in seen]
        for n, e in enumerate(extra, start=len(signed) + 1):
            rows.append((f"E-{n:02d}", e.sha256, e.source_name + ("" if Path(e.source_name).suffix else
                                                                   _extension(e.source_name, e.mime)),
                         e.kind, e.caption, "笔录签名后补充的证据"))
        for i, (number, sha, name, kind, caption, remark) in enumerate(rows, start=1):
            say(35 + 50 * i // max(1, len(rows)), f"写入证据 {number}")
            if not self._ctx.blobs.has(sha):
                raise ValidationError(f"证据 {number} 的原始文件在本机缺失（可能尚未从服务器下载），案卷未导出")
            put_file(_Entry(f"evidence/{number}_{safe_name(name, 'evidence')}", f"{number} {caption or name}",
                            _EVIDENCE_CATEGORY.get(kind, "证据"), remark=remark,
                            extra={"evidence_number": number}), sha, sha)

    def _put_reinspection_evidence(self, number: str, rein: dict[str, Any],
                                   put_file: Callable[[_Entry, str, str], None]) -> None:
        """A re-inspection's own photos, in a folder named after its signed record, numbered as its 证据清单."""
        for ev in rein.get("evidence", []):
            if not self._ctx.blobs.has(ev["sha256"]):
                raise ValidationError(f"复查证据 {ev['number']} 的原始文件在本机缺失（可能尚未从服务器下载），案卷未导出")
            name = ev.get("source_name", "") or ev["number"]
            put_file(_Entry(f"{reinspection_folder(number)}{ev['number']}_{safe_name(name, 'evidence')}",
                            f"复查 {number} {ev['number']} {ev.get('caption') or name}", "复查证据",
                            remark=f"{ev.get('measure', '')}\n{_local(ev.get('captured_at'))}",
                            extra={"evidence_number": ev["number"], "reinspection": number}), ev["sha256"], ev["sha256"])

    # ------------------------------------------------------------------ verification

    def verify(self, zip_path: str | Path, trust_roots: Sequence[Any] | None = None,
               crls: Sequence[Any] | None = None) -> CaseFileReport:
        roots = list(trust_roots) if trust_roots is not None else self._keys.trust_roots()
        if not roots:
            raise ValidationError("没有可信根证书：请用 --trust 指定机构 CA 证书，或在工作区导入")
        return verify_case_file(zip_path, roots, list(crls) if crls is not None else self._keys.crls())

    # ------------------------------------------------------------------ publication

    def publication(self, inspection_id: str, dest: str | Path, *,
                    progress: Progress | None = None) -> PublicationResult:
        """The publication summary (公开) as `dest` (PDF) and the same name with .json, personal data masked."""
        say = progress or (lambda _p, _m: None)
        pdf_path = Path(dest)
        json_path = pdf_path.with_suffix(".json")
        _record, docs = self._signed_documents(inspection_id)
        say(10, "汇总检查结果")
        with self._ctx.read() as s:
            snap = build_snapshot(s, self._ctx.blobs, inspection_id)
            outcome = s.get(OutcomeRow, inspection_id)
            rect = s.scalars(select(RectificationRow).where(RectificationRow.inspection_id == inspection_id)
                             .order_by(RectificationRow.created_at)).all()
            result = _result_text(outcome, list(rect), [d for d in docs if d.kind == "notice"], docs)
        masker = publication_masker(snap)
        counts: Counter[str] = Counter()
        p = snap.party
        data = {
            "format": PUBLICATION_FORMAT, "format_version": 1, "agency": snap.agency,
            "record_number": snap.number,
            "institution": {"name": p.name, "credit_code": p.credit_code, "designation_code": p.designation_code,
                            "category": p.category, "level": p.level},
            "inspection": {"type": snap.inspection_type, "mode": snap.inspection_mode,
                           "started_at": snap.started_at.isoformat(), "ended_at": snap.ended_at.isoformat(),
                           "period_from": snap.period_from.isoformat() if snap.period_from else None,
                           "period_to": snap.period_to.isoformat() if snap.period_to else None},
            "findings": [{"number": f.number, "description": masker.mask_tree(f.description, counts),
                          "severity": f.severity, "legal_basis": masker.mask_tree(f.legal_basis, counts),
                          "penalty_article": masker.mask_tree(f.penalty_article, counts),
                          "amount_involved": format(f.amount_involved, "f"),
                          "amount_to_recover": format(f.amount_to_recover, "f")} for f in snap.findings],
            "totals": {"amount_involved": format(snap.total_involved, "f"),
                       "amount_to_recover": format(snap.total_to_recover, "f")},
            "result": masker.mask_tree(result, counts),
            "generated_at": self._ctx.clock().isoformat(),
            "app_version": __version__,
        }
        data["masking"] = {"note": "已依法对个人信息作去标识化处理（《医疗保障基金使用监督管理条例》第三十二条、"
                                   "《行政处罚法》第五十条）", "counts": dict(sorted(counts.items()))}
        say(50, "生成 PDF")
        pdf = publication_pdf(data)
        _write_atomic(json_path, _json_bytes(data))
        _write_atomic(pdf_path, pdf)
        say(100, "公开信息已导出")
        return PublicationResult(pdf_path, json_path, dict(counts))


def _field_label(name: str) -> str:
    if name.startswith("Sig_Officer"):
        return f"执法人员{name.removeprefix('Sig_Officer')}"
    return {"Sig_Lead": "检查组组长", "Sig_Agency": "承办执法人员"}.get(name, name)


def publication_masker(snap: rm.RecordSnapshot) -> Masker:
    """Names and numbers of natural persons in the record are masked; the institution's identity is kept."""
    so = snap.party_signoff
    names = [snap.contact.name, so.signer_name, snap.party.legal_representative]
    literals = [snap.contact.id_number, snap.contact.phone]
    if so.witness is not None:
        names.append(so.witness.name)
        literals.append(so.witness.id_number)
    for officer in (*snap.officers, *((snap.team_lead,) if snap.team_lead else ())):
        literals.append(officer.certificate_no)
    keep = [snap.party.name, snap.party.credit_code, snap.party.designation_code, snap.agency]
    return Masker(tuple(n for n in names if n), tuple(x for x in literals if x), tuple(k for k in keep if k))


def _result_text(outcome: OutcomeRow | None, rect: list[RectificationRow], notices: list[DocumentDTO],
                 docs: list[DocumentDTO]) -> str:
    parts: list[str] = []
    if outcome is not None:
        text = f"处理结果：{outcome.outcome}"
        if outcome.refund_amount:
            text += f"；责令退回医保基金 {L.fmt_money(outcome.refund_amount)} 元"
        if outcome.fine_amount:
            text += f"；罚款 {L.fmt_money(outcome.fine_amount)} 元"
        if outcome.articles:
            text += f"（依据{outcome.articles}）"
        parts.append(text + "。")
    for n in notices:
        parts.append(f"已下达责令改正（限期整改）通知书（{n.number}）。")
    for r in rect:
        parts.append(f"整改期限 {L.fmt_date(r.deadline)}" + (f"，复查结论：{r.result}。" if r.result else "，整改跟踪中。"))
    addenda = [d for d in docs if d.kind == "addendum"]
    if addenda:
        parts.append(f"笔录另有补正说明 {len(addenda)} 份。")
    return "".join(parts) or "检查结束，处理意见待定。"


# ------------------------------------------------------------------------------------------------ zip writing


def _zinfo(path: str, stamp: tuple[int, ...], size: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(path, date_time=(max(1980, stamp[0]), *stamp[1:6]))
    info.compress_type = _compression(path)
    info.external_attr = 0o644 << 16
    info.file_size = size
    return info


def _write_entry(zf: zipfile.ZipFile, path: str, data: bytes, stamp: tuple[int, ...]) -> None:
    info = _zinfo(path, stamp, len(data))
    with zf.open(info, "w", force_zip64=len(data) >= zipfile.ZIP64_LIMIT) as out:
        for i in range(0, len(data), _CHUNK):
            out.write(data[i:i + _CHUNK])


def _stream_into(zf: zipfile.ZipFile, path: str, blobs: BlobStore, sha: str,
                 stamp: tuple[int, ...]) -> tuple[str, int]:
    """Copy blob `sha` into the zip chunk by chunk (videos need not fit in memory); returns (sha256, size)."""
    size = blobs.size(sha)
    digest = hashlib.sha256()
    written = 0
    info = _zinfo(path, stamp, size)
    with blobs.open(sha) as src, zf.open(info, "w", force_zip64=size >= zipfile.ZIP64_LIMIT) as out:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
            out.write(chunk)
            written += len(chunk)
    return digest.hexdigest(), written


# ------------------------------------------------------------------------------------------------ verification


def _hash_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, keep: bool) -> tuple[str, int, bytes | None]:
    digest = hashlib.sha256()
    size = 0
    parts: list[bytes] = []
    with zf.open(info) as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
            if keep:
                parts.append(chunk)
    return digest.hexdigest(), size, b"".join(parts) if keep else None


def _is_sha(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[0-9a-f]{64}", value) is not None


def _parse_manifest(raw: bytes | None) -> tuple[dict[str, Any] | None, str]:
    if raw is None:
        return None, "案卷中没有 manifest.json"
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return None, f"manifest.json 无法解析：{exc}"
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("files"), list):
        return None, "manifest.json 不是本应用的案卷清单（缺少 format 或 files）"
    paths = set()
    for row in doc["files"]:
        if not (isinstance(row, dict) and isinstance(row.get("path"), str) and _is_sha(row.get("sha256"))
                and isinstance(row.get("size"), int)):
            return None, f"manifest.json 的文件条目格式错误：{str(row)[:80]}"
        if row["path"] in paths:
            return None, f"manifest.json 重复列出 {row['path']}"
        paths.add(row["path"])
    return doc, ""


def verify_case_file(zip_path: str | Path, trust_roots: Sequence[Any], crls: Sequence[Any] = ()) -> CaseFileReport:
    """Verify a case file offline; `ok` only when every check holds. Never raises on a damaged archive."""
    problems: list[Problem] = []
    try:
        zf = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return CaseFileReport(False, [Problem("unreadable", f"{CODES['unreadable']}：{exc}", str(zip_path))])
    actual: dict[str, tuple[str, int] | None] = {}
    kept: dict[str, bytes] = {}
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        for name, count in Counter(i.filename for i in infos).items():
            if count > 1:
                problems.append(Problem("file_added", f"案卷中有 {count} 个同名条目（多出的条目未列入清单）", name))
        for info in infos:
            keep = (info.filename in (MANIFEST, RECORD_JSON, JOURNAL_JSON) and info.file_size <= _PDF_LIMIT) or (
                info.filename.startswith("documents/") and info.filename.lower().endswith(".pdf")
                and info.file_size <= _PDF_LIMIT)
            try:
                sha, size, data = _hash_member(zf, info, keep)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
                actual[info.filename] = None
                problems.append(Problem("file_changed", f"文件无法读取（ZIP 校验失败：{exc}）", info.filename))
                continue
            actual[info.filename] = (sha, size)
            if data is not None:
                kept[info.filename] = data
            elif info.filename.startswith("documents/") and info.filename.lower().endswith(".pdf"):
                problems.append(Problem("pdf_invalid", f"文书大于 {_PDF_LIMIT >> 20} MB，未能核验签名", info.filename))
    manifest, why = _parse_manifest(kept.get(MANIFEST))
    if manifest is None:
        problems.append(Problem("manifest_invalid", why, MANIFEST))
    else:
        listed = {row["path"]: row for row in manifest["files"]}
        for path, row in listed.items():
            if path not in actual:
                problems.append(Problem("file_missing", f"清单所列文件缺失：{row.get('title') or path}", path))
            elif actual[path] is not None and actual[path] != (row["sha256"], row["size"]):
                sha, size = actual[path]  # type: ignore[misc]
                problems.append(Problem("file_changed", f"SHA-256 {sha[:16]}…（{size} 字节）与清单所载 "
                                                        f"{row['sha256'][:16]}…（{row['size']} 字节）不一致", path))
        for path in actual:
            if path != MANIFEST and path not in listed:
                problems.append(Problem("file_added", "清单未列出此文件", path))
    documents = _verify_documents(kept, trust_roots, crls, problems)
    _check_record(kept, actual, documents, manifest, problems)
    _check_reinspections(kept, actual, documents, problems)
    length, head = _check_journal(kept.get(JOURNAL_JSON), documents, manifest, problems)
    order = {c: i for i, c in enumerate(CODES)}
    problems.sort(key=lambda p: (order.get(p.code, 99), p.path))
    return CaseFileReport(not problems, problems, manifest, len(actual), documents, length, head)


def _verify_documents(kept: dict[str, bytes], roots: Sequence[Any], crls: Sequence[Any],
                      problems: list[Problem]) -> dict[str, VerifyReport]:
    out: dict[str, VerifyReport] = {}
    for path in sorted(p for p in kept if p.startswith("documents/")):
        report = verify_pdf(kept[path], roots, crls, revocation_mode="hard-fail" if crls else "soft-fail")
        out[path] = report
        if not report.ok:
            problems.append(Problem("pdf_invalid", "签名文书核验不通过：" + "；".join(
                f"[{r.code}] {r.message}" for r in report.reasons), path))
    return out


def _check_record(kept: dict[str, bytes], actual: dict[str, Any], documents: dict[str, VerifyReport],
                  manifest: dict[str, Any] | None, problems: list[Problem]) -> None:
    records = [(p, r) for p, r in documents.items() if r.doc_kind == rm.RecordSnapshot.KIND]
    if not records:
        problems.append(Problem("pdf_invalid", "案卷中没有签名的现场检查笔录", "documents/"))
        return
    path, rep = records[0]
    printed = rep.printed_content_hash
    if manifest is not None and manifest.get("content_hash") != printed:
        problems.append(Problem("record_mismatch", f"清单所载内容哈希与签名笔录所载 {printed[:16]}… 不一致", MANIFEST))
    if manifest is not None and manifest.get("record_number") != rep.record_number:
        problems.append(Problem("record_mismatch", f"清单所载笔录编号与签名笔录 {rep.record_number} 不一致", MANIFEST))
    data = kept.get(RECORD_JSON)
    if data is None:
        problems.append(Problem("record_mismatch", "缺少 record.json", RECORD_JSON))
        return
    if hashlib.sha256(data).hexdigest() != printed:
        problems.append(Problem("record_mismatch", f"record.json 的 SHA-256 与签名笔录（{path}）所载内容哈希 "
                                                   f"{printed[:16]}… 不一致", RECORD_JSON))
        return
    record = json.loads(data)  # the bytes the signatures bind to: the evidence list below is authoritative
    for ev in record.get("evidence", []):
        number, sha = ev.get("number", ""), ev.get("sha256", "")
        found = [(p, v) for p, v in actual.items() if p.startswith(f"evidence/{number}_")]
        if not found:
            problems.append(Problem("evidence_mismatch", f"签名笔录证据清单所列 {number} 在案卷中缺失",
                                    f"evidence/{number}_"))
        elif not any(v is not None and v[0] == sha for _p, v in found):
            problems.append(Problem("evidence_mismatch", f"{number} 的 SHA-256 与签名笔录证据清单所载 {sha[:16]}… "
                                                         "不一致（原件被改动或替换）", found[0][0]))


def reinspection_folder(number: str) -> str:
    return f"evidence/复查_{safe_name(number, 'reinspection')}/"


def _check_reinspections(kept: dict[str, bytes], actual: dict[str, Any], documents: dict[str, VerifyReport],
                         problems: list[Problem]) -> None:
    """Each signed 整改复查记录 lists its own evidence by SHA-256: every file must be there, unchanged."""
    for path, rep in documents.items():
        if rep.doc_kind != rm.ReinspectionRecord.KIND:
            continue
        data = _embedded(_pdf_reader(kept[path])).get(RECORD_FILE, b"")
        if hashlib.sha256(data).hexdigest() != rep.printed_content_hash:
            problems.append(Problem("record_mismatch", "整改复查记录中嵌入的内容与其所载内容哈希不一致", path))
            continue
        folder = reinspection_folder(rep.record_number)
        for ev in json.loads(data).get("evidence", []):
            number, sha = ev.get("number", ""), ev.get("sha256", "")
            found = [(p, v) for p, v in actual.items() if p.startswith(f"{folder}{number}_")]
            if not found:
                problems.append(Problem("evidence_mismatch", f"整改复查记录 {rep.record_number} 所列 {number} 在案卷中缺失",
                                        f"{folder}{number}_"))
            elif not any(v is not None and v[0] == sha for _p, v in found):
                problems.append(Problem("evidence_mismatch", f"复查证据 {number} 的 SHA-256 与整改复查记录所载 "
                                                             f"{sha[:16]}… 不一致（原件被改动或替换）", found[0][0]))


def _check_journal(raw: bytes | None, documents: dict[str, VerifyReport], manifest: dict[str, Any] | None,
                   problems: list[Problem]) -> tuple[int, str]:
    def bad(message: str, path: str = JOURNAL_JSON) -> None:
        problems.append(Problem("journal_tampered", message, path))

    if raw is None:
        bad("案卷中没有 journal.json")
        return 0, ""
    try:
        doc = json.loads(raw.decode("utf-8"))
        events = events_from_json(doc["events"])
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        bad(f"journal.json 无法解析：{exc}")
        return 0, ""
    report = verify_chain(events)
    for p in report.problems:
        bad(p)
    if doc.get("chain_head") != report.head:
        bad(f"journal.json 所载链头与计算出的链头 {report.head[:16]}… 不一致")
    if manifest is not None:
        if manifest.get("journal_head") != report.head:
            bad(f"清单所载链头与 journal.json 计算出的链头 {report.head[:16]}… 不一致")
        if any(e.chain_id != manifest.get("inspection_id") for e in events):
            bad("journal.json 中有不属于本检查的事件")
    by_hash = {e.hash: i for i, e in enumerate(events)}
    for path, rep in documents.items():
        j = rep.journal
        if j is None or not j.printed_head:
            continue
        i = by_hash.get(j.printed_head)
        if i is None or i + 1 != j.length:
            bad(f"签名文书所载全过程记录链头 {j.printed_head[:16]}…（{j.length} 条）不在 journal.json 的链中", path)
    return report.length, report.head


# ------------------------------------------------------------------------------------------------ catalogue


def catalogue_text(meta: dict[str, Any], entries: Sequence[_Entry]) -> str:
    lines = ["卷内目录", "",
             f"案卷题名：{meta['institution']['name']} {meta.get('inspection_type', '')}现场检查案卷",
             f"检查机关：{meta.get('agency') or '—'}",
             f"笔录编号：{meta['record_number']}",
             f"被检查单位：{meta['institution']['name']}（统一社会信用代码 {meta['institution']['credit_code']}）",
             f"检查时间：{_local(meta.get('started_at'))} 至 {_local(meta.get('ended_at'))}",
             f"检查编号：{meta['inspection_id']}",
             f"内容哈希：{meta['content_hash']}",
             f"全过程记录链头：{meta['journal_head']}（{meta['journal_length']} 条）",
             f"导出时间：{_local(meta['exported_at'])}；应用版本 {meta['app_version']}", ""]
    for n, e in enumerate(entries, start=1):
        size = (f"{e.pages} 页 / " if e.pages else "") + _fmt_size(e.size)
        lines += [f"{n:>3}. {e.title}", f"     文件：{e.path}", f"     类别：{e.category}；页数/大小：{size}",
                  f"     SHA-256：{e.sha256}"]
        if e.remark:
            lines.append(f"     备注：{e.remark.replace(chr(10), '；')}")
    lines += ["", f"共 {len(entries)} 件。本目录、卷内目录.pdf 与 manifest.json 不列入本表；"
                  "manifest.json 载有案卷内全部文件的 SHA-256 与大小。", ""]
    return "\n".join(lines)


def _fontset() -> fonts.FontSet:
    fontset = fonts.ensure_fonts(fonts.default_cache_dir())
    fonts.register_reportlab(fontset)
    L.prepare(fontset)  # also useA85 = 0
    return fontset


def _info_table(rows: list[tuple[str, str]]) -> Any:
    """Label | value rows; a value that is a hash prints smaller so that 64 hex digits fit on one line."""
    cells = [[L.P(k, "cell_b"), L.P(v, "small" if re.search(r"[0-9a-f]{64}", v) else "cell")] for k, v in rows]
    return L.grid_table(cells, [30 * mm, L.FRAME_W - 30 * mm], header_rows=0,
                        extra=[("BACKGROUND", (0, 0), (0, -1), L.SECTION_BG)])


def catalogue_pdf(meta: dict[str, Any], entries: Sequence[_Entry]) -> bytes:
    from reportlab.platypus import Paragraph, Spacer

    _fontset()
    inst = meta["institution"]
    story: list[Any] = [Paragraph(L.esc(meta.get("agency") or ""), L.STYLES["agency"]), Spacer(1, 2 * mm),
                        Paragraph("卷内目录", L.STYLES["title"]),
                        Paragraph(f"笔录编号：{L.esc(meta['record_number'])}", L.STYLES["docno"]), L.Rule(),
                        Spacer(1, 2 * mm)]
    story.append(_info_table([
        ("案卷题名", f"{inst['name']} {meta.get('inspection_type', '')}现场检查案卷"),
        ("被检查单位", f"{inst['name']}（统一社会信用代码 {inst['credit_code']}）"),
        ("检查时间", f"{_local(meta.get('started_at'))} 至 {_local(meta.get('ended_at'))}"),
        ("导出时间", f"{_local(meta['exported_at'])}（应用版本 {meta['app_version']}）"),
        ("内容哈希", meta["content_hash"]),
        ("全过程记录", f"{meta['journal_length']} 条"),
        ("链头哈希", meta["journal_head"]),
    ]))
    story.append(Spacer(1, 4 * mm))
    widths = [9 * mm, 48 * mm, 20 * mm, 18 * mm, 27 * mm]
    widths.append(L.FRAME_W - sum(widths))
    rows: list[list[Any]] = [[L.P(h, "cell_b") for h in ("序号", "文件名称", "类别", "页数/大小", "SHA-256", "备注")]]
    for n, e in enumerate(entries, start=1):
        size = (f"{e.pages} 页<br/>" if e.pages else "") + _fmt_size(e.size)
        rows.append([L.P(str(n), "cell_c"),
                     L.P(f"{L.esc(e.title)}<br/><font size=6.5 color='#666666'>{L.esc(e.path)}</font>", markup=True),
                     L.P(e.category), L.P(size, "cell_c", markup=True),
                     L.P(e.sha256[:16], "small"),
                     L.P(e.remark, "small")])
    story.append(L.grid_table(rows, widths, valign="TOP"))
    story.append(Spacer(1, 3 * mm))
    story.append(L.P(f"共 {len(entries)} 件。SHA-256 仅列前 16 位，完整值见 manifest.json 与 卷内目录.txt；"
                     "本目录、卷内目录.txt 与 manifest.json 不列入本表。", "small"))
    decor = L.PageDecor(header=f"卷内目录　{meta['record_number']}", initials=False)
    pdf, _pages = L.build_pdf(story, decor, title=f"卷内目录 {meta['record_number']}",
                              subject=f"{inst['name']} 现场检查案卷", author=meta.get("agency") or "")
    return pdf


def publication_pdf(data: dict[str, Any]) -> bytes:
    from reportlab.platypus import Paragraph, Spacer

    _fontset()
    inst, insp = data["institution"], data["inspection"]
    story: list[Any] = [Paragraph(L.esc(data.get("agency") or ""), L.STYLES["agency"]), Spacer(1, 2 * mm),
                        Paragraph("医疗保障基金监督检查结果公开", L.STYLES["title"]),
                        Paragraph(f"笔录编号：{L.esc(data['record_number'])}", L.STYLES["docno"]), L.Rule(),
                        Spacer(1, 2 * mm)]
    category = "，".join(x for x in (inst.get("category"), inst.get("level")) if x)
    story.append(_info_table([
        ("被检查机构", inst["name"] + (f"（{category}）" if category else "")),
        ("统一社会信用代码", inst["credit_code"]),
        ("检查类型", f"{insp['type']}（{insp['mode']}）"),
        ("检查时间", f"{_local(insp['started_at'])} 至 {_local(insp['ended_at'])}"),
        ("检查期间", f"{_local(insp['period_from'], True)} 至 {_local(insp['period_to'], True)}"
         if insp.get("period_from") else "—"),
        ("检查机关", data.get("agency") or "—"),
    ]))
    story.append(Paragraph("发现的问题", L.STYLES["h2"]))
    widths = [9 * mm, 62 * mm, 49 * mm]
    widths += [(L.FRAME_W - sum(widths)) / 2] * 2
    rows: list[list[Any]] = [[L.P(h, "cell_b", markup=True) for h in ("序号", "问题描述", "法律依据",
                                                                      "涉及金额<br/>（元）", "应退回金额<br/>（元）")]]
    for f in data["findings"]:
        penalty = (f"<br/><font size=7.5 color='#444444'>处罚条款：{L.esc(f['penalty_article'])}</font>"
                   if f.get("penalty_article") else "")
        rows.append([L.P(str(f["number"]), "cell_c"),
                     L.P(f"{L.esc(f['description'])}<br/><font size=7.5 color='#444444'>性质：{L.esc(f['severity'])}"
                         "</font>", markup=True),
                     L.P((L.esc(f["legal_basis"]) or "—") + penalty, markup=True),
                     L.P(L.fmt_money(Decimal(f["amount_involved"])), "cell_r"),
                     L.P(L.fmt_money(Decimal(f["amount_to_recover"])), "cell_r")])
    totals = data["totals"]
    rows.append([L.P(""), L.P("合计", "cell_b"), L.P(""), L.P(L.fmt_money(Decimal(totals["amount_involved"])), "cell_r"),
                 L.P(L.fmt_money(Decimal(totals["amount_to_recover"])), "cell_r")])
    if not data["findings"]:
        rows.insert(1, [L.P("—", "cell_c"), L.P("未发现问题"), L.P(""), L.P("0.00", "cell_r"), L.P("0.00", "cell_r")])
    story.append(L.grid_table(rows, widths, valign="TOP",
                              extra=[("BACKGROUND", (0, -1), (-1, -1), L.SECTION_BG)]))
    story.append(Paragraph("处理结果", L.STYLES["h2"]))
    story.append(L.P(data["result"], "body"))
    story.append(Spacer(1, 4 * mm))
    story.append(L.P(data["masking"]["note"] + "。", "small"))
    story.append(L.P(f"生成时间：{_local(data['generated_at'])}", "small"))
    decor = L.PageDecor(header=f"监督检查结果公开　{data['record_number']}", initials=False)
    pdf, _pages = L.build_pdf(story, decor, title=f"监督检查结果公开 {data['record_number']}",
                              subject=f"{inst['name']} 监督检查结果", author=data.get("agency") or "")
    return pdf


__all__ = ["CODES", "CaseFileReport", "CaseFileService", "Problem", "PublicationResult", "catalogue_pdf",
           "catalogue_text", "publication_masker", "publication_pdf", "safe_name", "verify_case_file"]
