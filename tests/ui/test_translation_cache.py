"""The compiled translation is cached under the .ts's content stamp: lrelease runs once per wording, never again
on later starts — not even after a checkout or `touch` changes the file's time but not its words."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from inspector_app.ui import i18n


def test_lrelease_runs_once_per_wording(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "resources" / "i18n"
    src.mkdir(parents=True)
    real_ts = Path(i18n.__file__).resolve().parents[2] / "resources" / "i18n" / "inspector_zh_CN.ts"
    ts = src / "inspector_zh_CN.ts"
    ts.write_bytes(real_ts.read_bytes())
    monkeypatch.setattr(i18n, "resources_dir", lambda: tmp_path / "resources")
    runs: list[list[str]] = []
    real_run = subprocess.run

    def counting_run(cmd: list[str], **kw):  # type: ignore[no-untyped-def]
        runs.append(cmd)
        return real_run(cmd, **kw)

    monkeypatch.setattr(subprocess, "run", counting_run)  # the module i18n imports when it compiles
    cache = tmp_path / "cache"
    first = i18n._compiled("zh_CN", cache)
    assert first is not None and first.read_bytes()[:4] == bytes.fromhex("3cb86418") and len(runs) == 1
    os.utime(ts, (ts.stat().st_atime, ts.stat().st_mtime + 100))  # a checkout: newer time, same words
    assert i18n._compiled("zh_CN", cache) == first and len(runs) == 1
    ts.write_text(ts.read_text("utf-8").replace("正在打开工作区…", "正在打开工作区……"), "utf-8")
    second = i18n._compiled("zh_CN", cache)
    assert second != first and len(runs) == 2 and not first.exists()  # new words: compiled, the old one gone
    assert [p.name for p in (cache / "i18n").iterdir()] == [second.name]  # no temp file left behind
    shipped = src / "inspector_zh_CN.qm"  # an installed package: the .qm compiled at build time, newer than the .ts
    shipped.write_bytes(second.read_bytes())
    assert i18n._compiled("zh_CN", cache) == shipped and len(runs) == 2
