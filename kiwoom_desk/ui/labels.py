"""Every display label of the app, in one place and through Qt's translation (`kiwoom_desk_ko.ts`): environments,
market phases, sides, order types, order states, ticket problems and error explanations. Below `ui/` nothing
carries display text; the wire's own Korean (stock names, the server's messages) is shown as it comes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from ..environments import Environment
from ..kiwoom import OrderStatus, TradeType, errors
from ..kiwoom.codes import Side
from ..trading import rules
from ..trading.orders import Order, OrderState
from ..trading.sessions import Phase
from .table import won


def shares(count: int) -> str:
    """A number of shares with its unit, singular or plural: "1 share", "1,000 shares"; 주 has one form."""
    if count == 1:
        return QCoreApplication.translate("Units", "{count} share").format(count=won(count))
    return QCoreApplication.translate("Units", "{count} shares").format(count=won(count))


def environment_text(environment: Environment) -> str:
    return {
        Environment.SANDBOX: QCoreApplication.translate("Environment", "Sandbox"),
        Environment.MOCK: QCoreApplication.translate("Environment", "Mock"),
        Environment.REAL: QCoreApplication.translate("Environment", "Real"),
    }[environment]


def phase_text(value: Phase) -> str:
    return {
        Phase.CLOSED: QCoreApplication.translate("Phase", "Market closed"),
        Phase.PRE_MARKET: QCoreApplication.translate("Phase", "Pre-market"),
        Phase.REGULAR: QCoreApplication.translate("Phase", "Regular session"),
        Phase.CLOSING_AUCTION: QCoreApplication.translate("Phase", "Closing auction"),
        Phase.AFTER_CLOSE: QCoreApplication.translate("Phase", "Regular market closed"),
        Phase.AFTER_HOURS_CLOSE_PRICE: QCoreApplication.translate("Phase", "After-hours closing price"),
        Phase.AFTER_HOURS_SINGLE: QCoreApplication.translate("Phase", "After-hours single price"),
    }[value]


def trade_type_text(trade_type: TradeType) -> str:
    return {
        TradeType.LIMIT: QCoreApplication.translate("TradeType", "Limit"),
        TradeType.MARKET: QCoreApplication.translate("TradeType", "Market"),
        TradeType.CONDITIONAL_LIMIT: QCoreApplication.translate("TradeType", "Conditional limit"),
        TradeType.BEST_LIMIT: QCoreApplication.translate("TradeType", "Best limit"),
        TradeType.PRIORITY_LIMIT: QCoreApplication.translate("TradeType", "Priority limit"),
        TradeType.LIMIT_IOC: QCoreApplication.translate("TradeType", "Limit (IOC)"),
        TradeType.MARKET_IOC: QCoreApplication.translate("TradeType", "Market (IOC)"),
        TradeType.BEST_LIMIT_IOC: QCoreApplication.translate("TradeType", "Best limit (IOC)"),
        TradeType.LIMIT_FOK: QCoreApplication.translate("TradeType", "Limit (FOK)"),
        TradeType.MARKET_FOK: QCoreApplication.translate("TradeType", "Market (FOK)"),
        TradeType.BEST_LIMIT_FOK: QCoreApplication.translate("TradeType", "Best limit (FOK)"),
        TradeType.STOP_LIMIT: QCoreApplication.translate("TradeType", "Stop limit"),
        TradeType.MID_PRICE: QCoreApplication.translate("TradeType", "Mid-price"),
        TradeType.MID_PRICE_IOC: QCoreApplication.translate("TradeType", "Mid-price (IOC)"),
        TradeType.MID_PRICE_FOK: QCoreApplication.translate("TradeType", "Mid-price (FOK)"),
        TradeType.PRE_MARKET_CLOSE: QCoreApplication.translate("TradeType", "Pre-market closing price"),
        TradeType.AFTER_HOURS_SINGLE: QCoreApplication.translate("TradeType", "After-hours single price"),
        TradeType.POST_MARKET_CLOSE: QCoreApplication.translate("TradeType", "Post-market closing price"),
    }[trade_type]


def order_type_text(order: Order) -> str:
    """Our own orders know their type; the server names the others (보통, 시장가 ...) in Korean."""
    return trade_type_text(order.trade_type) if order.trade_type is not None else order.trade_type_name


def order_state_text(order: Order) -> str:
    if order.state is OrderState.UNKNOWN:
        return QCoreApplication.translate("OrderState", "Checking...")
    return status_text(order.status) if order.status is not None else ""


def status_text(status: OrderStatus) -> str:
    return {
        OrderStatus.ACCEPTED: QCoreApplication.translate("OrderStatus", "Accepted"),
        OrderStatus.FILLED: QCoreApplication.translate("OrderStatus", "Filled"),
        OrderStatus.CONFIRMED: QCoreApplication.translate("OrderStatus", "Confirmed"),
        OrderStatus.CANCELLED: QCoreApplication.translate("OrderStatus", "Cancelled"),
        OrderStatus.REJECTED: QCoreApplication.translate("OrderStatus", "Rejected"),
    }[status]


def side_text(side: Side | None) -> str:
    if side is Side.BUY:
        return QCoreApplication.translate("Side", "Buy")
    if side is Side.SELL:
        return QCoreApplication.translate("Side", "Sell")
    return ""


def credit_side_text(side: Side | None, credit: bool) -> str:
    """매수 / 매도, or 신용매수 / 신용매도 for a credit order."""
    if not credit:
        return side_text(side)
    if side is Side.BUY:
        return QCoreApplication.translate("Side", "Credit buy")
    if side is Side.SELL:
        return QCoreApplication.translate("Side", "Credit sell")
    return QCoreApplication.translate("Side", "Credit")


def submit_text(ticket: rules.Ticket) -> str:
    """The ticket's send button: 매수 주문, 신용매수 주문 ..."""
    if ticket.credit:
        if ticket.side is Side.BUY:
            return QCoreApplication.translate("OrderTicket", "Credit buy order")
        return QCoreApplication.translate("OrderTicket", "Credit sell order")
    if ticket.side is Side.BUY:
        return QCoreApplication.translate("OrderTicket", "Buy order")
    return QCoreApplication.translate("OrderTicket", "Sell order")


