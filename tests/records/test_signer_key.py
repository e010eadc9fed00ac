"""The signer signs with the key opened from the PKCS#12, not a fresh parse of it per signature."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from pyhanko.sign.signers import pdf_cms

from inspector_app.records import pki, signing


def test_rsa_signature_uses_the_loaded_key_and_verifies(monkeypatch: pytest.MonkeyPatch) -> None:
    ca = pki.create_ca("青川市医疗保障局")
    ck = pki.issue_officer(ca, "陈明哲", "青执2026001")
    signer = signing.to_pyhanko_signer(ck)

    def reparse(*_a: object, **_k: object) -> None:
        raise AssertionError("the private key was parsed again")

    monkeypatch.setattr(pdf_cms.serialization, "load_der_private_key", reparse)
    data = "现场检查笔录".encode()
    signature = signer.sign_raw(data, "sha256")
    ck.cert.public_key().verify(signature, data, PKCS1v15(), hashes.SHA256())  # raises if it does not verify
    assert signature == ck.key.sign(data, PKCS1v15(), hashes.SHA256())  # PKCS#1 v1.5 is deterministic
