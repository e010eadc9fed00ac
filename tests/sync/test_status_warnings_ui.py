"""The status bar in Chinese: a laptop clock off the server's by more than 10 minutes, and a full server disk."""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path
from typing import Any

import pytest

from inspector_app.server.storage import StagedFile
from inspector_app.sync import actions
from tests.sync.harness import PASSWORD
from tests.sync.test_engine_e2e import LEAD, create_inspection
from tests.sync.test_sync_ui import window_for

# The pictures go to INSPECTOR_SHOTS when set (docs/screenshots/srvsec-*.png were made so), else the test's tmp.
SHOTS_ENV = "INSPECTOR_SHOTS"


def test_status_bar_warns_of_a_wrong_clock_and_a_full_server(sqlite_world: Any, qtbot: Any, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from inspector_app.ui.i18n import install_translators
    from inspector_app.ui.launch import qt_app

    from inspector_app import fonts
    from inspector_app.ui import fonts as ui_fonts

    qapp = qt_app()
    old_font = qapp.font()
    translators = install_translators(qapp, "zh_CN", tmp_path)
    try:   # the translators and the font are taken back in `finally`, whatever fails: later tests expect English
        fontset = fonts.cached_fonts(Path(os.environ["INSPECTOR_FONT_CACHE"]))
        family = ui_fonts.register((fontset.regular, fontset.bold)) if fontset is not None else None
        if family:
            ui_fonts.apply(qapp, family)   # as the app does at start: Chinese renders without system CJK fonts
        a = sqlite_world.make_client("a", "alice", sign_in=False)
        a.engine.clock = lambda: sqlite_world.clock() + dt.timedelta(minutes=125)   # this laptop runs fast
        w = window_for(a, qtbot)
        w.resize(1280, 720)
        with qtbot.waitSignal(w.sync.status_changed, timeout=20000):
            w.sync.sign_in("inproc", "alice", PASSWORD)   # a round follows the sign-in
        qtbot.waitUntil(lambda: "本机时钟与服务器相差 125 分钟" in w.status_sync.text(), timeout=20000)
        assert "min off" not in w.status_sync.text()
        shots = Path(os.environ.get(SHOTS_ENV) or tmp_path)
        shots.mkdir(parents=True, exist_ok=True)
        qapp.processEvents()   # let the status bar lay out the longer text before the picture
        assert w.grab().save(str(shots / "srvsec-clock-skew-status.png"))

        a.engine.clock = sqlite_world.clock
        iid = create_inspection(a)
        actions.attach_photo(a.ctx, LEAD, iid, b"\xff\xd8" + os.urandom(4096))

        def disk_full(self: StagedFile, pieces: object, limit: int, observe: object) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(StagedFile, "append_stream", disk_full)
        with qtbot.waitSignal(w.sync.status_changed, timeout=20000):
            w.sync.sync_now()
        qtbot.waitUntil(lambda: "服务器存储空间已满，稍后自动重试" in w.status_sync.text(), timeout=20000)
        text = w.status_sync.text()
        assert "离线" not in text and "在线" in text and "相差" not in text
        qapp.processEvents()
        assert w.grab().save(str(shots / "srvsec-server-full-status.png"))
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        qapp.setFont(old_font)
