"""What the client's mixins (`_market_queries`, `_credit_orders`) use of `KiwoomClient`, declared once for the
type checker: the one request path (`_pages`, `_order`), the model reader and the code check."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import pydantic

_Model = TypeVar("_Model", bound=pydantic.BaseModel)


class ClientParts:
    if TYPE_CHECKING:  # provided by KiwoomClient

        async def _order(self, api_id: str, body: dict[str, str], model: type[_Model]) -> _Model: ...

        async def _pages(
            self, api_id: str, body: dict[str, str], list_key: str, max_pages: int | None = None
        ) -> tuple[dict[str, Any], list[Any]]: ...

        @staticmethod
        def _model(api_id: str, data: Any, model: type[_Model]) -> _Model: ...

        @staticmethod
        def _check_stock_code(stock_code: str, api_id: str) -> None: ...
