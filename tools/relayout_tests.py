"""Move the flat tests/test_*.py modules into folders that mirror the inspector_app packages.

    python tools/relayout_tests.py [--dry-run] [--repo PATH]

After it, a module's tests are found next to its package name: tests/domain/, tests/storage/, tests/catalog/,
tests/records/, tests/services/, tests/demo/, tests/cli/ (and the existing tests/sync/, tests/ui/). The cross-cutting
suites keep their folders (tests/sync/ end-to-end with real servers, tests/ui/, tests/xwindow/, tests/bench/), and
the checks of the whole tree stay at the top (KEEP: layering, ruff, mypy, translations, start-up imports).

What it fixes so the moved tests run unchanged:
* `Path(__file__)...parent(s)` in a moved module is one level deeper (`parents[n]` becomes `parents[n + 1]`);
* `tests.test_x` imports (tests import each other's fixtures) become `tests.<package>.test_x`, in every test file;
* the path `tests/test_x.py` becomes `tests/<package>/test_x.py` in README.md (its test command, which .ci/run
  runs), .ci/, docs/, pyproject.toml, the code's comments and the tests;
* each new folder gets an `__init__.py` (the test modules are imported as packages: `tests.<package>.test_x`).

A module not in PLACES (added on another branch) goes where most of its `inspector_app.<package>` imports point;
one with none stays at the top and is reported. Files move with `git mv` when the repo is a git work tree.
Idempotent: a second run finds nothing to move and changes nothing.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

#: Where each current test module goes (the package whose behaviour it tests).
PLACES: dict[str, str] = {
    **dict.fromkeys(["test_agency_time", "test_credit_code", "test_journal", "test_leads_rules", "test_leniency",
                     "test_masking", "test_plausibility", "test_rules", "test_status_machine", "test_team_rules"],
                    "domain"),
    **dict.fromkeys(["test_crash_safety", "test_encrypted_store", "test_encryption_at_rest",
                     "test_encryption_conversion", "test_keyslots", "test_owner_only", "test_store",
                     "test_store_integrity"], "storage"),
    **dict.fromkeys(["test_forms_shipped", "test_forms_validation"], "catalog"),
    **dict.fromkeys(["test_document_kinds", "test_draw_record", "test_fonts", "test_record_words", "test_records",
                     "test_verify_adversary", "test_verify_rerender"], "records"),
    **dict.fromkeys(["test_case_file", "test_case_file_attacks", "test_case_file_claims", "test_coverage",
                     "test_draw_publication", "test_draws", "test_evidence", "test_inspection_services",
                     "test_lead_review", "test_leads_import", "test_onsite_documents", "test_plans",
                     "test_reinspection", "test_review_service", "test_selfcheck", "test_signin_setup",
                     "test_signing_service", "test_verify_service"], "services"),
    **dict.fromkeys(["test_demo", "test_demo_leads"], "demo"),
    **dict.fromkeys(["test_cli", "test_signin_cli"], "cli"),
}
#: Checks of the whole tree: they stay at tests/ (the commands in the docs name them there).
KEEP = {"test_layering", "test_ruff", "test_static_checks", "test_i18n", "test_startup_imports", "test_relayout_tool"}
#: Folders a module without a PLACES entry may go to, in the order a tie is decided.
PACKAGES = ("server", "sync", "ui", "services", "demo", "records", "catalog", "storage", "domain", "cli")
#: Files whose text may name a test module's path or import it.
TEXT_GLOBS = ("README.md", ".ci/*", "docs/**/*.md", "pyproject.toml", "inspector_app/**/*.py", "tests/**/*.py",
              "tools/*.py")
LINE_LIMIT = 120  # [tool.ruff] line-length
#: The tool's own test builds a fake tree whose paths must stay as written.
NO_REWRITE = {"tests/test_relayout_tool.py"}

INIT_DOC = '"""Tests of inspector_app.{pkg} (laid out by tools/relayout_tests.py)."""\n'
FILE_PARENTS = re.compile(r"Path\(__file__\)(?:\.resolve\(\))?(?:(?P<dots>(?:\.parent)+)\b|\.parents\[(?P<n>\d+)\])")
IMPORTED = re.compile(r"\binspector_app\.([a-z_]+)")


def guess(text: str) -> str | None:
    """The package most of a module's `inspector_app.<package>` references point to (cli for the *_cli modules)."""
    counts: Counter[str] = Counter()
    for name in IMPORTED.findall(text):
        pkg = "cli" if name == "cli" or name.endswith("_cli") else name
        if pkg in PACKAGES:
            counts[pkg] += 1
    if not counts:
        return None
    best = max(counts.values())
    return next(p for p in PACKAGES if counts[p] == best)


