"""Whether a local model's server listens at its address, asked without loading its client library."""

from __future__ import annotations

import asyncio
import contextlib
from urllib.parse import urlsplit

CONNECT_TIMEOUT_SECONDS = 1.0
_DEFAULT_PORTS = {"http": 80, "https": 443}


async def listens(url: str, timeout_seconds: float = CONNECT_TIMEOUT_SECONDS) -> bool:
    """True when something accepts a TCP connection at the URL's host and port."""
    parts = urlsplit(url if "://" in url else f"http://{url}")
    host = parts.hostname or "127.0.0.1"
    port = parts.port or _DEFAULT_PORTS.get(parts.scheme, 80)
    try:
        _, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout_seconds)
    except (TimeoutError, OSError):
        return False
    writer.close()
    with contextlib.suppress(OSError):  # the server closed first: it was there all the same
        await writer.wait_closed()
    return True
