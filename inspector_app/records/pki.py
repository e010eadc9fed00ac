"""A demo/test organisation PKI built with `cryptography` (RSA): a root CA, officer certificates, PKCS#12 files
and an (empty) CRL for offline validation. Real deployments import the officers' PKCS#12 files or use tokens; the
key-usage policy here is the single place both signing and verification take their settings from.

Nothing here is meant for production keys: the CA key lives in memory of the process that made it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

from inspector_app import fileio
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError

# ------------------------------------------------------------------------------------------------ key-usage policy
# pyHanko's default (signing and validation) is {"non_repudiation"}; certificates with only digitalSignature then
# validate as UNTRUSTED (pdf-records.md §5). Our CA issues digitalSignature + contentCommitment and EKU
# emailProtection + documentSigning. signing.py and verify.py both read these two constants.

#: Key usages (asn1crypto names); the certificate must carry at least one of them.
SIGNER_KEY_USAGE = frozenset({"non_repudiation"})
#: Acceptable extended key usages when the certificate has an EKU extension (absent EKU is accepted).
SIGNER_EXTD_KEY_USAGE = frozenset({"email_protection", "1.3.6.1.5.5.7.3.36"})

DOCUMENT_SIGNING = ObjectIdentifier("1.3.6.1.5.5.7.3.36")  # id-kp-documentSigning, RFC 9336
DESCRIPTION = ObjectIdentifier("2.5.4.13")  # X.520 description (UTF8String)
CRL_URL = "http://ca.example.invalid/crl/root.crl"  # documentary; validation is offline with cached CRLs

# ------------------------------------------------------------------------------------------------ role policies
# The agency CA asserts an officer's role as a certificate policy (RFC 5280 §4.2.1.4, non-critical). The agency has
# no registered OID arc, so the policies live under ITU-T X.667 UUID OIDs (2.25.<UUID as an integer>): globally
# unique without registration. A deployment with its own arc replaces these two constants; verification reads
# nothing else. Every officer certificate carries OFFICER_POLICY; the team lead's (检查组组长, who approves a
# record) carries TEAM_LEAD_POLICY as well.
OFFICER_POLICY = ObjectIdentifier("2.25.140131426986824393602910192997569161226")
TEAM_LEAD_POLICY = ObjectIdentifier("2.25.39401862947905931039635464652875275165")
#: The X.520 description prefix used for a 执法证号 that is not ASCII (serialNumber is a PrintableString).
CERT_NO_PREFIX = "执法证号："


class PkiError(DomainError):
    """A key or certificate file cannot be used; a coded error (the UI shows it translated)."""


@dataclass(frozen=True)
class CertKey:
    cert: x509.Certificate
    key: rsa.RSAPrivateKey
    chain: tuple[x509.Certificate, ...] = ()  # issuing CA certificate(s), not including `cert`

    @property
    def subject_cn(self) -> str:
        attrs = self.cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(attrs[0].value) if attrs else self.cert.subject.rfc4514_string()

    def __reduce__(self):  # type: ignore[no-untyped-def]
        """Picklable as DER, for the signing child process (records/worker_process.py) only: the key crosses an OS
        pipe between the app's own processes in memory and is never written anywhere."""
        der = serialization.Encoding.DER
        key = self.key.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        return _cert_key_from_der, (key, self.cert.public_bytes(der), tuple(c.public_bytes(der) for c in self.chain))


@dataclass(frozen=True)
class SealedKey:
    """A PKCS#12 file's bytes and its password: what the signing process is sent instead of an opened key. Opening
    a PKCS#12 file holds the GIL for ~0.2 s (key derivation in cryptography's Rust code), which stalled the desktop
    app's GUI thread when done on its writer thread; in the signing process it stalls nothing."""

    data: bytes
    password: str = field(repr=False)
    name: str

    def open(self) -> CertKey:
        return load_pkcs12_bytes(self.data, self.password, self.name)


