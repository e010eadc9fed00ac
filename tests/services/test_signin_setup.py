"""Workspace creation on a laptop: the first officer's sign-in, from the roster or typed on a new laptop."""

from __future__ import annotations

import datetime as dt

import pytest

from inspector_app.services.signin import KeySlotError, WorkspaceKeys, set_up_first_officer
from tests.signin_helpers import recovery_pair


def test_first_officer_typed_on_a_new_laptop_joins_the_roster(app) -> None:  # type: ignore[no-untyped-def]
    keys = WorkspaceKeys(app.paths.keys_dir)
    new = {"name": "林书远", "department": "基金监督科", "certificate_no": "测执01234",
           "certificate_expiry": dt.date(2028, 1, 1), "role": "team_lead"}
    officer, key = set_up_first_officer(app, keys, recovery_pair()[1], "first-pass-1", new_officer=new)
    assert officer.name == "林书远" and officer.is_team_lead
    [row] = app.roster.officers()
    assert row.id == officer.officer_id and row.role == "team_lead" and row.certificate_no == "测执01234"
    assert keys.unlock(officer.officer_id, "first-pass-1") == key
    assert keys.recover(recovery_pair()[0]) == key
    [event] = app.journal.events("session")
    assert event.event_type == "session.password_set" and event.payload["how"] == "setup"


def test_setup_refuses_bad_input_and_leaves_nothing_half_done(app, roster) -> None:  # type: ignore[no-untyped-def]
    keys = WorkspaceKeys(app.paths.keys_dir)
    o = roster["officers"][0]
    with pytest.raises(KeySlotError) as raised:
        set_up_first_officer(app, keys, recovery_pair()[1], "short", officer_id=o.id)
    assert raised.value.code == "keyslot.password_too_short"
    with pytest.raises(KeySlotError) as raised:
        set_up_first_officer(app, keys, b"not a key", "long-enough-1", officer_id=o.id)
    assert raised.value.code == "keyslot.recovery_public_unreadable"
    assert not keys.initialised()
    officer, _key = set_up_first_officer(app, keys, recovery_pair()[1], "long-enough-1", officer_id=o.id)
    assert officer.name == o.name
    with pytest.raises(KeySlotError) as raised:
        set_up_first_officer(app, keys, recovery_pair()[1], "long-enough-1", officer_id=o.id)
    assert raised.value.code == "keyslot.workspace_has_key"
