"""The Sandbox's own control endpoint (not Kiwoom's protocol): loopback only, no token, JSON answers with
`return_code` (0 = done) and `return_msg`.

- GET  /sandbox/state  -> mode, date (YYYYMMDD), time (HH:MM:SS, simulated KST), speed, phase, vi
- POST /sandbox/clock  {"mode": "krx"|"continuous", "time": "HH:MM[:SS]", "speed": 1-10}, each optional
- POST /sandbox/reset  the account as new; the clock and the market keep going
- POST /sandbox/vi     {"stk_cd": "005930", "kind": "static"|"dynamic"}: a VI at the current price with the normal
  auction; KRX clock, continuous trading only (refused on the continuous clock: VI never runs there)
The test controls of `SandboxExchange` call the same `SandboxControl` methods.
"""

from __future__ import annotations

import ipaddress
import json
from datetime import datetime
from typing import Any

from aiohttp import web

from .broker import Broker
from .clock import KST
from .krx_day import KrxDay
from .market_clock import MODES, MarketClock, check_speed, next_weekday, parse_time

PATH_STATE, PATH_CLOCK, PATH_RESET, PATH_VI = "/sandbox/state", "/sandbox/clock", "/sandbox/reset", "/sandbox/vi"
DONE, INPUT, FORBIDDEN = 0, 2, 3
VI_KINDS = ("static", "dynamic")
_JSON = "application/json;charset=UTF-8"


class ControlError(Exception):
    def __init__(self, message: str, return_code: int = INPUT, status: int = 400) -> None:
        super().__init__(message)
        self.return_code, self.status = return_code, status


