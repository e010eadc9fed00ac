"""Tests of inspector_app.demo (laid out by tools/relayout_tests.py)."""
