"""Preferences the Qt way (QSettings, INI file in the workspace's config directory): window geometry and
splitters, language, last filters and the officer using this laptop."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

SCHEMA_VERSION = 1


class UiSettings:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._s = QSettings(str(path), QSettings.Format.IniFormat)
        if int(self._s.value("schema_version", 0)) < SCHEMA_VERSION:
            self._s.setValue("schema_version", SCHEMA_VERSION)

    def language(self) -> str | None:
        value = self._s.value("ui/language", "")
        return str(value) or None

    def set_language(self, lang: str) -> None:
        self._s.setValue("ui/language", lang)

    def officer_id(self) -> str | None:
        value = self._s.value("user/officer_id", "")
        return str(value) or None

    def set_officer_id(self, officer_id: str) -> None:
        self._s.setValue("user/officer_id", officer_id)

    def idle_lock_seconds(self) -> int:
        """Lock after this long without input (default 10 minutes); at least 1 s, at most a day."""
        try:
            value = int(float(self._s.value("security/idle_lock_seconds", 600)))
        except (TypeError, ValueError):
            value = 600
        return max(1, min(value, 86400))

    def set_idle_lock_seconds(self, seconds: int) -> None:
        self._s.setValue("security/idle_lock_seconds", int(seconds))

    def server_url(self) -> str:
        return str(self._s.value("sync/server", ""))

    def set_server_url(self, url: str) -> None:
        self._s.setValue("sync/server", url)

    def bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self._s.setValue(key, value)

    def filters(self) -> dict[str, str]:
        self._s.beginGroup("filters")
        try:
            return {k: str(self._s.value(k, "")) for k in self._s.childKeys()}
        finally:
            self._s.endGroup()

    def set_filters(self, values: dict[str, Any]) -> None:
        self._s.beginGroup("filters")
        for k, v in values.items():
            self._s.setValue(k, v)
        self._s.endGroup()

    def sync(self) -> None:
        self._s.sync()