def deeper(text: str) -> str:
    """`Path(__file__)` parents one level further up: the module now sits one folder deeper."""
    def one(m: re.Match[str]) -> str:
        n = len(m.group("dots")) // len(".parent") if m.group("dots") else int(m.group("n")) + 1
        return f"Path(__file__).resolve().parents[{n}]"
    return FILE_PARENTS.sub(one, text)


def plan(tests: Path) -> tuple[dict[str, str], list[str]]:
    """{module name: package} to move now, and the modules left at the top without a package."""
    moves, unplaced = {}, []
    for path in sorted(tests.glob("test_*.py")):
        name = path.stem
        if name in KEEP:
            continue
        pkg = PLACES.get(name) or guess(path.read_text(encoding="utf-8"))
        if pkg is None:
            unplaced.append(path.name)
        else:
            moves[name] = pkg
    return moves, unplaced


def rewrite_references(repo: Path, moved: dict[str, str], dry_run: bool) -> list[str]:
    """`tests.test_x` -> `tests.<pkg>.test_x` and `tests/test_x.py` -> `tests/<pkg>/test_x.py` everywhere."""
    if not moved:
        return []
    names = "|".join(sorted(map(re.escape, moved), key=len, reverse=True))
    dotted = re.compile(rf"\btests\.({names})\b")
    slashed = re.compile(rf"\btests/({names})\.py\b")
    me = Path(__file__).resolve()
    changed = []
    files = {p for g in TEXT_GLOBS for p in repo.glob(g) if p.is_file()}
    for path in sorted(files):
        if path.resolve() == me or ".venv" in path.parts or path.relative_to(repo).as_posix() in NO_REWRITE:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        new = dotted.sub(lambda m: f"tests.{moved[m.group(1)]}.{m.group(1)}", text)
        new = slashed.sub(lambda m: f"tests/{moved[m.group(1)]}/{m.group(1)}.py", new)
        if new != text:
            changed.append(path.relative_to(repo).as_posix())
            for n, line in enumerate(new.splitlines(), 1):
                # ruff lets a line run long for its trailing pragma; Markdown is not held to the limit
                if path.suffix == ".py" and len(line.split("  # noqa")[0]) > LINE_LIMIT and line not in text:
                    print(f"relayout: {path.relative_to(repo)}:{n} is now {len(line)} columns (ruff allows "
                          f"{LINE_LIMIT}): rewrap it", file=sys.stderr)
            if not dry_run:
                path.write_text(new, encoding="utf-8")
    return changed


def relayout(repo: Path, dry_run: bool = False) -> int:
    tests = repo / "tests"
    moves, unplaced = plan(tests)
    clashes = [f"tests/{pkg}/{name}.py" for name, pkg in moves.items() if (tests / pkg / f"{name}.py").exists()]
    if clashes:
        print("relayout: these targets exist already, nothing moved:\n  " + "\n  ".join(clashes), file=sys.stderr)
        return 1
    in_git = (repo / ".git").exists()
    for name, pkg in moves.items():
        src, folder = tests / f"{name}.py", tests / pkg
        dst = folder / src.name
        print(f"move tests/{src.name} -> tests/{pkg}/{src.name}")
        if dry_run:
            continue
        folder.mkdir(exist_ok=True)
        init = folder / "__init__.py"
        if not init.exists():
            init.write_text(INIT_DOC.format(pkg=pkg), encoding="utf-8")
            if in_git:
                subprocess.run(["git", "add", str(init.relative_to(repo))], cwd=repo, check=True)
        if in_git:
            subprocess.run(["git", "mv", str(src.relative_to(repo)), str(dst.relative_to(repo))], cwd=repo, check=True)
        else:
            src.rename(dst)
        dst.write_text(deeper(dst.read_text(encoding="utf-8")), encoding="utf-8")
    # explicit places are rewritten on every run (a no-op once done), so a reference added later on another
    # branch to an already moved module is fixed by running the script again
    targets = {**{n: p for n, p in PLACES.items() if (tests / p / f"{n}.py").exists() or n in moves}, **moves}
    for path in rewrite_references(repo, targets, dry_run):
        print(f"rewrote references in {path}")
    for name in unplaced:
        print(f"left at the top (no inspector_app package referenced): tests/{name}", file=sys.stderr)
    if not moves:
        print("relayout: nothing to move")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--dry-run", action="store_true", help="print what would move and change; change nothing")
    args = parser.parse_args(argv)
    return relayout(args.repo.resolve(), args.dry_run)


if __name__ == "__main__":
    sys.exit(main())
