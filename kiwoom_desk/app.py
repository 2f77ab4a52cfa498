"""Composition root: arguments, logging, one QApplication with one qasync loop, the embedded Sandbox, the main
window. `--self-check` is the diagnostic a trader runs when something is wrong."""

from __future__ import annotations

import argparse
import asyncio
import logging
import logging.handlers
import os
import signal
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import platformdirs

from . import __version__
from .assets import ASSETS, ICON, MISSING_HINT, STYLE_SHEET, TRANSLATIONS, style_sheet_template
from .collector import keep_collections_short
from .environments import Endpoints, Environment
from .trading.sessions import KST

if TYPE_CHECKING:  # Qt and the window are imported when the app starts, not for --version or --self-check
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .trading.session import SessionConfig
    from .ui.main_window import MainWindow

log = logging.getLogger("kiwoom_desk")
APP = "KiwoomDesk"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, APP))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP, APP))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kiwoom-desk", description="Kiwoom Desk: manual trading practice.")
    parser.add_argument(
        "--env",
        choices=[environment.value for environment in Environment],
        help="environment to open (default: the last one used; Sandbox without Mock keys)",
    )
    parser.add_argument("--rest-url", help="REST endpoint of the chosen environment (proxies, testing)")
    parser.add_argument("--ws-url", help="WebSocket endpoint of the chosen environment")
    parser.add_argument("--self-check", action="store_true", help="check the installation, print what was found, exit")
    parser.add_argument("--version", action="version", version=f"kiwoom-desk {__version__}")
    return parser.parse_args(argv)


class KstFormatter(logging.Formatter):
    """Log times in KST with the zone written out, like the window's clock, wherever the PC's clock is set."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        moment = datetime.fromtimestamp(record.created, KST)
        return moment.strftime(datefmt) if datefmt else f"{moment:%Y-%m-%d %H:%M:%S},{int(record.msecs):03d} KST"


def setup_logging(folder: Path) -> Path:
    """A rotating file in the user log folder. Secrets never reach it: the client logs none."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kiwoom-desk.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(KstFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request is noise; our client logs api-ids
    return path


def use_platform_keyring() -> None:
    """A frozen app cannot find keyring's backends through package metadata, so on Windows the Credential
    Manager backend is set explicitly; elsewhere keyring's own choice stands."""
    if getattr(sys, "frozen", False) and sys.platform == "win32":
        import keyring
        from keyring.backends import Windows

        keyring.set_keyring(Windows.WinVaultKeyring())


def attach_console() -> None:
    """A windowed Windows program has no console: for --self-check, print into the one that started it."""
    if sys.platform == "win32" and sys.stdout is None:
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            sys.stdout = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
            sys.stderr = sys.stdout


def tls_certificates() -> int:
    """How many CA certificates the TLS context for api.kiwoom.com loads (certifi's bundle, as httpx uses)."""
    import ssl

    import certifi

    return len(ssl.create_default_context(cafile=certifi.where()).get_ca_certs())


def self_check() -> int:
    """Prints the Qt platform, keyring backend, folders, and a Sandbox order round trip; 0 when all work."""
    problems: list[str] = []

    def report(name: str, value: str) -> None:
        print(f"{name:<18}{value}", flush=True)

    report("Kiwoom Desk", __version__)
    report("Python", sys.version.split()[0])
    headless = not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    if sys.platform.startswith("linux") and headless:  # Qt would abort the check rather than report
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        report("Display", "none: Qt is checked offscreen (the window itself needs a display)")
    try:
        import PySide6
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
        plugins = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms"
        report("Qt platform", f"{QGuiApplication.platformName()} (PySide6 {PySide6.__version__})")
        if plugins.is_dir():
            report("Qt plugins", ", ".join(sorted(path.stem for path in plugins.iterdir())))
        try:
            report("Assets", check_assets())
        except Exception as error:
            problems.append(f"assets: {error}")
            report("Assets", f"FAILED: {error}")
        del app
    except Exception as error:  # a broken Qt install is exactly what this check is for
        problems.append(f"Qt: {error}")
        report("Qt platform", f"FAILED: {error}")
    from .storage.credentials import CredentialStore

    try:
        report("TLS certificates", f"{tls_certificates()} CA certificates loaded")
    except Exception as error:
        problems.append(f"TLS: {error}")
        report("TLS certificates", f"FAILED: {error}")
    backend = CredentialStore().backend_name()
    report("Keyring backend", backend)
    if backend.endswith("fail.Keyring"):
        report("", "no usable keyring: Mock and Real keys cannot be stored (Sandbox still works)")
    report("Data folder", str(data_dir()))
    report("Log folder", str(log_dir()))
    try:
        report("Sandbox", asyncio.run(_sandbox_round_trip()))
    except Exception as error:
        problems.append(f"Sandbox: {error}")
        report("Sandbox", f"FAILED: {error}")
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    print("self-check " + ("passed" if not problems else "FAILED"), flush=True)
    return 1 if problems else 0


