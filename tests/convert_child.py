"""Child process for the conversion crash test: opens a workspace with a key (which converts it), announcing
READY before and DONE after; the parent kills it with SIGKILL somewhere in between."""

from __future__ import annotations

import sys

from inspector_app.app import build_context


def main(data_dir: str, key_hex: str) -> None:
    print("READY", flush=True)
    build_context(data_dir, device="convert-child", workspace_key=bytes.fromhex(key_hex)).close()
    print("DONE", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
