"""The parsed checklist library, cached by file stamp: a start reads one pickle (~7 ms) instead of parsing every
template (~55 ms and growing with the library).

The key covers every template file's name, size and mtime, and the loader's own source files (a new app
version re-parses). The cache lives in the workspace's cache directory, which is the user's own (owner-only);
a file that does not load or does not match is ignored and rewritten, never trusted partially.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import pickle
import tempfile
from pathlib import Path

from inspector_app.catalog import loader
from inspector_app.catalog.loader import Library, load_library, template_files

log = logging.getLogger(__name__)

CACHE_FILE = "checklist-library.pickle"
_FORMAT = 1


def _stamp(paths: list[Path]) -> str:
    parts = []
    for p in paths:
        st = p.stat()
        parts.append([str(p), st.st_size, st.st_mtime_ns])
    return hashlib.sha256(json.dumps([_FORMAT, parts]).encode()).hexdigest()


def _code_files() -> list[Path]:
    here = Path(loader.__file__).resolve()
    return [here, here.parent / "form_fields.py", Path(__file__).resolve(),
            here.parent.parent / "domain" / "checklist.py"]


def load_library_cached(directory: Path, cache_dir: Path | None) -> Library:
    if cache_dir is None:
        return load_library(directory)
    try:
        key = _stamp(template_files([directory]) + _code_files())
    except OSError:
        return load_library(directory)
    path = Path(cache_dir) / CACHE_FILE
    with contextlib.suppress(Exception):  # missing, truncated, from another version: parse again
        with path.open("rb") as fh:
            cached = pickle.load(fh)
        if cached.get("key") == key and isinstance(cached.get("library"), Library):
            return cached["library"]
    library = load_library(directory)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{CACHE_FILE}.", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump({"key": key, "library": library}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # a cache: no fsync needed, a torn file is simply re-parsed
    except OSError as exc:
        log.debug("checklist cache not written: %s", exc)
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)
    return library
