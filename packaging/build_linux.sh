#!/usr/bin/env bash
# Build the one-folder Linux app: dist/inspector/inspector (run it: dist/inspector/inspector [COMMAND]).
# Usage: packaging/build_linux.sh [PYTHON]   (default: .venv/bin/python, else python3)
# Needs the project installed with its build extra: pip install -e ".[build]". Prints the build time.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-}
if [ -z "$python" ]; then
    if [ -x .venv/bin/python ]; then python=.venv/bin/python; else python=python3; fi
fi
"$python" -c "import PyInstaller" 2>/dev/null || { echo "build: PyInstaller missing; pip install -e '.[build]'" >&2; exit 1; }
started=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/inspector.spec
echo "build: dist/inspector/inspector ($(du -sh dist/inspector | cut -f1)) in $(( $(date +%s) - started )) s"
