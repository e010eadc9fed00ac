"""Preferences persist the Qt way; Chinese is the default on a Chinese system locale."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from inspector_app.services.context import Actor
from inspector_app.ui import i18n
from inspector_app.ui.settings import UiSettings
from tests.ui.conftest import settle


def test_language_follows_the_system_locale(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert i18n.default_language() == "zh_CN"
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("en_GB")))
    assert i18n.default_language() == "en"
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.default_language() == "en"  # the only other translation


def test_an_unset_locale_is_chinese_not_english(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """LANG=C.UTF-8 (a fresh install or container, the README's first command on it) showed the app in English:
    "C" is no preference, and the users are Chinese agencies' officers."""
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.C)))
    assert i18n.default_language() == "zh_CN"


def test_filters_geometry_and_language_survive_a_restart(app, roster, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.launch import build_window

    page = window.list_page
    page.search.setText("人民医院")
    page.status.setCurrentIndex(page.status.findData("on_site"))
    page_min = window.inspection_page.minimumSizeHint()  # made behind the first paint; the window's minimum
    qtbot.waitUntil(lambda: window.minimumSize().height() >= page_min.height(), timeout=5000)  # includes it
    window.resize(780, 590)  # within the offscreen screen (which clamps restored geometry), above the minimum
    size = (window.size().width(), window.size().height())
    window.actions_.language_en.trigger()
    settle(qtbot, window)
    window.close()
    assert UiSettings(app.paths.settings_file).language() == "en"
    o = roster["officers"][0]
    w2 = build_window(app, Actor(o.name, o.id), "en")
    qtbot.addWidget(w2)
    w2.show()
    w2.inspection_page  # noqa: B018
    qtbot.waitUntil(lambda: w2.list_page.search.text() == "人民医院", timeout=5000)
    assert w2.list_page.status.currentData() == "on_site"
    assert (w2.size().width(), w2.size().height()) == size != (1280, 820)
    w2.close()