def _cert_key_from_der(key: bytes, cert: bytes, chain: tuple[bytes, ...]) -> CertKey:
    loaded = serialization.load_der_private_key(key, None)
    assert isinstance(loaded, rsa.RSAPrivateKey)
    return CertKey(x509.load_der_x509_certificate(cert), loaded,
                   tuple(x509.load_der_x509_certificate(c) for c in chain))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _name(cn: str, org: str, unit: str = "") -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"), x509.NameAttribute(NameOID.ORGANIZATION_NAME, org)]
    if unit:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(attrs)


def create_ca(org: str = "青川市医疗保障局", cn: str | None = None, *, days: int = 3650,
              key_size: int = 3072, not_before: dt.datetime | None = None) -> CertKey:
    """A self-signed root: BasicConstraints CA (path length 0), KU keyCertSign + cRLSign."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=key_size)
    start = not_before or _now() - dt.timedelta(days=1)
    name = _name(cn or f"{org} 执法签名根证书（测试）", org)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(start + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(ski, critical=False)
        .sign(key, hashes.SHA256())
    )
    return CertKey(cert, key)


def issue_officer(ca: CertKey, name: str, certificate_no: str, *, unit: str = "基金监督科",
                  email: str | None = None, not_before: dt.datetime | None = None,
                  not_after: dt.datetime | None = None, key_size: int = 2048, team_lead: bool = False) -> CertKey:
    """An officer's signing certificate: KU digitalSignature + contentCommitment, EKU emailProtection +
    documentSigning, Chinese subject (CN = name; 执法证号 as serialNumber, or description if not ASCII), SAN e-mail,
    AKI/SKI, CRL DP, and the role policies (OFFICER_POLICY; TEAM_LEAD_POLICY when `team_lead`)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=key_size)
    start = not_before or _now() - dt.timedelta(days=1)
    end = not_after or start + dt.timedelta(days=3 * 365)
    org = ca.cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value
    # serialNumber is PrintableString
    number = (x509.NameAttribute(NameOID.SERIAL_NUMBER, certificate_no) if certificate_no.isascii()
              else x509.NameAttribute(DESCRIPTION, f"{CERT_NO_PREFIX}{certificate_no}"))
    subject = x509.Name([*_name(name, str(org), unit), number])
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject).issuer_name(ca.cert.subject).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION, DOCUMENT_SIGNING]),
                       critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False)
        .add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
            full_name=[x509.UniformResourceIdentifier(CRL_URL)], relative_name=None, reasons=None,
            crl_issuer=None)]), critical=False)
        .add_extension(x509.CertificatePolicies([x509.PolicyInformation(oid, None) for oid in
                                                 ([OFFICER_POLICY, TEAM_LEAD_POLICY] if team_lead
                                                  else [OFFICER_POLICY])]), critical=False)
    )
    if email:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False)
    return CertKey(builder.sign(ca.key, hashes.SHA256()), key, (ca.cert,))


def officer_identity(cert: x509.Certificate) -> tuple[str, str, frozenset[str]]:
    """(name, 执法证号, role policy OIDs) as the agency CA states them in `cert` (see issue_officer)."""
    number = ""
    for attr in cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER):
        number = str(attr.value)
    if not number:
        for attr in cert.subject.get_attributes_for_oid(DESCRIPTION):
            if str(attr.value).startswith(CERT_NO_PREFIX):
                number = str(attr.value)[len(CERT_NO_PREFIX):]
    try:
        policies = cert.extensions.get_extension_for_class(x509.CertificatePolicies).value
        oids = frozenset(p.policy_identifier.dotted_string for p in policies)
    except x509.ExtensionNotFound:
        oids = frozenset()
    return subject_cn(cert), number, oids


def issue_from_other_ca(name: str, certificate_no: str, org: str = "某未知机构") -> tuple[CertKey, CertKey]:
    """A certificate issued by a fresh, unrelated CA (for the 'untrusted' case). Returns (officer, foreign CA)."""
    foreign = create_ca(org, key_size=2048)
    return issue_officer(foreign, name, certificate_no), foreign


