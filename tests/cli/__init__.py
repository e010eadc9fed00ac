"""Tests of inspector_app.cli (laid out by tools/relayout_tests.py)."""
