"""Sync server (sync.md): FastAPI + SQLAlchemy on SQLite or PostgreSQL.

Keep this file import-free: `inspector_app.server.protocol` (a re-export of inspector_app.syncproto, kept for
old imports) must load without the server's dependencies (FastAPI, uvicorn, argon2) being installed.
"""