def describe(problem: rules.Problem) -> str:
    """A problem in the trader's language, saying what is wrong and what would be right."""
    p = problem.params
    k = rules.Kind
    return {
        k.CODE_FORMAT: QCoreApplication.translate(
            "Problem", "Enter a 6-character stock code, such as 005930, or search by name."
        ),
        k.UNKNOWN_STOCK: QCoreApplication.translate("Problem", "No quote for this code yet; check the code."),
        k.QUANTITY_ZERO: QCoreApplication.translate("Problem", "Enter a quantity of at least 1 share."),
        k.PRICE_REQUIRED: QCoreApplication.translate("Problem", "This order type needs a price."),
        k.PRICE_OFF_TICK: QCoreApplication.translate(
            "Problem", "The price must be a multiple of {tick} won: {below} or {above}."
        ),
        k.PRICE_ABOVE_LIMIT: QCoreApplication.translate("Problem", "Above the upper limit of {upper} won."),
        k.PRICE_BELOW_LIMIT: QCoreApplication.translate("Problem", "Below the lower limit of {lower} won."),
        k.PRICE_OUTSIDE_SINGLE_BAND: QCoreApplication.translate(
            "Problem", "After-hours single price takes {low}–{high} won: ±10% of the close, {close} won."
        ),
        k.STOP_REQUIRED: QCoreApplication.translate("Problem", "A stop-limit order needs a stop price."),
        k.STOP_OFF_TICK: QCoreApplication.translate(
            "Problem", "The stop price must be a multiple of {tick} won: {below} or {above}."
        ),
        k.VENUE_NOT_ALLOWED: QCoreApplication.translate("Problem", "Only KRX can be traded in this environment."),
        k.CASH_SHORT: QCoreApplication.translate("Problem", "Needs {needed} won; orderable cash is {orderable} won."),
        k.SHARES_SHORT: QCoreApplication.translate("Problem", "You can sell at most {sellable}."),
        k.TYPE_NEVER_TAKEN: QCoreApplication.translate(
            "Problem",
            "The Sandbox's continuous clock has no pre-market or after-hours session: choose the KRX day in "
            "Settings › Sandbox clock, or use this order type in Mock or Real.",
        ),
        k.TYPE_NOT_IN_VI: QCoreApplication.translate(
            "Problem",
            "Under VI the stock trades in a single-price auction until {release}: this order type waits for "
            "continuous trading.",
        ),
        k.TYPE_NOT_NOW: QCoreApplication.translate("Problem", "KRX takes this order type {start}–{end} KST only."),
        k.OVER_MAX_QUANTITY: QCoreApplication.translate("Problem", "Over your limit of {limit} shares an order"),
        k.OVER_MAX_AMOUNT: QCoreApplication.translate("Problem", "Over your limit of {limit} won an order"),
        k.PRICE_TOO_FAR: QCoreApplication.translate("Problem", "Outside ±{percent}% of the price: {low}–{high} won"),
        k.TOO_MANY_ORDERS: QCoreApplication.translate(
            "Problem", "{limit} orders a minute, your limit: next in {seconds} s"
        ),
    }[problem.kind].format(**{name: _param_text(name, value) for name, value in p.items()})


