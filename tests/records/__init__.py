"""Tests of inspector_app.records (laid out by tools/relayout_tests.py)."""
