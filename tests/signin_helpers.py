"""A workspace with key slots and known passwords, for the sign-in tests (GUI, CLI, demo)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

import pytest

from tests.conftest import test_workspace_key

INSPECTOR_PASSWORD = "inspector-pass-1"
LEAD_PASSWORD = "lead-pass-12"


def sign_in_as_inspector(dialog: Any) -> None:
    """In the sign-in dialog: choose the keyed inspector (陈明哲, the roster's first officer) and sign in."""
    dialog.list.setCurrentRow(next(n for n in range(dialog.list.count()) if "陈明哲" in dialog.list.item(n).text()))
    dialog.password.setText(INSPECTOR_PASSWORD)
    dialog.sign_in_button.click()


@lru_cache(maxsize=1)
def recovery_pair() -> tuple[bytes, bytes]:
    """(private PEM, public PEM): one RSA-3072 pair per test session (generation takes a moment)."""
    from inspector_app.storage.keyslots import generate_recovery_key_pair

    return generate_recovery_key_pair()


@pytest.fixture
def keyed(app, roster) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Key slots for the roster's first officer (inspector) and an added team lead; officers[1] has none yet."""
    from inspector_app.domain.roster import OfficerData
    from inspector_app.services.context import Actor
    from inspector_app.services.signin import WorkspaceKeys

    lead, _ = app.roster.add_officer(Actor("管理员"), OfficerData(
        "沈听澜", "基金监督科", "测执00009", dt.date(2028, 1, 1), role="team_lead"))
    keys = WorkspaceKeys(app.paths.keys_dir)
    key = keys.create(recovery_pair()[1])
    inspector = roster["officers"][0]
    keys.set_password(key, inspector.id, inspector.name, inspector.role, inspector.certificate_no,
                      INSPECTOR_PASSWORD)
    keys.set_password(key, lead.id, lead.name, lead.role, lead.certificate_no, LEAD_PASSWORD)
    if test_workspace_key() is None:
        # A workspace with key slots is encrypted with its key: reopen the fixture's context on it now (the first
        # open with a key converts the plain workspace), so the test and the CLI it drives share one store.
        from inspector_app.app import build_context

        clock, device, data_dir = app.ctx.clock, app.ctx.device, str(app.paths.data_dir)
        app.close()
        app.__dict__.update(build_context(data_dir, clock=clock, device=device, workspace_key=key).__dict__)
    return {"keys": keys, "key": key, "inspector": inspector, "lead": lead, "private_pem": recovery_pair()[0]}
