"""The suite's own scheduling: the files named as the longest exist (a renamed file would silently run last)."""

from __future__ import annotations

from tests.conftest import LONGEST, REPO


def test_the_longest_files_named_for_the_scheduler_exist() -> None:
    assert [name for name in LONGEST if not (REPO / name).is_file()] == []
