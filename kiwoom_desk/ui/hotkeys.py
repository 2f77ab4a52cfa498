"""Orders from the keyboard: configurable shortcuts (Settings › Hotkeys, `hotkeysDialog`), kept in QSettings.

A hotkey does what the trader's hand would: it presses the ticket's own buttons, so that a send goes through the
same validation and the same confirmation as a click, and a greyed send says what is missing. No hotkey repeats
while its key is held down: one press, one order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

from .ticket import OrderTicket
from .ticket_parts import QUANTITY_SHARES

DEFAULT_KEYS = {  # also listed in the README
    "focusStock": "Ctrl+L",
    "buySide": "F2",
    "sellSide": "F3",
    "priceUp": "Ctrl+Up",
    "priceDown": "Ctrl+Down",
    "bestBid": "Alt+B",
    "bestAsk": "Alt+A",
    "currentPrice": "Alt+C",
    **{f"quantity{share}": f"Alt+{index}" for index, share in enumerate(QUANTITY_SHARES, start=1)},
    "send": "Ctrl+Return",
    "cancelSelected": "Delete",
    "cancelAll": "Ctrl+Shift+Delete",
    "refresh": "F5",
    "addToWatchlist": "Ctrl+D",
}
WINDOW_COMMANDS = ("cancelSelected", "cancelAll", "refresh", "addToWatchlist")  # menu actions of the window's own


def command_text(name: str) -> str:
    """What a hotkey does, in the trader's language."""
    translate = QCoreApplication.translate
    texts = {
        "focusStock": translate("Hotkeys", "Go to the stock field"),
        "buySide": translate("Hotkeys", "Buy side"),
        "sellSide": translate("Hotkeys", "Sell side"),
        "priceUp": translate("Hotkeys", "Price one tick up"),
        "priceDown": translate("Hotkeys", "Price one tick down"),
        "bestBid": translate("Hotkeys", "Price to the best bid"),
        "bestAsk": translate("Hotkeys", "Price to the best ask"),
        "currentPrice": translate("Hotkeys", "Price to the current price"),
        "send": translate("Hotkeys", "Send the ticket"),
        "cancelSelected": translate("Hotkeys", "Cancel the selected orders (in the open orders)"),
        "cancelAll": translate("Hotkeys", "Cancel all open orders (asks first)"),
        "refresh": translate("Hotkeys", "Refresh orders and balance"),
        "addToWatchlist": translate("Hotkeys", "Add the ticket's stock to the watchlist"),
    }
    for share in QUANTITY_SHARES:
        texts[f"quantity{share}"] = translate("Hotkeys", "Quantity: {share}% of the most").format(share=share)
    return texts[name]


PORTABLE = QKeySequence.SequenceFormat.PortableText


def default_keys() -> dict[str, QKeySequence]:
    return {name: QKeySequence.fromString(key, PORTABLE) for name, key in DEFAULT_KEYS.items()}


def load_keys(settings: QSettings, reserved: Mapping[str, str] | None = None) -> dict[str, QKeySequence]:
    """The saved keys; one that is unreadable, taken or needed for typing (a config edited by hand, or written
    by another version) falls back to its default, or to none when that is taken too."""
    keys: dict[str, QKeySequence] = {}
    defaults = default_keys()
    for name, default in defaults.items():
        saved = QKeySequence.fromString(str(settings.value(f"hotkeys/{name}", default.toString(PORTABLE))), PORTABLE)
        for candidate in (saved, default, QKeySequence()):
            if not key_problem(keys, name, candidate, reserved):
                keys[name] = candidate
                break
    return keys


def save_keys(settings: QSettings, keys: dict[str, QKeySequence]) -> None:
    for name, sequence in keys.items():
        settings.setValue(f"hotkeys/{name}", sequence.toString(PORTABLE))


_TYPING_KEYS = {  # keys the fields need unmodified
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Escape,
    Qt.Key.Key_Space,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
}
_DELETING_KEYS = {Qt.Key.Key_Delete, Qt.Key.Key_Insert}  # the fields' too; the open orders' Delete is scoped to them
_EDITING = (  # Ctrl+C and the like: a text field takes them first, so a hotkey there would never fire
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.SelectAll,
)


