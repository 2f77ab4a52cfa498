"""The ticket's stock field (`stockCodeEdit`): a code, or a Korean name searched among the day's listings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

if TYPE_CHECKING:  # the wire models (pydantic) load with the client, after the window is shown
    from ..kiwoom import StockListing


class StockSearchEdit(QLineEdit):
    codeEntered = Signal(str)  # a 6-character code was typed, picked or confirmed
    codeLeft = Signal()  # the text is no longer a code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stockCodeEdit")
        self.listings: dict[str, StockListing] = {}
        self._completions = QStringListModel(self)
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._picked)
        self.setCompleter(completer)
        self.textEdited.connect(self._edited)
        self.returnPressed.connect(self._confirmed)

    def set_listings(self, listings: list[StockListing]) -> None:
        self.listings = {listing.code: listing for listing in listings}
        self._completions.setStringList([f"{listing.code} {listing.name}" for listing in listings])

    def _edited(self, text: str) -> None:
        code = text.strip().upper()
        if len(code) == 6 and code.isalnum():
            self.codeEntered.emit(code)
        else:
            self.codeLeft.emit()

    def _confirmed(self) -> None:
        """Enter on a name: take the first listing whose name contains it."""
        text = self.text().strip()
        if len(text) == 6 and text.upper() in self.listings:
            return
        match = next((listing for listing in self.listings.values() if text and text in listing.name), None)
        if match is not None:
            self._picked(f"{match.code} {match.name}")

    def _picked(self, completion: str) -> None:
        self.choose(completion.split(" ", 1)[0])

    def choose(self, code: str) -> None:
        """Another stock for the ticket, picked elsewhere (a watchlist row): as if typed."""
        self.setText(code)
        self.codeEntered.emit(code)
