"""The signed 随机抽查记录 of a draw, and its verification (signature + re-running the draw from its data)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspector_app import fonts
from inspector_app.domain.draw import verify_draw
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.ids import new_id
from inspector_app.fileio import atomic_write
from inspector_app.records.plan import AGENCY_FIELD, plan_from_record
from inspector_app.services.context import Actor, ServiceContext
from inspector_app.services.document_pipeline import require_bound
from inspector_app.services.draws import DrawService, _find_draw
from inspector_app.services.keys import KeyService
from inspector_app.services.plans import find_item
from inspector_app.services.record_builder import setting
from inspector_app.storage.orm import OfficerRow
from inspector_app.syncproto import payloads


@dataclass(frozen=True, slots=True)
class DrawVerification:
    ok: bool
    signature_ok: bool
    draw_ok: bool
    problems: tuple[str, ...]   # codes: pool_hash, result, not_a_draw_record, and the signature reasons
    number: str
    record: dict[str, Any] | None


class DrawRecordService:
    def __init__(self, ctx: ServiceContext, draws: DrawService, keys: KeyService):
        self._ctx = ctx
        self._draws = draws
        self._keys = keys

    def sign(self, actor: Actor, draw_id: str, officer_id: str, password: str) -> str:
        """Render and sign the round's record as it stands for this draw; returns the PDF's SHA-256."""
        from inspector_app.records import signing
        from inspector_app.records.draw_record import draw_number, render_draw_record

        ck = self._keys.load(officer_id, password)
        record = self._draws.record(draw_id)
        if record["status"] == "seeded":
            raise ValidationError("draw.not_drawn", QT_TRANSLATE_NOOP(
                "Errors", "Nothing has been drawn yet: run the draw before signing its record."))
        with self._ctx.unit(actor) as uow:
            s = uow.session
            officer = s.get(OfficerRow, officer_id)
            if officer is None:
                raise ValidationError("officer.not_found", QT_TRANSLATE_NOOP("Errors", "No officer {id}."),
                                      id=officer_id)
            record = {**record, "number": draw_number(record), "agency": setting(s, "agency"),
                      "signer": {"officer_id": officer.id, "name": officer.name,
                                 "certificate_no": officer.certificate_no}}
            rendered = render_draw_record(record, fonts.ensure_fonts(fonts.default_cache_dir()))
            require_bound(plan_from_record(record), AGENCY_FIELD, ck)
            signed = signing.certify_rendered(rendered, ck, officer.id, signing_time=uow.now,
                                              reason="随机抽查记录：抽取人签名",
                                              revocation=self._keys.revocation_context())
            blob = self._ctx.blobs.put_bytes(signed)  # the file first: the row below points at it
            row = _find_draw(s, draw_id)
            row_sha, row.record_sha256 = row.record_sha256, blob.sha256
            plan_id = find_item(s, row.plan_item_id).plan_id
            uow.record(plan_id, "draw.record_signed", "draw", row.id, "patch", payloads.changes_payload(
                "draw", {"record_sha256": (row_sha, blob.sha256)}, number=record["number"],
                content_hash=rendered.content_hash))
            # The signed record itself, append-only on the server (a second signing is a second record).
            uow.outbox("draw_record", new_id(), "append", payloads.data_payload("draw_record", {
                "draw_id": row.id, "sha256": blob.sha256, "number": record["number"],
                "content_hash": rendered.content_hash, "signer": officer.id, "signed_at": uow.now}))
            return blob.sha256

    def export(self, draw_id: str, dest: Path) -> Path:
        with self._ctx.read() as s:
            sha = _find_draw(s, draw_id).record_sha256
        if not sha:
            raise ValidationError("draw.no_record", QT_TRANSLATE_NOOP("Errors", "The draw has no signed record yet."))
        return atomic_write(dest, self._ctx.blobs.read_bytes(sha))

    def verify(self, data: bytes) -> DrawVerification:
        return verify_draw_pdf(data, self._keys.trust_roots(), self._keys.crls())


def verify_draw_pdf(data: bytes, trust_roots: list[Any], crls: list[Any]) -> DrawVerification:
    """The PDF's signatures (records.verify) and whether its result follows from its own pool, rules and seed."""
    from inspector_app.records.draw_record import KIND, RECORD_FILE
    from inspector_app.records.embedded import embedded_file
    from inspector_app.records.verify import verify_pdf

    report = verify_pdf(data, trust_roots, crls)
    problems = [r.code for r in report.reasons if r.code != "revocation_unchecked"]
    try:
        raw = embedded_file(data, RECORD_FILE)
        record = json.loads(raw.decode("utf-8")) if raw else None
    except Exception:  # noqa: BLE001 - an unreadable file is simply not a draw record (verify_pdf says why)
        record = None
    if not isinstance(record, dict) or record.get("kind") != KIND:
        return DrawVerification(False, not problems, False, tuple(problems + ["not_a_draw_record"]),
                                report.record_number, None)
    draw_problems = verify_draw(record)
    return DrawVerification(not problems and not draw_problems, not problems, not draw_problems,
                            tuple(problems + draw_problems), report.record_number, record)
