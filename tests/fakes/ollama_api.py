"""A fake Ollama server on 127.0.0.1: the model list and /api/chat, scripted per message."""

from __future__ import annotations

import asyncio
import binascii
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.fakes.loopback import serve
from tests.fakes.model_script import ModelScript, message_of
from tests.fakes.seen_images import seen

# From 0.31.2 Ollama runs models in llama.cpp's llama-server, which refuses images a model cannot see
# (reported with these words from 0.32.5); before, a model without vision got the text alone.
LLAMA_SERVER_VERSION = (0, 31, 2)
NO_MULTIMODAL = "Multimodal data provided, but model does not support multimodal requests."
MAX_REQUEST_BYTES = 256 * 1024 * 1024
NO_VISION_TENSORS = "this model is missing data required for image input"


@dataclass
class FakeOllama:
    """Serves /api/tags and /api/chat (non-streaming) with the answers of its script."""

    models: list[str] = field(default_factory=lambda: ["qwen2.5:3b-instruct"])
    script: ModelScript = field(default_factory=ModelScript)
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""
    version: str = "0.13.0"  # some behaviours are a version's: see _refusal and _format_dropped
    load_seconds: float = 0.0  # a real model takes seconds to load inside the first request
    loaded: set[str] = field(default_factory=set)
    thinking_models: set[str] = field(default_factory=set)  # the others refuse `think: true`
    no_tools_models: set[str] = field(default_factory=set)  # models without the tools capability
    vision_models: set[str] = field(default_factory=set)  # models with the vision capability
    # Models that list vision but came without their projector (a Modelfile's second FROM lost).
    blind_models: set[str] = field(default_factory=set)
    seen_sizes: list[tuple[int, int]] = field(default_factory=list)  # each image a vision model saw
    _runner: web.AppRunner | None = None

    def unload(self) -> None:
        """Ollama unloads an idle model (after keep_alive): the next request loads it again."""
        self.loaded.clear()

    async def _load(self, model: str) -> None:
        if model not in self.loaded:
            await asyncio.sleep(self.load_seconds)
            self.loaded.add(model)

    async def start(self) -> str:
        """Serve on a free loopback port; returns the base URL for OLLAMA_HOST."""
        app = web.Application(client_max_size=MAX_REQUEST_BYTES)  # Ollama sets no bound of its own
        app.router.add_get("/api/tags", self._tags)
        app.router.add_get("/api/version", self._version)
        app.router.add_post("/api/show", self._show)
        app.router.add_post("/api/chat", self._chat)
        self._runner, self.url = await serve(app)
        return self.url

    async def stop(self) -> None:
        """Close the server."""
        if self._runner is not None:
            await self._runner.cleanup()

    async def _tags(self, request: web.Request) -> web.Response:
        return web.json_response({"models": [{"name": name, "model": name} for name in self.models]})

    async def _version(self, request: web.Request) -> web.Response:
        return web.json_response({"version": self.version})

    async def _show(self, request: web.Request) -> web.Response:
        model = (await request.json()).get("model")
        if not _among(model, self.models):
            return web.json_response({"error": f"model '{model}' not found"}, status=404)
        capabilities = ["completion"]
        capabilities += [] if _among(model, self.no_tools_models) else ["tools"]
        capabilities += ["thinking"] if _among(model, self.thinking_models) else []
        capabilities += ["vision"] if _among(model, self.vision_models) else []
        return web.json_response(
            {"capabilities": capabilities, "details": {"format": "gguf"}, "model_info": {}}
        )

    async def _chat(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.requests.append(body)
        refusal = self._refusal(body)
        if refusal is not None:
            status, error = refusal
            return web.json_response({"error": error}, status=status)
        await self._load(body["model"])
        if not body.get("messages"):  # how clients load a model: an empty chat, answered at once
            return web.json_response(
                {
                    "model": body["model"],
                    "created_at": "2026-11-22T00:00:00Z",
                    "message": {"role": "assistant", "content": ""},
                    "done": True,
                    "done_reason": "load",
                }
            )
        user_turn = next(m["content"] for m in reversed(body["messages"]) if m["role"] == "user")
        images = [image for message in body["messages"] for image in message.get("images") or []]
        looked_at = self._looked_at(body["model"], images)
        if isinstance(looked_at, web.Response):
            return looked_at
        reply, answer = await self.script.next_reply(looked_at or message_of(user_turn))
        if reply.status != 200:
            return web.json_response({"error": "injected failure"}, status=reply.status)
        if reply.body is not None:
            return web.Response(text=reply.body, content_type="application/json")
        content = "{not json" if reply.malformed else reply.raw_answer or json.dumps(answer)
        if self._format_dropped(body):  # unheld by the grammar, the model says it in its own words
            content = f"Here is what the message says: {content}"
        done_reason, tokens = reply.done_reason or "stop", self.script.output_tokens
        limit = (body.get("options") or {}).get("num_predict", -1)  # -1: no bound
        if 0 <= limit < tokens:  # the answer is cut at num_predict tokens, a few characters each
            done_reason, tokens, content = "length", limit, content[: limit * 3]
        message: dict[str, Any] = {"role": "assistant", "content": content}
        if body.get("tools") and "tool_calls" in answer:
            # A model that calls a tool: the call in tool_calls, perhaps words of its own in content.
            # With `format` too, the grammar holds the answer to the schema and no tool is called.
            message["content"] = answer.get("content", "")
            if "format" not in body:
                message["tool_calls"] = answer["tool_calls"]
        return web.json_response(
            {
                "model": body["model"],
                "created_at": "2026-11-22T00:00:00Z",
                "message": message,
                "done": True,
                "done_reason": done_reason,
                **(
                    {}
                    if reply.no_usage
                    else {"prompt_eval_count": self.script.input_tokens, "eval_count": tokens}
                ),
            }
        )

    def _looked_at(self, model: str, images: list[object]) -> str | web.Response | None:
        """What a vision model sees on the first image (the colour it stands for), None when no image
        is looked at; or Ollama's error for images it cannot take."""
        decoded = []
        for image in images:
            error = base64_error(image)
            if error is not None:  # Go's encoding/json decodes the []byte before anything runs
                return web.json_response({"error": error}, status=400)
            assert isinstance(image, str)
            decoded.append(binascii.a2b_base64(image))
        if not decoded:
            return None
        blind = _among(model, self.blind_models)
        if blind or not _among(model, self.vision_models):
            if _version(self.version) >= LLAMA_SERVER_VERSION:
                return web.json_response({"error": NO_MULTIMODAL}, status=400)
            if blind:  # Ollama's own engine finds no vision tensors
                error = "Failed to create new sequence: failed to process inputs: " + NO_VISION_TENSORS
                return web.json_response({"error": error}, status=500)
            return None  # the runner drops the images: the model answers from the text alone
        try:
            colour, size, _ = seen(decoded[0])
        except ValueError:
            error = "Failed to create new sequence: failed to process inputs: image: unknown format"
            return web.json_response({"error": error}, status=500)
        self.seen_sizes.append(size)
        return colour

    def _refusal(self, body: dict[str, Any]) -> tuple[int, str] | None:
        """Ollama's 400 or 404 for a request it will not run, in its words; None if it runs it."""
        if "keep_alive" in body and (error := duration_error(body["keep_alive"])) is not None:
            return 400, error  # the request is bound before anything else is looked at
        model = body.get("model")
        if not _among(model, self.models):
            return 404, f"model '{model}' not found"
        if "think" in body and not _among(model, self.thinking_models):
            if _version(self.version) == (0, 12, 4):
                # 0.12.4 asked the model for the thinking capability whenever `think` was sent, even
                # false; 0.12.5 took `think: false` from any model again (ollama/ollama#12555).
                return 400, f"registry.ollama.ai/library/{model} does not support thinking"
            if body["think"] is True:
                return 400, f'"{model}" does not support thinking'
        if body.get("tools") and _among(model, self.no_tools_models):
            return 400, f"registry.ollama.ai/library/{model} does not support tools"
        return None

    def _format_dropped(self, body: dict[str, Any]) -> bool:
        """From 0.12.4 (ollama/ollama#12460) the schema in `format` waits for a thinking model's
        thoughts to end, which never come with `think: false`: the answer is not held to it, until
        0.31.2 (ollama/ollama#15901; gemma4 alone was mended in 0.21.1)."""
        return (
            "format" in body
            and body.get("think") is False
            and _among(body["model"], self.thinking_models)
            and (0, 12, 4) <= _version(self.version) < (0, 31, 2)
        )


# Go's time.ParseDuration units; a string keep_alive goes through it, a number is seconds.
_GO_UNITS = ("ns", "us", "µs", "μs", "ms", "s", "m", "h")


def duration_error(value: object) -> str | None:
    """What Ollama's api.Duration.UnmarshalJSON says of a keep_alive value, None if it takes it."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        go_type = {bool: "bool", list: "[]interface {}", dict: "map[string]interface {}"}
        return f"Unsupported type: '{go_type.get(type(value), type(value).__name__)}'"
    if not isinstance(value, str):
        return None
    quoted = json.dumps(value, ensure_ascii=False)
    rest = value[1:] if value[:1] in ("-", "+") else value
    if rest == "0":
        return None
    if not rest:
        return f"time: invalid duration {quoted}"
    while rest:
        number = re.match(r"\d*(\.\d*)?", rest)
        digits = number.group(0) if number else ""
        if not any(character.isdigit() for character in digits):
            return f"time: invalid duration {quoted}"
        rest = rest[len(digits) :]
        unit = re.match(r"[^\d.]*", rest)
        unit_text = unit.group(0) if unit else ""
        if not unit_text:
            return f"time: missing unit in duration {quoted}"
        if unit_text not in _GO_UNITS:
            return f"time: unknown unit {json.dumps(unit_text, ensure_ascii=False)} in duration {quoted}"
        rest = rest[len(unit_text) :]
    return None


def base64_error(value: object) -> str | None:
    """What Go's base64.StdEncoding says of a JSON string decoded into []byte, None if it takes it."""
    if not isinstance(value, str):
        return f"json: cannot unmarshal {type(value).__name__} into Go value of type []uint8"
    alphabet = re.compile(r"[A-Za-z0-9+/]")
    for index, character in enumerate(value):
        if character == "=" and index >= len(value) - 2 and len(value) % 4 == 0:
            break
        if not alphabet.match(character):
            return f"illegal base64 data at input byte {index}"
    if len(value) % 4:
        return f"illegal base64 data at input byte {len(value) - len(value) % 4}"
    return None


def _among(model: object, models: Iterable[str]) -> bool:
    """Whether Ollama finds the model there: a name without a tag is the :latest one."""

    def resolved(name: object) -> object:
        return name if not isinstance(name, str) or ":" in name else f"{name}:latest"

    return resolved(model) in {resolved(name) for name in models}


def _version(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version.split("-")[0])[:3])
