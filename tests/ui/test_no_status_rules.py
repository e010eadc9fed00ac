"""The UI holds no rules: whether an action is available follows from the rule book (domain/rules.py, through
ui/allowed.py) or from a DTO field the service fills (PlanDTO.next_status, PlanDTO.drawable, the review queue),
never from a widget comparing a status itself.

Allowed: the label and model modules, which map a status to its words or filter the list by the status the user
picked (the choice is the user's, not a rule).
"""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "inspector_app" / "ui"
ALLOWED = {"labels.py"}          # status -> words
ALLOWED_DIRS = {"models"}        # table models: display and the user's own status filter

_STATUS_WORDS = ("draft|on_site|awaiting_signature|signed|submitted|under_review|returned|approved|rectification|"
                 "closed|cancelled|filed|running|archived|accepted|abandoned|seeded|drawn|confirmed")
PATTERNS = [
    re.compile(r"\.status\s*(==|!=|\bin\b|\bnot in\b|\bis\b)"),                 # x.status == / in / is ...
    re.compile(r"\bstatus\s*(==|!=|\bis\b|\bin\b)\s*\(?\s*([\"']|\w*Status\.)"),  # status == "x" / Status.X
    re.compile(r"(==|!=|\bin\b|\bis\b)\s*[({]?\s*\w*Status\.[A-Z_]+"),          # ... is Status.SIGNED
    re.compile(r"\w*Status\([^)]*\)\s*(==|!=|\bin\b|\bis\b)"),                  # Status(x) in ...
    re.compile(rf"(==|!=|\bin\b)\s*[({{]?\s*[\"']({_STATUS_WORDS})[\"']"),         # == "signed"
    re.compile(r"\b(DRAWABLE|REVIEW_LISTED|SIGNABLE|EDITABLE)\b"),              # the domain's status sets
]


def status_comparisons(text: str) -> list[tuple[int, str]]:
    found = []
    for n, line in enumerate(text.splitlines(), 1):
        code = line.split("#", 1)[0]
        if any(p.search(code) for p in PATTERNS):
            found.append((n, line.strip()))
    return found


def test_no_widget_compares_a_status() -> None:
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        rel = path.relative_to(UI)
        if path.name in ALLOWED or rel.parts[0] in ALLOWED_DIRS:
            continue
        offenders += [f"ui/{rel.as_posix()}:{n}: {line}"
                      for n, line in status_comparisons(path.read_text(encoding="utf-8"))]
    assert not offenders, ("decide availability in the rule book (domain/rules.py) or a DTO field the service "
                           "fills, not in the UI:\n" + "\n".join(offenders))


def test_the_patterns_catch_the_comparisons_that_were_moved_out() -> None:
    """Each shape the UI used to decide with is caught (the check is not vacuous)."""
    for line in ['rows = [s for s in app.queries.inspections() if s.status in REVIEW_LISTED]',
                 'self.draw_button.setEnabled(lead and plan.status in DRAWABLE)',
                 'accepted = [d for d in app.draws.rounds(item.id) if d.status == "accepted"]',
                 'if Status(detail.summary.status) is Status.ON_SITE:',
                 'visible = status in (Status.DRAFT, Status.ON_SITE)',
                 'if insp_status == "signed":',
                 'read_only = status != "draft"']:
        assert status_comparisons(line), line
    for line in ['ok = status == QPdfDocument.Error.None_', 'if status.state == "server_full":',
                 'self.status.setText(text)', 'self.finish_button.setVisible(may(Action.FINISH_ON_SITE, status))']:
        assert not status_comparisons(line), line
