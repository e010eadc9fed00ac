"""Tests of inspector_app.catalog (laid out by tools/relayout_tests.py)."""
