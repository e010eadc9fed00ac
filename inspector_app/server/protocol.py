"""Kept for existing imports: the Sync v1 protocol now lives in inspector_app.syncproto, shared by the client
and the server (neither imports the other). New code imports inspector_app.syncproto."""

from inspector_app.syncproto import *  # noqa: F403
from inspector_app.syncproto import __all__  # noqa: F401
from inspector_app.syncproto import _check, _no_floats  # noqa: F401
