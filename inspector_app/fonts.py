"""The CJK fonts for PDF records: static Noto Sans SC Regular/Bold derived from a declared dependency.

ReportLab embeds only glyf-outline TrueType fonts, and it renders a variable font at its default instance. The
only pip-installable glyf Noto Sans SC is the Google Fonts variable file ``NotoSansSC[wght].ttf`` in
``justmytype-intl-cjk`` (OFL-1.1), whose default instance is Thin (wght 100). So at install time or on first
launch we derive two static fonts from it into a cache directory (never into the repository):

1. instance the whole variable font at wght=400 and wght=700 (``fontTools.varLib.instancer``),
2. rename each instance (name IDs 1, 2, 3, 4, 6; drop 16, 17, 25; style bits in OS/2 and head); otherwise
   ReportLab merges Regular and Bold under their shared PostScript name ``NotoSansSC-Thin``,
3. write the files atomically, copy ``OFL.txt`` beside them, and write the stamp (``fonts.json``) last.

Measured on 2 cores (Python 3.11, fontTools 4.68): about 37 s sequentially and 25 s with ``jobs=2``. Each weight
is 10.6 MB and covers 30,890 code points. Subsetting the variable font to GBK + symbols before instancing was also
measured. It is *not* faster (34-51 s, median 40 s): the subsetter decodes and re-encodes every kept glyph's gvar
data, and that is what instancing costs. It also uses about twice the memory (466 vs 251 MB peak) and drops CJK
Extension A. So the whole font is instanced.

``ensure_fonts`` returns at once when the stamp matches the installed source file and the recipe version; the
source is hashed only when its file stamp (size, mtime) differs from the one recorded, not on every launch.
Reference: pdf-records.md §2. This module is Qt-free.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import hashlib
import importlib.util
import json
import os
import shutil
import sys
import threading
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from inspector_app import fileio
from inspector_app.fonts_build import FAMILY as FAMILY, Progress as Progress, _build

__all__ = [
    "FAMILY",
    "RL_BOLD",
    "RL_REGULAR",
    "FontBuildError",
    "FontSet",
    "cached_fonts",
    "default_cache_dir",
    "ensure_fonts",
    "font_codepoints",
    "missing_glyphs",
    "register_reportlab",
    "source_font",
]

#: Bump whenever the bytes the build produces change (renaming, instancer options, ...): caches then rebuild.
RECIPE_VERSION = 2

SOURCE_PACKAGE = "justmytype_intl_cjk"
SOURCE_DIST = "justmytype-intl-cjk"
SOURCE_RELPATH = ("fonts", "ofl", "notosanssc", "NotoSansSC[wght].ttf")
LICENCE_NAME = "OFL.txt"

REGULAR_FILE = "NotoSansSC-Regular.ttf"
BOLD_FILE = "NotoSansSC-Bold.ttf"
STAMP_FILE = "fonts.json"

#: ReportLab font names. Use RL_REGULAR for FONTNAME in every TableStyle, initialFontName and bulletFontName.
RL_REGULAR = "CJK"
RL_BOLD = "CJK-Bold"


class FontBuildError(RuntimeError):
    """The source font is missing or the static fonts could not be built."""


@dataclass(frozen=True, slots=True)
class FontSet:
    """The built fonts. ``family`` is the name Qt and other font systems report for both files."""

    regular: Path
    bold: Path
    licence: Path
    family: str = FAMILY


# ---------------------------------------------------------------------------------------------------- locations


def default_cache_dir() -> Path:
    """INSPECTOR_FONT_CACHE if set (one shared build for many workspaces, e.g. a test run), else
    ``$INSPECTOR_HOME/cache/fonts`` if INSPECTOR_HOME is set, else the platform's user cache dir + ``/fonts``."""
    override = os.environ.get("INSPECTOR_FONT_CACHE")
    if override:
        return Path(override)
    from inspector_app.paths import resolve_paths  # platformdirs + INSPECTOR_HOME: the rules live in one place

    return resolve_paths().cache_dir / "fonts"


