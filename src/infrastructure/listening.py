"""Listening on a port the settings name: a port taken or not allowed is one line for the operator."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # aiohttp.web is loaded by the servers that listen, not by whoever catches the error
    from aiohttp import web


class CannotListen(Exception):
    """The server could not listen where the settings say; the message names the settings to change."""


async def listen_on(runner: web.AppRunner, host: str, port: int, settings: str) -> None:
    """Serve the runner's app on host:port; CannotListen naming `settings` when the port is taken."""
    from aiohttp import web

    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as exc:
        await runner.cleanup()
        raise CannotListen(
            f"cannot listen on {host}:{port} ({exc.strerror or exc}): another program holds the port, "
            f"or it is not allowed; stop that program or change {settings}"
        ) from exc
