"""Benchmark: an inspection with 100 findings and 200 photos → signed PDF (render, certify, 2 countersignatures,
verify), against ReportLab placing the same pre-scaled JPEGs alone on a bare canvas, in the same run.

Not part of the default test run (pytest ignores tests/bench). Run:

    .venv/bin/python tests/bench/bench_pdf.py [--photos 200] [--findings 100] [--repeat 3]
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
from inspector_app.records import pki, render, signing, verify  # noqa: E402
from inspector_app.records.model import LEAD  # noqa: E402
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--photos", type=int, default=200)
    ap.add_argument("--findings", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
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

        ca = pki.create_ca()
        o1, o2, lead = (pki.issue_officer(ca, n, c) for n, c in
                        (("陈明哲", "青执2026001"), ("许若溪", "青执2026002"), ("韩景行", "青执2026009")))
        crl = pki.make_crl(ca)

        render.render_record(snap, fontset, include_photos=False)  # warm-up: font registration, imports
        t_med, _, _, text_only = timed(lambda: render.render_record(snap, fontset, include_photos=False), args.repeat)
        r_med, r_min, r_max, rendered = timed(lambda: render.render_record(snap, fontset), args.repeat)
        c_med, c_min, c_max, pdf1 = timed(lambda: signing.certify_rendered(
            rendered, o1, "off-1", handwriting=snap.image_for("off-1")), args.repeat)
        s_med, _, _, pdf2 = timed(lambda: signing.countersign(
            pdf1, o2, "Sig_Officer2", role="执法人员", handwriting=snap.image_for("off-2")), args.repeat)
        l_med, _, _, pdf3 = timed(lambda: signing.countersign(
            pdf2, lead, "Sig_Lead", role="检查组组长（审核）", handwriting=snap.image_for(LEAD)), args.repeat)
        v_med, _, _, report = timed(lambda: verify.verify_pdf(pdf3, [ca.cert], [crl]), args.repeat)
        b_med, b_min, b_max, bare = timed(lambda: bare_canvas(paths), args.repeat)
        assert report.ok, verify.describe(report)

    total = r_med + c_med + s_med + l_med
    print(f"pages: {rendered.page_count}; signatures verified: {len(report.signatures)} (ok={report.ok})")
    print(f"render record          {r_med:6.2f} s (min {r_min:.2f}, max {r_max:.2f})  {len(rendered.pdf):>12,} B")
    print(f"  of which text only   {t_med:6.2f} s (same record without the photo pages, "
          f"{text_only.page_count} pages)  {len(text_only.pdf):>12,} B")
    print(f"certify (officer 1)    {c_med:6.2f} s (min {c_min:.2f}, max {c_max:.2f})  {len(pdf1):>12,} B")
    print(f"countersign officer 2  {s_med:6.2f} s                       {len(pdf2):>12,} B")
    print(f"countersign team lead  {l_med:6.2f} s                       {len(pdf3):>12,} B")
    print(f"verify (3 signatures)  {v_med:6.2f} s")
    print(f"render + 3 signatures  {total:6.2f} s")
    print(f"bare canvas drawImage  {b_med:6.2f} s (min {b_min:.2f}, max {b_max:.2f})  {len(bare):>12,} B")
    print(f"ratio render/bare      {r_med / b_med:6.2f}x time, {len(rendered.pdf) / len(bare):.3f}x size")
    print(f"ratio signed/bare      {total / b_med:6.2f}x time, {len(pdf3) / len(bare):.3f}x size")
    print(f"size overhead over the JPEG bytes: signed {len(pdf3) / photo_bytes:.3f}x, bare {len(bare) / photo_bytes:.3f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