def source_font() -> Path:
    """The variable ``NotoSansSC[wght].ttf`` inside the installed ``justmytype-intl-cjk`` package."""
    try:
        spec = importlib.util.find_spec(SOURCE_PACKAGE)
    except (ImportError, ValueError):
        spec = None
    if spec is None:
        raise FontBuildError(f"the font source package {SOURCE_DIST!r} is not installed; "
                             f"install it with: pip install {SOURCE_DIST}")
    # its folder first: importlib.resources imported the package and its readers (≈ 2-3 ms on every start)
    candidates = [Path(location).joinpath(*SOURCE_RELPATH) for location in spec.submodule_search_locations or ()]
    if not any(path.is_file() for path in candidates):
        with contextlib.suppress(Exception):
            files = importlib.import_module("importlib.resources").files
            candidates.append(Path(str(files(SOURCE_PACKAGE).joinpath(*SOURCE_RELPATH))))
    for path in candidates:
        if path.is_file():
            return path
    looked = ", ".join(str(p) for p in dict.fromkeys(candidates)) or "no package directory on disk"
    raise FontBuildError(f"{'/'.join(SOURCE_RELPATH)} not found in package {SOURCE_DIST!r} (looked at {looked}); "
                         f"reinstall it: pip install --force-reinstall {SOURCE_DIST}")


def _source_licence(source: Path) -> Path:
    licence = source.parent / LICENCE_NAME
    if not licence.is_file():
        raise FontBuildError(f"the OFL licence text {licence} is missing. The derived fonts may not be distributed "
                             f"without it; reinstall {SOURCE_DIST}.")
    return licence


# ---------------------------------------------------------------------------------------------------- building


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@functools.lru_cache(maxsize=8)
def _sha256_cached(path: str, size: int, mtime_ns: int) -> str:
    return _sha256(Path(path))


def _source_identity(source: Path) -> dict[str, Any]:
    st = source.stat()
    return {"file": source.name, "size": st.st_size, "mtime_ns": st.st_mtime_ns,
            "sha256": _sha256_cached(str(source), st.st_size, st.st_mtime_ns)}


