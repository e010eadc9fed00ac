"""PAdES signatures with pyHanko (pdf-records.md §4).

1. `certify`: ONE incremental update that adds every signature field at the boxes the renderer recorded, embeds the
   journal (and record) JSON as associated files (application/json, /AFRelationship /Data), and makes the first
   officer's certification signature with DocMDP P=2 (FILL_FORMS), so later signatures stay allowed.
2. `countersign`: the next officers and the team lead sign into their pre-made fields, each in a later increment.

Visible appearances are tiny PDFs drawn with ReportLab (StaticStampStyle): handwritten PNG, role, name, certificate
serial and "签名时间（设备时钟）": a PAdES B-B signing time is the device clock and proves nothing by itself.
"""

from __future__ import annotations

import binascii
import datetime as dt
import io
import logging
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from pyhanko.pdf_utils import embed, generic, layout
from pyhanko.pdf_utils.content import PdfContent
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.stamp import StaticStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash
from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from inspector_app.fonts import RL_BOLD, RL_REGULAR
from inspector_app.domain.agency_time import zone_label
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError
from inspector_app.records.model import CN_TZ
from inspector_app.records.pki import SIGNER_EXTD_KEY_USAGE, SIGNER_KEY_USAGE, CertKey, subject_cn
from inspector_app.records.render import Attachment, RenderedPdf, SigField

DEVICE_CLOCK_LABEL = "签名时间（设备时钟）"


class SigningError(DomainError):
    """Signing failed; a coded error (the UI shows it translated)."""


def quiet_pyhanko() -> None:
    """pyHanko logs tracebacks at WARNING/ERROR for expected outcomes (failed diffs, unknown roots)."""
    for name in ("pyhanko", "pyhanko_certvalidator", "pyhanko.sign", "pyhanko.pdf_utils"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


quiet_pyhanko()


def key_usage_constraints() -> KeyUsageConstraints:
    """The one key-usage policy, used by verification; signing declares the same sets (pki.py)."""
    return KeyUsageConstraints(key_usage=set(SIGNER_KEY_USAGE), extd_key_usage=set(SIGNER_EXTD_KEY_USAGE),
                               explicit_extd_key_usage_required=False)


def to_pyhanko_signer(ck: CertKey) -> signers.SimpleSigner:
    """A pyHanko signer for the key; refuses a certificate the verifier would reject for its key usage."""
    der = serialization.Encoding.DER
    cert = asn1_x509.Certificate.load(ck.cert.public_bytes(der))
    try:
        key_usage_constraints().validate(cert)
    except Exception as exc:  # pyhanko_certvalidator InvalidCertificateError
        raise SigningError("signing.key_usage", QT_TRANSLATE_NOOP(
            "Errors", "The key usage of the certificate {certificate} does not allow signing documents "
            "(non-repudiation / content commitment is needed): {detail}"),
            certificate=subject_cn(ck.cert), detail=str(exc)) from exc
    key = asn1_keys.PrivateKeyInfo.load(ck.key.private_bytes(der, serialization.PrivateFormat.PKCS8,
                                                              serialization.NoEncryption()))
    chain = [asn1_x509.Certificate.load(c.public_bytes(der)) for c in ck.chain]
    return _LoadedKeySigner(ck.key, signing_cert=cert, signing_key=key,
                            cert_registry=SimpleCertificateStore.from_certs([cert, *chain]))


class _LoadedKeySigner(signers.SimpleSigner):
    """SimpleSigner that signs with the key object it was given.

    pyHanko's ``sign_raw`` re-parses the DER private key on every call (twice per signature: a dry run sizes the
    placeholder), and cryptography re-validates an RSA key on every parse: 40 ms each here, about a quarter of
    a countersignature (the demo: 17.4 → 14.1 s CPU). The key was parsed and checked once when the PKCS#12 was
    opened; RSA PKCS#1 v1.5 (what pki.py issues) signs with that object, anything else goes the library's way."""

    def __init__(self, key: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._key = key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        if isinstance(self._key, RSAPrivateKey):
            try:
                mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
            except ValueError:  # an algorithm asn1crypto cannot name: let the library decide
                mechanism = None
            if mechanism == "rsassa_pkcs1v15":
                return self._key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))
        return bytes(super().sign_raw(data, digest_algorithm))


def asn1_cert(c: x509.Certificate | bytes | str | Path) -> asn1_x509.Certificate:
    """A certificate (object, PEM/DER bytes or file) as asn1crypto, which pyHanko's validators take."""
    if isinstance(c, (str, Path)):
        c = Path(c).read_bytes()
    if isinstance(c, bytes):
        c = x509.load_pem_x509_certificate(c) if b"-----BEGIN" in c else x509.load_der_x509_certificate(c)
    return asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))


