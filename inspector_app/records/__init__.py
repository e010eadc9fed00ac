"""Signed PDF records: frozen snapshots → ReportLab PDFs → PAdES signatures (pyHanko) → offline verification.

Qt-free and storage-free: callers hand in frozen snapshots and key material, and get bytes and reports back.
Modules: model (snapshots, content hash), render (PDF layout), pki (demo/test CA and PKCS#12), signing, verify.
"""
