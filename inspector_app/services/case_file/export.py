"""Export of the case file (案卷, 一案一卷) — domain.md R12–R14, §3 卷内目录. One ZIP per inspection, written temp
file → fsync → rename:

    documents/01_现场检查笔录_<文号>.pdf   every signed document, latest signed revision (record, addenda, notices)
    record.json                           the snapshot the record's signatures bind to (exact bytes: its SHA-256
                                          is the record's content hash), taken out of the signed PDF
    evidence/E-01_<source name>           the original evidence files, byte for byte
    journal.json                          the whole journal (全过程记录) with its chain head, verified first
    卷内目录.txt                          the catalogue's text twin
    卷内目录.pdf                          the catalogue, sealed: a PAdES signature of the exporting officer (or the
                                          team lead) that embeds manifest.json
    manifest.json                         (a copy of the sealed manifest) SHA-256 and size of every other file, the
                                          signed documents with their stages, the journal head at export

The sealer must be named in the signed record (one of its officers or its team lead), so verification can bind
the seal's certificate to the case; the certificate's password is asked for like any signing."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector_app import __version__
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.ids import new_id
from inspector_app.domain.journal import events_to_json, verify_chain
from inspector_app.records import kinds
from inspector_app.records import model as rm
from inspector_app.records.model_docs import INQUIRY_ROLES
from inspector_app.records.casefile_pdf import CatalogueEntry, Sealer, catalogue_pdf, catalogue_text, local_time
from inspector_app.records.embedded import embedded_files, page_count, pdf_reader
from inspector_app.records.render import RECORD_FILE
from inspector_app.records.seal import certificate_holder, seal_catalogue
from inspector_app.records.signing import SigningError
from inspector_app.services.case_file import common as C
from inspector_app.services.case_file import ledger
from inspector_app.services.case_file.common import AtomicFile, safe_name
from inspector_app.services.context import Actor, ServiceContext
from inspector_app.services.evidence import EvidenceService
from inspector_app.services.journal import JournalService
from inspector_app.services.keys import KeyService
from inspector_app.services.signing import DocumentDTO, SigningService
from inspector_app.syncproto import payloads

Progress = Callable[[int, str], None]
#: The outcome's self-inspection advice for an inspection: (campaign name, LeniencyAdvice) or None
#: (services/lead_review.py LeadReviewService.leniency_for).
LeniencyFor = Callable[[str], "tuple[str, Any] | None"]
Put = Callable[[CatalogueEntry, str, str], None]  # (entry, blob sha256, expected sha256)


def _evidence_type(kind: str, reader: Any) -> str:
    """The statutory evidence type (行政处罚法 第四十六条) a signed document counts as, from the kind registry; an
    inquiry's depends on who was questioned, read from its signed record.json."""
    if kind not in kinds.BY_CODE:
        return ""
    if kind == "inquiry":
        try:
            role = json.loads(embedded_files(reader.root).get(RECORD_FILE, b"") or b"{}").get("role", "")
        except ValueError:
            role = ""
        return INQUIRY_ROLES.get(role, kinds.BY_CODE[kind].evidence_type)
    return kinds.BY_CODE[kind].evidence_type


def signed_documents(signing: SigningService, inspection_id: str) -> tuple[DocumentDTO, list[DocumentDTO]]:
    """The signed record and every signed document in case-file order; refuses an unsigned record."""
    docs = signing.documents(inspection_id)
    record = next((d for d in docs if d.kind == "record"), None)
    if record is None:
        raise ValidationError("case_file.record_not_signed", QT_TRANSLATE_NOOP(
            "Errors", "The inspection record is not signed yet, so no case file or publication can be exported: a "
                      "case file is built on the signed record. Sign it first."))
    pending = [f for f in record.pending_fields if f.startswith("Sig_Officer")]
    if pending:
        raise ValidationError("case_file.officers_unsigned", QT_TRANSLATE_NOOP(
            "Errors", "{count} officer(s) have not signed the inspection record yet; it can be exported once every "
                      "officer has signed."), count=len(pending))
    return record, sorted(docs, key=lambda d: (C.DOC_ORDER.get(d.kind, 9), d.created_at))


