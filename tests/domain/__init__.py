"""Tests of inspector_app.domain (laid out by tools/relayout_tests.py)."""
