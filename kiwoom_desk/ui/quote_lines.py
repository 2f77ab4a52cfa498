"""The ticket's lines of text: the quote (name, price and change in the market's colours, the day's limits), and
under the book what the order comes to and what the account allows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from ..kiwoom import Side
from ..trading import rules
from . import theme
from .labels import shares
from .table import won
from .widgets import named


def quote_labels() -> tuple[QLabel, QLabel]:
    """`stockLabel` and `limitsLabel`, a line each whether or not there is a quote, so the rows below stay put."""
    stock, limits = named(QLabel(), "stockLabel"), named(QLabel(), "limitsLabel")
    stock.setTextFormat(Qt.TextFormat.RichText)
    for line in (stock, limits):
        line.setFixedHeight(line.fontMetrics().height() + 4)
    return stock, limits


VI_BADGE = "&nbsp;<span style='color:white; background-color:#d97706; font-weight:bold'>&nbsp;VI&nbsp;</span>"


def quote_line(quote: rules.Quote | None, vi: bool = False) -> str:
    """삼성전자 71,300 ▲100 (+0.14%): red up, blue down, against the base price; a VI badge while under VI."""
    if quote is None:
        return ""
    change = quote.current - quote.limits.base
    rate = change * 100 / quote.limits.base if quote.limits.base else 0.0
    colour = theme.signed_colour(change)
    arrow = "▲" if change > 0 else "▼" if change < 0 else ""
    return (
        f"<b>{quote.name}</b> &nbsp; <span style='color:{colour}; font-weight:bold'>{won(quote.current)}</span>"
        f" <span style='color:{colour}'>{arrow}{won(abs(change))} ({rate:+.2f}%)</span>" + (VI_BADGE if vi else "")
    )


def expected_line(price: int, quantity: int | None) -> str:
    """An auction's expected price and quantity (0D FIDs 23/24)."""
    return QCoreApplication.translate("OrderTicket", "Expected {price} × {quantity}").format(
        price=won(price), quantity=shares(quantity) if quantity is not None else "-"
    )


def limits_line(quote: rules.Quote | None) -> str:
    if quote is None:
        return ""
    upper, lower = won(quote.limits.upper), won(quote.limits.lower)
    return QCoreApplication.translate("OrderTicket", "Upper {upper} · Lower {lower}").format(upper=upper, lower=lower)


def estimate_lines(ticket: rules.Ticket, quote: rules.Quote | None, account: rules.Account) -> tuple[str, str]:
    """A buy: what it costs with commission (a credit buy: its margin), and the orderable cash. A sell: what
    arrives after commission and tax, and the sellable shares."""
    if ticket.side is Side.BUY:
        cost = won(rules.estimated_cost(ticket, quote, account.margin_percent))
        cash = account.orderable_cash
        if ticket.credit and account.margin_percent is not None:  # a credit buy pays its margin; the broker the rest
            estimate = QCoreApplication.translate("OrderTicket", "Estimated margin and commission: {amount} won")
        elif not ticket.trade_type.needs_price and rules.close_price(ticket.trade_type, quote) is None:
            # a market-like buy holds cash at the upper limit: say so (a closing-price one is at its close)
            estimate = QCoreApplication.translate("OrderTicket", "Estimated amount at the upper limit: {amount} won")
        else:
            estimate = QCoreApplication.translate("OrderTicket", "Estimated amount: {amount} won")
        return (
            estimate.format(amount=cost),
            QCoreApplication.translate("OrderTicket", "Orderable cash: {cash} won").format(
                cash=won(cash) if cash is not None else "-"
            ),
        )
    proceeds = won(rules.estimated_proceeds(ticket, quote, account.repayment))
    if ticket.credit and account.repayment is not None:
        estimate = QCoreApplication.translate(
            "OrderTicket", "Estimated cash after loan, interest and fees: {amount} won"
        )
    elif ticket.credit:  # the lot's loan is not known yet: say what the figure leaves out
        estimate = QCoreApplication.translate("OrderTicket", "Proceeds before the loan is repaid: {amount} won")
    else:
        estimate = QCoreApplication.translate("OrderTicket", "Estimated proceeds after fees and tax: {amount} won")
    return (
        estimate.format(amount=proceeds),
        QCoreApplication.translate("OrderTicket", "Sellable: {shares}").format(shares=shares(account.sellable or 0)),
    )
