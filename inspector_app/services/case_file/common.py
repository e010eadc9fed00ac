"""What export and verification of a case file share: the layout's names, file naming, the durable ZIP writer."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

from inspector_app.records import kinds
from inspector_app.storage.atomic import fsync_dir

MANIFEST = "manifest.json"
RECORD_JSON = "record.json"
JOURNAL_JSON = "journal.json"
CATALOGUE_PDF = "卷内目录.pdf"
CATALOGUE_TXT = "卷内目录.txt"
FORMAT = "inspector-case-file"
#: 2: the manifest is sealed (embedded in the signed 卷内目录.pdf) and lists the signed documents with their stages
FORMAT_VERSION = 2
PUBLICATION_FORMAT = "inspector-publication"
CHUNK = 1 << 20

DOC_TITLES = kinds.titles()  # from the document-kind registry (records/kinds.py)
DOC_ORDER = {k.code: k.case_file_order for k in kinds.KINDS}
EVIDENCE_CATEGORY = {"photo": "照片证据", "document": "书证", "audio_video": "视听资料", "data": "电子数据"}


def confirmation_note(record: dict[str, Any]) -> str:
    """The party's confirmation of the signed 证据清单, as the case file's evidence rows state it ("" for a record
    signed before the list carried one)."""
    c = record.get("evidence_confirmation")
    if not isinstance(c, dict):
        return "当事人未对证据清单作核对确认" if any(e.get("evidence_type") for e in record.get("evidence", [])) else ""
    if c.get("refused"):
        return f"当事人拒绝核对确认（理由：{c.get('refusal_reason', '')}）"
    return f"当事人{c.get('signer_name', '')}确认：{c.get('statement', '')}"


def evidence_remark(ev: dict[str, Any], captured: str, confirmed: str) -> str:
    """取证方式 and time, then (for records with the full list) pages, provider, what it proves, the confirmation."""
    measure = ev.get("measure", "") + (f"，共 {ev['page_count']} 页" if ev.get("page_count") else "")
    lines = [measure, captured]
    if ev.get("evidence_type"):
        lines += [f"提供人：{ev.get('provider') or '—'}", f"证明对象：{ev.get('proves') or '—'}", confirmed]
    return "\n".join(x for x in lines if x)
_MIME_EXT = {"image/jpeg": ".jpg", "image/png": ".png", "application/pdf": ".pdf", "image/heic": ".heic",
             "image/tiff": ".tif", "video/mp4": ".mp4", "audio/mpeg": ".mp3", "image/webp": ".webp"}
#: already compressed: stored as they are (and a JPEG or PDF stays byte-identical and cheap to write)
_STORED_EXT = {".jpg", ".jpeg", ".pdf", ".png", ".heic", ".heif", ".webp", ".gif", ".mp4", ".mov", ".m4v",
               ".m4a", ".mp3", ".aac", ".amr", ".zip", ".docx", ".xlsx", ".pptx", ".ofd", ".gz", ".7z", ".rar"}

#: stage of a signed document as the seal states it (and verification re-checks against its signatures)
STAGE_APPROVED = "approved"            # both officers and the approving team lead signed
STAGE_OFFICERS = "officers_signed"     # every officer's field signed, no approval yet
STAGE_SIGNED = "signed"                # a one-signer document (notice, addendum, re-inspection) fully signed
STAGE_PARTIAL = "partially_signed"
STAGE_LABELS = {STAGE_APPROVED: "两名执法人员签名并经组长批准", STAGE_OFFICERS: "执法人员均已签名（未批准）",
                STAGE_SIGNED: "已签名", STAGE_PARTIAL: "部分签名"}


def stage_of(kind: str, signed_fields: tuple[str, ...] | list[str], pending_fields: tuple[str, ...] | list[str]
             ) -> str:
    officers_pending = [f for f in pending_fields if f.startswith("Sig_Officer")]
    if kind == "record":
        if officers_pending or sum(f.startswith("Sig_Officer") for f in signed_fields) < 2:
            return STAGE_PARTIAL
        return STAGE_APPROVED if "Sig_Lead" in signed_fields else STAGE_OFFICERS
    return STAGE_PARTIAL if officers_pending or not signed_fields else STAGE_SIGNED


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


def reinspection_folder(number: str) -> str:
    return f"evidence/复查_{safe_name(number, 'reinspection')}/"


#: The folder of a seizure's item photos is named after its signed notice (document kind or the PDF's KIND).
_SEIZURE_LABELS = {"seal": "封存", "seal_decision": "封存", "preservation": "先行登记保存",
                   "preservation_notice": "先行登记保存"}
SEIZURE_KINDS = frozenset(_SEIZURE_LABELS)


def seizure_folder(kind: str, number: str) -> str:
    return f"evidence/{_SEIZURE_LABELS[kind]}_{safe_name(number, 'seizure')}/"


def seizure_photos(content: dict[str, Any]) -> list[dict[str, str]]:
    """The original photos a signed 封存决定书 / 先行登记保存通知书 lists by SHA-256, numbered P-01… in the order of
    its items (as services/seizures.py numbers their evidence rows)."""
    shas: list[str] = []
    for item in content.get("items", []):
        shas.extend(s for s in item.get("photos", []) if s not in shas)
    return [{"number": f"P-{n:02d}", "sha256": s} for n, s in enumerate(shas, start=1)]


def field_label(name: str) -> str:
    if name.startswith("Sig_Officer"):
        return f"执法人员{name.removeprefix('Sig_Officer')}"
    return {"Sig_Lead": "检查组组长", "Sig_Agency": "承办执法人员", "Sig_Seal": "封卷"}.get(name, name)


def extension(name: str, mime: str) -> str:
    ext = Path(name).suffix.lower()
    return ext if ext and len(ext) <= 8 else _MIME_EXT.get(mime, "")


def json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True, default=str).encode("utf-8")


class AtomicFile:
    """Write `target` through a temp file in the same folder; fsync and rename on success, remove on failure.
    (A context manager, unlike storage.atomic.write_bytes: a case file is streamed, never held in memory.)"""

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
                fsync_dir(self.target.parent)
        finally:
            self.tmp.unlink(missing_ok=True)


def _zinfo(path: str, stamp: tuple[int, ...], size: int) -> zipfile.ZipInfo:
    y, mo, d, h, mi, sec = stamp[:6]
    info = zipfile.ZipInfo(path, date_time=(max(1980, y), mo, d, h, mi, sec))
    info.compress_type = zipfile.ZIP_STORED if Path(path).suffix.lower() in _STORED_EXT else zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.file_size = size
    return info


def write_entry(zf: zipfile.ZipFile, path: str, data: bytes, stamp: tuple[int, ...]) -> None:
    info = _zinfo(path, stamp, len(data))
    with zf.open(info, "w", force_zip64=len(data) >= zipfile.ZIP64_LIMIT) as out:
        for i in range(0, len(data), CHUNK):
            out.write(data[i:i + CHUNK])


def stream_into(zf: zipfile.ZipFile, path: str, blobs: Any, sha: str, stamp: tuple[int, ...]) -> tuple[str, int]:
    """Copy blob `sha` into the zip chunk by chunk (videos need not fit in memory; an encrypted workspace's blob
    is decrypted chunk by chunk); returns (sha256, size) of the plaintext written."""
    size = blobs.size(sha)
    digest = hashlib.sha256()
    written = 0
    info = _zinfo(path, stamp, size)
    with blobs.open(sha) as src, zf.open(info, "w", force_zip64=size >= zipfile.ZIP64_LIMIT) as out:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
            written += len(chunk)
    return digest.hexdigest(), written
