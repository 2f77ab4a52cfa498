"""The Sandbox exchange: a local server that speaks Kiwoom's REST protocol, for offline practice and tests.

It imports `kiwoom_desk.trading.ticks` but never `kiwoom_desk.kiwoom`, so it catches the client's mistakes
instead of sharing them.
"""

from .exchange import DEFAULT_CASH, SandboxExchange, SandboxServer, default_data_dir
from .faults import FaultKind

__all__ = ["DEFAULT_CASH", "FaultKind", "SandboxExchange", "SandboxServer", "default_data_dir"]
