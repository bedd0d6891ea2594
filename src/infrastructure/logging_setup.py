"""Logging for operators: readable lines, and never a bot token or API key in them."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path


def redact(text: str, secrets: Iterable[str | None]) -> str:
    """The text with every secret in it replaced by a placeholder."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[REDACTED]")
    return text


class RedactSecrets(logging.Filter):
    """Replaces every configured secret in a log record with a placeholder."""

    def __init__(self, secrets: Iterable[str | None]) -> None:
        super().__init__()
        self._secrets = [secret for secret in secrets if secret]

    def filter(self, record: logging.LogRecord) -> bool:
        """Render the message, then cut the secrets out of it and of any traceback."""
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        message = redact(message, self._secrets)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self._secrets)
        record.msg, record.args = message, None
        return True


def configure_logging(
    secrets: Iterable[str | None], level: int = logging.INFO, to_file: Path | None = None
) -> None:
    """Log to stderr (or to a file) with secrets redacted; the HTTP client's per-request lines are
    kept quiet."""
    handler: logging.Handler
    if to_file is not None:
        to_file.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(to_file, encoding="utf-8")
    else:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every request URL at INFO, and Bot API URLs carry the token. The scheduler's INFO
    # lines (each job added and run) would come before the one line a refused token gets.
    for chatty in ("httpx", "apscheduler"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
