"""A fake Ollama server on 127.0.0.1: the model list, for now."""

from __future__ import annotations

from dataclasses import dataclass, field

from aiohttp import web

from tests.fakes.loopback import serve


@dataclass
class FakeOllama:
    """Serves /api/tags with the models it was given."""

    models: list[str] = field(default_factory=lambda: ["qwen2.5:3b-instruct"])
    url: str = ""
    _runner: web.AppRunner | None = None

    async def start(self) -> str:
        """Serve on a free loopback port; returns the base URL for OLLAMA_HOST."""
        app = web.Application()
        app.router.add_get("/api/tags", self._tags)
        self._runner, self.url = await serve(app)
        return self.url

    async def stop(self) -> None:
        """Close the server."""
        if self._runner is not None:
            await self._runner.cleanup()

    async def _tags(self, request: web.Request) -> web.Response:
        return web.json_response({"models": [{"name": name, "model": name} for name in self.models]})
