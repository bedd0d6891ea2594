"""PTB's rate limiter, spent only on what the group hears: asking Telegram about a group is no message."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram.ext import AIORateLimiter

# Bot API methods that read about a chat rather than post to it. Telegram's 20 messages a minute
# per group are for messages; AIORateLimiter counts every call naming a group's chat_id, so 40
# members opening the Mini App at once (a getChatMember each) would hold up the group's replies.
READS = frozenset({"getChat", "getChatMember", "getChatAdministrators", "getChatMemberCount"})


class GroupReplyLimiter(AIORateLimiter):
    """AIORateLimiter for messages; reads about a chat keep only its retries after a 429."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """A read goes out at once (retried after a 429 as a message is); anything else is limited."""
        if endpoint in READS:
            data = {key: value for key, value in data.items() if key != "chat_id"}  # no group's budget
        return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
