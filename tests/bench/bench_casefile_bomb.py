"""Benchmark: verifying a compression-bomb case file — a ~2.7 MB ZIP holding two 900 MiB entries of zeros —
against a plain `zipfile` listing + CRC pass (`ZipFile.testzip`, which inflates every entry) on the same file, in
the same run. Verification must refuse the bomb from the central directory (code zip_bomb) without inflating it,
in bounded memory (issue 11: < 200 MB whatever the ZIP holds; before, it took 2.8 GB).

The ZIP is generated here (zipfile streaming zeros, with 512 random bytes per MiB; deflate level 6) into a temporary
folder and deleted after; it is never kept in the repo. Not part of the default test run (pytest ignores
tests/bench). Run:

    .venv/bin/python tests/bench/bench_casefile_bomb.py [--repeat 3] [--mib 900]

Prints per-run times, the peak memory of verification (tracemalloc peak of the Python heap during the call, and
the process's peak RSS, ru_maxrss, measured before the baseline runs), and ends with
`BENCH casefile_bomb subject_s=<median> baseline_s=<median> ratio=<median> size=<what>`.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from inspector_app.records import pki  # noqa: E402
from inspector_app.services.case_file import ScanLimits, verify_case_file  # noqa: E402

CHUNK = 1 << 20


def make_bomb(path: Path, mib: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6, allowZip64=True) as zf:
        zf.writestr("manifest.json", b'{"format": "inspector-case-file", "files": []}')
        # zeros with 512 random bytes per MiB (further apart than deflate's 32 KiB window, so they stay): about
        # 2.7 MB on disk, the size of the bomb the issue describes
        zeros = os.urandom(512) + bytes(CHUNK - 512)
        for name in ("evidence/E-01_监控录像.mp4.bin", "evidence/E-02_监控录像.mp4.bin"):
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            with zf.open(info, "w", force_zip64=True) as out:
                for _ in range(mib):
                    out.write(zeros)


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--mib", type=int, default=900, help="size of each of the two entries, MiB")
    args = ap.parse_args()
    ca = pki.create_ca("基准测试医疗保障局", key_size=2048)
    with tempfile.TemporaryDirectory(prefix="bench-bomb-") as tmp:
        bomb = Path(tmp) / "bomb.zip"
        started = time.perf_counter()
        make_bomb(bomb, args.mib)
        size = bomb.stat().st_size
        print(f"bomb: {size / 1e6:.2f} MB on disk, 2 × {args.mib} MiB inflated "
              f"(generated in {time.perf_counter() - started:.1f} s)")
        rss_before = rss_mib()
        subject: list[float] = []
        heap_peaks: list[float] = []
        for n in range(args.repeat):
            tracemalloc.start()
            t0 = time.perf_counter()
            report = verify_case_file(bomb, [ca.cert])
            subject.append(time.perf_counter() - t0)
            heap_peaks.append(tracemalloc.get_traced_memory()[1] / (1 << 20))
            tracemalloc.stop()
            assert not report.ok and report.refused and "zip_bomb" in report.codes, report.problems
            print(f"  verify #{n + 1}: {subject[-1] * 1000:.1f} ms, refused with {sorted(report.codes)}, "
                  f"heap peak {heap_peaks[-1]:.2f} MiB")
        rss_subject = rss_mib()
        # with the ratio cap lifted, verification does inflate the 1.8 GB — by streaming, in bounded memory
        tracemalloc.start()
        t0 = time.perf_counter()
        streamed = verify_case_file(bomb, [ca.cert], limits=ScanLimits(max_ratio=1e9))
        streamed_s = time.perf_counter() - t0
        streamed_heap = tracemalloc.get_traced_memory()[1] / (1 << 20)
        tracemalloc.stop()
        assert not streamed.refused and streamed.files == 3, streamed.problems
        rss_streamed = rss_mib()
        print(f"  verify with the ratio cap lifted (streams all 2 × {args.mib} MiB): {streamed_s:.2f} s, heap peak "
              f"{streamed_heap:.2f} MiB, peak RSS {rss_streamed:.0f} MiB")
        baseline: list[float] = []
        for n in range(args.repeat):
            t0 = time.perf_counter()
            with zipfile.ZipFile(bomb) as zf:
                names = zf.namelist()
                bad = zf.testzip()
            baseline.append(time.perf_counter() - t0)
            assert bad is None and len(names) == 3
            print(f"  zipfile listing + CRC #{n + 1}: {baseline[-1]:.2f} s")
    ratios = [s / b for s, b in zip(subject, baseline)]
    print(f"peak RSS: {rss_subject:.0f} MiB after verification (process incl. imports; {rss_before:.0f} MiB "
          f"before the first verification), {rss_mib():.0f} MiB at the end")
    print(f"BENCH casefile_bomb subject_s={statistics.median(subject):.4f} baseline_s={statistics.median(baseline):.3f}"
          f" ratio={statistics.median(ratios):.5f} size={size / 1e6:.1f}MB-zip-2x{args.mib}MiB-entries"
          f" heap_peak_mib={max(heap_peaks):.2f} peak_rss_mib={rss_subject:.0f} streamed_s={streamed_s:.2f}"
          f" streamed_peak_rss_mib={rss_streamed:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
