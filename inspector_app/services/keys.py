"""Officers' signing certificates (password-protected PKCS#12 in the workspace) and the organisation's trust
roots and CRLs used for offline verification.

    keys/officers/<officer_id>.p12     one per officer; the password is never stored; sealed with the workspace
                                       key (storage/vault.py) when the workspace is encrypted
    keys/trust/*.pem, keys/trust/*.crl the organisation CA(s) and their latest CRLs (public: kept plain, so any
                                       verifier, also without the workspace key, reads them)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.storage.atomic import write_bytes
from inspector_app.storage.vault import FileVault, SealedFileError

if TYPE_CHECKING:
    from cryptography import x509
    from pyhanko_certvalidator import ValidationContext

    from inspector_app.records import pki


class KeyService:
    def __init__(self, keys_dir: Path, vault: FileVault | None = None):
        self.root = keys_dir
        self._vault = vault or FileVault(None)

    @property
    def officers_dir(self) -> Path:
        return self.root / "officers"

    @property
    def trust_dir(self) -> Path:
        return self.root / "trust"

    def p12_path(self, officer_id: str) -> Path:
        return self.officers_dir / f"{officer_id}.p12"

    def has_key(self, officer_id: str) -> bool:
        return self.p12_path(officer_id).exists()

    def load(self, officer_id: str, password: str) -> pki.CertKey:
        from inspector_app.records import pki  # cryptography: loaded when keys are used, not at start-up

        path, data = self._p12(officer_id)
        try:
            return pki.load_pkcs12_bytes(data, password, path.name)
        except pki.PkiError as exc:
            raise ValidationError(exc.code, exc.template, **exc.params) from None

    def sealed(self, officer_id: str, password: str) -> pki.SealedKey:
        """The officer's PKCS#12 bytes with the password, to be opened in the signing process (`open_key`)."""
        from inspector_app.records import pki

        path, data = self._p12(officer_id)
        return pki.SealedKey(data, password, path.name)

    def _p12(self, officer_id: str) -> tuple[Path, bytes]:
        """The officer's PKCS#12 file and its bytes (decrypted from the vault), refused in the user's words."""
        path = self.p12_path(officer_id)
        if not path.exists():
            raise ValidationError("keys.no_certificate", QT_TRANSLATE_NOOP(
                "Errors", "The officer has no signing certificate (PKCS#12) yet; "
                          "import one under “Signing certificates” first."))
        try:
            return path, self._vault.read_bytes(path)
        except OSError as exc:
            raise ValidationError("keys.unreadable", QT_TRANSLATE_NOOP(
                "Errors", "Cannot read the certificate file {file}: {problem}"), file=path.name,
                problem=str(exc.strerror or exc)) from None
        except SealedFileError as exc:
            raise ValidationError(exc.code, exc.template, **exc.params) from None

    def import_pkcs12(self, officer_id: str, source: Path, password: str) -> x509.Certificate:
        """Check the file opens with the password, then copy it in (temp, fsync, rename)."""
        from inspector_app.records import pki  # cryptography: loaded when keys are used, not at start-up

        try:
            ck = pki.load_pkcs12(source, password)
        except pki.PkiError as exc:
            raise ValidationError(exc.code, exc.template, **exc.params) from None
        except OSError as exc:
            raise ValidationError("keys.unreadable_source", QT_TRANSLATE_NOOP(
                "Errors", "Cannot read the certificate file: {problem}"), problem=str(exc.strerror or exc)) from None
        self._vault.write_bytes(self.p12_path(officer_id), source.read_bytes(), mode=0o600)
        return ck.cert

    def save(self, officer_id: str, ck: pki.CertKey, password: str) -> Path:
        from inspector_app.records import pki  # cryptography: loaded when keys are used, not at start-up

        # private keys: readable by the user only, sealed when the workspace is encrypted
        return self._vault.write_bytes(self.p12_path(officer_id), pki.pkcs12_bytes(ck, password), mode=0o600)

    def add_trust_root(self, cert: x509.Certificate, name: str = "ca") -> Path:
        from inspector_app.records import pki  # cryptography: loaded when keys are used, not at start-up

        path = self.trust_dir / f"{name}.pem"
        self._install(pki.cert_pem(cert), path)
        return path

    def add_crl(self, der: bytes, name: str = "ca") -> Path:
        path = self.trust_dir / f"{name}.crl"
        self._install(der, path)
        return path

    def trust_roots(self) -> list[Path]:
        return sorted(self.trust_dir.glob("*.pem")) if self.trust_dir.is_dir() else []

    def crls(self) -> list[Path]:
        return sorted(self.trust_dir.glob("*.crl")) if self.trust_dir.is_dir() else []

    def trust_files(self) -> tuple[list[Path], list[Path]]:
        """The roots and CRLs `revocation_context` is made of (paths: they cross to the signing process)."""
        return self.trust_roots(), self.crls()

    def revocation_context(self) -> ValidationContext | None:
        """What signing embeds so verification needs no network: the workspace's roots and cached CRLs."""
        from inspector_app.records import signing  # pyHanko: loaded when something is signed

        return signing.revocation_context(self.trust_roots(), self.crls())

    @staticmethod
    def _install(data: bytes, target: Path) -> None:
        write_bytes(target, data, mode=0o600)  # private keys: readable by the user only


def open_key(ck: pki.CertKey | pki.SealedKey) -> pki.CertKey:
    """An opened key as is; a SealedKey opened (a wrong password: the same error as `KeyService.load`)."""
    from inspector_app.records import pki

    if not isinstance(ck, pki.SealedKey):
        return ck
    try:
        return ck.open()
    except pki.PkiError as exc:
        raise ValidationError(exc.code, exc.template, **exc.params) from None
