"""Trusted time of a signed document (issue 11 item 5).

A signature's own time (/M, signingTime) is the signing laptop's clock: nobody can check it. The sync server adds
an RFC 3161 document timestamp (/DocTimeStamp) from the agency's TSA when the document reaches it, so the document
provably existed, with every signature before it, no later than the TSA's time. This module finds and checks
those timestamps (the TSA certificate must chain to a trusted root — the agency CA — and the token's imprint must
match the revision it covers) and sets the device clock beside the proven time:

- a signature time *after* the proven time (beyond the tolerance) is impossible: the device clock was ahead;
- a signature time long *before* it may be offline signing synced later, or a clock running behind: the device
  clock is not confirmed. Both are flagged beyond TOLERANCE (10 minutes).

A timestamp whose token does not match the revision it covers (or cannot be read) fails the verification
(`timestamp_invalid`); one from a TSA that does not chain to a trusted root is reported and proves nothing.

poppler's `pdfsig` lists a document timestamp but does not validate it: its Form.cc (FormFieldSignature::parseInfo,
poppler 22.12 and later) supports only the SubFilters adbe.pkcs7.sha1, adbe.pkcs7.detached and ETSI.CAdES.detached
(and later PGP); /ETSI.RFC3161 maps to "unknown", so pdfsig prints "Signature Type: unknown", "Signature has not
yet been verified" and "Unable to validate this type of signature" on stderr. The file is what ISO 32000-2 §12.8.5
and PAdES (ETSI EN 319 142-1 §5.4) prescribe — /Type /DocTimeStamp, /SubFilter /ETSI.RFC3161, the RFC 3161 token
as /Contents over the whole file — so it is left as it is and validated here (pyHanko's validate_pdf_timestamp:
message imprint against the covered bytes, the TSA's signature, its timeStamping EKU and its chain).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from inspector_app.domain.agency_time import AGENCY_ZONE
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, CodedProblem, coded, in_english

TOLERANCE = dt.timedelta(minutes=10)
CN_TZ = AGENCY_ZONE   # the agency's one time zone, as configured (domain/agency_time.py)


@dataclass(frozen=True, slots=True)
class TimeProof:
    proven_at: dt.datetime | None       # genTime of the first valid trusted document timestamp
    tsa: str                            # the TSA's name from its certificate
    device_time: dt.datetime | None     # the last signature's claimed time before that timestamp
    problems: tuple[CodedProblem, ...]  # timestamps present but not valid or not trusted
    broken: tuple[CodedProblem, ...] = ()  # of those, the ones that do not match the file or cannot be read

    @property
    def proven(self) -> bool:
        return self.proven_at is not None

    @property
    def skew(self) -> dt.timedelta | None:
        if self.proven_at is None or self.device_time is None:
            return None
        return self.device_time - self.proven_at

    @property
    def device_clock_flagged(self) -> bool:
        return self.skew is not None and abs(self.skew) > TOLERANCE

    def lines(self, say: Callable[[Any], str] = in_english) -> list[str]:
        """Plain Chinese lines for `inspector verify`; `say` words the coded problems (ui/errors.py for the
        report's Chinese, English by default)."""
        device = self.device_time.astimezone(CN_TZ).strftime("%Y-%m-%d %H:%M:%S") if self.device_time else "—"
        if self.proven_at is None:
            out = [f"设备时钟：{device}（签名设备自报，未经时间戳证明）"]
            out += [f"时间戳无效：{say(p)}" for p in self.problems]
            return out
        proven = self.proven_at.astimezone(CN_TZ).strftime("%Y-%m-%d %H:%M:%S")
        out = [f"可信时间：由时间戳服务 {self.tsa} 证明于 {proven}（北京时间）", f"设备时钟：{device}"]
        skew = self.skew
        if skew is not None and skew > TOLERANCE:
            out.append(f"注意：设备时钟比可信时间快 {_minutes(skew)}：签名时间不可能晚于时间戳，签名设备的时钟有误")
        elif skew is not None and -skew > TOLERANCE:
            out.append(f"注意：签名时间早于可信时间 {_minutes(-skew)}：可能为离线签名后同步，设备时钟无法确认")
        out += [f"另有无效时间戳：{say(p)}" for p in self.problems]
        return out


def _minutes(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60} 小时 {minutes % 60} 分钟" if minutes >= 60 else f"{minutes} 分钟"


def _tsa_name(status: Any) -> str:
    try:
        cert = status.signing_cert
        return str(cert.subject.native.get("common_name") or cert.subject.human_friendly)
    except Exception:
        return "（未知）"


def check_time(reader_or_pdf: Any, trust_roots: Sequence[Any]) -> TimeProof:
    """Check the document timestamps of a PDF (bytes or a pyHanko PdfFileReader) against asn1crypto trust roots;
    never goes online."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_timestamp
    from pyhanko_certvalidator import ValidationContext

    reader = reader_or_pdf if isinstance(reader_or_pdf, PdfFileReader) else PdfFileReader(
        io.BytesIO(reader_or_pdf), strict=False)
    sigs = sorted(reader.embedded_signatures, key=lambda e: e.signed_revision)
    problems: list[CodedProblem] = []
    broken: list[CodedProblem] = []
    for es in sigs:
        if es.sig_object_type != "/DocTimeStamp":
            continue
        vc = ValidationContext(trust_roots=list(trust_roots), allow_fetching=False, revocation_mode="soft-fail")
        try:
            st = validate_pdf_timestamp(es, validation_context=vc)
        except Exception as exc:  # a damaged token is a finding, not a crash
            problems.append(coded("timestamp.unreadable", QT_TRANSLATE_NOOP(
                "Errors", "{field}: {error}"), field=es.field_name, error=str(exc)))
            broken.append(problems[-1])
            continue
        if not (st.intact and st.valid):
            problems.append(coded("timestamp.mismatch", QT_TRANSLATE_NOOP(
                "Errors", "{field}: the timestamp does not match the content of the file."), field=es.field_name))
            broken.append(problems[-1])
            continue
        if not st.trusted:
            problems.append(coded("timestamp.untrusted", QT_TRANSLATE_NOOP(
                "Errors", "{field}: the certificate of the timestamp service does not lead to a trusted root "
                          "certificate."), field=es.field_name))
            continue
        before = [s for s in sigs if s.sig_object_type != "/DocTimeStamp" and s.signed_revision < es.signed_revision]
        device = before[-1].self_reported_timestamp if before else None
        return TimeProof(st.timestamp, _tsa_name(st), device, tuple(problems), tuple(broken))
    signatures = [s for s in sigs if s.sig_object_type != "/DocTimeStamp"]
    device = signatures[-1].self_reported_timestamp if signatures else None
    return TimeProof(None, "", device, tuple(problems), tuple(broken))


def is_doc_timestamp(embedded_signature: Any) -> bool:
    return getattr(embedded_signature, "sig_object_type", None) == "/DocTimeStamp"
