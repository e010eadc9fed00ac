"""Trusted time for signed documents (issue 11 item 5): the server's RFC 3161 time-stamping authority.

A laptop's clock can be wrong, so a signature's own time proves nothing. When a signed document reaches the
server, the server adds an RFC 3161 *document* timestamp (timestamping.py) from:
- the agency's TSA, when `INSPECTOR_SERVER_TSA_URL` names one (pyHanko's HTTPTimeStamper), or
- its own TSA: a key and certificate issued from the agency CA by `inspector server tsa init --ca-cert CA.pem
  --ca-key CA-KEY.pem` (kept in STORAGE/tsa/, owner-only). The laptops already trust the agency CA, so they can
  check the token offline. The same TSA answers RFC 3161 requests at POST /tsa (application/timestamp-query) for
  other tools of the agency.

Tokens are built and signed by pyHanko's in-process time stamper (`DummyTimeStamper`: despite its name it is
pyHanko's complete local RFC 3161 implementation — TSTInfo with the message imprint, serial, nonce and genTime,
CMS-signed with the TSA key and certificate; "dummy" only means it does not talk to a server).
"""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from inspector_app import fileio

TSA_DIR = "tsa"
KEY_FILE, CERT_FILE, CA_FILE, POLICY_FILE = "tsa-key.pem", "tsa-cert.pem", "ca-cert.pem", "policy.txt"


class TsaError(RuntimeError):
    pass


def _load_ca(ca_cert_pem: bytes, ca_key_pem: bytes, password: bytes | None) -> tuple[x509.Certificate, Any]:
    try:
        cert = x509.load_pem_x509_certificate(ca_cert_pem)
    except ValueError as exc:
        raise TsaError(f"CA 证书不是有效的 PEM：{exc}") from exc
    try:
        key = serialization.load_pem_private_key(ca_key_pem, password)
    except (ValueError, TypeError) as exc:
        raise TsaError(f"无法读取 CA 私钥（密码错误或格式不对）：{exc}") from exc
    if cert.public_key().public_numbers() != key.public_key().public_numbers():
        raise TsaError("CA 私钥与 CA 证书不匹配")
    try:
        bc = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        bc = None
    if bc is None or not bc.ca:
        raise TsaError("给出的证书不是 CA 证书（BasicConstraints CA=TRUE 缺失）")
    return cert, key


def init_tsa(storage: Path, ca_cert_pem: bytes, ca_key_pem: bytes, *, password: bytes | None = None,
             name: str | None = None, years: int = 5, now: dt.datetime | None = None) -> Path:
    """Issue the server's TSA certificate from the agency CA (critical EKU timeStamping, as RFC 3161 §2.3
    requires) and store key, certificate and CA certificate owner-only under STORAGE/tsa/."""
    ca_cert, ca_key = _load_ca(ca_cert_pem, ca_key_pem, password)
    now = now or dt.datetime.now(dt.timezone.utc)
    agency = next((a.value for a in ca_cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)), None)
    cn = name or f"{agency or '医疗保障局'} 时间戳服务"
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = [x509.NameAttribute(NameOID.COUNTRY_NAME, "CN")]
    if agency:
        subject.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, str(agency)))
    subject.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    not_after = min(now + dt.timedelta(days=365 * years), ca_cert.not_valid_after_utc)
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name(subject)).issuer_name(ca_cert.subject)
            .public_key(key.public_key()).serial_number(int.from_bytes(secrets.token_bytes(16), "big") >> 1)
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(not_after)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    folder = fileio.ensure_private_dir(Path(storage) / TSA_DIR)
    fileio.atomic_write(folder / KEY_FILE, key.private_bytes(serialization.Encoding.PEM,
                                                             serialization.PrivateFormat.PKCS8,
                                                             serialization.NoEncryption()))
    fileio.atomic_write(folder / CERT_FILE, cert.public_bytes(serialization.Encoding.PEM))
    fileio.atomic_write(folder / CA_FILE, ca_cert.public_bytes(serialization.Encoding.PEM))
    # The TSA policy (TSTInfo.policy) names the rules the tokens were issued under. A UUID OID (ITU-T X.667,
    # arc 2.25) needs no registration; an agency with its own OID arc replaces the file's content.
    fileio.write_text(folder / POLICY_FILE, f"2.25.{uuid.uuid4().int}\n")
    return folder


def local_tsa_present(storage: Path) -> bool:
    return (Path(storage) / TSA_DIR / KEY_FILE).is_file()


def make_timestamper(storage: Path, url: str | None = None) -> Any | None:
    """The TimeStamper the server uses: the agency's TSA by URL, else its own; None when neither is set up."""
    if url:
        from pyhanko.sign.timestamps import HTTPTimeStamper

        return HTTPTimeStamper(url, timeout=15)
    if not local_tsa_present(storage):
        return None
    from asn1crypto import tsp
    from pyhanko.keys import load_cert_from_pemder, load_private_key_from_pemder
    from pyhanko.sign.timestamps import DummyTimeStamper
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    folder = Path(storage) / TSA_DIR
    cert = load_cert_from_pemder(str(folder / CERT_FILE))
    ca = load_cert_from_pemder(str(folder / CA_FILE))
    key = load_private_key_from_pemder(str(folder / KEY_FILE), passphrase=None)
    policy = (folder / POLICY_FILE).read_text(encoding="utf-8").strip()

    class AgencyTimeStamper(DummyTimeStamper):  # type: ignore[misc]
        def _build_tst_info(self, message_imprint: Any, when: dt.datetime, req: Any) -> Any:
            info = super()._build_tst_info(message_imprint, when.astimezone(dt.timezone.utc), req)
            info["policy"] = tsp.ObjectIdentifier(policy)   # ours, not pyHanko's placeholder
            return info

    return AgencyTimeStamper(tsa_cert=cert, tsa_key=key,
                             certs_to_embed=SimpleCertificateStore.from_certs([cert, ca]))


def respond(timestamper: Any, query: bytes) -> bytes:
    """Answer one RFC 3161 TimeStampReq (DER) with a TimeStampResp (DER)."""
    from asn1crypto import tsp

    try:
        req = tsp.TimeStampReq.load(query)
        _ = req.native  # parse fully now: a malformed request fails here, not inside the signer
    except (ValueError, TypeError) as exc:
        raise TsaError(f"not an RFC 3161 TimeStampReq: {exc}") from exc
    return bytes(timestamper.request_tsa_response(req).dump())
