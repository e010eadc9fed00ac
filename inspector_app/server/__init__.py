"""Sync server (sync.md): FastAPI + SQLAlchemy on SQLite or PostgreSQL.

Keep this file import-free: the client imports the pure `inspector_app.server.protocol` module without the
server's dependencies (FastAPI, uvicorn, argon2) being installed.
"""
