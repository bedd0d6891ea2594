"""The webhook: where its server listens, what Telegram is told, and serving updates on it."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from infrastructure.settings import Settings, SettingsError

if TYPE_CHECKING:
    from telegram.ext import Application


@dataclass(frozen=True)
class WebhookOptions:
    """Where the webhook server listens and what Telegram is told; the secret is checked on every update."""

    listen: str
    port: int
    url_path: str
    webhook_url: str
    secret_token: str


def webhook_options(settings: Settings) -> WebhookOptions:
    """The webhook set-up from the settings; without WEBHOOK_SECRET a random one is made per start."""
    if not settings.webhook_url:
        raise SettingsError("--webhook needs WEBHOOK_URL, the https address Telegram should post updates to")
    return WebhookOptions(
        listen=settings.webhook_listen,
        port=settings.webhook_port,
        url_path=urlparse(settings.webhook_url).path.lstrip("/"),
        webhook_url=settings.webhook_url,
        secret_token=settings.webhook_secret or secrets.token_urlsafe(32),
    )


def serve_webhook(application: Application, options: WebhookOptions) -> None:  # type: ignore[type-arg]
    """Serve the updates Telegram posts to the webhook until the bot is stopped."""
    from infrastructure.telegram.polling import UPDATE_INBOX
    from infrastructure.telegram.webhook import run_webhook

    run_webhook(
        application,
        application.bot_data[UPDATE_INBOX],
        listen=options.listen,
        port=options.port,
        url_path=options.url_path,
        webhook_url=options.webhook_url,
        secret_token=options.secret_token,
    )