def _atomic_write(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """fileio's durable write. Owner-only inside a private (workspace) cache; an installer-wide font directory that
    others may read gets world-readable files, or the other accounts' apps could not use them."""
    shared = os.name == "posix" and bool(path.parent.stat().st_mode & 0o005)
    fileio.atomic_write(path, write, 0o644 if shared else fileio.PRIVATE_FILE)


def _read_stamp(cache_dir: Path) -> dict[str, Any] | None:
    try:
        stamp = json.loads((cache_dir / STAMP_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


def _outputs_match(cache_dir: Path, stamp: dict[str, Any] | None) -> bool:
    """The stamp has this recipe and every output file exists with the recorded size."""
    if stamp is None or stamp.get("recipe") != RECIPE_VERSION:
        return False
    outputs = stamp.get("outputs")
    if not isinstance(outputs, dict) or set(outputs) != {REGULAR_FILE, BOLD_FILE, LICENCE_NAME}:
        return False
    try:
        return all((cache_dir / fname).stat().st_size == size for fname, size in outputs.items())
    except OSError:
        return False


def _stamp_matches(cache_dir: Path, source: Path) -> bool:
    """Recipe, output sizes and the source's size and sha256 all match what the stamp recorded."""
    stamp = _read_stamp(cache_dir)
    if stamp is None or not _outputs_match(cache_dir, stamp):
        return False
    src = stamp.get("source")
    try:
        st = source.stat()
    except OSError:
        return False
    if not isinstance(src, dict) or src.get("size") != st.st_size:  # cheap check before hashing
        return False
    if src.get("mtime_ns") == st.st_mtime_ns:
        # Same file stamp as when the hash was taken: no need to hash 17.8 MB again on every launch (pip
        # rewrites the file, and with it the stamp, whenever the package changes).
        return True
    if src.get("sha256") != _source_identity(source)["sha256"]:
        return False
    _restamp(cache_dir, stamp, source)  # same bytes, new file stamp (reinstall): remember it, hash once
    return True


def _restamp(cache_dir: Path, stamp: dict[str, Any], source: Path) -> None:
    stamp = {**stamp, "source": {**stamp["source"], "mtime_ns": source.stat().st_mtime_ns}}
    payload = json.dumps(stamp, indent=2, ensure_ascii=False).encode("utf-8")
    with contextlib.suppress(OSError):  # a read-only installer-wide cache still works: it just hashes each time
        _atomic_write(cache_dir / STAMP_FILE, lambda fh: fh.write(payload))


def _fontset(cache_dir: Path) -> FontSet:
    return FontSet(regular=cache_dir / REGULAR_FILE, bold=cache_dir / BOLD_FILE, licence=cache_dir / LICENCE_NAME)


def ensure_fonts(cache_dir: Path, progress: Progress | None = None, *, jobs: int = 1,
                 force: bool = False) -> FontSet:
    """Return the static fonts in ``cache_dir``, building them first unless the stamp says they are current.

    The check hashes the 17.8 MB source once per process (~30 ms). A build takes ~37 s, or ~25 s with ``jobs=2``
    (two spawned processes, ~250 MB each). ``progress(percent, message)`` is called only while building, from the
    calling thread. Concurrent builds into one directory are harmless: each file is replaced atomically, the
    results are identical, and the stamp is removed first and written last.
    """
    cache_dir = Path(cache_dir)
    try:
        source = source_font()
    except FontBuildError:
        # An installer may ship fonts built at packaging time without the 30 MB source package: use them.
        if not force and _outputs_match(cache_dir, _read_stamp(cache_dir)):
            return _fontset(cache_dir)
        raise
    licence = _source_licence(source)
    if not force and _stamp_matches(cache_dir, source):
        return _fontset(cache_dir)
    # one build per directory across processes too (app + demo, test workers): a second waits, finds the stamp
    with BUILDING, fileio.exclusive_lock(cache_dir.parent / f".{cache_dir.name}.build.lock"):  # not in the set
        if not force and _stamp_matches(cache_dir, source):
            return _fontset(cache_dir)
        return _build_into(cache_dir, source, licence, progress, jobs)


BUILDING = threading.Lock()  # one build per process: a second caller waits for it, then finds the stamp current



def _build_into(cache_dir: Path, source: Path, licence: Path, progress: Progress | None, jobs: int) -> FontSet:
    shown = 0

    def report(pct: int, msg: str) -> None:  # never let the bar go backwards (e.g. after a parallel fallback)
        nonlocal shown
        shown = max(shown, pct)
        if progress is not None:
            progress(shown, msg)

    report(0, f"preparing {FAMILY}")
    fontset = _fontset(cache_dir)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        built, timings = _build(source, jobs, report)
        report(95, "writing the font files")
        with contextlib.suppress(FileNotFoundError):  # invalidate the old stamp before replacing any file
            (cache_dir / STAMP_FILE).unlink()
        _atomic_write(fontset.regular, lambda fh: fh.write(built["Regular"]))
        _atomic_write(fontset.bold, lambda fh: fh.write(built["Bold"]))
        with licence.open("rb") as src:
            _atomic_write(fontset.licence, lambda fh: shutil.copyfileobj(src, fh))
        stamp = {
            "recipe": RECIPE_VERSION,
            "source": {**_source_identity(source), "package": SOURCE_DIST},
            "outputs": {p.name: p.stat().st_size for p in (fontset.regular, fontset.bold, fontset.licence)},
            "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "build_seconds": {k: round(v, 2) for k, v in {**timings, "wall": time.perf_counter() - started}.items()},
            "jobs": jobs,
        }
        payload = json.dumps(stamp, indent=2, ensure_ascii=False).encode("utf-8")
        _atomic_write(cache_dir / STAMP_FILE, lambda fh: fh.write(payload))
    except FontBuildError:
        raise
    except Exception as exc:  # fontTools errors, a full disk, permissions
        raise FontBuildError(f"could not build the CJK fonts into {cache_dir}: {exc}") from exc
    report(100, f"{FAMILY} ready")
    return fontset


def cached_fonts(cache_dir: Path) -> FontSet | None:
    """The fonts in ``cache_dir`` if they are current, else None. Never builds; cheap enough for the GUI thread
    (a stat of the source; a sha256, ~30 ms, only when its file stamp changed). Like ensure_fonts, accepts a valid
    cache without the source."""
    cache_dir = Path(cache_dir)
    try:
        source = source_font()
    except FontBuildError:
        return _fontset(cache_dir) if _outputs_match(cache_dir, _read_stamp(cache_dir)) else None
    return _fontset(cache_dir) if _stamp_matches(cache_dir, source) else None


# ---------------------------------------------------------------------------------------------------- coverage


@functools.lru_cache(maxsize=16)
def _cmap(path: str, size: int, mtime_ns: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:  # lazy: only the cmap table is decompiled (~0.1 s for 30k entries)
        return frozenset(font.getBestCmap())


def font_codepoints(font_path: Path) -> frozenset[int]:
    """The code points ``font_path`` maps, cached per path (a rebuilt file with a new size/mtime is re-read)."""
    st = os.stat(font_path)
    return _cmap(os.fspath(Path(font_path).resolve()), st.st_size, st.st_mtime_ns)


def missing_glyphs(text: str, font_path: Path) -> set[str]:
    """The characters of ``text`` the font has no glyph for; ReportLab would draw them as blanks or boxes.

    Control characters (newline, tab, ...) are ignored because layout consumes them.
    """
    cmap = font_codepoints(font_path)
    return {ch for ch in set(text) if ord(ch) not in cmap and unicodedata.category(ch) != "Cc"}


# ---------------------------------------------------------------------------------------------------- ReportLab

_RL_LOCK = threading.Lock()


def register_reportlab(fontset: FontSet) -> None:
    """Register TTFonts ``CJK`` and ``CJK-Bold`` and their family, so ``<b>`` in a Paragraph selects Bold.

    Idempotent: a file that is already registered under the name is not parsed again, and a different path
    replaces it. ``<i>`` maps to the upright faces, because Noto Sans SC has no italic.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont as RLTTFont

    with _RL_LOCK:
        registered = set(pdfmetrics.getRegisteredFontNames())
        for rl_name, path in ((RL_REGULAR, fontset.regular), (RL_BOLD, fontset.bold)):
            wanted = os.fspath(path)
            if rl_name in registered:
                face = getattr(pdfmetrics.getFont(rl_name), "face", None)
                if getattr(face, "filename", None) == wanted:
                    continue
            pdfmetrics.registerFont(RLTTFont(rl_name, wanted))
        pdfmetrics.registerFontFamily(RL_REGULAR, normal=RL_REGULAR, bold=RL_BOLD,
                                      italic=RL_REGULAR, boldItalic=RL_BOLD)


# ---------------------------------------------------------------------------------------------------- build step


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m inspector_app.fonts",
        description=f"Build the static {FAMILY} Regular and Bold fonts for PDF records into a cache directory.")
    parser.add_argument("--cache-dir", type=Path, default=None,
                        help="output directory (default: INSPECTOR_HOME/cache/fonts, else the user cache dir)")
    parser.add_argument("--jobs", type=int, default=2, choices=(1, 2),
                        help="build Regular and Bold in parallel processes (default: 2)")
    parser.add_argument("--force", action="store_true", help="rebuild even if the stamp is current")
    args = parser.parse_args(argv)
    cache_dir = args.cache_dir or default_cache_dir()
    built = False

    def progress(pct: int, msg: str) -> None:
        nonlocal built
        built = True
        print(f"[{pct:3d}%] {msg}", file=sys.stderr, flush=True)

    started = time.perf_counter()
    try:
        fontset = ensure_fonts(cache_dir, progress, jobs=args.jobs, force=args.force)
    except FontBuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(f"family:  {fontset.family}")
    for label, path in (("regular", fontset.regular), ("bold", fontset.bold), ("licence", fontset.licence)):
        print(f"{label + ':':8} {path} ({path.stat().st_size:,} B)")
    print(f"elapsed: {elapsed:.2f} s" + ("" if built else " (already current, nothing built)"))
    stamp = _read_stamp(cache_dir) or {}
    if built and stamp.get("build_seconds"):
        print("build:   " + ", ".join(f"{k} {v} s" for k, v in stamp["build_seconds"].items()))
    return 0


if __name__ == "__main__":
    # Run the imported module's main, not this __main__ copy: pickled worker functions and module state must
    # refer to inspector_app.fonts.
    from inspector_app.fonts import main as _main

    raise SystemExit(_main())
