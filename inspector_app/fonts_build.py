"""Building the static Noto Sans SC instances: fontTools instancing of the variable font at each weight, renaming
each instance, and running the two weights in parallel processes. Split out of fonts.py, which keeps the cache, the
stamp and the source lookup and re-exports FAMILY and Progress from here. Returns bytes; writes no files.
Qt-free. The workers are top-level functions of this module, so a spawned process pool can import them.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

FAMILY = "Noto Sans SC"

_WEIGHTS = ((400, "Regular"), (700, "Bold"))

Progress = Callable[[int, str], None]


def _set_names(font: Any, style: str) -> None:
    """Name a static instance ``Noto Sans SC`` / ``Regular|Bold`` / ``NotoSansSC-Regular|Bold``; set style bits."""
    name = font["name"]
    ps_name = f"NotoSansSC-{style}"
    name.names = [rec for rec in name.names if rec.nameID not in (1, 2, 3, 4, 6, 16, 17, 25)]
    values = {
        1: FAMILY,
        2: style,
        3: f"{font['head'].fontRevision:.3f};ADBO;{ps_name};static-instance",
        4: f"{FAMILY} {style}",
        6: ps_name,
    }
    for name_id, value in values.items():
        name.setName(value, name_id, 3, 1, 0x409)  # Windows platform, Unicode BMP, en-US
    bold = style == "Bold"
    os2 = font["OS/2"]
    os2.usWeightClass = 700 if bold else 400
    os2.fsSelection = (os2.fsSelection & ~(0x01 | 0x20 | 0x40)) | (0x20 if bold else 0x40)  # ITALIC, BOLD, REGULAR
    font["head"].macStyle = (font["head"].macStyle & ~0x03) | (0x01 if bold else 0)


def _instance_bytes(varfont_data: bytes, weight: int, style: str) -> bytes:
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = TTFont(io.BytesIO(varfont_data), recalcTimestamp=False)  # keep head.modified: reproducible output
    instancer.instantiateVariableFont(font, {"wght": weight}, inplace=True, static=True)
    _set_names(font, style)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _instance_file(source: str, weight: int, style: str) -> bytes:
    """One renamed static instance as TTF bytes. Top-level so that a process pool can run it."""
    return _instance_bytes(Path(source).read_bytes(), weight, style)


def _build_parallel(source: Path, jobs: int, report: Progress, t0: float) -> tuple[dict[str, bytes], dict[str, float]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    results: dict[str, bytes] = {}
    timings: dict[str, float] = {}
    report(5, f"building {FAMILY} Regular and Bold ({min(jobs, len(_WEIGHTS))} processes)")
    # spawn, not fork: the caller may be a Qt process with threads. A frozen app must call
    # multiprocessing.freeze_support() first thing in its entry point.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(min(jobs, len(_WEIGHTS)), mp_context=context) as pool:
        futures = {pool.submit(_instance_file, str(source), weight, style): style for weight, style in _WEIGHTS}
        for future in as_completed(futures):
            style = futures[future]
            results[style] = future.result()
            timings[f"{style.lower()}_done_at"] = time.perf_counter() - t0
            report(5 + 40 * len(results), f"{FAMILY} {style} done")
    return results, timings


def _build(source: Path, jobs: int, report: Progress) -> tuple[dict[str, bytes], dict[str, float]]:
    """Return ({"Regular": ttf, "Bold": ttf}, timings in seconds)."""
    t0 = time.perf_counter()
    results: dict[str, bytes] = {}
    timings: dict[str, float] = {}
    if jobs > 1:
        from concurrent.futures.process import BrokenProcessPool

        try:
            results, timings = _build_parallel(source, jobs, report, t0)
        except (BrokenProcessPool, OSError) as exc:  # no subprocesses here (sandbox, odd frozen app): sequential
            report(5, f"parallel build unavailable ({exc.__class__.__name__}); building sequentially")
            results, timings = {}, {}
    if not results:
        data = source.read_bytes()
        for n, (weight, style) in enumerate(_WEIGHTS):
            report(5 + 45 * n, f"building {FAMILY} {style} (wght {weight})")
            started = time.perf_counter()
            results[style] = _instance_bytes(data, weight, style)
            timings[style.lower()] = time.perf_counter() - started
    timings["total"] = time.perf_counter() - t0
    return results, timings
