"""The command line's help and usage errors in the user's language (context "Cli" of the windows' catalogue).

The parsers are built with their English help (the source text, marked with QT_TRANSLATE_NOOP for lupdate) and
nothing is translated while they are built or while a correct command line is parsed: a command pays for the
catalogue only when it prints help or a usage error.

argparse's own words ("usage: ", "options", "the following arguments are required: %s", …) come from
`gettext.gettext`, which argparse binds at import as the module globals `argparse._` and `argparse.ngettext`.
Python ships no translations for them, and a gettext catalogue would need a compiled .mo file beside the .qm we
already ship. So, the least magic that works: while `speaking` is active (only around `parse_args` in cli.main),
those two globals look the words up in the same catalogue as everything else, and are put back afterwards. The
words are listed below so that lupdate extracts them and tests/test_i18n.py sees them translated.
"""

from __future__ import annotations

import argparse
import os
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP

Words = Callable[[str, str], str]  # (context, English source) -> the text in the chosen language
LANGUAGES = ("zh_CN", "en")

# argparse's words (Python 3.11's argparse.py) that a user can meet in help or a usage error.
ARGPARSE_WORDS = (
    QT_TRANSLATE_NOOP("Cli", "usage: "),
    QT_TRANSLATE_NOOP("Cli", "positional arguments"),
    QT_TRANSLATE_NOOP("Cli", "options"),
    QT_TRANSLATE_NOOP("Cli", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Cli", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("Cli", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("Cli", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Cli", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Cli", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("Cli", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("Cli", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Cli", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("Cli", "expected one argument"),
    QT_TRANSLATE_NOOP("Cli", "expected at most one argument"),
    QT_TRANSLATE_NOOP("Cli", "expected at least one argument"),
    QT_TRANSLATE_NOOP("Cli", "expected %s argument"),
    QT_TRANSLATE_NOOP("Cli", "expected %s arguments"),
    QT_TRANSLATE_NOOP("Cli", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("Cli", "unexpected option string: %s"),
    QT_TRANSLATE_NOOP("Cli", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("Cli", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Cli", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    QT_TRANSLATE_NOOP("Cli", "can't open '%(filename)s': %(error)s"),
)

_active: Words | None = None  # the words of the `speaking` block in progress, None outside one (English)


def requested_language(argv: Sequence[str] | None) -> str:
    """The language of the help, known before parsing: `--lang X` / `--lang=X` when X is one we speak, else the
    locale's."""
    args = list(argv) if argv is not None else []
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        else:
            continue
        if value in LANGUAGES:
            return value
    return locale_language()


def locale_language() -> str:
    """The command line's language without --lang (its messages' too, ui/cli_words.py): the locale (LC_ALL,
    LC_MESSAGES, LANG) when it names English or Chinese, else Chinese (an agency tool in China: an unset or "C"
    locale on a server must not switch it to English)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value.startswith("en"):
            return "en"
        if value.startswith("zh"):
            return "zh_CN"
    return "zh_CN"


class CliParser(argparse.ArgumentParser):
    """An ArgumentParser whose help is translated when it is formatted inside `speaking` (add_subparsers gives
    every subcommand's parser this class too)."""

    def format_help(self) -> str:
        if _active is not None:
            translate_texts(self, _active)
        return super().format_help()

    def _get_formatter(self) -> argparse.HelpFormatter:
        return super()._get_formatter() if _active is None else WideFormatter(prog=self.prog)


class WideFormatter(argparse.HelpFormatter):
    """argparse wraps help with textwrap, which counts characters; a Chinese character takes two columns of the
    terminal, so Chinese help would run past its width. This one counts columns (English help keeps argparse's
    own formatter, unchanged)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(" ".join(text.split()), width - len(indent)))

    def _format_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None) -> str:
        # argparse measures the prefix in characters; "用法：" takes 3 more columns than it has characters: wrap the
        # usage that much narrower and indent its continuation lines that much further
        prefix = argparse._("usage: ") if prefix is None else prefix  # type: ignore[attr-defined]
        extra = columns(prefix) - len(prefix)
        self._width -= extra
        try:
            first, *rest = super()._format_usage(usage, actions, groups, prefix).split("\n")
        finally:
            self._width += extra
        return "\n".join([first, *(" " * extra + line if line.startswith(" ") else line for line in rest)])


_NO_LINE_START = set("，。、；：？！）」』”’》")
_NO_LINE_END = set("（「『“‘《")


def columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, width: int) -> list[str]:
    """Greedy wrap by terminal columns, between words or between any two Chinese characters; a closing mark
    (，。）…) does not start a line (the character before it moves down with it), an opening one (（“…) does not end
    one. A word longer than the line keeps its own line, as textwrap's would not break it either."""
    units: list[str] = []  # words, single wide characters, and " " between words
    for c in text:
        if c == " " or columns(c) == 2 or not units or units[-1] == " " or columns(units[-1][-1]) == 2:
            units.append(c)
        else:
            units[-1] += c
    lines: list[str] = []
    line: list[str] = []
    for unit in units:
        if unit == " ":
            line += [" "] if line else []
            continue
        if line and columns("".join(line) + unit) > width:
            cut = len(line)
            if unit in _NO_LINE_START:
                while cut and (line[cut - 1] in _NO_LINE_START or line[cut - 1] == " "):
                    cut -= 1
                cut -= 1
            while cut > 0 and line[cut - 1] in _NO_LINE_END:
                cut -= 1
            if cut <= 0:
                cut = len(line)
            lines.append("".join(line[:cut]).rstrip())
            line = line[cut:]
            while line and line[0] == " ":
                line.pop(0)
        line.append(unit)
    if line:
        lines.append("".join(line).rstrip())
    return lines or [""]


def translate_texts(parser: argparse.ArgumentParser, words: Words) -> None:
    """Replace this parser's own texts (description, epilog, group titles, its options' and subcommands' help) by
    their translation. argparse keeps them in private attributes; there is no public way to reach them."""
    def tr(text: str | None) -> str | None:
        return words("Cli", text) if text and text != argparse.SUPPRESS else text

    parser.description = tr(parser.description)
    parser.epilog = tr(parser.epilog)
    for group in parser._action_groups:
        group.title = tr(group.title)
        group.description = tr(group.description)
    for action in parser._actions:
        action.help = tr(action.help)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = tr(choice.help)


def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """`parser` and every subcommand's parser below it, depth first."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):  # an alias maps to the same parser
                yield from parsers(sub)


def catalogue(lang: str) -> Words:
    """The windows' catalogue of `lang`, loaded at the first word asked (QtCore and the .qm: only for help or an
    error, never for a correct command line)."""
    loaded: list[Words] = []

    def words(context: str, text: str) -> str:
        if not loaded:
            from inspector_app.paths import resolve_paths
            from inspector_app.ui.cli_words import translator

            loaded.append(translator(lang, resolve_paths().cache_dir))
        return loaded[0](context, text)

    return words


@contextmanager
def speaking(lang: str, words: Words | None = None) -> Iterator[None]:
    """Help, usage and argparse's errors in `lang` inside the block; English (argparse untouched) for "en"."""
    global _active
    if lang == "en":
        yield
        return
    words = words or catalogue(lang)
    module: Any = argparse  # its gettext functions are module globals, looked up at each call
    saved = module._, module.ngettext, _active
    module._ = lambda text: words("Cli", text)
    module.ngettext = lambda one, many, n: words("Cli", one if n == 1 else many)
    _active = words
    try:
        yield
    finally:
        module._, module.ngettext, _active = saved
