"""Errors raised by domain rules and services, as codes with parameters.

An error carries a stable ``code`` (for tests, the CLI, the sync protocol and logs), an English ``template`` with
``{name}`` placeholders, and its ``params``. The UI translates the template (translation context "Errors", see
``ui/errors.py``) and then fills in the parameters, so the English UI shows English and the Chinese UI Chinese.
Templates are marked with ``QT_TRANSLATE_NOOP`` so that lupdate extracts them from this Qt-free code.

    raise ValidationError("plan.target_out_of_range",
                          QT_TRANSLATE_NOOP("Errors", "The coverage target {value} % is not between 0 and 100."),
                          value=value)

A single argument (a finished message) is still accepted for the few raise sites not converted yet; its code is
``"message"`` and it is shown as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for extraction into the translation file; returns it unchanged (no Qt in the domain)."""
    return text


class DomainError(Exception):
    """A rule of the domain was broken; the code says which, the parameters say about what.

    Several problems found at once (a team that breaks three rules) travel as ``problems``: coded errors of their
    own, each translated on its own; the outer template (often empty) heads the list."""

    code: str
    template: str
    params: dict[str, Any]
    problems: tuple[DomainError, ...]

    def __init__(self, code: str, template: str | None = None, /, *, problems: Sequence[DomainError] = (),
                 **params: Any) -> None:
        if template is None:  # a finished message (not converted to a code yet)
            code, template = "message", code
        self.code, self.template, self.params = code, template, params
        self.problems = tuple(problems)
        super().__init__(self.english())

    @property
    def codes(self) -> list[str]:
        """This error's code and its problems' codes (tests assert on these)."""
        return [self.code] + [c for p in self.problems for c in p.codes]

    def english(self) -> str:
        """The message in the source language (logs, CLI, HTTP bodies)."""
        return join(render(self.template, self.params), [p.english() for p in self.problems])

    def __reduce__(self) -> tuple[Any, ...]:  # picklable across processes with its code and parameters
        return (_rebuild, (type(self), self.code, self.template, self.params, self.problems))


def join(head: str, parts: Sequence[str], pair: str = "{first} {next}", headed: str = "{head}: {problems}") -> str:
    """A head (may be empty) and the problems under it, as one line. ``pair`` joins two problems and ``headed``
    puts the head before them: patterns, so that a translation can use its own punctuation (zh: "；", "：")."""
    body = ""
    for part in parts:
        body = pair.replace("{first}", body).replace("{next}", part) if body else part
    if not head:
        return body
    return headed.replace("{head}", head).replace("{problems}", body) if body else head


def _rebuild(cls: type[DomainError], code: str, template: str, params: dict[str, Any],
             problems: tuple[DomainError, ...] = ()) -> DomainError:
    exc = cls.__new__(cls)
    DomainError.__init__(exc, code, template, problems=problems, **params)
    return exc


def render(template: str, params: dict[str, Any]) -> str:
    """Fill ``{name}`` placeholders; a translation that lost or mistyped one still shows something readable."""
    if not params:
        return template
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template + " (" + ", ".join(f"{k}={v}" for k, v in params.items()) + ")"


class IllegalTransition(DomainError):
    pass


class TeamRuleViolation(DomainError):
    pass


class ValidationError(DomainError):
    pass


class FrozenRecord(DomainError):
    """An edit was attempted on a record that is signed and therefore immutable."""
