"""The 双随机 draw for a plan item, in the order the rules demand: the seed is fixed (and journaled) first and shown;
only then is the pool built and the result drawn; the lead accepts it (draft inspections) or abandons it with a
reason, and a new attempt of the round starts from a new seed, the abandoned one staying on record."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.ui.operations import Operations


class DrawDialog(QDialog):
    def __init__(self, ops: Operations, item_id: str, item_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self.item_id = ops, item_id
        self.draw: Any = None
        self.setWindowTitle(self.tr("Random draw: %1").replace("%1", item_name))
        self.seed_label = QLabel(self)
        self.seed_label.setObjectName("draw_seed")
        self.seed_label.setWordWrap(True)
        self.rules_label = QLabel(self)
        self.rules_label.setObjectName("draw_rules")
        self.rules_label.setWordWrap(True)
        self.pool_label = QLabel(self)
        self.pool_label.setObjectName("draw_pool")
        self.pool_label.setWordWrap(True)
        self.result = QListWidget(self)
        self.result.setObjectName("draw_result")
        self.draw_button = QPushButton(self.tr("&Draw"), self)
        self.draw_button.setObjectName("draw_run")
        self.accept_button = QPushButton(self.tr("&Accept and create drafts"), self)
        self.accept_button.setObjectName("draw_accept")
        self.abandon_button = QPushButton(self.tr("A&bandon…"), self)
        self.abandon_button.setObjectName("draw_abandon")
        for b in (self.draw_button, self.accept_button, self.abandon_button):
            b.setEnabled(False)
        self.draw_button.clicked.connect(self._run)
        self.accept_button.clicked.connect(self._accept)
        self.abandon_button.clicked.connect(self._abandon)
        buttons = QHBoxLayout()
        for b in (self.draw_button, self.accept_button, self.abandon_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The seed is fixed and recorded before the pool is shown; every draw, "
                                        "abandoned ones included, stays in the record."), self))
        layout.addWidget(self.seed_label)
        layout.addWidget(self.rules_label)
        layout.addWidget(self.pool_label)
        layout.addWidget(self.result, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(640, 480)
        self._open()

    def _open(self, round_no: int | None = None) -> None:
        draws, actor = self.ops.app.draws, self.ops.actor
        self.ops.write(lambda: draws.open(actor, self.item_id, round_no=round_no), self._seeded)

    def _seeded(self, draw: Any) -> None:
        self.draw = draw
        self.seed_label.setText(self.tr("Round %1, attempt %2 — seed fixed: %3")
                                .replace("%1", str(draw.round_no)).replace("%2", str(draw.attempt))
                                .replace("%3", draw.seed))
        rules = draw.rules
        weights = "; ".join(w["name"] for w in rules["weights"]) or self.tr("none")
        # the rules in force (the agency's draw-rules.toml, else the defaults) are fixed with the seed
        self.rules_label.setText(self.tr("Rules: at least %1 % of the scope · not again within %2 days · %3 officers "
                                         "per inspection · weighting: %4 · rules hash %5")
                                 .replace("%1", str(rules["min_ratio_pct"])).replace("%2", str(rules["lookback_days"]))
                                 .replace("%3", str(rules["officers_per_team"])).replace("%4", weights)
                                 .replace("%5", draw.rules_hash[:16] + "…"))
        self.pool_label.clear()
        self.result.clear()
        self.draw_button.setEnabled(True)
        self.abandon_button.setEnabled(True)
        self.accept_button.setEnabled(False)

    def _run(self) -> None:
        draws, actor, draw_id = self.ops.app.draws, self.ops.actor, self.draw.id
        self.draw_button.setEnabled(False)
        self.ops.write(lambda: (draws.run(actor, draw_id), self.ops.app.roster.officers()), self._drawn,
                       lambda _e: self.draw_button.setEnabled(True))

    def _drawn(self, data: tuple[Any, Any]) -> None:
        self.draw, officers = data
        names = {o.id: o.name for o in officers}
        pool = self.draw.pool
        self.pool_label.setText(self.tr("In scope: %1 · candidates: %2 · excluded: %3 · drawn: %4 · pool hash: %5")
                                .replace("%1", str(pool["scope_size"])).replace("%2", str(len(pool["candidates"])))
                                .replace("%3", str(len(pool["exclusions"]))).replace("%4", str(self.draw.count))
                                .replace("%5", self.draw.pool_hash[:16] + "…"))
        for p in self.draw.result["picks"]:
            self.result.addItem(f"{p['name']}　{'、'.join(names.get(o, o) for o in p['officer_ids'])}")
        self.accept_button.setEnabled(True)

    def _accept(self) -> None:
        draws, actor, draw_id = self.ops.app.draws, self.ops.actor, self.draw.id
        self.accept_button.setEnabled(False)
        self.abandon_button.setEnabled(False)
        self.ops.write(lambda: draws.accept(actor, draw_id), self._accepted)

    def _accepted(self, result: tuple[Any, Any]) -> None:
        self.draw = result[0]
        self.seed_label.setText(self.seed_label.text() + "\n" + self.tr("Accepted: %1 draft inspections created.")
                                .replace("%1", str(len(self.draw.inspection_ids))))

    def _abandon(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Abandon the draw"),
                                          self.tr("Why is this draw abandoned? (kept in the record)"))
        if ok and reason.strip():
            self.abandon(reason)

    def abandon(self, reason: str) -> None:
        draws, actor, draw = self.ops.app.draws, self.ops.actor, self.draw
        self.ops.write(lambda: draws.abandon(actor, draw.id, reason), lambda _d: self._open(draw.round_no))
