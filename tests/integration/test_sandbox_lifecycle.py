"""Starting and stopping the Sandbox, in-process and as the kiwoom-desk-sandbox command."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

from kiwoom_desk.sandbox import SandboxExchange

from .conftest import JSON, Wire, start_sandbox


def _sandbox_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "kiwoom-desk-sandbox"]


def test_stop_leaves_no_thread_and_no_listening_socket(tmp_path: Path) -> None:
    exchange = start_sandbox(tmp_path)
    assert exchange.rest_url.startswith("http://127.0.0.1:")
    assert exchange.ws_url == exchange.rest_url.replace("http://", "ws://") + "/api/dostk/websocket"
    assert len(_sandbox_threads()) == 1
    url = exchange.rest_url
    exchange.stop()
    assert _sandbox_threads() == []
    with pytest.raises(httpx.ConnectError):
        httpx.post(url + "/oauth2/token", json={}, timeout=2)
    exchange.stop()  # a second stop is harmless


def test_two_sandboxes_run_side_by_side(tmp_path: Path) -> None:
    with (
        SandboxExchange(tmp_path / "a", seed=1, tick_interval=None) as first,
        SandboxExchange(tmp_path / "b", seed=2, tick_interval=None) as second,
    ):
        assert first.rest_url != second.rest_url
        one, two = Wire(first.rest_url), Wire(second.rest_url)
        assert one.call("ka00001", {})["acctNo"] != two.call("ka00001", {})["acctNo"]
        one.close()
        two.close()


def test_a_busy_port_fails_start_cleanly(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(OSError):
            SandboxExchange(tmp_path, port=port, tick_interval=None).start()
    assert _sandbox_threads() == []


@pytest.mark.parametrize("stop_signal", ["SIGINT", "SIGTERM"])
def test_the_command_serves_a_hand_written_token_and_order_and_stops_cleanly(tmp_path: Path, stop_signal: str) -> None:
    command = Path(sys.executable).with_name("kiwoom-desk-sandbox")
    assert command.exists(), "the console script is installed with the package"
    process = subprocess.Popen(
        [str(command), "--port", "0", "--seed", "5", "--data-dir", str(tmp_path), "--tick-interval", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(3)]
        rest_url = lines[1].split()[-1]
        assert lines[1].split()[0] == "REST" and rest_url.startswith("http://127.0.0.1:")
        assert lines[2].split()[-1] == rest_url.replace("http://", "ws://") + "/api/dostk/websocket"

        token = httpx.post(
            rest_url + "/oauth2/token",
            headers={"Content-Type": JSON, "api-id": "au10001"},
            content=json.dumps({"grant_type": "client_credentials", "appkey": "k", "secretkey": "s"}),
            timeout=10,
        ).json()
        assert token["return_code"] == 0 and token["token_type"] == "bearer"
        order = httpx.post(
            rest_url + "/api/dostk/ordr",
            headers={"Content-Type": JSON, "api-id": "kt10000", "authorization": f"Bearer {token['token']}"},
            content='{"dmst_stex_tp": "KRX", "stk_cd": "005930", "ord_qty": "1", "ord_uv": "", "trde_tp": "3"}',
            timeout=10,
        ).json()
        assert order["return_code"] == 0 and len(order["ord_no"]) == 7 and order["dmst_stex_tp"] == "KRX"
    finally:
        if sys.platform == "win32":
            process.send_signal(signal.CTRL_C_EVENT)
        else:
            process.send_signal(getattr(signal, stop_signal))
        output, errors = process.communicate(timeout=30)
    assert process.returncode == 0, errors
    assert "Sandbox stopped." in output
