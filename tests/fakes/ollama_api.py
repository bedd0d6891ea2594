"""A fake Ollama server on 127.0.0.1: the model list and /api/chat, scripted per message."""

from __future__ import annotations

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
    _runner: web.AppRunner | None = None

    async def start(self) -> str:
        """Serve on a free loopback port; returns the base URL for OLLAMA_HOST."""
        app = web.Application()
        app.router.add_get("/api/tags", self._tags)
        app.router.add_post("/api/chat", self._chat)
        self._runner, self.url = await serve(app)
        return self.url

    async def stop(self) -> None:
        """Close the server."""
        if self._runner is not None:
            await self._runner.cleanup()

    async def _tags(self, request: web.Request) -> web.Response:
        return web.json_response({"models": [{"name": name, "model": name} for name in self.models]})

    async def _chat(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.requests.append(body)
        if body.get("model") not in self.models:
            return web.json_response({"error": f"model '{body.get('model')}' not found"}, status=404)
        user_turn = next(m["content"] for m in reversed(body["messages"]) if m["role"] == "user")
        reply, answer = await self.script.next_reply(message_of(user_turn))
        if reply.status != 200:
            return web.json_response({"error": "injected failure"}, status=reply.status)
        content = "{not json" if reply.malformed else json.dumps(answer)
        return web.json_response(
            {
                "model": body["model"],
                "created_at": "2026-11-22T00:00:00Z",
                "message": {"role": "assistant", "content": content},
                "done": True,
                "done_reason": "stop",
                "prompt_eval_count": self.script.input_tokens,
                "eval_count": self.script.output_tokens,
            }
        )