def _param_text(name: str, value: int) -> str:
    if name == "sellable":
        return shares(value)
    if name in ("start", "end"):  # a time of day as HHMM
        return f"{value // 100:02d}:{value % 100:02d}"
    if name == "release":  # HHMMSS, 0 when the VI did not say
        return f"{value // 10000:02d}:{value // 100 % 100:02d}:{value % 100:02d}" if value else "-"
    return won(value)


_ERROR_TEXTS: dict[type[errors.KiwoomError], Callable[[], str]] = {
    errors.OrderValidationError: lambda: QCoreApplication.translate(
        "Error", "The order is not valid, so it was not sent."
    ),
    errors.InputError: lambda: QCoreApplication.translate("Error", "The request does not match the server's format."),
    errors.RateLimitError: lambda: QCoreApplication.translate("Error", "Too many requests; try again in a moment."),
    errors.SymbolNotFoundError: lambda: QCoreApplication.translate("Error", "No such stock code; check it."),
    errors.CredentialsError: lambda: QCoreApplication.translate("Error", "The app key or secret key is wrong."),
    errors.TokenError: lambda: QCoreApplication.translate("Error", "The access token is not valid; sign in again."),
    errors.ModeMismatchError: lambda: QCoreApplication.translate("Error", "Real and mock trading are mixed up."),
    errors.DeviceAuthError: lambda: QCoreApplication.translate(
        "Error", "This IP or device is not registered; register it on Kiwoom's OpenAPI site."
    ),
    errors.ServerError: lambda: QCoreApplication.translate("Error", "Kiwoom server error; try again later."),
    errors.OrderRejectedError: lambda: QCoreApplication.translate(
        "Error", "The order was rejected; see the server's reason."
    ),
    errors.ApiError: lambda: QCoreApplication.translate("Error", "The Kiwoom server refused the request."),
    errors.TransportError: lambda: QCoreApplication.translate(
        "Error", "Could not reach the Kiwoom server; check the network."
    ),
    errors.ResponseFormatError: lambda: QCoreApplication.translate("Error", "The server's answer could not be read."),
    errors.OrderStateUnknownError: lambda: QCoreApplication.translate(
        "Error", "It is unknown whether the order reached the exchange; check open orders before ordering again."
    ),
    errors.KiwoomError: lambda: QCoreApplication.translate("Error", "The Kiwoom API request failed."),
}
_CODE_TEXTS: dict[int, Callable[[], str]] = {
    1700: lambda: QCoreApplication.translate("Error", "Too many requests for this API; retry shortly."),
    8005: lambda: QCoreApplication.translate("Error", "The access token has expired or is not valid."),
    8010: lambda: QCoreApplication.translate(
        "Error", "The token was issued to another IP; sign in again from this network."
    ),
    8030: lambda: QCoreApplication.translate(
        "Error", "This app key belongs to the other environment (real vs mock); enter the key for this one."
    ),
    8031: lambda: QCoreApplication.translate(
        "Error", "This token was issued for the other environment (real vs mock)."
    ),
    8104: lambda: QCoreApplication.translate("Error", "Mock trading does not support this request."),
}


def explanation(error: errors.KiwoomError) -> str:
    """What a trader can act on: the documented code's own text, else its error class's."""
    specific = _CODE_TEXTS.get(error.code or 0)
    if specific is not None:
        return specific()
    text = next(_ERROR_TEXTS[kind] for kind in type(error).__mro__ if kind in _ERROR_TEXTS)
    return text()


def explain(error: errors.KiwoomError) -> str:
    """The explanation with the server's own words after it."""
    return f"{explanation(error)} ({error.return_msg or error})"


def keyring_problem() -> str:
    """The keyring cannot be used (no Secret Service on Linux, a locked store): what it means and what to do.
    The store's own (English, technical) message goes to the log."""
    return QCoreApplication.translate(
        "Keys",
        "The system keyring is not available, so Mock and Real keys cannot be stored. On Linux install a Secret "
        "Service such as gnome-keyring; on Windows the Credential Manager is used. The Sandbox needs no keys.",
    )
