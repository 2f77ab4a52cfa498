"""Environments, credentials and the Real guard, in the real window with an in-memory keyring."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from kiwoom_desk.environments import Endpoints, Environment
from kiwoom_desk.kiwoom import KiwoomClient, Side, TradeType
from kiwoom_desk.storage.credentials import Credentials, CredentialStoreError
from kiwoom_desk.trading.desk import TradingDesk
from kiwoom_desk.trading.sessions import KST
from kiwoom_desk.ui import dialogs
from tests.window_support import CONTINUOUS_TRADING, MemoryKeyring, modal

from .conftest import Desk

SAMSUNG = "005930"


def test_sandbox_is_the_default_and_shows_itself(desk: Desk) -> None:
    window = desk.window
    assert window.environment is Environment.SANDBOX
    assert window.findChild(type(window.environmentToggle), "environmentToggle") is window.environmentToggle
    assert window.status.badge.text().strip() == "연습"
    assert not window.realBanner.isVisible()
    assert "연습" in window.windowTitle()


def test_mock_without_keys_asks_for_them_and_stays_put_if_none_are_given(desk: Desk) -> None:
    window = desk.window
    task = desk.loop.create_task(window.switch_to(Environment.MOCK))
    dialog = desk.until(lambda: modal(dialogs.CredentialsDialog, "credentialsDialog"), "no credentials dialog")
    desk.act(dialog.reject)
    desk.until(task.done, "the switch never ended")
    assert task.result() is False
    assert window.environment is Environment.SANDBOX and window.desk is not None
    assert window.environmentToggle.buttons[Environment.SANDBOX].isChecked()


def test_mock_with_keys_connects_and_clears_the_views(desk: Desk, keyring: MemoryKeyring) -> None:
    desk.fill(SAMSUNG, 70_000, 1)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    assert desk.window.desk is not None
    old_client = desk.window.desk.client
    desk.window.session.credentials.save(Environment.MOCK, Credentials("mock-app-key", "mock-secret-key"))
    assert desk.complete(desk.window.switch_to(Environment.MOCK)) is True
    window = desk.window
    assert window.environment is Environment.MOCK and window.status.badge.text().strip() == "모의투자"
    assert window.status.rest.text() == "REST: 연결됨"
    assert old_client._http.is_closed  # the old session was closed (and its token revoked)
    # the Sandbox stands in for the mock server here, so the same account shows again after the switch
    desk.until(lambda: desk.open_order_numbers(), "orders were not reloaded")
    venues = window.ticket.venueCombo
    model = venues.model()
    assert isinstance(model, QStandardItemModel)
    enabled = [venues.itemData(i) for i in range(venues.count()) if model.item(i).isEnabled()]
    assert [str(venue) for venue in enabled] == ["KRX"]


def test_real_needs_confirmation_and_declining_keeps_the_environment(desk: Desk) -> None:
    desk.window.session.credentials.save(Environment.REAL, Credentials("real-app-key", "real-secret-key"))
    task = desk.loop.create_task(desk.window.switch_to(Environment.REAL))
    box = desk.until(lambda: modal(dialogs.RealModeDialog, "realModeDialog"), "Real was entered without asking")
    desk.act(lambda: box.button(QMessageBox.StandardButton.Cancel).click())
    desk.until(task.done, "the switch never ended")
    assert task.result() is False and desk.window.environment is Environment.SANDBOX


def test_in_real_every_order_is_confirmed_before_anything_is_sent(desk: Desk) -> None:
    window = desk.window
    desk.enter_real()
    assert window.realBanner.isVisible() and window.windowTitle().startswith("[실전]")
    assert not window.menus.confirmAction.isChecked()  # the practice setting does not apply to Real

    desk.fill(SAMSUNG, 70_000, 3)
    dialog = desk.until(
        lambda: modal(dialogs.ConfirmOrderDialog, "confirmOrderDialog"),
        "no confirmation",
        action=window.ticket.submitButton.click,
    )
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    for expected in ("실전", "매수", "005930 삼성전자", "보통", "70,000", "3", "210,031"):
        assert expected in text
    assert desk.exchange_open_orders() == []  # nothing sent while the dialog is open
    desk.act(dialog.reject)
    desk.until(lambda: window.ticket.submitButton.isEnabled(), "ticket stayed locked")
    assert desk.exchange_open_orders() == [] and window.status.message.text() == "주문을 보내지 않았습니다."

    dialog = desk.until(
        lambda: modal(dialogs.ConfirmOrderDialog, "confirmOrderDialog"),
        "no confirmation",
        action=window.ticket.submitButton.click,
    )
    desk.until(lambda: desk.open_order_numbers(), "not sent after confirming", action=dialog.sendButton.click)
    assert len(desk.exchange_open_orders()) == 1


def test_the_credentials_dialog_saves_tests_and_deletes(desk: Desk, keyring: MemoryKeyring) -> None:
    window = desk.window
    task = desk.loop.create_task(window.keys.edit(Environment.MOCK))
    dialog = desk.until(lambda: modal(dialogs.CredentialsDialog, "credentialsDialog"), "no dialog")
    assert dialog.appkeyEdit.echoMode() == dialog.appkeyEdit.EchoMode.Password
    desk.act(lambda: dialog.appkeyEdit.setText("my-mock-app-key"))
    desk.act(lambda: dialog.secretkeyEdit.setText("my-mock-secret"))
    desk.until(
        lambda: "정상입니다" in dialog.resultLabel.text(),
        "the test did not pass",
        action=dialog.testButton.click,
    )
    desk.until(lambda: ("KiwoomDesk-mock", "appkey") in keyring.secrets, "not saved", action=dialog.saveButton.click)
    assert keyring.secrets[("KiwoomDesk-mock", "appkey")] == "my-mock-app-key"
    assert window.session.credentials.load(Environment.MOCK) == Credentials("my-mock-app-key", "my-mock-secret")
    desk.act(dialog.deleteButton.click)
    assert keyring.secrets == {} and dialog.appkeyEdit.text() == ""
    desk.act(dialog.accept)
    desk.until(task.done, "dialog task never ended")


def test_a_broken_keyring_gives_a_clear_message(desk: Desk) -> None:
    class Broken(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            import keyring.errors

            raise keyring.errors.KeyringError("no backend")

    desk.window.session.credentials._backend = Broken()
    try:
        desk.window.session.credentials.load(Environment.MOCK)
    except CredentialStoreError as error:
        assert "keyring" in str(error)
    assert desk.complete(desk.window.switch_to(Environment.MOCK)) is False
    assert "keyring" in desk.window.status.message.text()
    assert desk.window.environment is Environment.SANDBOX
    # Real without keys asks nothing about real money: it says why it can't go there
    assert desk.complete(desk.window.switch_to(Environment.REAL)) is False
    assert modal(dialogs.RealModeDialog, "realModeDialog") is None and desk.window.environment is Environment.SANDBOX


def test_language_switches_to_english_and_back(desk: Desk) -> None:
    window = desk.window
    desk.act(lambda: window.set_language("en"))
    assert window.ticket.sideBuyButton.text() == "Buy" and window.status.badge.text().strip() == "Sandbox"
    assert window.openOrders.model().headerData(1, Qt.Orientation.Horizontal) == "Order no."
    desk.act(lambda: window.set_language("ko"))
    assert window.ticket.sideBuyButton.text() == "매수"
    assert window.settings.value("language") == "ko"


def test_layout_and_last_environment_persist(desk: Desk) -> None:
    window = desk.window
    desk.act(lambda: window.splitter.setSizes([100, 500]))
    desk.act(window.save_layout)
    assert window.settings.value("environment") == "sandbox"
    desk.act(window.restore_default_layout)
    assert window.splitter.sizes() != [100, 500]


def test_an_unexpected_error_shows_a_dialog_and_the_app_keeps_running(desk: Desk) -> None:
    async def broken() -> None:
        raise ZeroDivisionError("boom")

    desk.window.bridge.spawn(broken())
    dialog = desk.until(lambda: modal(dialogs.ErrorDialog, "errorDialog"), "no error dialog")
    desk.act(dialog.findChild(QPushButton, "copyErrorButton").click)
    assert "ZeroDivisionError: boom" in QApplication.clipboard().text()
    desk.act(dialog.reject)
    desk.fill(SAMSUNG, 70_000, 1)
    desk.until(lambda: desk.open_order_numbers(), "the app stopped working", action=desk.ticket.submitButton.click)


def test_starting_where_real_was_last_used_asks_first_and_falls_back_to_sandbox(desk: Desk) -> None:
    window = desk.window
    window.session.credentials.save(Environment.REAL, Credentials("real-app-key", "real-secret-key"))
    window.settings.setValue("environment", "real")
    task = desk.loop.create_task(window.start())
    box = desk.until(lambda: modal(dialogs.RealModeDialog, "realModeDialog"), "Real opened without asking")
    desk.act(lambda: box.button(QMessageBox.StandardButton.Cancel).click())
    desk.until(task.done, "start never finished")
    assert window.environment is Environment.SANDBOX and window.desk is not None


def test_keys_are_written_nowhere_but_the_keyring(desk: Desk, keyring: MemoryKeyring, tmp_path: Path) -> None:
    secret_key, app_key = "SECRET-never-on-disk-4242", "APPKEY-never-on-disk-4242"
    window = desk.window
    window.session.credentials.save(Environment.MOCK, Credentials(app_key, secret_key))
    assert desk.complete(window.switch_to(Environment.MOCK)) is True
    desk.fill(SAMSUNG, 70_000, 1)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=window.ticket.submitButton.click)
    desk.act(window.save_layout)
    window.settings.sync()
    tokens = [window.desk.client._tokens.current.value] if window.desk and window.desk.client._tokens.current else []
    assert tokens
    for path in tmp_path.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for secret in (secret_key, app_key, *tokens):
                assert secret.encode() not in content, f"{secret[:6]}... found in {path.name}"
    assert keyring.secrets[("KiwoomDesk-mock", "secretkey")] == secret_key


def test_the_stock_list_is_cached_for_the_day(desk: Desk, tmp_path: Path) -> None:
    (cached,) = (tmp_path / "cache").glob("listings-sandbox-*.json")
    assert "삼성전자" in cached.read_text(encoding="utf-8")
    assert desk.window.desk is not None
    listings = desk.complete(desk.window.desk.listings())
    offline = KiwoomClient("http://127.0.0.1:9", "key", "secret")  # nothing listens there: any request fails
    fresh = TradingDesk(Environment.SANDBOX, offline, desk.window.session.journal, tmp_path / "cache")
    assert desk.complete(fresh.listings()) == listings
    desk.complete(offline.aclose())


def test_the_about_dialog_shows_the_version_and_the_qt_lgpl_notice(desk: Desk) -> None:
    desk.act(desk.window.menus.aboutAction.trigger)
    dialog = desk.until(lambda: modal(dialogs.AboutDialog, "aboutDialog"), "no About dialog")
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Kiwoom Desk 0.1.0" in texts and "LGPL-3.0" in texts
    notice = dialog.findChild(QLabel, "lgplNotice")
    assert notice is not None and "GNU" in notice.text() and "Qt" in notice.text()
    desk.act(dialog.reject)


def test_a_switch_that_cannot_connect_leaves_the_session_as_it_was(desk: Desk) -> None:
    """Mock's server is unreachable: the window, the toggle, the open orders and the Sandbox session stay."""
    window = desk.window
    desk.fill(SAMSUNG, 70_000, 1)
    desk.until(lambda: desk.open_order_numbers(), "no order", action=desk.ticket.submitButton.click)
    desk.until(lambda: not window.bridge.orders_pending, "the order never got its answer")  # or the switch waits
    sandbox_desk = window.desk
    window.session.credentials.save(Environment.MOCK, Credentials("mock-app-key", "mock-secret-key"))
    window.session.overrides[Environment.MOCK] = Endpoints("http://127.0.0.1:9", "ws://127.0.0.1:9/ws")  # nothing there
    desk.act(lambda: window.environmentToggle.buttons[Environment.MOCK].click())
    desk.until(lambda: not window._switching, "the switch never ended")
    assert window.environment is Environment.SANDBOX and window.desk is sandbox_desk
    assert window.environmentToggle.buttons[Environment.SANDBOX].isChecked() and "연습" in window.windowTitle()
    assert len(desk.open_order_numbers()) == 1 and "서버" in window.status.message.text()
    desk.fill(SAMSUNG, 69_000, 1)  # and the Sandbox still trades
    desk.until(lambda: len(desk.open_order_numbers()) == 2, "no order after", action=desk.ticket.submitButton.click)


