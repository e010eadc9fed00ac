"""The law's team rules in the core: two officers with valid certificates, 亮证, 回避."""

import datetime as dt

import pytest

from inspector_app.domain.errors import TeamRuleViolation
from inspector_app.domain.team import TeamMember, check_ready_for_site, check_team_formation

DAY = dt.date(2026, 11, 20)
AT = dt.datetime(2026, 11, 20, 9, tzinfo=dt.timezone.utc)


def member(n: int, expiry_days: int = 100, **kw: object) -> TeamMember:
    return TeamMember(f"o{n}", f"官员{n}", f"证{n}", DAY + dt.timedelta(days=expiry_days), **kw)  # type: ignore[arg-type]


def test_two_valid_officers_form_a_team() -> None:
    check_team_formation([member(1), member(2)], DAY)


def test_one_officer_is_refused_with_the_article() -> None:
    with pytest.raises(TeamRuleViolation) as caught:
        check_team_formation([member(1)], DAY)
    assert caught.value.code == "team.too_few_officers" and caught.value.params == {"minimum": 2, "valid": 1}


def test_expired_certificate_does_not_count_and_is_named() -> None:
    with pytest.raises(TeamRuleViolation) as err:
        check_team_formation([member(1), member(2, expiry_days=-1)], DAY)
    problem = next(p for p in err.value.problems if p.code == "team.certificate_expired")
    assert problem.params["name"] == "官员2" and "expired" in str(err.value)


def test_certificate_expiring_on_the_day_is_still_valid() -> None:
    check_team_formation([member(1), member(2, expiry_days=0)], DAY)


def test_same_officer_twice_is_not_two_officers() -> None:
    with pytest.raises(TeamRuleViolation) as caught:
        check_team_formation([member(1), member(1)], DAY)
    assert "team.duplicate_officer" in caught.value.codes


def test_duplicate_certificate_numbers_are_refused() -> None:
    a = member(1)
    b = TeamMember("o2", "官员2", a.certificate_no, a.certificate_expiry)
    with pytest.raises(TeamRuleViolation) as caught:
        check_team_formation([a, b], DAY)
    assert caught.value.code == "team.duplicate_certificate"


def ready(n: int, **kw: object) -> TeamMember:
    base = {"credentials_shown_at": AT, "recusal_declared_at": AT, "has_conflict": False}
    base.update(kw)
    return member(n, **base)


def test_ready_for_site_needs_credentials_shown() -> None:
    with pytest.raises(TeamRuleViolation) as caught:
        check_ready_for_site([ready(1), ready(2, credentials_shown_at=None)], DAY)
    assert caught.value.code == "team.credentials_not_shown" and caught.value.params == {"name": "官员2"}


def test_ready_for_site_needs_every_recusal_declaration() -> None:
    with pytest.raises(TeamRuleViolation) as caught:
        check_ready_for_site([ready(1), ready(2, has_conflict=None, recusal_declared_at=None)], DAY)
    assert caught.value.code == "team.recusal_missing"


def test_conflicted_officer_leaves_too_few() -> None:
    with pytest.raises(TeamRuleViolation):
        check_ready_for_site([ready(1), ready(2, has_conflict=True)], DAY)


def test_conflicted_officer_replaced_by_a_third_is_fine() -> None:
    check_ready_for_site([ready(1), ready(2, has_conflict=True, credentials_shown_at=None), ready(3)], DAY)
