"""A fake Anthropic Messages API on 127.0.0.1: tool-use answers, 429s with Retry-After, 529s."""

from __future__ import annotations

import json
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
    400: "invalid_request_error",
}


@dataclass
class FakeAnthropic:
    """Serves POST /v1/messages, answering through the forced tool with its script's answers."""

    api_key: str = "sk-ant-test-key"
    script: ModelScript = field(default_factory=lambda: ModelScript(input_tokens=1500, output_tokens=60))
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""
    # As newer models answer: sampling settings they no longer take, a forced tool they refuse.
    refuses_temperature: bool = False
    refuses_forced_tool: bool = False
    text_before_tool: bool = False  # a text block ahead of the tool call, as models may send
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
        if self.refuses_temperature and "temperature" in body and "top_p" in body:
            return _error(
                400, "`temperature` and `top_p` cannot both be specified for this model. Please use only one."
            )
        forced = body.get("tool_choice", {}).get("type") in ("tool", "any")
        if self.refuses_forced_tool and forced:  # as with extended thinking on
            return _error(400, "Thinking may not be enabled when tool_choice forces tool use.")
        user_turn = body["messages"][-1]["content"]
        reply, answer = await self.script.next_reply(message_of(user_turn))
        if reply.status != 200:
            headers = {"retry-after": str(reply.retry_after)} if reply.retry_after is not None else {}
            return _error(reply.status, "injected failure", headers)
        if reply.body is not None:
            return web.Response(text=reply.body, content_type="application/json")
        marker = '"__raw_answer__"'
        answer_json: Any = marker if reply.raw_answer is not None else answer
        blocks: list[dict[str, Any]]
        if forced and "__tool__" in answer:  # the model's choice among the tools offered
            blocks = [
                {"type": "tool_use", "id": "toolu_01", "name": answer["__tool__"], "input": answer["input"]}
            ]
            if answer.get("text"):
                blocks.insert(0, {"type": "text", "text": answer["text"]})
        elif forced:
            tool = body["tool_choice"].get("name") or body["tools"][0]["name"]
            blocks = [{"type": "tool_use", "id": "toolu_01", "name": tool, "input": answer_json}]
            if self.text_before_tool:
                blocks.insert(0, {"type": "text", "text": "I'll record that expense."})
        else:
            blocks = [{"type": "text", "text": "Here is the answer:\n" + json.dumps(answer)}]
        if reply.malformed:
            blocks = [{"type": "text", "text": "Sure! The expense is coffee."}]
        reply_body: dict[str, Any] = {
            "id": "msg_01",
            "type": "message",
            "role": "assistant",
            "model": body["model"],
            "content": blocks,
            "stop_reason": reply.stop_reason or ("tool_use" if forced else "end_turn"),
            "stop_sequence": None,
        }
        if not reply.no_usage:
            reply_body["usage"] = {
                "input_tokens": self.script.input_tokens,
                # An answer stopped at max_tokens took them all.
                "output_tokens": body["max_tokens"]
                if reply.stop_reason == "max_tokens"
                else self.script.output_tokens,
            }
        text = json.dumps(reply_body)
        if reply.raw_answer is not None:
            text = text.replace(json.dumps(marker), reply.raw_answer)
        return web.Response(text=text, content_type="application/json")


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> web.Response:
    kind = ERROR_TYPES.get(status, "api_error")
    return web.json_response(
        {"type": "error", "error": {"type": kind, "message": message}}, status=status, headers=headers
    )
