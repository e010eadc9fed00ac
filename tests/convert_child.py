"""Child process for the conversion crash test: opens a workspace with a key (which converts it), announcing
READY before and DONE after; the parent kills it with SIGKILL somewhere in between."""

from __future__ import annotations

import os
import sys
import time

from inspector_app.app import build_context


def main(data_dir: str, key_hex: str) -> None:
    delay = float(os.environ.get("CONVERT_CHILD_SEAL_DELAY", "0"))
    if delay:  # widen the file phase so the parent can kill inside it on purpose (not only by chance)
        from inspector_app.storage import conversion

        seal = conversion._seal_in_place

        def slow_seal(path, file_key):  # type: ignore[no-untyped-def]
            seal(path, file_key)
            time.sleep(delay)

        conversion._seal_in_place = slow_seal  # type: ignore[assignment]
    print("READY", flush=True)
    build_context(data_dir, device="convert-child", workspace_key=bytes.fromhex(key_hex)).close()
    print("DONE", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
