"""Done-when of issue 13: a whole inspection through a real window (Xvfb started here, xcb platform) with key and
mouse events only — create, 亮证/回避, all 58 items of the hospital template with 10 violations, 10 findings, 20
photos imported through the file dialog with the path typed, handwritten captures, the party's sign-off, both
officers' PAdES signatures, export — then the exported PDF is read back with pdftotext."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.xwindow.xvfb_run import run_harness

MAX_ACTIONS = 200


def test_a_whole_inspection_by_keyboard_and_mouse(tmp_path: Path) -> None:
    result = run_harness(tmp_path, "--violations", "10", "--findings", "10", "--photos", "20")
    assert result["error"] is None, result["error"] + "\n" + "\n".join(result["log"][-15:])
    print({k: v for k, v in result.items() if k != "log"})
    assert result["actions"] <= MAX_ACTIONS, result["actions"]
    assert len(result["violations"]) == 10
    text = subprocess.run(["pdftotext", "-layout", result["pdf"], "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "现场检查笔录" in text and "青川市第一人民医院" in text
    assert re.search(r"青医保检〔\d{4}〕1号", text)
    compact = re.sub(r"\s+", "", text)
    for n in range(1, 11):  # every finding typed through the dialog is in the signed record
        assert f"抽查病历{n}份" in compact, n
    for item_id in result["violations"]:
        assert item_id in compact, item_id
    assert all(f"p{n:02d}.jpg" in compact for n in range(1, 21)), "the 20 photos in the evidence list"
    sigs = subprocess.run(["pdfsig", result["pdf"]], capture_output=True, text=True).stdout
    assert sigs.count("Signature is Valid") == 2, sigs
