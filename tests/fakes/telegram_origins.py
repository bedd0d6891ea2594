"""The origins the Bot API gives a forwarded message (its forward_origin), and the accounts they name.

As the Bot API reference describes MessageOrigin: `user` (a known user, a bot or a person), `hidden_user`
(a person whose privacy settings hide their account: a name only), `chat` (sent on behalf of a group)
and `channel` (a channel's post); each with the original's `date`, a Unix time.
"""

from __future__ import annotations

from typing import Any

Params = dict[str, Any]


def bot_account(bot_id: int, username: str, first_name: str) -> Params:
    """A bot's User (a bank's notifications bot), as a forward from it names its sender."""
    return {"id": bot_id, "is_bot": True, "first_name": first_name, "username": username}


def person_account(user_id: int, first_name: str, username: str | None = None) -> Params:
    """A person's User, as a forward from someone who lets their account be linked names them."""
    return {"id": user_id, "is_bot": False, "first_name": first_name} | (
        {"username": username} if username else {}
    )


def user_origin(sender: Params, date: int) -> Params:
    """MessageOriginUser: sent by a known user (bot_account, person_account)."""
    return {"type": "user", "date": date, "sender_user": sender}


def hidden_user_origin(name: str, date: int) -> Params:
    """MessageOriginHiddenUser: sent by a person whose privacy settings hide their account."""
    return {"type": "hidden_user", "date": date, "sender_user_name": name}


def chat_origin(chat_id: int, title: str, date: int, username: str | None = None) -> Params:
    """MessageOriginChat: sent on behalf of a group (an anonymous admin's message)."""
    chat = {"id": chat_id, "type": "supergroup", "title": title} | (
        {"username": username} if username else {}
    )
    return {"type": "chat", "date": date, "sender_chat": chat}


def channel_origin(
    chat_id: int, title: str, message_id: int, date: int, username: str | None = None
) -> Params:
    """MessageOriginChannel: a channel's post, with its message id in the channel."""
    chat = {"id": chat_id, "type": "channel", "title": title} | ({"username": username} if username else {})
    return {"type": "channel", "date": date, "chat": chat, "message_id": message_id}
