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

A problem that is *found* rather than raised (a record not ready to sign, a broken journal chain, a tampered case
file) is a `CodedProblem`: the same code, template and parameters, without being an exception. Its sub-problems
follow its head (``"{head}: {problems}"``), or stand where the template says ``{problems}``. A list parameter is
joined as a list ("a, b"; each string in it translated on its own, so it may hold QT_TRANSLATE_NOOP words); a
parameter may itself be a coded problem (a phrase with parameters of its own).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
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
    problems: tuple[DomainError | CodedProblem, ...]

    def __init__(self, code: str, template: str | None = None, /, *,
                 problems: Sequence[DomainError | CodedProblem] = (),
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
        return compose(self.template, self.params, [p.english() for p in self.problems])

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


def compose(template: str, params: dict[str, Any], parts: Sequence[str], pair: str = "{first} {next}",
            headed: str = "{head}: {problems}") -> str:
    """A filled template and its sub-problems: in its ``{problems}`` placeholder when it has one (so that words may
    follow the list: "… in {count} places: {problems}"), else after it as ``headed`` says."""
    if "{problems}" in template:
        return render(template, {**params, "problems": join("", parts, pair)})
    return join(render(template, params) if template else "", parts, pair, headed)


def _rebuild(cls: type[DomainError], code: str, template: str, params: dict[str, Any],
             problems: tuple[DomainError | CodedProblem, ...] = ()) -> DomainError:
    exc = cls.__new__(cls)
    DomainError.__init__(exc, code, template, problems=problems, **params)
    return exc


def render(template: str, params: dict[str, Any]) -> str:
    """Fill ``{name}`` placeholders; a translation that lost or mistyped one still shows something readable."""
    if not params:
        return template
    params = {k: _english_list(v) if isinstance(v, (list, tuple)) else v.english() if isinstance(v, CodedProblem)
              else v for k, v in params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template + " (" + ", ".join(f"{k}={v}" for k, v in params.items()) + ")"


def _english_list(values: Sequence[Any]) -> str:
    return join("", [v.english() if hasattr(v, "english") else str(v) for v in values], "{first}, {next}")


@dataclass(frozen=True, slots=True)
class CodedProblem:
    """A problem found, not raised: a stable ``code``, an English ``template`` and its ``params``, and the
    ``problems`` under it (coded problems or domain errors). Reports (verification, case files) hold these and
    word them when they are printed, in the report's language (ui/errors.py: problem_message)."""

    code: str
    template: str
    params: dict[str, Any] = field(default_factory=dict)
    problems: tuple[Any, ...] = ()

    @property
    def codes(self) -> list[str]:
        return [self.code] + [c for p in self.problems for c in p.codes]

    def english(self) -> str:
        if self.code == "message":  # a finished message from a part still worded in one language
            return self.template
        return compose(self.template, self.params, [p.english() for p in self.problems])


def coded(code: str, template: str, /, *, problems: Sequence[Any] = (), **params: Any) -> CodedProblem:
    """``CodedProblem`` with the signature of ``DomainError``: ``coded("area.what", QT_TRANSLATE_NOOP("Errors",
    "English {name}."), name=v)``."""
    return CodedProblem(code, template, params, tuple(problems))


def in_english(problem: Any) -> str:
    """The default wording of a report's coded problems (a DomainError or CodedProblem): the source language.
    Reports take the wording as a function, so the command line can pass the catalogue's (ui/cli_words.py)."""
    return str(problem.english())


def finished(text: str) -> CodedProblem:
    """A message worded elsewhere (a verification reason records still words in Chinese), carried as it is."""
    return CodedProblem("message", text)


def as_json(problem: Any) -> dict[str, Any]:
    """A coded problem (or domain error) for JSON output: code, parameters and sub-problems, no wording."""
    params = {k: [as_json(x) if hasattr(x, "code") else x for x in v] if isinstance(v, (list, tuple))
              else as_json(v) if isinstance(v, CodedProblem) else v for k, v in problem.params.items()}
    out: dict[str, Any] = {"code": problem.code, "params": params}
    if problem.code == "message":
        out["params"] = {"text": problem.template}
    if problem.problems:
        out["problems"] = [as_json(p) for p in problem.problems]
    return out


class IllegalTransition(DomainError):
    pass


class TeamRuleViolation(DomainError):
    pass


class ValidationError(DomainError):
    pass


class FrozenRecord(DomainError):
    """An edit was attempted on a record that is signed and therefore immutable."""
