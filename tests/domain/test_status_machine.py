"""The inspection status machine of domain.md §4.3."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.domain.errors import IllegalTransition
from inspector_app.domain.inspection import STATUS_NAMES, TRANSITIONS, Status, check_transition

LEGAL_PATH = [Status.DRAFT, Status.ON_SITE, Status.AWAITING_SIGNATURE, Status.SIGNED, Status.SUBMITTED,
              Status.UNDER_REVIEW, Status.RETURNED, Status.SUBMITTED, Status.UNDER_REVIEW, Status.APPROVED,
              Status.RECTIFICATION, Status.CLOSED]


def test_the_whole_lifecycle_is_legal() -> None:
    for a, b in zip(LEGAL_PATH, LEGAL_PATH[1:]):
        check_transition(a, b)


@pytest.mark.parametrize("a,b", [
    (Status.DRAFT, Status.SIGNED), (Status.ON_SITE, Status.SUBMITTED), (Status.SIGNED, Status.ON_SITE),
    (Status.APPROVED, Status.UNDER_REVIEW), (Status.CLOSED, Status.DRAFT), (Status.RETURNED, Status.APPROVED),
])
def test_illegal_jumps_are_refused_with_both_names(a: Status, b: Status) -> None:
    with pytest.raises(IllegalTransition) as err:
        check_transition(a, b)
    assert err.value.code == "inspection.illegal_transition"
    assert err.value.params == {"current": STATUS_NAMES[a], "target": STATUS_NAMES[b]}


def test_signed_record_cannot_go_back_to_editing() -> None:
    for frozen in (Status.SIGNED, Status.SUBMITTED, Status.APPROVED, Status.CLOSED):
        for editable in (Status.DRAFT, Status.ON_SITE, Status.AWAITING_SIGNATURE):
            with pytest.raises(IllegalTransition):
                check_transition(frozen, editable)


@given(st.lists(st.sampled_from(list(Status)), max_size=30))
def test_random_walks_only_follow_the_table(steps: list[Status]) -> None:
    current = Status.DRAFT
    for target in steps:
        if target in TRANSITIONS[current]:
            check_transition(current, target)
            current = target
        else:
            with pytest.raises(IllegalTransition):
                check_transition(current, target)


def test_every_status_has_a_chinese_label_and_closed_is_terminal() -> None:
    assert set(STATUS_NAMES) == set(Status)
    assert TRANSITIONS[Status.CLOSED] == frozenset()
