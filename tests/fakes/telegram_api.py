"""A fake Telegram Bot API server on 127.0.0.1 that the real python-telegram-bot talks to over HTTP."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.fakes.loopback import serve
from tests.fakes.telegram_media import TelegramMedia
from tests.fakes.telegram_origins import hidden_user_origin

Params = dict[str, Any]
# What Telegram allows in one message's text and in a photo's caption, in UTF-16 code units.
MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_COMMANDS = 100
MAX_ALERT_LENGTH = 200  # answerCallbackQuery's text
MAX_COMMAND_DESCRIPTION = 256
# How long Telegram waits for answerCallbackQuery after a tap (10 to 15 s), and what it says after.
CALLBACK_ANSWER_SECONDS = 10
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
# The accounts Telegram shows as the sender of an anonymous admin's and of a channel's messages.
GROUP_ANONYMOUS_BOT = {
    "id": 1087968824,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}
CHANNEL_BOT = {"id": 136817688, "is_bot": True, "first_name": "Channel", "username": "Channel_Bot"}
TELEGRAM_SERVICE = {"id": 777000, "is_bot": False, "first_name": "Telegram"}


@dataclass
class Call:
    """One Bot API request the bot made."""

    method: str
    params: Params
    at: float


@dataclass
class Refusal:
    """An answer other than ok that the next calls to a method get: an error, or a raw body."""

    method: str
    status: int
    body: str
    times: int


@dataclass
class FakeTelegram(TelegramMedia):
    """The Bot API as seen by one bot: updates members send, and every call the bot makes.

    Tests push updates (user_says, user_edits, user_taps), then wait for the bot's calls.
    Latency and 429s can be injected; delivered_at says when each message reached the bot.
    """

    # Shaped as BotFather issues them (the bot's id, a colon, 35 characters): `check` refuses others.
    token: str = "123456:AAEfakeBotTokenForTheFakeTelegram01"
    bot_id: int = 123456
    bot_username: str = "balance_test_bot"
    can_read_all_group_messages: bool = True
    admins: set[int] = field(default_factory=set)
    # A group's creator (getChatMember answers "creator"), and, for the groups listed, who is in them:
    # anyone else is answered "left", as Telegram answers of a user who is not in the group.
    creators: dict[int, int] = field(default_factory=dict)
    members_of: dict[int, set[int]] = field(default_factory=dict)
    # The language of a member's Telegram app, sent as `language_code` with what they post.
    user_languages: dict[int, str] = field(default_factory=dict)
    # setMyCommands as the bot last set it, per language_code ("" for everyone else).
    commands_by_language: dict[str, list[Params]] = field(default_factory=dict)
    # The private chats' menu button as the bot set it; the groups' titles getChat answers with.
    menu_button: Params = field(default_factory=dict)
    chat_titles: dict[int, str] = field(default_factory=dict)
    # Members' @usernames, sent in `from` with what they post.
    usernames: dict[int, str] = field(default_factory=dict)
    # The inline keyboard each of the bot's messages carries now, by (chat id, message id).
    markups: dict[tuple[int, int], Params] = field(default_factory=dict)
    # The bot's sendMessage parameters and the message Telegram made of them.
    sent_messages: list[tuple[Params, Params]] = field(default_factory=list)
    latency_seconds: float = 0.0
    now: Callable[[], float] = time.time  # when members post, as a Unix time: tests may set the clock
    calls: list[Call] = field(default_factory=list)
    delivered_at: dict[int, float] = field(default_factory=dict)
    _updates: list[Params] = field(default_factory=list)
    _update_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))
    _refusals: list[Refusal] = field(default_factory=list)
    migrated: dict[int, int] = field(default_factory=dict)  # a group's old id -> its supergroup's
    # getChatMember's answer set by member_is, by (chat id, user id), over creators/admins/members_of.
    statuses: dict[tuple[int, int], Params] = field(default_factory=dict)
    # Each tap's callback query id and when it was pushed; the ones answered.
    _taps: dict[str, float] = field(default_factory=dict)
    _answered_taps: set[str] = field(default_factory=set)
    # Forum topics members posted in, by chat; a reply thread by (chat id, message id) of its messages.
    topics: dict[int, set[int]] = field(default_factory=dict)
    _threads: dict[tuple[int, int], int] = field(default_factory=dict)
    refused: list[Call] = field(default_factory=list)  # calls answered with an error
    deleted: set[int] = field(default_factory=set)  # members' messages deleted since they were sent
    kicked_from: set[int] = field(default_factory=set)  # groups the bot was removed from
    _changed: asyncio.Condition | None = None
    _runner: web.AppRunner | None = None
    _closing: bool = False
    polls: list[Params] = field(default_factory=list)  # getUpdates calls, kept apart from the bot's replies
    url: str = ""

    async def start(self) -> str:
        """Serve on a free loopback port; returns the base URL for TELEGRAM_API_URL."""
        self._changed = asyncio.Condition()
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner, self.url = await serve(app)
        return self.url

    async def stop(self) -> None:
        """End the long polls still open (a killed bot's among them), then close the server."""
        self._closing = True
        if self._changed is not None:
            await self._notify()
        if self._runner is not None:
            await self._runner.cleanup()

    # What members do

    def user_says(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        *,
        name: str = "",
        reply_to: Params | None = None,
        topic: int | None = None,
    ) -> Params:
        """A member posts a text message in a group (in a forum topic, if given); returns the
        message as the bot will see it."""
        message = self._message(chat_id, self._user(user_id, name), text)
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        if topic is not None:
            message["message_thread_id"] = topic
            message["is_topic_message"] = True
            self.topics.setdefault(chat_id, set()).add(topic)
        elif reply_to is not None:
            self._join_reply_thread(message, int(reply_to["message_id"]))
        self._push({"message": message})
        return message

    def user_mentions(
        self, chat_id: int, user_id: int, text: str, mentioned: tuple[int, str], *, name: str = ""
    ) -> Params:
        """A member posts a text naming another user by a text mention (a user without @username: the
        app links their name), on the first place the text has that name."""
        message = self._message(chat_id, self._user(user_id, name), text)
        mentioned_id, mentioned_name = mentioned
        offset = len(text[: text.index(mentioned_name)].encode("utf-16-le")) // 2
        entity = {
            "type": "text_mention",
            "offset": offset,
            "length": len(mentioned_name.encode("utf-16-le")) // 2,
            "user": self._user(mentioned_id, mentioned_name),
        }
        message["entities"] = sorted([*message.get("entities", []), entity], key=lambda one: one["offset"])
        self._push({"message": message})
        return message

    def user_posts_photo(self, chat_id: int, user_id: int, caption: str | None = None) -> Params:
        """A member posts a photo (a receipt), with a caption or without."""
        message = self._message(chat_id, self._user(user_id, ""), None)
        message["photo"] = [{"file_id": "receipt", "file_unique_id": "r1", "width": 960, "height": 1280}]
        if caption is not None:
            message["caption"] = caption
        self._push({"message": message})
        return message

    def user_edits_caption(self, message: Params, caption: str) -> Params:
        """A member edits the caption of their photo."""
        edited = {**message, "caption": caption, "edit_date": int(self.now())}
        self._push({"edited_message": edited})
        return edited

    def anonymous_admin_says(self, chat_id: int, text: str) -> Params:
        """An admin who posts anonymously: Telegram shows @GroupAnonymousBot, on behalf of the group."""
        message = self._message(chat_id, dict(GROUP_ANONYMOUS_BOT), text)
        message["sender_chat"] = {"id": chat_id, "type": "supergroup", "title": "Petty cash"}
        self._push({"message": message})
        return message

    def channel_posts(self, chat_id: int, channel_id: int, text: str, *, automatic: bool) -> Params:
        """A channel's post in the group: forwarded automatically from the linked channel, or a
        member writing on behalf of a channel."""
        channel = {"id": channel_id, "type": "channel", "title": "Lunch deals"}
        message = self._message(chat_id, dict(TELEGRAM_SERVICE if automatic else CHANNEL_BOT), text)
        message["sender_chat"] = channel
        if automatic:
            message["is_automatic_forward"] = True
            message["forward_origin"] = {
                "type": "channel",
                "date": int(self.now()),
                "chat": channel,
                "message_id": 42,
            }
        self._push({"message": message})
        return message

    def bot_added(self, chat_id: int, by_user: int, *, as_admin: bool = False) -> None:
        """A member adds the bot to a group (as an admin, if asked)."""
        self.kicked_from.discard(chat_id)
        new: Params = {"status": "administrator" if as_admin else "member", "user": self._bot_user()}
        if as_admin:
            new.update(dict.fromkeys(_ADMIN_RIGHTS, True))
        self._membership_changes(chat_id, by_user, {"status": "left", "user": self._bot_user()}, new)

    def bot_removed(self, chat_id: int, by_user: int) -> None:
        """An admin removes (kicks) the bot from a group."""
        self.kicked_from.add(chat_id)
        old = {"status": "member", "user": self._bot_user()}
        self._membership_changes(
            chat_id, by_user, old, {"status": "kicked", "user": self._bot_user(), "until_date": 0}
        )

    def _membership_changes(self, chat_id: int, by_user: int, old: Params, new: Params) -> None:
        self._push(
            {
                "my_chat_member": {
                    "chat": {"id": chat_id, "type": "supergroup", "title": "Petty cash"},
                    "from": self._user(by_user, ""),
                    "date": int(self.now()),
                    "old_chat_member": old,
                    "new_chat_member": new,
                }
            }
        )

    def group_upgraded(self, old_chat_id: int, new_chat_id: int, by_user: int, *, tell: bool = True) -> None:
        """An admin turns the group into a supergroup: a new id; calls to the old one are refused with
        migrate_to_chat_id. Telegram posts a service message in each (unless `tell` is False)."""
        self.migrated[old_chat_id] = new_chat_id
        if not tell:
            return
        old = self._message(old_chat_id, self._user(by_user, ""), None)
        old["chat"] = {"id": old_chat_id, "type": "group", "title": "Petty cash"}
        old["migrate_to_chat_id"] = new_chat_id
        new = self._message(new_chat_id, self._user(by_user, ""), None)
        new["migrate_from_chat_id"] = old_chat_id
        self._push({"message": old})
        self._push({"message": new})

    def user_deletes(self, message: Params) -> None:
        """A member deletes one of their messages; replies to it can no longer quote it."""
        self.deleted.add(int(message["message_id"]))

    def user_says_privately(self, user_id: int, text: str) -> Params:
        """A member writes to the bot in a private chat."""
        sender = self._user(user_id, "")
        message = self._message(user_id, sender, text)
        message["chat"] = {"id": user_id, "type": "private", "first_name": sender["first_name"]}
        self._push({"message": message})
        return message

    def user_edits(self, message: Params, text: str) -> Params:
        """A member edits one of their messages."""
        edited = {**message, "text": text, "edit_date": int(self.now())}
        self._push({"edited_message": edited})
        return edited

    def user_taps(self, bot_message: Params, callback_data: str, user_id: int, name: str = "") -> str:
        """A member taps an inline button under one of the bot's messages; Telegram waits
        CALLBACK_ANSWER_SECONDS (by `now`) for its answer. Returns the callback query's id."""
        query_id = str(next(self._message_ids))
        self._taps[query_id] = self.now()
        self._push(
            {
                "callback_query": {
                    "id": query_id,
                    "from": self._user(user_id, name),
                    "chat_instance": "1",
                    "message": bot_message,
                    "data": callback_data,
                }
            }
        )
        return query_id

    def user_sends_sticker(self, chat_id: int, user_id: int) -> None:
        """A member posts a sticker, which has no text."""
        message = self._message(chat_id, self._user(user_id, ""), None)
        message["sticker"] = {
            "file_id": "s",
            "file_unique_id": "s",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "type": "regular",
        }
        self._push({"message": message})

    def user_forwards(
        self, chat_id: int, user_id: int, text: str, *, original_date: int, **how: Any
    ) -> Params:
        """A member (`name`) forwards a message sent at original_date (a Unix time): from a person hiding
        their account (`from_name`), or from `origin` (telegram_origins: a bot's, a channel's...)."""
        message = self._message(chat_id, self._user(user_id, how.get("name", "")), text)
        message["forward_origin"] = how.get("origin") or hidden_user_origin(
            how.get("from_name", "Dara"), original_date
        )
        self._push({"message": message})
        return message

    def tap_undo_under(self, sent: Params, near: Params, user_id: int) -> None:
        """A member taps the Undo button of a confirmation the bot sent (its sendMessage parameters)
        in the chat of the message `near`."""
        confirmation = {"message_id": next(self._message_ids), "date": near["date"], "chat": near["chat"]}
        undo = sent["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        self.user_taps({**confirmation, "text": sent["text"]}, undo, user_id)

    def member_is(self, chat_id: int, user_id: int, status: str, *, is_member: bool = True) -> None:
        """getChatMember answers this status of the Bot API for the user in the group: creator,
        administrator, member, restricted (still in the group or not: is_member), left or kicked."""
        user = self._user(user_id, "")
        shapes: dict[str, Params] = {
            "creator": {"status": "creator", "user": user, "is_anonymous": False},
            "administrator": {"status": "administrator", "user": user, **dict.fromkeys(_ADMIN_RIGHTS, True)},
            "member": {"status": "member", "user": user},
            "restricted": {
                "status": "restricted",
                "user": user,
                "is_member": is_member,
                **dict.fromkeys(_RESTRICTED_RIGHTS, False),
                "until_date": 0,
            },
            "left": {"status": "left", "user": user},
            "kicked": {"status": "kicked", "user": user, "until_date": 0},
        }
        self.statuses[(chat_id, user_id)] = shapes[status]

    def answer_with_429(self, method: str, times: int) -> None:
        """The next calls to a method are refused with 429 and a one-second retry_after."""
        self.refuse(method, 429, "Too Many Requests: retry after 1", times, {"retry_after": 1})

    def refuse(
        self, method: str, code: int, description: str, times: int = 1, parameters: Params | None = None
    ) -> None:
        """The next calls to a method get Telegram's error answer with this code and description."""
        refusal = _refusal(method, code, description, parameters)
        refusal.times = times
        self._refusals.append(refusal)

    def answer_raw(self, method: str, body: str, times: int = 1, status: int = 200) -> None:
        """The next calls to a method get this body as it is, well-formed or not."""
        self._refusals.append(Refusal(method, status, body, times))

    # What the bot did

    def calls_to(self, method: str) -> list[Params]:
        """The parameters of every call to one method, in order."""
        return [call.params for call in self.calls if call.method == method]

    async def wait_for(
        self, method: str, match: Callable[[Params], bool] = lambda _: True, timeout: float = 5.0
    ) -> Params:
        """The first call to a method that matches, waiting for it if it has not come yet."""
        assert self._changed is not None

        def found() -> Params | None:
            return next((c.params for c in self.calls if c.method == method and match(c.params)), None)

        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: found() is not None), timeout)
        result = found()
        assert result is not None
        return result

    async def wait_for_count(self, method: str, count: int, timeout: float = 5.0) -> list[Params]:
        """Wait until a method was called at least count times."""
        assert self._changed is not None
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: len(self.calls_to(method)) >= count), timeout
            )
        return self.calls_to(method)

    # The HTTP side

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params = await _params_of(request)
        if self.latency_seconds:
            await asyncio.sleep(self.latency_seconds)
        if refusal := self._refusal_for(method, params):
            self.refused.append(Call(method, params, time.perf_counter()))
            return web.Response(status=refusal.status, text=refusal.body, content_type="application/json")
        if method != "getUpdates":
            await self._record(method, params)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return _error(404, f"Not Found: method {method} is not faked")
        result = await handler(params)
        return web.json_response({"ok": True, "result": result})

    def _refusal_for(self, method: str, params: Params) -> Refusal | None:
        """A scripted refusal, or the one the real Bot API gives for these parameters."""
        for refusal in self._refusals:
            if refusal.method == method and refusal.times > 0:
                refusal.times -= 1
                return refusal
        chat_id = params.get("chat_id")
        if chat_id is not None and int(chat_id) in self.kicked_from:
            return _refusal(method, 403, "Forbidden: bot was kicked from the supergroup chat")
        if chat_id is not None and int(chat_id) in self.migrated:
            return _refusal(
                method,
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self.migrated[int(chat_id)]},
            )
        reply = params.get("reply_parameters")
        quotes_deleted = isinstance(reply, dict) and int(reply.get("message_id", 0)) in self.deleted
        if quotes_deleted and not reply.get("allow_sending_without_reply"):
            return _refusal(method, 400, "Bad Request: message to be replied not found")
        text = params.get("text")
        if method in ("sendMessage", "editMessageText") and isinstance(text, str):
            if not text.strip():
                return _refusal(method, 400, "Bad Request: message text is empty")
            if len(text.encode("utf-16-le")) // 2 > MAX_TEXT_LENGTH:
                return _refusal(method, 400, "Bad Request: message is too long")
        caption = params.get("caption")
        if isinstance(caption, str) and len(caption.encode("utf-16-le")) // 2 > MAX_CAPTION_LENGTH:
            return _refusal(method, 400, "Bad Request: message caption is too long")
        if method == "setMyCommands":
            return _commands_refusal(params)
        if method == "editMessageReplyMarkup":
            place = (int(params["chat_id"]), int(params["message_id"]))
            if self.markups.get(place, {}) == params.get("reply_markup", {}):
                return _refusal(
                    method,
                    400,
                    "Bad Request: message is not modified: specified new message content and reply "
                    "markup are exactly the same as a current content and reply markup of the message",
                )
        if method == "setChatMenuButton":
            button = params.get("menu_button") or {}
            url = str((button.get("web_app") or {}).get("url", ""))
            if button.get("type") == "web_app" and not url.startswith("https://"):
                return _refusal(method, 400, "Bad Request: BUTTON_URL_INVALID")
        if media := self.media_refusal(method, params):
            return _refusal(method, *media)
        answer = params.get("text")
        if method == "answerCallbackQuery" and isinstance(answer, str) and len(answer) > MAX_ALERT_LENGTH:
            return _refusal(method, 400, "Bad Request: MESSAGE_TOO_LONG")
        if method == "answerCallbackQuery":
            return self._late_answer(str(params.get("callback_query_id", "")))
        if chat_id is not None and _has_web_app_button(params.get("reply_markup")) and int(chat_id) < 0:
            return _refusal(method, 400, "Bad Request: BUTTON_TYPE_INVALID")  # web_app: private chats only
        thread = params.get("message_thread_id")
        if (
            chat_id is not None
            and thread is not None
            and int(thread) not in self.topics.get(int(chat_id), set())
        ):
            return _refusal(method, 400, "Bad Request: message thread not found")
        return None

    def _late_answer(self, query_id: str) -> Refusal | None:
        """Telegram's refusal of a callback answered twice, too late, or never asked."""
        pushed = self._taps.get(query_id)
        if pushed is None or query_id in self._answered_taps or self.now() - pushed > CALLBACK_ANSWER_SECONDS:
            return _refusal("answerCallbackQuery", 400, QUERY_TOO_OLD)
        self._answered_taps.add(query_id)
        return None

    def _join_reply_thread(self, message: Params, replied_to: int) -> None:
        """A reply in a supergroup carries its thread (the first message replied to) as
        message_thread_id, without is_topic_message, as Telegram sends it."""
        chat_id = int(message["chat"]["id"])
        thread = self._threads.get((chat_id, replied_to), replied_to)
        self._threads[(chat_id, int(message["message_id"]))] = thread
        message["message_thread_id"] = thread

    async def _record(self, method: str, params: Params) -> None:
        assert self._changed is not None
        async with self._changed:
            self.calls.append(Call(method, params, time.perf_counter()))
            self._changed.notify_all()

    def _push(self, update: Params) -> None:
        self._updates.append({"update_id": next(self._update_ids), **update})
        if self._changed is not None:
            asyncio.get_running_loop().create_task(self._notify())

    async def _notify(self) -> None:
        assert self._changed is not None
        async with self._changed:
            self._changed.notify_all()

    async def _api_getUpdates(self, params: Params) -> list[Params]:  # noqa: N802
        assert self._changed is not None
        self.polls.append(params)
        offset = int(params.get("offset") or 0)
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        timeout = float(params.get("timeout") or 0)
        if not self._updates and timeout:
            async with self._changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._changed.wait_for(lambda: bool(self._updates) or self._closing), timeout
                    )
        delivered = list(self._updates[: int(params.get("limit") or 100)])
        now = time.perf_counter()
        for update in delivered:
            message = update.get("message") or update.get("edited_message") or {}
            self.delivered_at.setdefault(message.get("message_id", -update["update_id"]), now)
        return delivered

    async def _api_getMe(self, params: Params) -> Params:  # noqa: N802
        return {
            **self._bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": self.can_read_all_group_messages,
            "supports_inline_queries": False,
        }

    async def _api_deleteWebhook(self, params: Params) -> bool:  # noqa: N802
        return True

    async def _api_setWebhook(self, params: Params) -> bool:  # noqa: N802
        return True

    async def _api_setChatMenuButton(self, params: Params) -> bool:  # noqa: N802
        self.menu_button = params.get("menu_button") or {}
        return True

    async def _api_getChat(self, params: Params) -> Params:  # noqa: N802
        chat_id = int(params["chat_id"])
        # A ChatFullInfo, as the Bot API answers getChat (accent colour and reaction count included).
        return {
            "id": chat_id,
            "type": "supergroup",
            "title": self.chat_titles.get(chat_id, "Petty cash"),
            "accent_color_id": 0,
            "max_reaction_count": 11,
        }

    async def _api_setMyCommands(self, params: Params) -> bool:  # noqa: N802
        self.commands_by_language[params.get("language_code") or ""] = params["commands"]
        return True

    def sent_message(self, sent: Params) -> Params:
        """The bot's message sent with these sendMessage parameters, as a reply to it quotes it
        (with its inline keyboard as it is now)."""
        message = next(message for params, message in self.sent_messages if params is sent)
        markup = self.markups.get((message["chat"]["id"], message["message_id"]))
        return {**message, **({"reply_markup": markup} if markup else {})}

    async def _api_sendMessage(self, params: Params) -> Params:  # noqa: N802
        message = self._message(int(params["chat_id"]), self._bot_user(), params["text"])
        self.sent_messages.append((params, message))
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
            self.markups[(int(params["chat_id"]), message["message_id"])] = params["reply_markup"]
        if "message_thread_id" in params:
            message["message_thread_id"] = int(params["message_thread_id"])
            message["is_topic_message"] = True
        elif isinstance(params.get("reply_parameters"), dict):
            self._join_reply_thread(message, int(params["reply_parameters"]["message_id"]))
        return message

    async def _api_editMessageText(self, params: Params) -> Params:  # noqa: N802
        message = self._message(int(params["chat_id"]), self._bot_user(), params["text"])
        message["message_id"] = int(params["message_id"])
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        return message

    async def _api_editMessageReplyMarkup(self, params: Params) -> Params:  # noqa: N802
        message = self._message(int(params["chat_id"]), self._bot_user(), "")
        message["message_id"] = int(params["message_id"])
        self.markups[(int(params["chat_id"]), message["message_id"])] = params.get("reply_markup", {})
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        return message

    async def _api_setMessageReaction(self, params: Params) -> bool:  # noqa: N802
        return True

    async def _api_answerCallbackQuery(self, params: Params) -> bool:  # noqa: N802
        return True

    async def _api_getChatMember(self, params: Params) -> Params:  # noqa: N802
        user_id, chat_id = int(params["user_id"]), int(params["chat_id"])
        if (chat_id, user_id) in self.statuses:
            return self.statuses[(chat_id, user_id)]
        if self.creators.get(chat_id) == user_id:
            return {"status": "creator", "user": self._user(user_id, ""), "is_anonymous": False}
        if chat_id in self.members_of and user_id not in self.members_of[chat_id] | self.admins:
            return {"status": "left", "user": self._user(user_id, "")}
        status = "administrator" if user_id in self.admins else "member"
        member: Params = {"status": status, "user": self._user(user_id, "")}
        if status == "administrator":
            member.update(dict.fromkeys(_ADMIN_RIGHTS, True))
        return member

    async def _api_getChatAdministrators(self, params: Params) -> list[Params]:  # noqa: N802
        """The group's owner and administrators (bots among them too), as ChatMember objects."""
        chat_id = int(params["chat_id"])
        owner = self.creators.get(chat_id)
        admins = (
            [{"status": "creator", "user": self._user(owner, ""), "is_anonymous": False}] if owner else []
        )
        chosen = {
            user
            for (chat, user), member in self.statuses.items()
            if chat == chat_id and member["status"] in ("administrator", "creator")
        }
        for user_id in sorted((self.admins | chosen) - {owner}):
            admins.append(
                {
                    "status": "administrator",
                    "user": self._user(user_id, ""),
                    **dict.fromkeys(_ADMIN_RIGHTS, True),
                }
            )
        return admins

    def _bot_user(self) -> Params:
        return {"id": self.bot_id, "is_bot": True, "first_name": "Balance", "username": self.bot_username}

    def _user(self, user_id: int, name: str) -> Params:
        user: Params = {"id": user_id, "is_bot": False, "first_name": name or f"Member{user_id}"}
        if user_id in self.user_languages:
            user["language_code"] = self.user_languages[user_id]
        if user_id in self.usernames:
            user["username"] = self.usernames[user_id]
        return user

    def _message(self, chat_id: int, sender: Params, text: str | None) -> Params:
        message: Params = {
            "message_id": next(self._message_ids),
            "date": int(self.now()),
            "chat": {"id": chat_id, "type": "supergroup", "title": "Petty cash"},
            "from": sender,
        }
        if text is not None:
            message["text"] = text
            entities = []
            if text.startswith("/"):
                command = text.split(maxsplit=1)[0]
                entities.append({"type": "bot_command", "offset": 0, "length": len(command)})
            # As Telegram marks them: an @username of 5 to 32 characters, offsets in UTF-16 code units.
            for mention in re.finditer(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{4,31}\b", text):
                offset = len(text[: mention.start()].encode("utf-16-le")) // 2
                entities.append({"type": "mention", "offset": offset, "length": len(mention.group())})
            if entities:
                message["entities"] = entities
        return message


async def _params_of(request: web.Request) -> Params:
    if request.content_type == "application/json":
        body = await request.json()
        return body if isinstance(body, dict) else {}
    form = await request.post()
    params: Params = {}
    for key, value in form.items():
        if isinstance(value, web.FileField):  # an upload (sendPhoto, sendDocument): its bytes and name
            params[key] = value.file.read()
            params[f"{key}_filename"] = value.filename
            continue
        text = value if isinstance(value, str) else str(value)
        if key in _RAW_STRING_PARAMETERS:
            params[key] = text
            continue
        try:
            params[key] = json.loads(text)
        except json.JSONDecodeError:
            params[key] = text
    return params


# What getChatMember says an administrator may do (all of it, here).
_ADMIN_RIGHTS = (
    "can_be_edited",
    "is_anonymous",
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
)
# What getChatMember says a restricted member may do (none of it, here).
_RESTRICTED_RIGHTS = (
    "can_send_messages",
    "can_send_audios",
    "can_send_documents",
    "can_send_photos",
    "can_send_videos",
    "can_send_video_notes",
    "can_send_voice_notes",
    "can_send_polls",
    "can_send_other_messages",
    "can_add_web_page_previews",
    "can_change_info",
    "can_invite_users",
    "can_pin_messages",
    "can_manage_topics",
    "can_edit_tag",
    "can_react_to_messages",
)
# PTB sends string parameters as they are and JSON-encodes the rest.
_RAW_STRING_PARAMETERS = frozenset({"text", "callback_query_id", "parse_mode", "secret_token", "url"})


def _refusal(method: str, code: int, description: str, parameters: Params | None = None) -> Refusal:
    error: Params = {"ok": False, "error_code": code, "description": description}
    if parameters is not None:
        error["parameters"] = parameters
    return Refusal(method, code, json.dumps(error), 1)


def _commands_refusal(params: Params) -> Refusal | None:
    """What the Bot API says to a command menu it does not take: commands of 1-32 lowercase letters,
    digits and underscores, descriptions of 1-256 characters, at most 100 commands, and a two-letter
    ISO 639-1 language_code or none."""
    commands = params.get("commands")
    if not isinstance(commands, list) or len(commands) > MAX_COMMANDS:
        return _refusal("setMyCommands", 400, "Bad Request: too many commands")
    for command in commands:
        if not re.fullmatch(r"[a-z0-9_]{1,32}", str(command.get("command", ""))):
            return _refusal("setMyCommands", 400, "Bad Request: BOT_COMMAND_INVALID")
        if not 1 <= len(str(command.get("description", ""))) <= MAX_COMMAND_DESCRIPTION:
            return _refusal("setMyCommands", 400, "Bad Request: command description is invalid")
    language = params.get("language_code")
    if language is not None and not re.fullmatch(r"[a-z]{2}", str(language)):
        return _refusal("setMyCommands", 400, "Bad Request: invalid language code specified")
    return None


def _has_web_app_button(markup: object) -> bool:
    """Whether an inline keyboard has a web_app button (Telegram takes them in private chats only)."""
    rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else []
    return any(isinstance(button, dict) and "web_app" in button for row in rows for button in row)


def _error(code: int, description: str) -> web.Response:
    return web.json_response({"ok": False, "error_code": code, "description": description}, status=code)
