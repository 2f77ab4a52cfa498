"""The Sandbox's credit (신용, 자기융자) rules (also in the README): simple, fixed, and not any broker's schedule.

- A credit buy puts up the margin, the stock's margin rate (stocks.csv `credit_rate`) of the filled amount rounded
  up to the won, plus the commission; the broker lends the rest. A buy order reserves the margin and commission of
  its reserve price, as a cash buy reserves the whole amount.
- The shares go into a lot of the stock and the fill day (the loan date); lots are repaid by credit sells: "33"
  sells the lot of one loan date, "99" all lots of the stock, oldest first.
- A sale repays, per share sold, the lot's loan in proportion (the lot's last share repays what is left), then
  the interest on that loan: INTEREST_BP_PER_YEAR simple, per calendar day from the loan date to the sale (at
  least one day), rounded down to the won. The rest of the proceeds is cash. No maturity, no margin call.
"""

from __future__ import annotations

from datetime import date

from . import fees

INTEREST_BP_PER_YEAR = 850  # 8.5 % a year
DAYS_PER_YEAR = 365
GRADES = {40: "A", 45: "A", 50: "B", 60: "C"}  # kt20016 crd_stk_grde_tp by margin rate


def margin(amount: int, rate: int) -> int:
    """The trader's part of a credit buy's amount at a margin rate in percent, rounded up to the won."""
    return -(-amount * rate // 100)


def buy_reserve(price: int, quantity: int, rate: int) -> int:
    """Orderable cash a credit buy of `quantity` at `price` holds: its margin and commission."""
    amount = price * quantity
    return margin(amount, rate) + fees.commission(amount)


def days_held(loan_date: str, day: str) -> int:
    """Calendar days from the loan date to `day` (both YYYYMMDD), at least one."""
    start = date(int(loan_date[:4]), int(loan_date[4:6]), int(loan_date[6:]))
    end = date(int(day[:4]), int(day[4:6]), int(day[6:]))
    return max((end - start).days, 1)


def interest(loan: int, loan_date: str, day: str) -> int:
    """Interest owed on `loan` borrowed on `loan_date` when repaid on `day`."""
    return loan * INTEREST_BP_PER_YEAR * days_held(loan_date, day) // (10_000 * DAYS_PER_YEAR)


def grade(rate: int) -> str:
    return GRADES.get(rate, "E")