def test_keys_whose_test_failed_are_saved_only_if_the_trader_says_so(desk: Desk, keyring: MemoryKeyring) -> None:
    window = desk.window
    window.session.overrides[Environment.MOCK] = Endpoints("http://127.0.0.1:9", "ws://127.0.0.1:9/ws")  # nothing there
    task = desk.loop.create_task(window.keys.edit(Environment.MOCK))
    dialog = desk.until(lambda: modal(dialogs.CredentialsDialog, "credentialsDialog"), "no dialog")
    guide = dialog.findChild(QLabel, "keysGuide")
    assert guide is not None and "IP" in guide.text()  # where keys come from, in one line
    desk.act(lambda: dialog.appkeyEdit.setText("typo-app-key"))
    desk.act(lambda: dialog.secretkeyEdit.setText("typo-secret"))
    result = dialog.resultLabel
    desk.until(lambda: "사용할 수 없는 키" in result.text(), "the test did not fail", action=dialog.testButton.click)
    assert dialog.appkeyEdit.text() == "typo-app-key" and dialog.appkeyEdit.isVisible()  # the fields stay
    question = desk.until(
        lambda: modal(QMessageBox, "saveFailedKeysDialog"), "no question", action=dialog.saveButton.click
    )
    desk.act(lambda: question.button(QMessageBox.StandardButton.No).click())
    assert keyring.secrets == {}
    desk.act(dialog.accept)
    desk.until(task.done, "dialog task never ended")