def crl_der(c: x509.CertificateRevocationList | bytes | str | Path) -> bytes:
    """A CRL (object, PEM/DER bytes or file) as DER."""
    if isinstance(c, (str, Path)):
        c = Path(c).read_bytes()
    if isinstance(c, bytes):
        return x509.load_pem_x509_crl(c).public_bytes(serialization.Encoding.DER) if b"-----BEGIN" in c else c
    return c.public_bytes(serialization.Encoding.DER)


def revocation_context(trust_roots: Sequence[Any], crls: Sequence[Any]) -> ValidationContext | None:
    """The offline context for embedding revocation data at signing (PAdES B-LT style DSS, pdf-records.md §7): the
    agency CRLs the workspace holds, never the network. None when there is no CRL (nothing to embed); verification
    then reports the revocation status as not checked."""
    if not crls or not trust_roots:
        return None
    return ValidationContext(trust_roots=[asn1_cert(c) for c in trust_roots], crls=[crl_der(c) for c in crls],
                             allow_fetching=False, revocation_mode="hard-fail")


# ------------------------------------------------------------------------------------------------ appearance


def appearance_pdf(width: float, height: float, *, role: str, name: str, serial: str, signing_time: dt.datetime,
                   handwriting: bytes | None) -> bytes:
    """A one-page PDF of exactly width x height points: the signature's visible appearance."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(width, height), initialFontName=RL_REGULAR, pageCompression=1)
    c.setStrokeColor(colors.HexColor("#b0121b"))
    c.setLineWidth(0.8)
    c.setFillColor(colors.white)
    c.rect(0.5, 0.5, width - 1, height - 1, fill=1)
    text_x = 3
    if handwriting:
        img = ImageReader(io.BytesIO(handwriting))
        iw, ih = img.getSize()
        box_w, box_h = width * 0.42, height - 6
        s = min(box_w / iw, box_h / ih)
        c.drawImage(img, 3, (height - ih * s) / 2, iw * s, ih * s, mask="auto")
        text_x = 6 + box_w
    local = signing_time.astimezone(CN_TZ)
    lines = [(RL_BOLD, 7, role), (RL_BOLD, 9.5, name), (RL_REGULAR, 5.6, f"{DEVICE_CLOCK_LABEL}："),
             (RL_REGULAR, 5.6, local.strftime("%Y-%m-%d %H:%M:%S") + f"（{zone_label(signing_time)}）"),
             (RL_REGULAR, 5.2, f"证书序列号：{serial[:16]}…" if len(serial) > 16 else f"证书序列号：{serial}")]
    avail = width - text_x - 3
    c.setFillColor(colors.HexColor("#1a1a1a"))
    y = height - 4
    for font, size, text in lines:
        while size > 4 and stringWidth(text, font, size) > avail:  # shrink to fit, never clip
            size -= 0.25
        y -= size + 2.2
        c.setFont(font, size)
        c.drawString(text_x, y, text)
    c.showPage()
    c.save()
    return buf.getvalue()


class _ImportedPdfBytes(PdfContent):
    """Like pyHanko's ImportedPdfPage, but from bytes instead of a file name."""

    def __init__(self, data: bytes):
        super().__init__()
        self.data = data

    def render(self) -> bytes:
        writer = self._ensure_writer
        xobj = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self.data)), page_ix=0)
        name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
        self.resources.xobject[name.decode("ascii")] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = layout.BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return name + b" Do"


def _stamp(width: float, height: float, **kw) -> StaticStampStyle:
    return StaticStampStyle(background=_ImportedPdfBytes(appearance_pdf(width, height, **kw)), border_width=0,
                            background_layout=layout.SimpleBoxLayoutRule(
                                x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
                                margins=layout.Margins.uniform(0)))


# ------------------------------------------------------------------------------------------------ signing


