"""Tests of inspector_app.storage (laid out by tools/relayout_tests.py)."""
