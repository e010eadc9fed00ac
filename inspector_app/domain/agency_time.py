"""One time zone for everything people read: the agency's (default Asia/Shanghai), never the laptop's.

Inspectors' laptops may be set to UTC or to another zone; the records, the notices and the screens must agree
on one clock, the agency's. Stored times stay timezone-aware UTC; only display and "today" go through here.
The zone is a setting: ``time_zone = "Asia/Shanghai"`` in the workspace's ``config/agency.toml`` or the
INSPECTOR_TIMEZONE environment variable (which wins). Names are IANA zones (zoneinfo; on Windows the `tzdata`
package supplies the database). China has kept UTC+8 without daylight saving since 1991, so if no zone
database is present at all the default falls back to a fixed UTC+8 rather than failing.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError

DEFAULT_ZONE = "Asia/Shanghai"
ENV_ZONE = "INSPECTOR_TIMEZONE"
CONFIG_FILE = "agency.toml"

_FIXED_CHINA = dt.timezone(dt.timedelta(hours=8), "UTC+8")
_zone: dt.tzinfo | None = None


class TimeZoneSettingError(DomainError, ValueError):
    """The configured time zone is not a zone name the database knows."""


def zone_named(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        if name == DEFAULT_ZONE:
            return _FIXED_CHINA
        raise TimeZoneSettingError("time_zone.unknown", QT_TRANSLATE_NOOP(
            "Errors", "Unknown time zone {name} (an IANA zone name is expected, such as {example})."),
            name=repr(name), example=DEFAULT_ZONE) from exc


def set_agency_zone(name: str) -> dt.tzinfo:
    global _zone
    _zone = zone_named(name)
    return _zone


def configure(config_dir: Path | None) -> dt.tzinfo:
    """Read the setting (environment first, then ``config_dir/agency.toml``); the default when neither says."""
    name = os.environ.get(ENV_ZONE, "").strip()
    source = ENV_ZONE  # the environment variable's name
    if not name and config_dir is not None:
        import tomllib  # only here: the main window's frame uses this module for "today" and needs no parser

        path = Path(config_dir) / CONFIG_FILE
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            data = {}
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise TimeZoneSettingError("time_zone.unreadable", QT_TRANSLATE_NOOP(
                "Errors", "{file}: cannot be read: {problem}"), file=str(path), problem=str(exc)) from exc
        value = data.get("time_zone", "")
        if not isinstance(value, str):
            raise TimeZoneSettingError("time_zone.not_a_string", QT_TRANSLATE_NOOP(
                "Errors", "{file}: time_zone must be a string, such as \"{example}\"."), file=str(path),
                example=DEFAULT_ZONE)
        name, source = value.strip(), str(path)
    try:
        return set_agency_zone(name or DEFAULT_ZONE)
    except TimeZoneSettingError as exc:
        raise TimeZoneSettingError("time_zone.setting", "{source}", source=source, problems=[exc]) from exc


def agency_zone() -> dt.tzinfo:
    return _zone if _zone is not None else set_agency_zone(os.environ.get(ENV_ZONE, "").strip() or DEFAULT_ZONE)


def local(value: dt.datetime) -> dt.datetime:
    """`value` on the agency's clock. A naive value is taken as UTC (how the database returns stored times)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(agency_zone())


def fmt(value: dt.datetime | None, pattern: str = "%Y-%m-%d %H:%M", empty: str = "—") -> str:
    return local(value).strftime(pattern) if value is not None else empty


def today(now: dt.datetime | None = None) -> dt.date:
    """The agency's date at `now` (default: the current time)."""
    return local(now or dt.datetime.now(dt.timezone.utc)).date()


def from_local(naive: dt.datetime) -> dt.datetime:
    """A wall-clock time typed by the user (agency time, no zone) as an aware datetime."""
    return naive.replace(tzinfo=agency_zone()) if naive.tzinfo is None else naive


class AgencyZone(dt.tzinfo):
    """The agency's zone as one tzinfo object that follows the setting: code holding it (the records' layout,
    signature stamps, verification texts) prints in the configured zone, not in a fixed UTC+8 of its own."""

    def utcoffset(self, value: dt.datetime | None) -> dt.timedelta | None:
        return agency_zone().utcoffset(value.replace(tzinfo=None) if value is not None else None)

    def dst(self, value: dt.datetime | None) -> dt.timedelta | None:
        return agency_zone().dst(value.replace(tzinfo=None) if value is not None else None)

    def tzname(self, value: dt.datetime | None) -> str | None:
        return agency_zone().tzname(value.replace(tzinfo=None) if value is not None else None)

    def fromutc(self, value: dt.datetime) -> dt.datetime:
        zone = agency_zone()
        return zone.fromutc(value.replace(tzinfo=zone))  # the result carries the concrete zone

    def __repr__(self) -> str:
        return f"AgencyZone({agency_zone()!r})"


AGENCY_ZONE = AgencyZone()


def zone_label(value: dt.datetime | None = None) -> str:
    """How documents name the clock: 北京时间 for the default zone, otherwise the zone and its UTC offset."""
    zone = agency_zone()
    if zone is _FIXED_CHINA or str(zone) == DEFAULT_ZONE:
        return "北京时间"
    offset = (value or dt.datetime.now(dt.timezone.utc)).astimezone(zone).utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{zone}，UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
