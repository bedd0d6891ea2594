"""A fake Bakong Open API on 127.0.0.1: check_transaction_by_md5 answered as Bakong answers it.

The shapes are those of the NBC's "Bakong Open API Documentation" (v1.0.2) and of public clients:
200 with `responseCode` 0 and the transaction for a paid QR; 200 with `responseCode` 1 and `errorCode`
1 (not found) or 3 (failed) otherwise; 401 with `errorCode` 6 for a token expired or wrong; 400 with
`errorCode` 5 when the md5 is missing; and 403 with an HTML page (before any JSON is read) for a caller
outside Cambodia, as the gateway in front of the API answers.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aiohttp import web

from tests.fakes.khqr_reader import read_khqr
from tests.fakes.loopback import serve

Params = dict[str, Any]
CHECK_PATH = "/v1/check_transaction_by_md5"
FORBIDDEN_PAGE = (
    "<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n"
    "<center><h1>403 Forbidden</h1></center>\r\n</body>\r\n</html>\r\n"
)


def _answer(
    code: int, message: str, error: int | None, data: Params | None, status: int = 200
) -> web.Response:
    body = {"responseCode": code, "responseMessage": message, "errorCode": error, "data": data}
    return web.json_response(body, status=status)


@dataclass
class FakeBakong:
    """Bakong as one merchant's token sees it: payers pay QRs (`pays`), the bot asks about them."""

    # Bakong issues JWTs; this one only has to look like one.
    token: str = "eyJhbGciOiJIUzI1NiJ9.eyJkYXRhIjp7ImlkIjoiZmFrZSJ9fQ.fake-bakong-signature"
    token_expired: bool = False
    outside_cambodia: bool = False  # the caller's address is not Cambodian: 403 to everything
    url: str = ""
    transactions: dict[str, Params] = field(default_factory=dict)  # md5 -> the transaction's data
    failed: set[str] = field(default_factory=set)  # md5s whose payment failed
    asked: list[str] = field(default_factory=list)  # the md5s asked about, in order
    authorizations: list[str] = field(default_factory=list)
    _runner: web.AppRunner | None = None

    async def start(self) -> str:
        """Serve on a free loopback port; returns the base URL for BAKONG_API_URL."""
        app = web.Application()
        app.router.add_route("*", "/{path:.*}", self._handle)
        self._runner, self.url = await serve(app)
        return self.url

    async def stop(self) -> None:
        """Close the server."""
        if self._runner is not None:
            await self._runner.cleanup()

    def pays(self, qr_text: str, when: datetime, from_account: str = "dara_sok@aclb") -> str:
        """A payer's bank app scans the QR and pays what it says; returns Bakong's hash of the payment."""
        read = read_khqr(qr_text)
        md5 = hashlib.md5(qr_text.encode()).hexdigest()
        transaction_hash = hashlib.sha256(f"{md5}:{from_account}:{when.isoformat()}".encode()).hexdigest()
        moment = int(when.timestamp() * 1000)
        self.transactions[md5] = {
            "hash": transaction_hash,
            "fromAccountId": from_account,
            "toAccountId": read.account_id,
            "currency": read.currency,
            "amount": float(read.amount),  # a JSON number, as Bakong sends it
            "description": "",
            "createdDateMs": float(moment),
            "acknowledgedDateMs": float(moment + 1200),
        }
        return transaction_hash

    async def _handle(self, request: web.Request) -> web.Response:
        if self.outside_cambodia:
            return web.Response(status=403, text=FORBIDDEN_PAGE, content_type="text/html")
        if request.path != CHECK_PATH:
            return web.Response(status=404, text="Not Found")
        if request.method != "POST":
            return web.Response(status=405, text="Method Not Allowed")
        authorization = request.headers.get("Authorization", "")
        self.authorizations.append(authorization)
        if self.token_expired or authorization != f"Bearer {self.token}":
            return _answer(1, "Unauthorized", 6, None, status=401)
        try:
            body = await request.json()
        except json.JSONDecodeError:
            body = None
        md5 = body.get("md5") if isinstance(body, dict) else None
        if not isinstance(md5, str) or not 1 <= len(md5) <= 255:
            return _answer(1, "Missing required fields", 5, None, status=400)
        self.asked.append(md5)
        if md5 in self.transactions:
            return _answer(0, "Getting transaction successfully.", None, self.transactions[md5])
        if md5 in self.failed:
            return _answer(1, "Transaction failed.", 3, None)
        return _answer(1, "Transaction could not be found. Please check and try again.", 1, None)
