"""The Sandbox's fee rule (also in the README): simple, fixed, and not any broker's exact schedule.

Commission 0.015% of the traded amount on buys and sells, tax 0.20% of the amount on sells; each is computed per
fill and rounded down to the won.
"""

COMMISSION_PER_100K = 15  # 0.015 %
SELL_TAX_PER_10K = 20  # 0.20 %


def commission(amount: int) -> int:
    return amount * COMMISSION_PER_100K // 100_000


def sell_tax(amount: int) -> int:
    return amount * SELL_TAX_PER_10K // 10_000


def buy_cost(price: int, quantity: int) -> int:
    """Cash a buy of `quantity` at `price` needs, commission included."""
    amount = price * quantity
    return amount + commission(amount)
