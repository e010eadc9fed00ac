"""Reading an untrusted case-file ZIP safely, with bounded memory.

Before anything is inflated, the central directory is checked: entry names (`..`, absolute paths and drive
letters, backslashes), symlink entries, duplicate names (also names equal after Unicode NFC and case folding,
which collide on Windows and macOS), and the declared sizes — the total uncompressed size and each entry's
compression ratio are capped (`ScanLimits`), so a compression bomb is refused without being expanded. zipfile
never yields more than the declared size of an entry (and fails its CRC otherwise), so the declared sizes bound
the work. Entries are then hashed by streaming 1 MiB chunks; only the small JSON files and the documents
verification needs are ever held in memory, each up to `ScanLimits.max_kept`."""

from __future__ import annotations

import hashlib
import re
import stat
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, CodedProblem, coded
from inspector_app.services.case_file.common import CHUNK
from inspector_app.services.case_file.report import Problem


@dataclass(frozen=True, slots=True)
class ScanLimits:
    #: all entries together, uncompressed (a case file with long videos may be large; a bomb is larger)
    max_total: int = 16 << 30
    #: uncompressed / compressed size of one entry; JSON and text deflate 5–20x, media are stored (1x)
    max_ratio: float = 200.0
    #: entries at most this large are exempt from the ratio rule (a few KB of repetitive JSON is harmless)
    ratio_floor: int = 1 << 20
    #: largest JSON or catalogue held in memory for checking (manifest, record.json, journal.json, 卷内目录.pdf)
    max_kept: int = 32 << 20
    #: largest signed PDF read for verification (one at a time; pyHanko needs about twice its size)
    max_document: int = 64 << 20
    #: most entries in one ZIP
    max_entries: int = 100_000


@dataclass(slots=True)
class ScanResult:
    problems: list[Problem] = field(default_factory=list)
    #: path -> (sha256, size) of every entry read, or None when it could not be read
    hashes: dict[str, tuple[str, int] | None] = field(default_factory=dict)
    kept: dict[str, bytes] = field(default_factory=dict)
    skipped: set[str] = field(default_factory=set)  # entries never read: unsafe names, symlinks, duplicates
    refused: bool = False  # the archive was not expanded at all (bomb or size limit)
    entries: int = 0
    declared_total: int = 0


_DRIVE = re.compile(r"^[A-Za-z]:")


def _name_problem(name: str) -> tuple[str, CodedProblem] | None:
    if "\\" in name:
        return "path_backslash", coded("case_file.name_backslash", QT_TRANSLATE_NOOP(
            "Errors", "The entry name contains a backslash (a path separator on Windows, which can lead outside the "
                      "folder)."))
    if name.startswith("/") or _DRIVE.match(name):
        return "path_absolute", coded("case_file.name_absolute", QT_TRANSLATE_NOOP(
            "Errors", "The entry name is an absolute path."))
    parts = name.split("/")
    if ".." in parts:
        return "path_traversal", coded("case_file.name_traversal", QT_TRANSLATE_NOOP(
            "Errors", "The entry name contains “..”: expanded, it would lead outside the case-file folder."))
    if any(p in ("", ".") for p in parts[:-1]) or any(ord(c) < 32 for c in name):
        return "path_traversal", coded("case_file.name_unsafe", QT_TRANSLATE_NOOP(
            "Errors", "The entry name contains an empty path segment, “.” or control characters."))
    return None


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def _collide(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def scan(zf: zipfile.ZipFile, limits: ScanLimits, keep: Callable[[str], bool]) -> ScanResult:
    """Check the structure, refuse a bomb, then hash every safe entry; keep the bytes of entries `keep` selects."""
    out = ScanResult()
    infos = [i for i in zf.infolist() if not i.is_dir()]
    out.entries = len(infos)
    out.declared_total = sum(i.file_size for i in infos)
    if len(infos) > limits.max_entries:
        out.problems.append(Problem("too_large", coded("case_file.too_many_entries", QT_TRANSLATE_NOOP(
            "Errors", "The case file has {count} entries, more than the limit of {limit}."),
            count=len(infos), limit=limits.max_entries)))
        out.refused = True
    if out.declared_total > limits.max_total:
        out.problems.append(Problem("too_large", coded("case_file.too_large_total", QT_TRANSLATE_NOOP(
            "Errors", "Expanded it is {size} bytes, more than the limit of {limit} bytes: not expanded."),
            size=out.declared_total, limit=limits.max_total)))
        out.refused = True
    for i in infos:
        if i.file_size > limits.ratio_floor and i.file_size > limits.max_ratio * max(1, i.compress_size):
            ratio = i.file_size / max(1, i.compress_size)
            out.problems.append(Problem("zip_bomb", coded("case_file.zip_bomb", QT_TRANSLATE_NOOP(
                "Errors", "The compression ratio {ratio}:1 ({packed} bytes expand to {size} bytes) is above the limit "
                          "of {limit}:1: a suspected compression bomb, not expanded."),
                ratio=f"{ratio:.0f}", packed=i.compress_size, size=i.file_size, limit=f"{limits.max_ratio:.0f}"),
                i.filename))
            out.refused = True
    if out.refused:
        return out
    unsafe: set[str] = set()
    for i in infos:
        if _is_symlink(i):
            out.problems.append(Problem("entry_symlink", coded("case_file.entry_symlink", QT_TRANSLATE_NOOP(
                "Errors", "The entry is a symbolic link (expanded, it can point to a file outside the case file).")),
                i.filename))
            unsafe.add(i.filename)
        elif (bad := _name_problem(i.filename)) is not None:
            out.problems.append(Problem(bad[0], bad[1], i.filename))
            unsafe.add(i.filename)
    counts = Counter(_collide(i.filename) for i in infos)
    for name in sorted({i.filename for i in infos if counts[_collide(i.filename)] > 1}):
        out.problems.append(Problem("entry_duplicate", coded("case_file.entry_duplicate", QT_TRANSLATE_NOOP(
            "Errors", "The case file has entries of the same name (or differing only in case or Unicode form): "
                      "which one was sealed cannot be told.")), name))
        unsafe.add(name)
    out.skipped = unsafe
    for i in infos:
        if i.filename in unsafe:
            continue
        wanted = keep(i.filename) and i.file_size <= limits.max_kept
        try:
            sha, size, data = _hash_member(zf, i, wanted)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
            out.hashes[i.filename] = None
            out.problems.append(Problem("file_changed", coded("case_file.entry_unreadable", QT_TRANSLATE_NOOP(
                "Errors", "The file cannot be read (the ZIP check failed: {error})."), error=str(exc)), i.filename))
            continue
        out.hashes[i.filename] = (sha, size)
        if data is not None:
            out.kept[i.filename] = data
        elif keep(i.filename):
            out.problems.append(Problem("too_large", coded("case_file.entry_too_large", QT_TRANSLATE_NOOP(
                "Errors", "The file is larger than {limit} MB and was not read for verification."),
                limit=limits.max_kept >> 20), i.filename))
    return out


def _hash_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, keep: bool) -> tuple[str, int, bytes | None]:
    digest = hashlib.sha256()
    size = 0
    parts: list[bytes] = []
    with zf.open(info) as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            if keep:
                parts.append(chunk)
    return digest.hexdigest(), size, b"".join(parts) if keep else None
