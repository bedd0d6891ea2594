"""A fake Anthropic Messages API on 127.0.0.1: tool-use answers, 429s with Retry-After, 529s."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.fakes.loopback import serve
from tests.fakes.model_script import ModelScript, message_of

ERROR_TYPES = {
    429: "rate_limit_error",
    529: "overloaded_error",
    500: "api_error",
    401: "authentication_error",
}


@dataclass
class FakeAnthropic:
    """Serves POST /v1/messages, answering through the forced tool with its script's answers."""

    api_key: str = "sk-ant-test-key"
    script: ModelScript = field(default_factory=lambda: ModelScript(input_tokens=1500, output_tokens=60))
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""
    _runner: web.AppRunner | None = None

    async def start(self) -> str:
        """Serve on a free loopback port; returns the base URL for ANTHROPIC_BASE_URL."""
        app = web.Application()
        app.router.add_post("/v1/messages", self._messages)
        self._runner, self.url = await serve(app)
        return self.url

    async def stop(self) -> None:
        """Close the server."""
        if self._runner is not None:
            await self._runner.cleanup()

    async def _messages(self, request: web.Request) -> web.Response:
        if request.headers.get("x-api-key") != self.api_key:
            return _error(401, "invalid x-api-key")
        body = await request.json()
        self.requests.append(body)
        user_turn = body["messages"][-1]["content"]
        reply, answer = await self.script.next_reply(message_of(user_turn))
        if reply.status != 200:
            headers = {"retry-after": str(reply.retry_after)} if reply.retry_after is not None else {}
            return _error(reply.status, "injected failure", headers)
        tool = body["tool_choice"]["name"]
        block: dict[str, Any] = {"type": "tool_use", "id": "toolu_01", "name": tool, "input": answer}
        if reply.malformed:
            block = {"type": "text", "text": "Sure! The expense is coffee."}
        return web.json_response(
            {
                "id": "msg_01",
                "type": "message",
                "role": "assistant",
                "model": body["model"],
                "content": [block],
                "stop_reason": "tool_use",
                "stop_sequence": None,
                "usage": {
                    "input_tokens": self.script.input_tokens,
                    "output_tokens": self.script.output_tokens,
                },
            }
        )


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> web.Response:
    kind = ERROR_TYPES.get(status, "api_error")
    return web.json_response(
        {"type": "error", "error": {"type": kind, "message": message}}, status=status, headers=headers
    )
