"""The sealed-file format: AES-256-GCM in independently authenticated chunks, streamed in bounded memory.

    header  = MAGIC (7) | version (1) | chunk size, u32 BE (4) | nonce prefix, 8 random bytes
    chunk i = AES-GCM(key, nonce = prefix | i as u32 BE, plaintext ≤ chunk size, aad = header | i u64 BE | final)

The random prefix makes every file's nonces unique under one key (a file rewritten gets a new prefix); the chunk
index in the nonce and in the associated data detects reordering, the final flag detects truncation at a chunk
boundary, and the header in the associated data pins the chunk size. An empty file is one empty final chunk.
The reader decrypts and checks the last chunk when it opens a file, so a truncated file is refused up front even by
readers that only seek around in it (Pillow).
"""

from __future__ import annotations

import io
import os
import struct
from collections.abc import Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError

MAGIC = b"IAPSEAL"
VERSION = 1
HEADER = len(MAGIC) + 1 + 4 + 8
TAG = 16
CHUNK = 256 * 1024


class SealedFileError(DomainError, ValueError):
    """A sealed file is damaged, truncated, reordered or from another workspace (wrong key). A coded error, and
    still a ValueError for the callers that catch that."""


def is_sealed(head: bytes) -> bool:
    return head[: len(MAGIC)] == MAGIC


def _aad(header: bytes, index: int, final: bool) -> bytes:
    return header + struct.pack(">QB", index, 1 if final else 0)


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


class SealWriter(io.RawIOBase):
    """Write plaintext, get sealed bytes in `out`. close() writes the final chunk; the caller fsyncs `out`."""

    def __init__(self, out: BinaryIO, key: bytes, chunk: int = CHUNK):
        self._out, self._aes, self._chunk = out, AESGCM(key), chunk
        self._prefix = os.urandom(8)
        self._header = MAGIC + bytes([VERSION]) + struct.pack(">I", chunk) + self._prefix
        self._buf = bytearray()
        self._index = 0
        out.write(self._header)

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self._buf += data
        # keep at least one byte back: only close() knows which chunk is the final one
        while len(self._buf) > self._chunk:
            self._emit(bytes(self._buf[: self._chunk]), final=False)
            del self._buf[: self._chunk]
        return len(data)

    def _emit(self, plain: bytes, final: bool) -> None:
        self._out.write(self._aes.encrypt(_nonce(self._prefix, self._index), plain,
                                          _aad(self._header, self._index, final)))
        self._index += 1

    def close(self) -> None:
        if not self.closed:
            self._emit(bytes(self._buf), final=True)
            self._buf.clear()
            self._out.flush()
        super().close()


def seal_bytes(data: bytes, key: bytes) -> bytes:
    out = io.BytesIO()
    with SealWriter(out, key) as w:
        w.write(data)
    return out.getvalue()


class SealReader(io.RawIOBase):
    """A seekable, read-only plaintext view of a sealed file; one decrypted chunk in memory at a time."""

    def __init__(self, raw: BinaryIO, key: bytes, name: str = ""):
        self._raw, self._aes, self.name = raw, AESGCM(key), name
        header = raw.read(HEADER)
        if len(header) < HEADER or not is_sealed(header) or header[len(MAGIC)] != VERSION:
            raise SealedFileError("sealed.not_sealed", QT_TRANSLATE_NOOP(
                "Errors", "{file}: not a file encrypted by this program, or its header is damaged."), file=name)
        self._header = header
        (self._chunk,) = struct.unpack(">I", header[len(MAGIC) + 1: len(MAGIC) + 5])
        self._prefix = header[-8:]
        body = _remaining(raw)
        full, rest = divmod(body, self._chunk + TAG)
        if rest == 0 and full == 0 or 0 < rest < TAG or self._chunk == 0:
            raise SealedFileError("sealed.truncated", QT_TRANSLATE_NOOP(
                "Errors", "{file}: the encrypted file is incomplete (truncated)."), file=name)
        self._count = full if rest == 0 else full + 1
        self.size = body - self._count * TAG
        self._pos = 0
        self._cached: tuple[int, bytes] | None = None
        self._plain(self._count - 1)  # authenticate the final chunk now: truncation is refused at open

    def _plain(self, index: int) -> bytes:
        if self._cached is not None and self._cached[0] == index:
            return self._cached[1]
        self._raw.seek(HEADER + index * (self._chunk + TAG))
        sealed = self._raw.read(self._chunk + TAG)
        final = index == self._count - 1
        try:
            plain = self._aes.decrypt(_nonce(self._prefix, index), sealed, _aad(self._header, index, final))
        except InvalidTag:
            raise SealedFileError("sealed.damaged", QT_TRANSLATE_NOOP(
                "Errors", "{file}: the encrypted file is damaged, truncated or tampered with (chunk {chunk} fails "
                "its check), or it belongs to another workspace."), file=self.name, chunk=index + 1) from None
        self._cached = (index, plain)
        return plain

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self.size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._pos >= self.size:
            return 0
        index, offset = divmod(self._pos, self._chunk)
        piece = self._plain(index)[offset: offset + len(buffer)]
        buffer[: len(piece)] = piece
        self._pos += len(piece)
        return len(piece)

    def readall(self) -> bytes:
        parts = []
        while chunk := self.read(self._chunk):
            parts.append(chunk)
        return b"".join(parts)

    def chunks(self) -> Iterator[bytes]:
        self.seek(0)
        while chunk := self.read(self._chunk):
            yield chunk

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
            self._cached = None
        super().close()


def _remaining(raw: BinaryIO) -> int:
    here = raw.tell()
    end = raw.seek(0, io.SEEK_END)
    raw.seek(here)
    return end - here