class SandboxControl:
    def __init__(self, broker: Broker, clock: MarketClock, day: KrxDay) -> None:
        self.broker, self.clock, self.day = broker, clock, day

    def state(self) -> dict[str, Any]:
        self.broker.roll_day()  # the day first catches up with the clock
        now = self.clock.now()
        return {
            "return_code": DONE,
            "return_msg": "",
            "mode": self.clock.mode,
            "date": now.strftime("%Y%m%d"),
            "time": now.strftime("%H:%M:%S"),
            "speed": self.clock.speed,
            "phase": self.clock.phase().value,
            "vi": sorted(self.day.vi),
        }

    def set_clock(self, mode: str | None = None, time: str | None = None, speed: float | None = None) -> dict[str, Any]:
        """Checks every field before changing anything."""
        if mode is not None and mode not in MODES:
            raise ControlError(f"mode는 {' 또는 '.join(MODES)}이어야 합니다 (입력값 {mode!r})")
        try:
            moment = parse_time(time) if time is not None else None
            if speed is not None:
                check_speed(speed)
        except ValueError as error:
            raise ControlError(str(error)) from None
        if moment is not None and mode != "krx" and not (mode is None and self.clock.krx):
            raise ControlError("time은 krx 시계에서만 쓸 수 있습니다")
        self.broker.roll_day()
        if speed is not None:
            self.clock.set_speed(speed)
        if mode == "continuous" and self.clock.krx:
            left = self.clock.now()
            self.clock.set_mode("continuous")
            self.clock.not_before(left.date())  # the KRX days played stay behind it
            if self.clock.now() < left:  # the wall's time of day is earlier: the next weekday, not back in time
                self.clock.not_before(next_weekday(left.date()))
            self.day.stop()
            self.broker.roll_day()
        elif mode == "krx" and not self.clock.krx:
            day = self.day.fresh_day(self.clock.now().date())  # never before the last KRX day's
            self.clock.set_mode("krx")
            self.day.restart(datetime.combine(day, moment or self.clock.start, KST))
            return self.state()
        if moment is not None:
            self.day.move_to(moment)
        return self.state()

    def force_vi(self, code: str, kind: str) -> dict[str, Any]:
        """Checks everything before starting the VI."""
        if kind not in VI_KINDS:
            raise ControlError(f"kind는 static 또는 dynamic이어야 합니다 (입력값 {kind!r})")
        if code not in self.broker.market.listings:
            raise ControlError(f"종목코드 {code!r}은(는) 연습 거래소에 없는 종목입니다")
        if not self.clock.krx:
            raise ControlError('VI는 krx 시계에서만 발동합니다. 먼저 POST /sandbox/clock {"mode": "krx"}로 바꾸세요')
        self.broker.roll_day()
        if not self.day.matching():
            raise ControlError(
                f"VI는 정규시장 연속매매 시간(09:00~15:20)에만 발동합니다 (지금 {self.clock.phase().value})"
            )
        if code in self.day.vi:
            raise ControlError(f"{code}은(는) 이미 VI 발동 중입니다")
        vi = self.day.force_vi(code, kind)
        return {
            "return_code": DONE,
            "return_msg": f"{code} {vi.kind} VI 발동: {vi.release:%H:%M:%S}에 단일가매매로 체결하고 해제합니다",
        }

    def reset(self) -> dict[str, Any]:
        self.broker.roll_day()
        self.broker.reset_account()
        return {"return_code": DONE, "return_msg": "계좌를 초기화했습니다"}

    # ---- HTTP --------------------------------------------------------------------------------------------

    def routes(self, app: web.Application) -> None:
        app.router.add_get(PATH_STATE, self._guarded(self._state))
        app.router.add_post(PATH_CLOCK, self._guarded(self._clock))
        app.router.add_post(PATH_RESET, self._guarded(self._reset))
        app.router.add_post(PATH_VI, self._guarded(self._vi))

    def _guarded(self, handler: Any) -> Any:
        async def handle(request: web.Request) -> web.Response:
            try:
                if not is_loopback(request.remote):
                    raise ControlError("연습 거래소 제어는 이 컴퓨터(loopback)에서만 할 수 있습니다", FORBIDDEN, 403)
                if request.method == "POST" and request.content_type != "application/json":
                    # a web page can POST a form or text/plain to loopback without asking first; JSON it can't
                    raise ControlError("POST 본문은 Content-Type: application/json이어야 합니다", FORBIDDEN, 415)
                answer: dict[str, Any] = await handler(request)
                return _json(answer, 200)
            except ControlError as error:
                return _json({"return_code": error.return_code, "return_msg": str(error)}, error.status)

        return handle

    async def _state(self, request: web.Request) -> dict[str, Any]:
        return self.state()

    async def _clock(self, request: web.Request) -> dict[str, Any]:
        body = await _body(request)
        unknown = set(body) - {"mode", "time", "speed"}
        if unknown:
            raise ControlError(f"알 수 없는 항목입니다: {', '.join(sorted(unknown))}")
        mode, time, speed = body.get("mode"), body.get("time"), body.get("speed")
        if mode is not None and not isinstance(mode, str):
            raise ControlError("mode는 문자열이어야 합니다")
        if time is not None and not isinstance(time, str):
            raise ControlError("time은 HH:MM:SS 문자열이어야 합니다")
        if speed is not None and (isinstance(speed, bool) or not isinstance(speed, int | float)):
            raise ControlError("speed는 1에서 10 사이의 숫자여야 합니다")
        return self.set_clock(mode, time, speed)

    async def _reset(self, request: web.Request) -> dict[str, Any]:
        return self.reset()

    async def _vi(self, request: web.Request) -> dict[str, Any]:
        body = await _body(request)
        unknown = set(body) - {"stk_cd", "kind"}
        if unknown:
            raise ControlError(f"알 수 없는 항목입니다: {', '.join(sorted(unknown))}")
        code, kind = body.get("stk_cd"), body.get("kind")
        if not isinstance(code, str) or not isinstance(kind, str):
            raise ControlError("stk_cd와 kind는 문자열이어야 합니다")
        return self.force_vi(code, kind)


def is_loopback(remote: str | None) -> bool:
    try:
        return remote is not None and ipaddress.ip_address(remote).is_loopback
    except ValueError:
        return False


async def _body(request: web.Request) -> dict[str, Any]:
    raw = await request.read()
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ControlError("요청 본문이 UTF-8 JSON이 아닙니다") from None
    if not isinstance(body, dict):
        raise ControlError("요청 본문은 JSON 객체여야 합니다")
    return body


def _json(body: dict[str, Any], status: int) -> web.Response:
    return web.Response(status=status, text=json.dumps(body, ensure_ascii=False), headers={"Content-Type": _JSON})