def test_the_sandbox_shows_its_own_session_and_greys_what_it_never_takes(desk: Desk) -> None:
    combo = desk.ticket.tradeTypeCombo
    assert desk.window.status.phase.text() == "정규장"  # the Sandbox trades all the time, whatever the KRX clock says
    for code in ("61", "62", "81"):
        index = combo.findData(code)
        item = combo.model().item(index)  # type: ignore[attr-defined]
        assert not item.isEnabled() and "시간외" in item.toolTip()
    assert combo.model().item(combo.findData("0")).isEnabled()  # type: ignore[attr-defined]


def test_settings_reset_the_embedded_sandbox_account_after_asking(
    qloop: asyncio.AbstractEventLoop, tmp_path: Path, keyring: MemoryKeyring
) -> None:
    from PySide6.QtCore import QSettings

    from kiwoom_desk.storage.credentials import CredentialStore
    from kiwoom_desk.storage.journal import Journal
    from kiwoom_desk.trading.session import SessionConfig
    from kiwoom_desk.ui.main_window import MainWindow
    from tests.window_support import act, complete, run_until

    config = SessionConfig(CredentialStore(keyring), Journal(tmp_path / "journal.sqlite3"), tmp_path / "cache",
                           sandbox_dir=tmp_path / "embedded")  # fmt: skip
    window = MainWindow(config, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window.menus.confirmAction.setChecked(False)
    act(qloop, window.show)
    complete(qloop, window.start(Environment.SANDBOX))
    totals = window.positions.totalsLabel
    act(qloop, lambda: window.ticket.load(Side.BUY, SAMSUNG, TradeType.MARKET, 0, 2))
    run_until(qloop, lambda: window.ticket.submitButton.isEnabled(), "no ticket")
    run_until(
        qloop, lambda: window.positions.positions.rowCount() == 1, "no fill", action=window.ticket.submitButton.click
    )
    run_until(qloop, lambda: "예수금 10,000,000" not in totals.text(), "the fill's cash was not read")
    assert window.menus.resetSandboxAction.isEnabled()
    run_until(qloop, lambda: modal(dialogs.ResetSandboxDialog, "resetSandboxDialog"), "no question",
              action=window.menus.resetSandboxAction.trigger)  # fmt: skip
    box = modal(dialogs.ResetSandboxDialog, "resetSandboxDialog")
    assert isinstance(box, QMessageBox)
    act(qloop, lambda: box.button(QMessageBox.StandardButton.Yes).click())
    run_until(qloop, lambda: "초기화했습니다" in window.status.message.text(), "never reset", within=30)
    assert window.positions.positions.rowCount() == 0 and "예수금 10,000,000" in totals.text()
    assert window.environment is Environment.SANDBOX and window.desk is not None
    complete(qloop, window.shutdown())
    act(qloop, window.close)
    act(qloop, window.deleteLater)
    config.journal.close()


def test_mock_greys_what_the_krx_session_cannot_take_and_follows_the_clock(desk: Desk, keyring: MemoryKeyring) -> None:
    ticket, combo = desk.ticket, desk.ticket.tradeTypeCombo
    model = combo.model()
    assert isinstance(model, QStandardItemModel)
    ticket.sessionTypes.clock = lambda: datetime(2026, 11, 25, 16, 30, tzinfo=KST)  # after-hours single price
    desk.window.session.credentials.save(Environment.MOCK, Credentials("mock-app-key", "mock-secret-key"))
    assert desk.complete(desk.window.switch_to(Environment.MOCK)) is True
    taken = {combo.itemData(i) for i in range(combo.count()) if model.item(i).isEnabled()}
    assert taken == {"62"}
    limit = model.item(combo.findData("0"))
    assert limit.toolTip() == "이 매매구분은 08:30~15:30(한국 시간)에만 주문할 수 있습니다."
    desk.act(lambda: desk.window.set_language("en"))
    assert limit.toolTip() == "KRX takes this order type 08:30–15:30 KST only."
    desk.act(lambda: desk.window.set_language("ko"))
    desk.fill(SAMSUNG, 71_200, 1, trade_type="62")
    assert not ticket.venueProblem.isVisible() and ticket.submitButton.isEnabled()

    ticket.sessionTypes.clock = lambda: datetime(2026, 11, 26, 15, 25, tzinfo=KST)  # the next day's closing auction
    desk.act(ticket.sessionTypes.follow)
    assert ticket.trade_type is TradeType.AFTER_HOURS_SINGLE  # not changed under the trader's hand...
    assert ticket.venueProblem.isVisible() and "16:00~18:00" in ticket.venueProblem.toolTip()
    assert not ticket.submitButton.isEnabled()  # ...but it can't be sent
    assert {combo.itemData(i) for i in range(combo.count()) if model.item(i).isEnabled()} == {"0", "3"}

    ticket.sessionTypes.clock = lambda: datetime(2026, 11, 26, 20, 0, tzinfo=KST)  # closed: the server decides
    desk.act(ticket.sessionTypes.follow)
    assert all(model.item(i).isEnabled() for i in range(combo.count()))
    assert not ticket.venueProblem.isVisible() and ticket.submitButton.isEnabled()


def test_opening_mock_starts_no_sandbox(qloop: asyncio.AbstractEventLoop, tmp_path: Path, desk: Desk) -> None:
    """A second window, as the app builds it (with an embedded Sandbox folder), opened straight on Mock."""
    import threading

    from PySide6.QtCore import QSettings

    from kiwoom_desk.storage.credentials import CredentialStore
    from kiwoom_desk.storage.journal import Journal
    from kiwoom_desk.trading.session import SessionConfig
    from kiwoom_desk.ui.main_window import MainWindow
    from tests.window_support import act, complete

    keyring = MemoryKeyring()
    CredentialStore(keyring).save(Environment.MOCK, Credentials("mock-app-key", "mock-secret-key"))
    config = SessionConfig(
        credentials=CredentialStore(keyring),
        journal=Journal(tmp_path / "mock-journal.sqlite3"),
        overrides={Environment.MOCK: Endpoints(desk.sandbox.rest_url, desk.sandbox.ws_url)},
        sandbox_dir=tmp_path / "embedded-sandbox",
    )
    window = MainWindow(config, QSettings(str(tmp_path / "mock.ini"), QSettings.Format.IniFormat))
    window.ticket.sessionTypes.clock = lambda: CONTINUOUS_TRADING
    try:
        act(qloop, window.show)
        complete(qloop, window.start(Environment.MOCK))
        assert window.environment is Environment.MOCK and window.status.rest.text() == "REST: 연결됨"
        assert window.session._sandbox is None and not (tmp_path / "embedded-sandbox").exists()
        sandboxes = [thread for thread in threading.enumerate() if thread.name == "kiwoom-desk-sandbox"]
        assert sandboxes == [desk.sandbox._thread]  # only the test's own exchange, standing in for the mock server
    finally:
        complete(qloop, window.shutdown())
        act(qloop, window.close)
        act(qloop, window.deleteLater)  # its Korean translator goes with it
        act(qloop, lambda: None)
        config.journal.close()


def test_the_days_cached_stock_list_serves_the_search_before_the_server_answers(
    qloop: asyncio.AbstractEventLoop, tmp_path: Path, desk: Desk
) -> None:
    """A second window opened on a Mock server that never answers: the search already knows the day's stocks."""
    from PySide6.QtCore import QSettings

    from kiwoom_desk.storage.credentials import CredentialStore
    from kiwoom_desk.storage.journal import Journal
    from kiwoom_desk.trading.session import SessionConfig
    from kiwoom_desk.ui.main_window import MainWindow
    from tests.window_support import act, complete, run_until

    (sandbox_list,) = (tmp_path / "cache").glob("listings-sandbox-*.json")  # the fixture's window cached it today
    cache = tmp_path / "second-cache"
    cache.mkdir()
    (cache / sandbox_list.name.replace("sandbox", "mock")).write_bytes(sandbox_list.read_bytes())

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read()  # takes the request and never answers

    server = complete(qloop, asyncio.start_server(silent, "127.0.0.1", 0))
    port = server.sockets[0].getsockname()[1]
    keyring = MemoryKeyring()
    CredentialStore(keyring).save(Environment.MOCK, Credentials("mock-app-key", "mock-secret-key"))
    config = SessionConfig(
        credentials=CredentialStore(keyring),
        journal=Journal(tmp_path / "silent-journal.sqlite3"),
        cache_dir=cache,
        overrides={Environment.MOCK: Endpoints(f"http://127.0.0.1:{port}", f"ws://127.0.0.1:{port}/ws")},
    )
    window = MainWindow(config, QSettings(str(tmp_path / "silent.ini"), QSettings.Format.IniFormat))
    try:
        act(qloop, window.show)
        starting = qloop.create_task(window.start(Environment.MOCK))
        run_until(qloop, lambda: len(window.ticket.stockCodeEdit.listings) == 78, "the cached list was not used")
        assert window.desk is None and not starting.done()  # still waiting for the server
        assert window.status.rest.text() == "REST: 연결 중..."
        starting.cancel()
        run_until(qloop, starting.done, "the start did not stop")
    finally:
        complete(qloop, window.shutdown())
        act(qloop, window.close)
        act(qloop, window.deleteLater)
        act(qloop, lambda: None)
        config.journal.close()
        server.close()
