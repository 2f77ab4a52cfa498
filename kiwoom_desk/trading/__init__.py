"""What a trader means: ticks, rules, orders, portfolio. Pure Python: no Qt, no sockets."""