def check_assets() -> str:
    """Loads what the app loads (the icon, the Korean catalogue, the style sheet, the sounds) and says so; raises
    naming what is missing. For the self-check and the packaging tests: a QGuiApplication must exist."""
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QIcon

    if QIcon(str(ICON)).isNull():
        raise FileNotFoundError(f"the icon does not load from {ICON}: {MISSING_HINT}")
    korean = QTranslator()
    if not korean.load("kiwoom_desk_ko", str(TRANSLATIONS)):
        raise FileNotFoundError(f"the Korean catalogue does not load from {TRANSLATIONS}: {MISSING_HINT}")
    sample = korean.translate("OrderTicket", "Buy order")
    if not sample:
        raise ValueError(f"the Korean catalogue in {TRANSLATIONS} does not translate the ticket")
    if not style_sheet_template():
        raise FileNotFoundError(f"no style sheet at {STYLE_SHEET}: {MISSING_HINT}")
    from .ui.sounds import Sound

    silent = [sound.path.name for sound in Sound if not sound.path.is_file()]
    if silent:
        raise FileNotFoundError(f"no order sounds {', '.join(silent)} in {ASSETS}: {MISSING_HINT}")
    return f"icon, Korean catalogue (Buy order = {sample}), style sheet, {len(Sound)} sounds from {ASSETS}"


async def _sandbox_round_trip() -> str:
    from .kiwoom import KiwoomClient, Side, TradeType
    from .sandbox import SandboxExchange

    with tempfile.TemporaryDirectory() as folder:
        exchange = SandboxExchange(folder, seed=1, tick_interval=None).start()
        try:
            policy = Environment.SANDBOX
            async with KiwoomClient(
                exchange.rest_url,
                "self-check",
                "self-check",
                rate_limits=policy.rate_limits,
                allowed_venues=policy.allowed_venues,
            ) as client:
                info = await client.stock_info("005930")
                ack = await client.place_order(
                    side=Side.BUY, stock_code="005930", quantity=1, trade_type=TradeType.LIMIT, price=info.lower_limit
                )
                cancel = await client.cancel_order(orig_order_no=ack.order_no, stock_code="005930")
                if await client.open_orders():
                    raise RuntimeError("the cancelled order is still open")
        finally:
            exchange.stop()
    return f"order {ack.order_no} placed and cancelled ({cancel.order_no}) on {exchange.rest_url}"


def session_config(args: argparse.Namespace) -> SessionConfig:
    """Where the session keeps things; `--rest-url`/`--ws-url` point the chosen environment elsewhere."""
    from .storage.credentials import CredentialStore
    from .storage.journal import Journal
    from .storage.watchlists import WatchlistStore
    from .trading.session import SessionConfig

    overrides = {}
    if args.rest_url:
        chosen = Environment(args.env) if args.env else Environment.SANDBOX
        overrides[chosen] = Endpoints.from_rest_url(args.rest_url, args.ws_url)
    return SessionConfig(
        credentials=CredentialStore(),
        journal=Journal(data_dir() / "journal.sqlite3"),
        cache_dir=Path(platformdirs.user_cache_dir(APP, APP)),
        overrides=overrides,
        sandbox_dir=data_dir() / "sandbox",  # the session starts the Sandbox when it is first opened
        watchlists=WatchlistStore(data_dir() / "watchlists.json"),
    )


def qt_application() -> QApplication:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setOrganizationName(APP)
    app.setApplicationName(APP)
    app.setApplicationVersion(__version__)
    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))
    app.setQuitOnLastWindowClosed(False)  # the loop ends after shutdown, not when the window goes
    return app


def close_on_signals(window: MainWindow) -> QTimer:
    """Ctrl+C in a terminal or a service manager's SIGTERM closes the window like the close button, so the token
    is revoked. Qt's C++ loop lets Python run signal handlers only when woken, hence the timer returned."""
    from PySide6.QtCore import QTimer

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: QTimer.singleShot(0, window.close))
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(500)
    return wake


@dataclass
class Launch:
    """The app up to its first paint: nothing has connected yet."""

    app: QApplication
    loop: asyncio.AbstractEventLoop
    window: MainWindow
    config: SessionConfig


def launch(args: argparse.Namespace) -> Launch:
    """The Qt application, its one qasync loop and the shown window. Only Qt and the window's own modules load
    here; the protocol stack and the Sandbox load when the window's first session opens, after its first paint."""
    os.environ.setdefault("QT_API", "pyside6")  # qasync binds to the first Qt binding it finds otherwise
    import qasync  # type: ignore[import-untyped]
    from PySide6.QtCore import QSettings

    from .ui import dialogs
    from .ui.main_window import MainWindow

    app = qt_application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    config = session_config(args)
    window = MainWindow(config, QSettings(APP, APP))

    def excepthook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error("uncaught", exc_info=(kind, error, trace))
        dialogs.ErrorDialog(error, window).open()

    sys.excepthook = excepthook
    window.show()
    return Launch(app, loop, window, config)


SETTLE_SECONDS = 3.0  # the one full collection and freeze wait until start-up's work is done


def run(launched: Launch, environment: Environment | None) -> int:
    """Connects (`environment`, else the last one used) and runs until the window is closed and shut down."""
    loop, window = launched.loop, launched.window
    wake = close_on_signals(window)
    closed = asyncio.Event()
    window.closed.connect(closed.set)

    async def lifetime() -> None:
        """One coroutine for the whole run, so nothing is ever left to run outside the loop."""
        try:
            await window.start(environment)
            settled = loop.call_later(SETTLE_SECONDS, keep_collections_short)  # after the first look, not in it
            await closed.wait()
            settled.cancel()
        finally:
            await window.shutdown()
            loop.stop()

    try:
        with loop:  # type: ignore[attr-defined]  # qasync's loop is a context manager
            loop.create_task(lifetime())
            loop.run_forever()
    finally:
        wake.stop()
        launched.config.journal.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    use_platform_keyring()
    if args.self_check:
        attach_console()
        return self_check()
    log_path = setup_logging(log_dir())
    log.info("Kiwoom Desk %s starting; log %s", __version__, log_path)
    return run(launch(args), Environment(args.env) if args.env else None)