def issue_shifted(ca: CertKey, name: str, certificate_no: str, *, starts_in: dt.timedelta | None = None,
                  ended_ago: dt.timedelta | None = None) -> CertKey:
    """A certificate whose validity starts in the future (`starts_in`) or has already ended (`ended_ago`)."""
    now = _now()
    if starts_in is not None:
        return issue_officer(ca, name, certificate_no, not_before=now + starts_in,
                             not_after=now + starts_in + dt.timedelta(days=365))
    if ended_ago is not None:
        return issue_officer(ca, name, certificate_no, not_before=now - ended_ago - dt.timedelta(days=365),
                             not_after=now - ended_ago)
    raise ValueError("give starts_in or ended_ago")


def make_crl(ca: CertKey, revoked: tuple[x509.Certificate, ...] = (), *, days: int = 30) -> bytes:
    """A DER CRL signed by `ca` (empty unless `revoked` is given), valid for `days`."""
    now = _now()
    builder = (x509.CertificateRevocationListBuilder().issuer_name(ca.cert.subject)
               .last_update(now - dt.timedelta(minutes=5)).next_update(now + dt.timedelta(days=days))
               .add_extension(x509.CRLNumber(1), critical=False)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()),
                              critical=False))
    for cert in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(cert.serial_number).revocation_date(now).build())
    return builder.sign(ca.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


# ------------------------------------------------------------------------------------------------ files


def pkcs12_bytes(ck: CertKey, password: str) -> bytes:
    """Key + certificate + chain as a password-protected PKCS#12 (PBES2/AES-256, SHA-256 MAC)."""
    if not password:
        raise PkiError("pki.password_required", QT_TRANSLATE_NOOP(
            "Errors", "A PKCS#12 file must have a password."))
    return pkcs12.serialize_key_and_certificates(
        name=ck.subject_cn.encode("utf-8"), key=ck.key, cert=ck.cert, cas=list(ck.chain) or None,
        encryption_algorithm=serialization.BestAvailableEncryption(password.encode("utf-8")))


def save_pkcs12(ck: CertKey, path: Path, password: str) -> Path:
    """Write key + certificate + chain as a password-protected PKCS#12 (PBES2/AES-256, SHA-256 MAC)."""
    data = pkcs12_bytes(ck, password)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return fileio.atomic_write(path, data)   # owner-only, durable (a key file)


def load_pkcs12(path: Path, password: str) -> CertKey:
    """Read a PKCS#12 file. A wrong password or a damaged file raises PkiError with a message for the user."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PkiError("pki.unreadable", QT_TRANSLATE_NOOP(
            "Errors", "Cannot read the certificate file {file}: {problem}"), file=path.name,
            problem=str(exc.strerror or exc)) from exc
    return load_pkcs12_bytes(data, password, path.name)


def load_pkcs12_bytes(data: bytes, password: str, name: str) -> CertKey:
    """`load_pkcs12` on bytes already read (a workspace key file is decrypted by the caller first)."""
    path = Path(name)
    try:
        key, cert, cas = pkcs12.load_key_and_certificates(data, password.encode("utf-8") if password else None)
    except ValueError as exc:
        raise PkiError("pki.wrong_password", QT_TRANSLATE_NOOP(
            "Errors", "The password of the certificate file {file} is wrong, or the file is damaged."),
            file=path.name) from exc
    if key is None or cert is None:
        raise PkiError("pki.incomplete", QT_TRANSLATE_NOOP(
            "Errors", "The certificate file {file} holds no private key or no certificate."), file=path.name)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise PkiError("pki.key_type", QT_TRANSLATE_NOOP(
            "Errors", "The key type of the certificate file {file} is not supported (RSA is needed)."),
            file=path.name)
    return CertKey(cert, key, tuple(cas or ()))


def cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def load_cert(path: Path) -> x509.Certificate:
    data = Path(path).read_bytes()
    try:
        return x509.load_pem_x509_certificate(data) if b"-----BEGIN" in data else x509.load_der_x509_certificate(data)
    except ValueError as exc:
        raise PkiError("pki.unreadable_certificate", QT_TRANSLATE_NOOP(
            "Errors", "Cannot read the certificate {file}."), file=Path(path).name) from exc


def subject_cn(cert: x509.Certificate) -> str:
    attrs = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(attrs[0].value) if attrs else cert.subject.rfc4514_string()
