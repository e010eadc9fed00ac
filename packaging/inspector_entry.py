"""Entry point of the packaged app (PyInstaller): the `inspector` command, starting the desktop app by default.

freeze_support first: the font build may run in spawned worker processes, which in a frozen app re-enter this
executable. The static Chinese fonts were built at packaging time and ship in `fonts/` beside the program, so
the first start builds nothing (INSPECTOR_FONT_CACHE points there unless the user set it)."""

import multiprocessing
import os
import sys
from pathlib import Path

if __name__ == "__main__":
    multiprocessing.freeze_support()
    bundle = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent))
    if (bundle / "fonts" / "fonts.json").is_file():
        os.environ.setdefault("INSPECTOR_FONT_CACHE", str(bundle / "fonts"))
    from inspector_app.cli import main

    sys.exit(main())
