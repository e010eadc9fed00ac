"""Benchmark: an inspection with 100 findings and 200 photos → signed PDF (render, certify, 2 countersignatures,
verify), against ReportLab placing the same pre-scaled JPEGs alone on a bare canvas, in the same run.

Subject: render_record of the whole record with the photo pages; baseline: a bare canvas placing the same JPEGs,
4 per page. Both are timed in CPU seconds, interleaved in the same run, `--repeat` times after a warm-up; the last
line is `BENCH pdf_record subject_s=<median> baseline_s=<median> ratio=<ratio of medians> size=...` (target ≤ 4×).
`--sign` also times certify, two countersignatures and verify.

Not part of the default test run (pytest ignores tests/bench). Run:

    .venv/bin/python tests/bench/bench_pdf.py [--photos 200] [--findings 100] [--repeat 5] [--sign]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reportlab import rl_config  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from inspector_app import fonts  # noqa: E402
from inspector_app.records import render  # noqa: E402
from tests import records_sample as rs  # noqa: E402


def bare_canvas(paths: list[Path]) -> bytes:
    """The floor: the same JPEGs, 4 per A4 page, drawImage only (no text, no tables, no fonts)."""
    rl_config.useA85 = 0
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    w, h = A4
    cell_w, cell_h = (w - 60) / 2, (h - 80) / 2
    for i, p in enumerate(paths):
        col, row = i % 2, (i // 2) % 2
        c.drawImage(str(p), 30 + col * cell_w, h - 40 - (row + 1) * cell_h, cell_w - 10, cell_h - 10,
                    preserveAspectRatio=True)
        if i % 4 == 3:
            c.showPage()
    c.showPage()
    c.save()
    return buf.getvalue()


def timed(fn, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times), max(times), result


def cpu(fn) -> tuple[float, object]:
    """CPU time of one call (the machine is shared: wall time is noisy, rendering is single-threaded)."""
    t = time.process_time()
    result = fn()
    return time.process_time() - t, result


def compare(subject, baseline, repeat: int) -> tuple[list[float], list[float], object, bytes]:
    """Subject and baseline interleaved in the same run, `repeat` times each (after one warm-up of each)."""
    subject()
    baseline()
    s_times, b_times, rendered, bare = [], [], None, b""
    for _ in range(repeat):
        s, rendered = cpu(subject)
        b, bare = cpu(baseline)
        s_times.append(s)
        b_times.append(b)
    return s_times, b_times, rendered, bare


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--photos", type=int, default=200)
    ap.add_argument("--findings", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--sign", action="store_true", help="also time certify, 2 countersignatures and verify")
    args = ap.parse_args()

    fontset = fonts.ensure_fonts(fonts.default_cache_dir())
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        t = time.perf_counter()
        snap = rs.record(tmpdir / "photos", n_findings=args.findings, n_photos=args.photos,
                         photo_size=(1600, 1200), n_items=120)
        gen = time.perf_counter() - t
        paths = [e.print_image for e in snap.evidence]
        photo_bytes = sum(p.stat().st_size for p in paths)
        print(f"generated {args.photos} JPEGs 1600x1200 q85 ({photo_bytes / 1e6:.1f} MB) "
              f"and {args.findings} findings in {gen:.1f} s")

        s_times, b_times, rendered, bare = compare(lambda: render.render_record(snap, fontset),
                                                   lambda: bare_canvas(paths), args.repeat)
        t_med, _, _, text_only = timed(lambda: render.render_record(snap, fontset, include_photos=False),
                                       args.repeat)
        print(f"pages: {rendered.page_count}; text-only record: {text_only.page_count} pages, {t_med:.2f} s wall")
        print("render CPU s: " + " ".join(f"{x:.2f}" for x in s_times)
              + f"  ({len(rendered.pdf):,} B)")
        print("bare   CPU s: " + " ".join(f"{x:.2f}" for x in b_times) + f"  ({len(bare):,} B)")
        if args.sign:
            _signing(snap, rendered, args.repeat)

    s_med, b_med = statistics.median(s_times), statistics.median(b_times)
    print(f"BENCH pdf_record subject_s={s_med:.3f} baseline_s={b_med:.3f} ratio={s_med / b_med:.2f} "
          f"size={args.findings} findings, {args.photos} photos")
    return 0


def _signing(snap, rendered, repeat: int) -> None:
    from inspector_app.records import pki, signing, verify
    from inspector_app.records.model import LEAD

    ca = pki.create_ca()
    o1, o2, lead = (pki.issue_officer(ca, n, c) for n, c in
                    (("陈明哲", "青执2026001"), ("许若溪", "青执2026002"), ("韩景行", "青执2026009")))
    crl = pki.make_crl(ca)
    c_med, _, _, pdf1 = timed(lambda: signing.certify_rendered(
        rendered, o1, "off-1", handwriting=snap.image_for("off-1")), repeat)
    s_med, _, _, pdf2 = timed(lambda: signing.countersign(
        pdf1, o2, "Sig_Officer2", role="协办执法人员", handwriting=snap.image_for("off-2")), repeat)
    l_med, _, _, pdf3 = timed(lambda: signing.countersign(
        pdf2, lead, "Sig_Lead", role="组长（审核）", handwriting=snap.image_for(LEAD)), repeat)
    v_med, _, _, report = timed(lambda: verify.verify_pdf(pdf3, [ca.cert], [crl]), repeat)
    assert report.ok, verify.describe(report)
    print(f"certify {c_med:.2f} s, countersign {s_med:.2f} s, lead {l_med:.2f} s, verify {v_med:.2f} s "
          f"({len(report.signatures)} signatures ok)")


if __name__ == "__main__":
    raise SystemExit(main())
