"""The 音像记录 register dialog: a WAV clip generated here is imported (hashed, timed, registered with its recorder
and stage) and played back in the app — the player reaches the playing state and its position advances. Offscreen
with no sound card, Qt's FFmpeg backend still plays (it reports "No audio device detected" and runs the clock);
without a microphone the record action is disabled and says why."""

from __future__ import annotations

import os
from pathlib import Path

from inspector_app.ui.widgets.media_player import multimedia
from tests.helpers import new_inspection, start_on_site
from tests.services.test_recordings import make_wav


def test_audio_clip_imported_and_played_back(app, roster, qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.dialogs.recordings_dialog import RecordingsDialog

    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    o1 = roster["officers"][0]
    dialog = RecordingsDialog(window.ops, iid, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.recorded_by.count() >= 2, timeout=10000)
    qm = multimedia()
    assert qm is not None, "Qt Multimedia missing: install PySide6-Addons and the libpulse0 Debian package"
    if not qm.QMediaDevices.audioInputs():
        assert not dialog.record_button.isEnabled() and "microphone" in dialog.record_button.toolTip()
    dialog.recorded_by.setCurrentIndex(dialog.recorded_by.findData(o1.id))
    dialog.stage.setCurrentIndex(dialog.stage.findData("inquiry"))
    dialog.import_path(make_wav(tmp_path / "询问录音.wav", 2.0))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=20000)
    [rec] = app.recordings.of_inspection(iid)
    assert (rec.stage, rec.recorded_by, rec.duration_ms) == ("inquiry", o1.id, 2000)
    assert dialog.table.item(0, 4).text() == "00:02" and dialog.table.item(0, 1).text() == "Inquiry"
    dialog.table.selectRow(0)
    dialog.play_selected()
    player = dialog.player.player
    qtbot.waitUntil(lambda: player.playbackState() == player.PlaybackState.PlayingState, timeout=20000)
    qtbot.waitUntil(lambda: player.position() > 100, timeout=20000)
    assert player.duration() == 2000 and dialog.player.play_button.text() == "Pa&use"
    dialog.player.toggle()
    qtbot.waitUntil(lambda: player.playbackState() == player.PlaybackState.PausedState, timeout=10000)
    # cut a clip (what the Cut button's prompts collect): a second register row, the original unchanged
    dialog.trim_selected(0.5, 1.5)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=20000)
    assert "original is unchanged" in dialog.status.text()
    original, clip = app.recordings.of_inspection(iid)
    assert original == rec and clip.sha256 != rec.sha256 and 1000 <= (clip.duration_ms or 0) <= 1300
    dialog.close()
    shots = os.environ.get("SEAL15_SHOTS")
    if shots:  # README screenshot: `SEAL15_SHOTS=docs/screenshots pytest tests/ui/test_recordings_ui.py`
        from PySide6.QtWidgets import QApplication

        from inspector_app.ui.i18n import install_translators

        keep = install_translators(QApplication.instance(), "zh_CN", app.paths.cache_dir)
        QApplication.processEvents()
        zh = RecordingsDialog(window.ops, iid, window)
        qtbot.addWidget(zh)
        qtbot.waitUntil(lambda: zh.table.rowCount() == 2, timeout=10000)
        zh.table.selectRow(0)
        zh.show()
        zh.grab().save(str(Path(shots) / "seal15-recordings-dialog.png"))
        zh.close()
        for t in keep:
            QApplication.instance().removeTranslator(t)
