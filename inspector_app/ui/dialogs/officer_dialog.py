"""Who is using this laptop: the officer whose name goes into the whole-process record for every action.
(Account sign-in arrives with sync; until then the officer is chosen from the roster.)"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QVBoxLayout, QWidget

from inspector_app.domain.agency_time import today as agency_today
from inspector_app.services.dto import OfficerDTO
from inspector_app.ui.models.roster_models import IdRole, OfficerCheckModel


class OfficerDialog(QDialog):
    def __init__(self, officers: list[OfficerDTO], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is using this laptop?"))
        self.resize(520, 420)
        self.model = OfficerCheckModel(officers, agency_today(), self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        label = QLabel(self.tr("Choose your name. Your actions are recorded under it in the whole-process "
                               "record."), self)
        label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.view.doubleClicked.connect(lambda _i: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0))

    def chosen_id(self) -> str | None:
        idx = self.view.currentIndex()
        return idx.data(IdRole) if idx.isValid() and bool(self.model.flags(idx) & Qt.ItemFlag.ItemIsEnabled) else None
