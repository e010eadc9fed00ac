"""Storage: SQLAlchemy 2 on SQLite. No Qt."""