def key_problem(
    keys: Mapping[str, QKeySequence], name: str, sequence: QKeySequence, reserved: Mapping[str, str] | None = None
) -> str:
    """Why `sequence` can't be `name`'s hotkey ("" when it can): another command or a menu has it, or typing and
    editing in the fields need it. `reserved`: the window's own keys (portable text) and what they open."""
    if sequence.isEmpty():
        return ""
    translate = QCoreApplication.translate
    text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    for other, taken in keys.items():
        if other != name and taken == sequence:
            return translate("Hotkeys", "{key}: already “{command}”.").format(key=text, command=command_text(other))
    if reserved and sequence.toString(PORTABLE) in reserved:
        what = reserved[sequence.toString(PORTABLE)]
        return translate("Hotkeys", "{key}: opens the “{menu}” menu.").format(key=text, menu=what)
    if any(sequence in QKeySequence.keyBindings(standard) for standard in _EDITING):
        return translate("Hotkeys", "{key}: needed for editing text.").format(key=text)
    combination = sequence[0]  # type: ignore[index]  # PySide6 has operator[], its stubs don't
    modifiers = combination.keyboardModifiers() & ~Qt.KeyboardModifier.KeypadModifier
    key = combination.key()
    printable = key < Qt.Key.Key_Escape  # Qt numbers the keys that type a character below its special keys
    typing = printable or key in _TYPING_KEYS or (key in _DELETING_KEYS and name != "cancelSelected")
    commanding = modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    if not commanding and typing:
        return translate("Hotkeys", "{key}: needed for typing. Add Ctrl or Alt.").format(key=text)
    return ""


class Hotkeys(QObject):
    """The window's keyboard commands. The ticket's are actions of their own (on the window and on the ticket,
    so that they work with the ticket floating too); the window's (cancel, refresh) are its menu actions."""

    def __init__(
        self,
        window: QWidget,
        ticket: OrderTicket,
        window_actions: dict[str, QAction],
        settings: QSettings,
        reserved: Callable[[], dict[str, str]],
    ) -> None:
        """`reserved`: the window's own keys (its menus' Alt+letter), read when the keys are loaded or checked."""
        super().__init__(window)
        self.settings = settings
        self.ticket = ticket
        self.reserved = reserved
        self.actions: dict[str, QAction] = dict(window_actions)
        for name, do in self._ticket_commands().items():
            made = QAction(window)
            made.setObjectName(f"{name}Hotkey")
            made.triggered.connect(lambda *_, do=do: do())
            window.addAction(made)
            ticket.addAction(made)
            self.actions[name] = made
        for made in self.actions.values():
            made.setAutoRepeat(False)  # a held key sends one order, not one per repeat
        self.keys: dict[str, QKeySequence] = {}

    def load(self) -> None:
        """The saved keys, once the menus have their titles (their Alt+letter keys are taken)."""
        self.keys = load_keys(self.settings, self.reserved())
        self._apply()

    def _ticket_commands(self) -> dict[str, Callable[[], None]]:
        ticket = self.ticket
        commands: dict[str, Callable[[], None]] = {
            "focusStock": self._focus_stock,
            "buySide": lambda: ticket.sideBuyButton.setChecked(True),
            "sellSide": lambda: ticket.sideSellButton.setChecked(True),
            "priceUp": lambda: self._step_price(1),
            "priceDown": lambda: self._step_price(-1),
            "bestBid": lambda: self._best_price(bid=True),
            "bestAsk": lambda: self._best_price(bid=False),
            "currentPrice": ticket.currentPriceButton.click,
            "send": self._send,
        }
        for share in QUANTITY_SHARES:
            button = ticket.findChild(QPushButton, f"quantity{share}Button")
            assert button is not None, share
            commands[f"quantity{share}"] = button.click
        return commands

    def retranslate(self) -> None:
        for name, made in self.actions.items():
            if name not in WINDOW_COMMANDS:
                made.setText(command_text(name))

    def ticket_actions(self) -> list[QAction]:
        return [made for name, made in self.actions.items() if name not in WINDOW_COMMANDS]

    def set_keys(self, keys: dict[str, QKeySequence]) -> None:
        self.keys = dict(keys)
        save_keys(self.settings, self.keys)
        self._apply()

    def _apply(self) -> None:
        for name, made in self.actions.items():
            made.setShortcut(self.keys.get(name, QKeySequence()))

    # ---- what the keys do: what the hand would do on the ticket --------------------------------------------

    def _focus_stock(self) -> None:
        self.ticket.stockCodeEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ticket.stockCodeEdit.selectAll()

    def _step_price(self, steps: int) -> None:
        if self.ticket.priceSpin.isEnabled():
            self.ticket.priceSpin.stepBy(steps)

    def _best_price(self, bid: bool) -> None:
        quote = self.ticket.quote
        book = self.ticket.market.books.get(quote.code) if quote else None
        levels = (book.bids if bid else book.asks) if book else []
        if levels and levels[0] is not None and self.ticket.priceSpin.isEnabled():
            self.ticket.set_price(levels[0].price)

    def _send(self) -> None:
        """The send button's path: pressed when it can send, otherwise the ticket says what is missing."""
        if self.ticket.submitButton.isEnabled():
            self.ticket.submitButton.click()
        elif not self.ticket.busy:
            self.ticket.tried_to_send()
