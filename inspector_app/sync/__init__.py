"""Qt-free sync client (sync.md §4, §8.3, §9): transport seam, engine, status, sign-in and conflicts API."""