class _ClockedPdfSigner(signers.PdfSigner):
    """PdfSigner whose CMS signing time (and hence the appearance) is the given device-clock time."""

    def __init__(self, *args, signing_time: dt.datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self._signing_time = signing_time

    def init_signing_session(self, pdf_out, existing_fields_only=False):
        session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
        session.system_time = self._signing_time
        return session


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _field_rect(writer: IncrementalPdfFileWriter, field_name: str) -> tuple[float, float]:
    for name, _value, ref in fields.enumerate_sig_fields(writer.prev, filled_status=None):
        if name == field_name:
            obj = ref.get_object()
            widget = obj if "/Rect" in obj else obj["/Kids"][0].get_object()
            x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
            return abs(x2 - x1), abs(y2 - y1)
    raise SigningError("signing.no_field", QT_TRANSLATE_NOOP(
        "Errors", "The file has no signature field {field}."), field=field_name)


def _sign(writer: IncrementalPdfFileWriter, ck: CertKey, field_name: str, size: tuple[float, float], *,
          role: str, handwriting: bytes | None, signing_time: dt.datetime | None, certify: bool,
          reason: str, location: str, existing_only: bool, revocation: ValidationContext | None = None) -> bytes:
    when = signing_time or _now()
    name = subject_cn(ck.cert)
    # With a revocation context, pyHanko checks the signer's chain against the cached CRL and writes certificates
    # and CRL into the DSS in a follow-up update (coverage EXTENDED_WITH_LTA_UPDATES, an allowed change), so a later
    # verifier needs no network. A revoked or untrusted certificate then fails here, before anything is stored.
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason, location=location or None, name=name, certify=certify,
        docmdp_permissions=fields.MDPPerm.FILL_FORMS, signer_key_usage=set(SIGNER_KEY_USAGE),
        embed_validation_info=revocation is not None, validation_context=revocation)
    style = _stamp(*size, role=role, name=name, serial=format(ck.cert.serial_number, "X"), signing_time=when,
                   handwriting=handwriting)
    signer = _ClockedPdfSigner(meta, to_pyhanko_signer(ck), stamp_style=style, signing_time=when)
    out = io.BytesIO()
    try:
        signer.sign_pdf(writer, existing_fields_only=existing_only, output=out)
    except Exception as exc:  # pyHanko raises SigningError, PdfWriteError, ValueError ...
        raise SigningError("signing.failed", QT_TRANSLATE_NOOP(
            "Errors", "Signing failed ({field}): {detail}"), field=field_name, detail=str(exc)) from exc
    return out.getvalue()


def _unopenable(exc: Exception) -> SigningError:
    return SigningError("signing.cannot_open", QT_TRANSLATE_NOOP(
        "Errors", "The file to be signed cannot be opened: {detail}"), detail=str(exc))


def add_fields_and_attachments(writer: IncrementalPdfFileWriter, sig_fields: Sequence[SigField],
                               attachments: Sequence[Attachment], when: dt.datetime) -> None:
    for f in sig_fields:
        fields.append_signature_field(writer, fields.SigFieldSpec(
            f.field_name, on_page=f.page - 1, box=tuple(f.box), readable_field_name=f"{f.role} {f.signer_name}"))
    for a in attachments:
        data = embed.EmbeddedFileObject.from_file_data(
            writer, a.data, mime_type=a.mime,
            params=embed.EmbeddedFileParams(embed_size=True, embed_checksum=True, creation_date=when,
                                            modification_date=when))
        embed.embed_file(writer, embed.FileSpec(
            file_spec_string=a.name, file_name=a.name, embedded_data=data, description=a.description,
            af_relationship=generic.NameObject("/Data")))


def certify(pdf: bytes, sig_fields: Sequence[SigField], attachments: Sequence[Attachment], ck: CertKey,
            field_name: str, *, handwriting: bytes | None = None, signing_time: dt.datetime | None = None,
            location: str = "", reason: str = "现场检查笔录：执法人员签名",
            revocation: ValidationContext | None = None) -> bytes:
    """First signature: all fields + attachments + certification (DocMDP P=2) in one incremental update."""
    spec = {f.field_name: f for f in sig_fields}
    if field_name not in spec:
        raise SigningError("signing.no_position", QT_TRANSLATE_NOOP(
            "Errors", "There is no signature position named {field}."), field=field_name)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=True)
    except Exception as exc:
        raise _unopenable(exc) from exc
    if writer.prev.embedded_signatures:
        raise SigningError("signing.already_signed", QT_TRANSLATE_NOOP(
            "Errors", "The file is signed already; later signatures use countersign."))
    when = signing_time or _now()
    add_fields_and_attachments(writer, sig_fields, attachments, when)
    f = spec[field_name]
    size = (f.box[2] - f.box[0], f.box[3] - f.box[1])
    return _sign(writer, ck, field_name, size, role=f.role, handwriting=handwriting, signing_time=when,
                 certify=True, reason=reason, location=location, existing_only=True, revocation=revocation)


def certify_rendered(rendered: RenderedPdf, ck: CertKey, signer: str, **kw) -> bytes:
    """`certify` with the fields and attachments of a RenderedPdf; `signer` is the officer id of the field."""
    f = rendered.field_for(signer)
    return certify(rendered.pdf, rendered.fields, rendered.attachments, ck, f.field_name, **kw)


def countersign(pdf: bytes, ck: CertKey, field_name: str, *, role: str, handwriting: bytes | None = None,
                signing_time: dt.datetime | None = None, location: str = "",
                reason: str = "现场检查笔录：签名", revocation: ValidationContext | None = None) -> bytes:
    """A later signature (approval, not certification) into the pre-made field `field_name`."""
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=True)
    except Exception as exc:
        raise _unopenable(exc) from exc
    size = _field_rect(writer, field_name)
    return _sign(writer, ck, field_name, size, role=role, handwriting=handwriting, signing_time=signing_time,
                 certify=False, reason=reason, location=location, existing_only=True, revocation=revocation)
