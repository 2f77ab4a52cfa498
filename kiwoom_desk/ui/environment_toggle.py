"""The toolbar's environment toggle (`environmentToggle`): 연습 / 모의투자 / 실전, each in its accent colour."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QWidget

from ..environments import Environment
from .labels import environment_text
from .widgets import checkable, named


class EnvironmentToggle(QWidget):
    requested = Signal(object)  # Environment: the trader pressed its button

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("environmentToggle")
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        self.buttons: dict[Environment, QToolButton] = {}
        self._group = QButtonGroup(self)
        for environment in Environment:
            button = checkable(named(QToolButton(), f"{environment.value}Button"))
            button.clicked.connect(lambda _=False, environment=environment: self.requested.emit(environment))
            self._group.addButton(button)
            self.buttons[environment] = button
            row.addWidget(button)
        self.show_environment(Environment.SANDBOX)

    def show_environment(self, environment: Environment) -> None:
        """The toggle shows where the session is (or is put back there after a refused switch)."""
        self.buttons[environment].setChecked(True)

    def retranslate(self) -> None:
        for environment, button in self.buttons.items():
            button.setText(environment_text(environment))
