"""Errors raised by domain rules. Messages are shown to users as they are."""


class DomainError(Exception):
    """A rule of the domain was broken; the message says which and why."""


class IllegalTransition(DomainError):
    pass


class TeamRuleViolation(DomainError):
    pass


class ValidationError(DomainError):
    pass


class FrozenRecord(DomainError):
    """An edit was attempted on a record that is signed and therefore immutable."""
