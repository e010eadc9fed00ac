"""Benchmark: importing and screening a settlement extract of 1,000,000 lines vs reading the same file alone.

* subject  = LeadService.import_file: stream the CSV, parse and check every value, hash the patient, write the lines
             in one transaction (WAL, synchronous=FULL), then run the five screening rules and write the leads;
* baseline = csv.reader over the same file with the same decoding: the floor of any importer.

Each side runs in its own child process, so the peak resident memory (ru_maxrss) of each is its own; the subject's
must stay bounded (streamed in batches: it does not grow with the file). Target: subject ≤ 2× baseline.
Not part of the default test run (pytest --ignore=tests/bench).

    .venv/bin/python tests/bench/bench_leads.py
    INSPECTOR_BENCH_ROWS=100000 .venv/bin/python tests/bench/bench_leads.py     # quick run

The extract (fictional institutions and patients) is generated once into INSPECTOR_BENCH_CACHE (default: <user cache
dir>/inspector-app-bench) and reused. The last line is
`BENCH leads_import subject_s=<s> baseline_s=<s> ratio=<ratio> size=<rows, MB, peak RSS of both>`.
"""

from __future__ import annotations

import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import platformdirs

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.leads_data import HEADER  # noqa: E402

# Reference data as a 统筹区 would have it: prices and daily limits for services, a drug list missing a few codes.
RULES = {"readmission_days": 15, "prices": {f"F{i:03d}": "50.00" for i in range(40)},
         "max_per_day": {f"F{i:03d}": 24 for i in range(40)}, "listed": [f"X{i:04d}" for i in range(396)]}


def ensure_extract(rows: int) -> Path:
    cache = Path(os.environ.get("INSPECTOR_BENCH_CACHE")
                 or platformdirs.user_cache_dir("inspector-app-bench", appauthor=False))
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"settlements-{rows}.csv"
    if path.exists():
        return path
    t0 = time.perf_counter()
    print(f"generating {rows} settlement lines into {path} …", flush=True)
    rnd = random.Random(20261202)
    tmp = path.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        n = s = 0
        patients = max(1, rows // 10)
        while n < rows:
            s += 1
            inst = rnd.randrange(60)
            pid = f"3709{rnd.randrange(patients):014d}"
            day = rnd.randrange(300)
            stay = rnd.choice((0, 0, 2, 3, 5, 8, 12))
            a = f"2026-{1 + day // 30:02d}-{1 + day % 28:02d}"
            d = f"2026-{1 + (day + stay) // 30 % 12:02d}-{1 + (day + stay) % 28:02d}" if stay else a
            if d < a:
                d = a
            lines = min(rows - n, rnd.randrange(1, 10))
            items = []
            while len(items) < lines:  # distinct items: an export repeating a line exactly is refused
                if rnd.random() < 0.5:
                    code, price = f"F{rnd.randrange(40):03d}", "55.00" if rnd.random() < 0.01 else "50.00"
                else:
                    code, price = f"X{rnd.randrange(400):04d}", f"{rnd.randrange(1, 300)}.{rnd.randrange(100):02d}"
                qty = 30 if rnd.random() < 0.005 else rnd.choice((1, 2, 4, 8, 12, 24))
                if all(code != c for c, _p, _q in items):
                    items.append((code, price, qty))
            total = sum(int(p.replace(".", "")) * q for _c, p, q in items)
            for j, (code, price, qty) in enumerate(items):
                w.writerow([f"JS{s:010d}", f"H{3799020000 + inst:010d}"[:12], f"测试医院{inst:02d}", pid, a, d,
                            "J18.900 肺炎", f"{total / 100:.2f}", code, f"项目{code}", qty, price,
                            f"{int(price.replace('.', '')) * qty / 100:.2f}", a if j % 2 else ""])
                n += 1
    tmp.replace(path)
    print(f"  done in {time.perf_counter() - t0:.1f} s ({path.stat().st_size / 1e6:.0f} MB)", flush=True)
    return path


def _child_baseline(path: Path) -> dict[str, float]:
    t0 = time.perf_counter()
    rows = 0
    with open(path, encoding="utf-8-sig", newline="") as f:
        for _ in csv.reader(f):
            rows += 1
    return {"seconds": time.perf_counter() - t0, "rows": rows - 1}


def _child_subject(path: Path) -> dict[str, float]:
    from inspector_app.app import build_context
    from inspector_app.domain.leads.rules import RuleSet
    from inspector_app.services.context import Actor

    os.environ.setdefault("INSPECTOR_FORMS", str(REPO / "tests" / "fixtures" / "forms"))
    with tempfile.TemporaryDirectory(prefix="inspector-bench-") as tmp:
        app = build_context(str(Path(tmp) / "ws"), device="bench")
        try:
            rules = RuleSet.from_json(RULES)
            t0 = time.perf_counter()
            result = app.leads.import_file(Actor("基准测试"), path, "bench", rules=rules)
            seconds = time.perf_counter() - t0
        finally:
            app.close()
    return {"seconds": seconds, "rows": result.rows, "leads": sum(result.leads_by_rule.values()),
            "by_rule": result.leads_by_rule}  # type: ignore[dict-item]


def _child(kind: str, path: Path) -> None:
    out = _child_subject(path) if kind == "subject" else _child_baseline(path)
    out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


def _run(kind: str, path: Path) -> dict[str, float]:
    proc = subprocess.run([sys.executable, __file__, "--child", kind, str(path)], capture_output=True, text=True,
                          check=True, cwd=REPO)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run() -> dict[str, float]:
    rows = int(os.environ.get("INSPECTOR_BENCH_ROWS", "1000000"))
    path = ensure_extract(rows)
    mb = path.stat().st_size / 1e6
    with open(path, "rb") as f:  # warm the page cache (in chunks: Linux children inherit the parent's peak RSS)
        while f.read(1 << 20):
            pass
    base = _run("baseline", path)
    subj = _run("subject", path)
    assert subj["rows"] == base["rows"] == rows
    ratio = subj["seconds"] / base["seconds"]
    print(f"\n{rows} settlement lines, {mb:.0f} MB CSV")
    print(f"  baseline (csv.reader only):            {base['seconds']:7.2f} s  peak RSS {base['maxrss_mb']:.0f} MB")
    print(f"  import + screening (one transaction):  {subj['seconds']:7.2f} s  peak RSS {subj['maxrss_mb']:.0f} MB"
          f"  leads {subj['leads']} {subj['by_rule']}")
    print(f"  ratio: {ratio:.2f}×")
    print(f"BENCH leads_import subject_s={subj['seconds']:.2f} baseline_s={base['seconds']:.2f} ratio={ratio:.2f} "
          f"size={rows}rows/{mb:.0f}MB/rss_subject={subj['maxrss_mb']:.0f}MB/rss_baseline={base['maxrss_mb']:.0f}MB")
    return {"subject_s": subj["seconds"], "baseline_s": base["seconds"], "ratio": ratio}


def test_bench_leads() -> None:
    run()


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        _child(sys.argv[2], Path(sys.argv[3]))
    else:
        run()