def sealer_in_record(record: dict[str, Any], officer_id: str) -> Sealer:
    """The sealer as the signed record names them: an officer of the record, or its team lead."""
    for o in record.get("officers", []):
        if o.get("officer_id") == officer_id:
            return Sealer(officer_id, o["name"], o["certificate_no"], "承办执法人员")
    lead = record.get("team_lead") or {}
    if lead.get("officer_id") == officer_id:
        return Sealer(officer_id, lead["name"], lead["certificate_no"], "检查组组长", lead=True)
    raise ValidationError("case_file.sealer_not_in_record", QT_TRANSLATE_NOOP(
        "Errors", "Only an officer or the team lead named in the record can seal the case file: let the officer in "
                  "charge or the team lead export it."))


class CaseFileExporter:
    def __init__(self, ctx: ServiceContext, signing: SigningService, evidence: EvidenceService,
                 journal: JournalService, keys: KeyService, leniency: LeniencyFor | None = None):
        self._ctx = ctx
        self._signing = signing
        self._evidence = evidence
        self._journal = journal
        self._keys = keys
        self._leniency = leniency

    def sealers(self, inspection_id: str) -> list[Sealer]:
        """Who may seal this case file: the officers and the team lead the signed record names."""
        record_doc, _docs = signed_documents(self._signing, inspection_id)
        source = self._signing.pdf_path(record_doc.id)
        if not source.exists():
            raise ValidationError("case_file.document_missing", QT_TRANSLATE_NOOP(
                "Errors", "The PDF of document {number} is missing on this computer (perhaps not downloaded from the "
                          "server yet)."), number=record_doc.number)
        record = json.loads(embedded_files(pdf_reader(source.read_bytes()).root).get(RECORD_FILE, b"{}"))
        people = [*record.get("officers", []), *([record["team_lead"]] if record.get("team_lead") else [])]
        return [sealer_in_record(record, p["officer_id"]) for p in people if p.get("officer_id")]

    def export(self, inspection_id: str, dest_zip: str | Path, *, officer_id: str, password: str,
               progress: Progress | None = None, actor: Actor | None = None) -> Path:
        """Write the sealed case file of a signed inspection to `dest_zip`; returns its path. The seal is then
        registered (journal event + outbox row of the seal ledger, ledger.py) for the sync server."""
        say = progress or (lambda _p, _m: None)
        dest = Path(dest_zip)
        record_doc, docs = signed_documents(self._signing, inspection_id)
        ck = self._keys.load(officer_id, password)  # a wrong password fails here, before anything is written
        say(2, "校验全过程记录")
        events = self._journal.events(inspection_id)
        chain = verify_chain(events)
        if not chain.ok:
            raise ValidationError("case_file.journal_broken", QT_TRANSLATE_NOOP(
                "Errors", "The journal of the inspection does not verify, so the case file cannot be exported: "
                          "{problems}"), problems=chain.problems)
        exported_at = self._ctx.clock()
        stamp = exported_at.astimezone(rm.CN_TZ).timetuple()[:6]
        entries: list[CatalogueEntry] = []
        sealed_docs: list[dict[str, Any]] = []
        record_json = b""
        reinspections: list[tuple[str, dict[str, Any]]] = []  # (number, signed content) of each 整改复查记录
        seizures: list[tuple[str, str, dict[str, Any]]] = []  # (kind, number, signed content) of each notice
        with AtomicFile(dest) as raw, zipfile.ZipFile(raw, "w", allowZip64=True) as zf:
            def put_file(entry: CatalogueEntry, sha: str, expected: str) -> None:
                entry.sha256, entry.size = C.stream_into(zf, entry.path, self._ctx.blobs, sha, stamp)
                if entry.sha256 != expected:
                    raise ValidationError("case_file.file_damaged", QT_TRANSLATE_NOOP(
                        "Errors", "A stored file is damaged ({file}: its SHA-256 differs from the registered one); "
                                  "the case file was not exported."), file=entry.title)
                entries.append(entry)

            def put_bytes(entry: CatalogueEntry, data: bytes) -> None:
                C.write_entry(zf, entry.path, data, stamp)
                entry.sha256, entry.size = hashlib.sha256(data).hexdigest(), len(data)
                entries.append(entry)

            for n, doc in enumerate(docs, start=1):
                say(5 + 25 * n // len(docs), f"写入文书 {doc.number}")
                source = self._signing.pdf_path(doc.id)
                if not source.exists():
                    raise ValidationError("case_file.document_missing", QT_TRANSLATE_NOOP(
                        "Errors", "The PDF of document {number} is missing on this computer (perhaps not downloaded "
                                  "from the server yet); the case file was not exported."), number=doc.number)
                data = source.read_bytes()
                reader = pdf_reader(data)
                title = C.DOC_TITLES.get(doc.kind, doc.kind)
                if hashlib.sha256(data).hexdigest() != doc.pdf_sha256:
                    raise ValidationError("case_file.document_damaged", QT_TRANSLATE_NOOP(
                        "Errors", "The stored PDF of document {number} is damaged (its SHA-256 differs from the "
                                  "registered one); the case file was not exported."), number=doc.number)
                if doc.kind in ("reinspection", *C.SEIZURE_KINDS) or doc.id == record_doc.id:
                    embedded = embedded_files(reader.root).get(RECORD_FILE, b"")
                    if hashlib.sha256(embedded).hexdigest() != doc.content_hash:
                        raise ValidationError("case_file.content_mismatch", QT_TRANSLATE_NOOP(
                            "Errors", "The content embedded in document {number} does not match its content hash; "
                                      "the case file was not exported."), number=doc.number)
                    if doc.id == record_doc.id:
                        record_json = embedded
                    elif doc.kind in C.SEIZURE_KINDS:
                        seizures.append((doc.kind, doc.number, json.loads(embedded)))
                    else:
                        reinspections.append((doc.number, json.loads(embedded)))
                signed = "、".join(C.field_label(f) for f in doc.signed_fields)
                remark = f"已签名：{signed}" + (f"；待签：{'、'.join(C.field_label(f) for f in doc.pending_fields)}"
                                                if doc.pending_fields else "")
                evidence_type = _evidence_type(doc.kind, reader)  # 询问笔录: 当事人的陈述 / 证人证言
                if evidence_type:
                    remark = f"证据类型：{evidence_type}；{remark}"
                path = f"documents/{n:02d}_{safe_name(title)}_{safe_name(doc.number, 'doc')}.pdf"
                put_bytes(CatalogueEntry(path, f"{title}（{doc.number}）", "文书", pages=page_count(reader),
                                         remark=remark, extra={"kind": doc.kind, "number": doc.number,
                                                               "content_hash": doc.content_hash}), data)
                sealed_docs.append({"path": path, "kind": doc.kind, "number": doc.number,
                                    "content_hash": doc.content_hash, "pdf_sha256": doc.pdf_sha256,
                                    "signed_fields": list(doc.signed_fields),
                                    "pending_fields": list(doc.pending_fields),
                                    "stage": C.stage_of(doc.kind, doc.signed_fields, doc.pending_fields)})
            record = json.loads(record_json)
            sealer = sealer_in_record(record, officer_id)
            holder = certificate_holder(ck.cert)
            if holder != (sealer.name, sealer.certificate_no):
                raise ValidationError("case_file.certificate_not_sealer", QT_TRANSLATE_NOOP(
                    "Errors", "The signing certificate belongs to {holder} (certificate {holder_no}), not to the "
                              "sealer the record names, {sealer} (certificate {sealer_no}); the case file was not "
                              "exported."), holder=holder[0], holder_no=holder[1] or "—", sealer=sealer.name,
                    sealer_no=sealer.certificate_no)
            put_bytes(CatalogueEntry(C.RECORD_JSON, "现场检查笔录内容（规范化 JSON，签名所及）", "记录数据",
                                     remark="SHA-256 即笔录内容哈希"), record_json)
            say(35, "写入证据原件")
            self._put_evidence(inspection_id, record, put_file, say)
            for number, rein in reinspections:
                self._put_reinspection_evidence(number, rein, put_file)
            if seizures:
                self._put_seizure_photos(inspection_id, seizures, put_file)
            say(85, "写入全过程记录")
            put_bytes(CatalogueEntry(C.JOURNAL_JSON, "全过程记录（哈希链）", "全过程记录",
                                     remark=f"共 {chain.length} 条，导出前已校验\n链头 {chain.head[:16]}…"),
                      C.json_bytes({"format": "inspector-journal/1", "chain_id": inspection_id,
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
            advice = self._leniency(inspection_id) if self._leniency is not None else None
            if advice is not None:  # printed in the catalogue and sealed with the manifest
                campaign, adv = advice
                meta["leniency"] = {"campaign": campaign, "level": adv.level.value, "reasons": list(adv.reasons)}
            listed = list(entries)
            put_bytes(CatalogueEntry(C.CATALOGUE_TXT, "卷内目录（文本）", "目录"),
                      catalogue_text(meta, listed).encode("utf-8"))
            manifest = C.json_bytes({
                "format": C.FORMAT, "format_version": C.FORMAT_VERSION, **meta,
                "sealed_by": {"officer_id": sealer.officer_id, "name": sealer.name,
                              "certificate_no": sealer.certificate_no, "role": sealer.role},
                "documents": sealed_docs, "files": [e.manifest_row() for e in entries]})
            say(94, "封卷签名")
            pdf, field = catalogue_pdf(meta, listed, sealer)
            assert field is not None
            try:
                sealed = seal_catalogue(pdf, field, manifest, ck, signing_time=exported_at)
            except SigningError as exc:
                raise ValidationError("case_file.seal_failed", QT_TRANSLATE_NOOP(
                    "Errors", "Signing the seal failed; the case file was not exported"), problems=[exc]) from None
            C.write_entry(zf, C.CATALOGUE_PDF, sealed, stamp)
            C.write_entry(zf, C.MANIFEST, manifest, stamp)
        # The file first (temp, fsync, rename), then the rows pointing at it: one unit of work, journal + outbox.
        with self._ctx.unit(actor or Actor(sealer.name, sealer.officer_id)) as uow:
            uow.record(inspection_id, "case_file.sealed", ledger.ENTITY, new_id(), "append",
                       payloads.data_payload(ledger.ENTITY, ledger.seal_data(inspection_id, sealed, manifest, meta,
                                                                             sealer)))
        say(100, "案卷已导出")
        return dest

    def _put_evidence(self, inspection_id: str, record: dict[str, Any], put_file: Put, say: Progress) -> None:
        """The originals, numbered as in the signed record's 证据清单 (matched by SHA-256); anything added
        afterwards (e.g. re-inspection photos) follows with the next numbers."""
        current = self._evidence.list(inspection_id)
        by_sha = {e.sha256: e for e in current}
        signed = record.get("evidence", [])
        confirmed = C.confirmation_note(record)
        rows: list[tuple[str, str, str, str, str, str]] = []  # number, sha, name, category, caption, remark
        for ev in signed:
            dto = by_sha.get(ev["sha256"])
            name = dto.source_name if dto else ev.get("source_name", "")
            mime = dto.mime if dto else ""
            kind = dto.kind if dto else ""
            rows.append((ev["number"], ev["sha256"], name + ("" if Path(name).suffix else C.extension(name, mime)),
                         ev.get("evidence_type") or C.EVIDENCE_CATEGORY.get(kind, "证据"), ev.get("caption", ""),
                         C.evidence_remark(ev, local_time(ev.get("captured_at")), confirmed)))
        seen = {ev["sha256"] for ev in signed}
        extra = [e for e in current if e.sha256 not in seen]
        for n, e in enumerate(extra, start=len(signed) + 1):
            rows.append((f"E-{n:02d}", e.sha256, e.source_name + ("" if Path(e.source_name).suffix else
                                                                   C.extension(e.source_name, e.mime)),
                         e.evidence_type or C.EVIDENCE_CATEGORY.get(e.kind, "证据"), e.caption, "笔录签名后补充的证据"))
        for i, (number, sha, name, category, caption, remark) in enumerate(rows, start=1):
            say(35 + 50 * i // max(1, len(rows)), f"写入证据 {number}")
            if not self._ctx.blobs.has(sha):
                raise ValidationError("case_file.evidence_missing", QT_TRANSLATE_NOOP(
                    "Errors", "The original file of evidence {number} is missing on this computer (perhaps not "
                              "downloaded from the server yet); the case file was not exported."), number=number)
            put_file(CatalogueEntry(f"evidence/{number}_{safe_name(name, 'evidence')}", f"{number} {caption or name}",
                                    category, remark=remark,
                                    extra={"evidence_number": number}), sha, sha)

    def _put_reinspection_evidence(self, number: str, rein: dict[str, Any], put_file: Put) -> None:
        """A re-inspection's own photos, in a folder named after its signed record, numbered as its 证据清单."""
        for ev in rein.get("evidence", []):
            if not self._ctx.blobs.has(ev["sha256"]):
                raise ValidationError("case_file.evidence_missing", QT_TRANSLATE_NOOP(
                    "Errors", "The original file of evidence {number} is missing on this computer (perhaps not "
                              "downloaded from the server yet); the case file was not exported."),
                    number=f"{number} {ev['number']}")
            name = ev.get("source_name", "") or ev["number"]
            put_file(CatalogueEntry(f"{C.reinspection_folder(number)}{ev['number']}_{safe_name(name, 'evidence')}",
                                    f"复查 {number} {ev['number']} {ev.get('caption') or name}", "复查证据",
                                    remark=f"{ev.get('measure', '')}\n{local_time(ev.get('captured_at'))}",
                                    extra={"evidence_number": ev["number"], "reinspection": number}),
                     ev["sha256"], ev["sha256"])

    def _put_seizure_photos(self, inspection_id: str, seizures: list[tuple[str, str, dict[str, Any]]],
                            put_file: Put) -> None:
        """The seized items' original photos, in a folder named after the signed notice, numbered as the notice
        lists them (P-01…); `inspector verify FILE.zip` checks them against the SHA-256 it prints."""
        mimes = {e.sha256: e.mime for e in self._evidence.list(inspection_id, seizures=True)}
        for kind, number, content in seizures:
            for ph in C.seizure_photos(content):
                sha = ph["sha256"]
                if not self._ctx.blobs.has(sha):
                    raise ValidationError("case_file.seized_photo_missing", QT_TRANSLATE_NOOP(
                        "Errors", "The original of item photo {photo} of {number} is not on this computer (perhaps "
                                  "not yet downloaded from the server); the case file was not exported."),
                        number=number, photo=ph["number"])
                name = f"{ph['number']}_{sha[:12]}" + C.extension("", mimes.get(sha, "image/jpeg"))
                put_file(CatalogueEntry(f"{C.seizure_folder(kind, number)}{name}",
                                        f"{number} 物品照片 {ph['number']}", "物证照片",
                                        remark=f"原件 SHA-256 {sha[:16]}…（见{number}）",
                                        extra={"evidence_number": ph["number"], "seizure": number}), sha, sha)
