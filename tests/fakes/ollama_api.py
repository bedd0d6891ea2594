"""A fake Ollama server on 127.0.0.1: the model list and /api/chat, scripted per message."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.fakes.loopback import serve
from tests.fakes.model_script import ModelScript, message_of


@dataclass
class FakeOllama:
    """Serves /api/tags and /api/chat (non-streaming) with the answers of its script."""

    models: list[str] = field(default_factory=lambda: ["qwen2.5:3b-instruct"])
    script: ModelScript = field(default_factory=ModelScript)
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""
    version: str = "0.13.0"
    load_seconds: float = 0.0  # a real model takes seconds to load inside the first request
    loaded: set[str] = field(default_factory=set)
    thinking_models: set[str] = field(default_factory=set)  # the others refuse `think: true`
    no_tools_models: set[str] = field(default_factory=set)  # models without the tools capability
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
        app = web.Application()
        app.router.add_get("/api/tags", self._tags)
        app.router.add_get("/api/version", self._version)
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

    async def _chat(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.requests.append(body)
        if body.get("model") not in self.models:
            return web.json_response({"error": f"model '{body.get('model')}' not found"}, status=404)
        if body.get("think") is True and body["model"] not in self.thinking_models:
            # Ollama refuses to think with a model that cannot; `think: false` it takes from any.
            return web.json_response({"error": f'"{body["model"]}" does not support thinking'}, status=400)
        if body.get("tools") and body["model"] in self.no_tools_models:
            return web.json_response(
                {"error": f"registry.ollama.ai/library/{body['model']} does not support tools"}, status=400
            )
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
        reply, answer = await self.script.next_reply(message_of(user_turn))
        if reply.status != 200:
            return web.json_response({"error": "injected failure"}, status=reply.status)
        if reply.body is not None:
            return web.Response(text=reply.body, content_type="application/json")
        content = "{not json" if reply.malformed else reply.raw_answer or json.dumps(answer)
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
                "done_reason": "stop",
                **(
                    {}
                    if reply.no_usage
                    else {
                        "prompt_eval_count": self.script.input_tokens,
                        "eval_count": self.script.output_tokens,
                    }
                ),
            }
        )
