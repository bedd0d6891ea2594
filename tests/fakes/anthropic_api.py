"""A fake Anthropic Messages API on 127.0.0.1: tool-use answers, 429s with Retry-After, 529s."""

from __future__ import annotations

import binascii
import json
import math
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.fakes.loopback import serve
from tests.fakes.model_script import ModelScript, message_of
from tests.fakes.seen_images import seen

# Anthropic's limits on an image: its base64 text at most 5 MB, no side over 8000 px; the formats it reads.
MAX_IMAGE_BASE64_BYTES = 5 * 1024 * 1024
MAX_IMAGE_SIDE = 8000
MAX_REQUEST_BYTES = 32 * 1024 * 1024
MEDIA_TYPES = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF", "image/webp": "WEBP"}
ERROR_TYPES = {
    429: "rate_limit_error",
    529: "overloaded_error",
    500: "api_error",
    401: "authentication_error",
    400: "invalid_request_error",
    413: "request_too_large",
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
    seen_sizes: list[tuple[int, int]] = field(default_factory=list)  # each image the model saw
    _runner: web.AppRunner | None = None
    _seen_colour: str = ""

    async def start(self) -> str:
        """Serve on a free loopback port; returns the base URL for ANTHROPIC_BASE_URL."""
        # The Messages API takes requests of up to 32 MB (a 413 request_too_large beyond).
        app = web.Application(client_max_size=MAX_REQUEST_BYTES)
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
        looked_at = self._looked_at(body["messages"])
        if isinstance(looked_at, web.Response):
            return looked_at
        image_tokens = sum(math.ceil(width * height / 750) for width, height in looked_at)
        user_turn = body["messages"][-1]["content"]
        if isinstance(user_turn, list):  # content blocks: the model reads the image, else the text
            texts = [block["text"] for block in user_turn if block.get("type") == "text"]
            user_turn = "\n".join(texts)
        key = self._seen_colour if looked_at else message_of(user_turn)
        reply, answer = await self.script.next_reply(key)
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
                "input_tokens": self.script.input_tokens + image_tokens,
                # An answer stopped at max_tokens took them all.
                "output_tokens": body["max_tokens"]
                if reply.stop_reason == "max_tokens"
                else self.script.output_tokens,
            }
        text = json.dumps(reply_body)
        if reply.raw_answer is not None:
            text = text.replace(json.dumps(marker), reply.raw_answer)
        return web.Response(text=text, content_type="application/json")

    def _looked_at(self, messages: list[dict[str, Any]]) -> list[tuple[int, int]] | web.Response:
        """The sizes of the images the model sees, checked as the API checks them (the first one's
        colour kept as what it reads); else the API's 400 in its own words."""
        sizes = []
        for number, message in enumerate(messages):
            blocks = message["content"] if isinstance(message["content"], list) else []
            for index, block in enumerate(blocks):
                if block.get("type") != "image":
                    continue
                where = f"messages.{number}.content.{index}.image.source.base64"
                looked = self._image_refusal(where, block.get("source") or {})
                if isinstance(looked, web.Response):
                    return looked
                sizes.append(looked)
        self.seen_sizes.extend(sizes)
        return sizes

    def _image_refusal(self, where: str, source: dict[str, Any]) -> tuple[int, int] | web.Response:
        media_type, data = source.get("media_type"), source.get("data") or ""
        if media_type not in MEDIA_TYPES:
            choices = "'image/jpeg', 'image/png', 'image/gif' or 'image/webp'"
            return _error(400, f"{where}.media_type: Input should be {choices}")
        if not data:
            return _error(400, f"{where}: image cannot be empty")
        if len(data) > MAX_IMAGE_BASE64_BYTES:
            return _error(
                400,
                f"{where}: image exceeds 5 MB maximum: {len(data)} bytes > {MAX_IMAGE_BASE64_BYTES} bytes",
            )
        try:
            decoded = binascii.a2b_base64(data, strict_mode=True)
        except binascii.Error:
            return _error(400, f"{where}: invalid base64 data")
        try:
            colour, size, image_format = seen(decoded)
        except ValueError:  # bytes of no image format: the API tells it by their first bytes
            colour, size, image_format = "", (0, 0), ""
        if image_format != MEDIA_TYPES[media_type]:
            return _error(400, f"{where}.data: Image does not match the provided media type {media_type}")
        if max(size) > MAX_IMAGE_SIDE:
            return _error(
                400,
                f"{where}.data: At least one of the image dimensions exceed max allowed size: "
                f"{MAX_IMAGE_SIDE} pixels",
            )
        self._seen_colour = colour
        return size


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> web.Response:
    kind = ERROR_TYPES.get(status, "api_error")
    return web.json_response(
        {"type": "error", "error": {"type": kind, "message": message}}, status=status, headers=headers
    )
