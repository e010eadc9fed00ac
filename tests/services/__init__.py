"""Tests of inspector_app.services (laid out by tools/relayout_tests.py)."""
