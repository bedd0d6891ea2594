"""`balance-bot try`: the whole bot in a terminal group chat, on the real use cases and its own files."""

from __future__ import annotations

import asyncio
import select
import zlib
from collections.abc import Awaitable, Callable, Iterable, Iterator
from datetime import date
from typing import TextIO

from balance_bot.balances.balance_command import BalanceCommand
from balance_bot.capture.group_messages import GroupMessages
from balance_bot.capture.outcomes import ActionRefusal, Outcome
from balance_bot.capture.reply_plan import Button, LaterNotices, ReplyPlan
from balance_bot.capture.service import IncomingMessage
from balance_bot.categories.cat_command import CatCommand
from balance_bot.domain.language import answering
from balance_bot.domain.ledger import EntrySource, Period
from balance_bot.domain.members import MovementKind, PaymentMode
from balance_bot.domain.months import month_named
from balance_bot.domain.questions import TopUpRequest, UndoRequest
from balance_bot.groups.connect import SheetsNotConfigured
from balance_bot.ledger_changes.hand_changes import ChangesReport
from balance_bot.members.movements import (
    Named,
    PostedHere,
)
from balance_bot.members.payments_question import PaymentsQuestion
from balance_bot.ports import SeenMember
from balance_bot.questions.ask import ConfirmWrite
from infrastructure.console.try_payments import TryPayments
from infrastructure.console.try_photos import TryPhotos
from infrastructure.console.try_recurring import TryRecurring
from infrastructure.console.try_services import TryServices
from infrastructure.export.month_files import month_csv, month_xlsx
from infrastructure.telegram import ask_texts, member_texts, texts
from infrastructure.telegram.ask_replies import AskReplies
from infrastructure.telegram.balance_replies import BalanceReplies
from infrastructure.telegram.category_replies import CategoryReplies
from infrastructure.telegram.changes_replies import ChangesReplies
from infrastructure.telegram.group_replies import GroupReplies
from infrastructure.telegram.member_replies import MemberReplies
from infrastructure.telegram.replies import Replies

TRY_CHAT_ID = -1
_FOR_ADMINS = (
    "/balance",
    "/topup",
    "/quiet",
    "/usage",
    "/connect",
    "/language",
    "/advance",
    "/reimburse",
    "/received",
)
_MOVEMENTS = {
    "/advance": MovementKind.ADVANCE,
    "/reimburse": MovementKind.REIMBURSED,
    "/received": MovementKind.RETURNED,
}
# The buttons under a confirmation, as the terminal's commands that do what they do.
_COMMANDS = {Button.UNDO: "/undo", Button.SWITCH: "/switch", Button.CATEGORY: "/cat"}
# Lines pasted together reach the terminal within this many seconds of each other.
PASTE_SECONDS = 0.05


class TryChat:
    """The terminal group: members by name, numbered messages, the bot's replies printed."""

    def __init__(self, services: TryServices, out: TextIO) -> None:
        self._services = services
        self._out = out
        self._member = "You"
        self._admins: set[str] = set()
        self._later: set[asyncio.Task[None]] = set()  # notices waiting for the sheet, printed when told
        # Message ids go on from the last session's: the bot's memory would take a reused id for
        # an edit of the message it saved under that id before.
        self._message_id = int(services.clock.now().timestamp() * 1000) % 2**31
        self._last_message: dict[str, tuple[int, str]] = {}
        self._last_saved: dict[str, int] = {}
        self._last_expense: dict[str, int] = {}  # what /cat NAME changes: not a top-up, not a movement
        self._pending: ConfirmWrite | None = None
        self._payments = PaymentsQuestion(services.group_settings, services.balances)
        messages = GroupMessages(services.conversation, services.notices, services.photos)
        self._notices = TryPayments(messages, services.notices, TRY_CHAT_ID, self._say, self._print)
        self._photos = TryPhotos(services.photos, TRY_CHAT_ID, self._say, self._print)
        recurring = services.recurring
        self._recurring = (
            TryRecurring(*recurring, TRY_CHAT_ID, self._say, self._render) if recurring else None
        )

    @property
    def prompt(self) -> str:
        """The line prefix showing who is typing."""
        role = " (admin)" if self._member in self._admins else ""
        return f"{self._member}{role}> "

    async def handle(self, text: str) -> bool:
        """Act on one message or command; False when the member wants to leave."""
        command, _, rest = text.strip().partition(" ")
        if command == "/quit":
            return False
        await self._services.movements.seen(TRY_CHAT_ID, self._seen(self._member))
        if command.casefold() == "returned":
            command = "/returned"
        if command.startswith("/"):
            await self._command(command.split("@")[0], rest.strip())
        elif text.strip():
            self._message_id += 1
            self._last_message[self._member] = (self._message_id, text)
            incoming = self._message(self._message_id, text)
            await self._notices.on_message(incoming, self._render)
        if self._recurring is not None:
            await self._recurring.round()
        return True

    async def _command(self, command: str, rest: str) -> None:
        """The bot's commands, and the terminal's own (/as, /admin, /edit, /switch)."""
        services, capture = self._services, self._services.capture
        replies = Replies.of(await services.languages.for_group(TRY_CHAT_ID))
        if command in ("/help", "/start"):
            self._say(replies.help())
        elif command == "/as":
            self._member = rest or "You"
        elif command == "/admin":
            self._admins ^= {self._member}
            self._say(texts.try_admin(self._member, now=self._is_admin()))
        elif command == "/id":
            self._say(replies.say(texts.IDS_IN_A_GROUP, chat_id=TRY_CHAT_ID, user_id=self._user_id))
        elif command == "/undo":
            await self._on_last_saved(lambda message_id: capture.undo(*self._action(message_id)))
        elif command == "/switch":
            await self._on_last_saved(lambda message_id: capture.switch_currency(*self._action(message_id)))
        elif command == "/cat":
            await self._recategorise(rest, replies)
        elif command == "/edit":
            previous = self._last_message.get(self._member)
            if previous is not None:
                edit = self._message(previous[0], rest, revision=1)
                await self._render(await services.conversation.on_edit(edit))
        elif command in _FOR_ADMINS and not self._is_admin():
            self._say(replies.say(texts.ADMINS_ONLY))
        elif command == "/balance":
            await self._balance(rest, replies)
        elif command == "/topup" and rest.split(" ")[0].casefold() == "qr":
            self._say(texts.TRY_NO_KHQR)
        elif command == "/topup":
            self._message_id += 1
            await self._show(await capture.top_up(self._message(self._message_id, rest)))
        elif command == "/quiet":
            await self._set_quiet((rest.lower().split() or [""])[0], replies)
        elif command == "/language":
            chosen = await services.languages.choose(TRY_CHAT_ID, rest)
            self._say(GroupReplies(Replies.of(chosen.speech)).language_chosen(chosen))
        elif command == "/usage":
            self._say(GroupReplies(replies).usage(await services.usage.this_month(TRY_CHAT_ID)))
        elif command == "/connect":
            self._say(
                texts.TRY_NO_GOOGLE.format(why=GroupReplies(replies).connect_reply(SheetsNotConfigured()))
            )
        elif command in _MOVEMENTS or command == "/returned":
            await self._move(command, rest, replies)
        elif command == "/mybalance":
            mine = await services.movements.balance_of(TRY_CHAT_ID, PostedHere(self._seen(self._member)))
            self._say(MemberReplies(replies).member_balance(mine, await services.rate_today()))
            if await self._payments.due(TRY_CHAT_ID, mine):
                self._ask_payments(replies)
        elif command == "/settings":
            await self._settings(rest, replies)
        elif command in ("/ask", "/recent", "/mine", "/export", "/confirm", "/cancel"):
            await self._ask(command, rest, replies)
        elif command == "/changes" and services.changes is not None:
            answer = await services.changes.command(TRY_CHAT_ID, self._action(0)[3])
            self._say(ChangesReplies(replies).answer(answer))
            if isinstance(answer, ChangesReport):
                await services.changes.told_of(answer)
        elif command == "/recurring" and self._recurring is not None:
            await self._recurring.command(rest, self._user_id, self._member, self._action(0)[3])
        elif command in ("/ours", "/notours"):
            await self._notices.tapped(command, self._action(0)[3], self._render)
        elif command == "/photo":
            self._message_id += 1
            await self._photos.posted(rest, self._message(self._message_id, ""), self._render)
        elif command in ("/save", "/fix"):
            await self._photos.tapped(command, self._user_id, self._action(0)[3], self._render)
        elif command == "/forward":  # a bank's notice as its bot forwards it: /forward @PayWayByABA_bot …
            bot, _, notice = rest.partition(" ")
            self._message_id += 1
            incoming = self._message(self._message_id, notice)
            await self._notices.on_message(incoming, self._render, bot.lstrip("@"))
        else:
            self._say(texts.TRY_NO_SUCH_COMMAND.format(command=command))

    async def _move(self, command: str, rest: str, replies: Replies) -> None:
        """/advance NAME 50$ market (a member by their terminal name), /returned 20$ for oneself."""
        self._message_id += 1
        named: Named
        if command == "/returned":
            kind, named, text = MovementKind.RETURNED, PostedHere(self._seen(self._member)), rest
        else:
            name, _, text = rest.partition(" ")
            kind, named = _MOVEMENTS[command], (name.lstrip("@") or None)
        outcome = await self._services.movements.record(self._message(self._message_id, text), kind, named)
        await self._show(outcome)

    async def _settings(self, rest: str, replies: Replies) -> None:
        words = rest.casefold().split()
        settings = self._services.group_settings
        if words and not self._is_admin():
            self._say(replies.say(texts.ADMINS_ONLY))
            return
        match words:
            case []:
                pass
            case ["payments", ("member" | "box") as mode]:
                await settings.set_payment_mode(TRY_CHAT_ID, PaymentMode(mode))
            case ["reminders", ("on" | "off") as on]:
                await settings.set_advance_reminders(TRY_CHAT_ID, on == "on")
            case _ if await settings.change_approvals(TRY_CHAT_ID, words):
                pass
            case _:
                self._say(replies.say(member_texts.SETTINGS_HOW))
                return
        self._say(MemberReplies(replies).settings(await settings.of(TRY_CHAT_ID)))

    async def _ask(self, command: str, rest: str, replies: Replies) -> None:
        """/ask, /recent, /mine, /export (files beside the workbook), and /confirm or /cancel of a
        change asked for in words."""
        rates = await self._services.rates_of_questions()
        ask, answers = self._services.ask, AskReplies(replies, rates)
        today = self._services.clock.now().astimezone(self._services.timezone).date()
        if command == "/ask":

            async def is_admin() -> bool:
                return self._is_admin()

            outcome = await ask.ask(TRY_CHAT_ID, self._user_id, self._member, is_admin, rest)
            asked = Replies.of(answering(replies.speech, rest))
            self._say(AskReplies(asked, rates).answer(outcome))
            if isinstance(outcome, ConfirmWrite):
                self._pending = outcome
                buttons = [
                    texts.TRY_BUTTON.format(label=replies.say(ask_texts.CONFIRM_BUTTON), command="/confirm"),
                    texts.TRY_BUTTON.format(label=replies.say(ask_texts.CANCEL_BUTTON), command="/cancel"),
                ]
                self._out.write(texts.TRY_BUTTONS.format(buttons=" · ".join(buttons)) + "\n")
        elif command == "/recent":
            self._say(answers.recent(await ask.recent(TRY_CHAT_ID)))
        elif command == "/mine":
            mine = await ask.mine(TRY_CHAT_ID, self._user_id, self._member)
            self._say(answers.mine(mine, Period.of(today)))
        elif command == "/export":
            await self._export(rest, today, replies)
        else:
            await self._confirm(command == "/confirm", replies)

    async def _export(self, words: str, today: date, replies: Replies) -> None:
        period = month_named(words, today)
        if period is None or period > Period.of(today) or not self._is_admin():
            self._say(
                replies.say(texts.ADMINS_ONLY if period is not None else ask_texts.EXPORT_UNKNOWN_MONTH)
            )
            return
        rows = await self._services.ask.month_rows(TRY_CHAT_ID, period)
        name = self._services.export_folder / f"{period.key()}-petty-cash"
        name.with_suffix(".xlsx").write_bytes(month_xlsx(period.title("%B %Y"), rows))
        name.with_suffix(".csv").write_bytes(month_csv(rows))
        count = replies.count(ask_texts.ROWS, len(rows))
        self._say(replies.say(ask_texts.EXPORT_CAPTION, month=replies.period(period), count=count))
        self._out.write(texts.TRY_FILES.format(files=f"{name}.xlsx, {name}.csv") + "\n")

    async def _confirm(self, confirmed: bool, replies: Replies) -> None:
        pending, self._pending = self._pending, None
        if pending is None:
            self._say(replies.say(ask_texts.CONFIRM_GONE))
            return
        ask = self._services.ask
        if not confirmed:
            ask.cancel(pending.token, TRY_CHAT_ID, self._user_id)
            self._say(replies.say(ask_texts.CANCELLED))
            return
        request = ask.confirm(pending.token, TRY_CHAT_ID, self._user_id)
        if isinstance(request, TopUpRequest):
            self._message_id += 1
            await self._show(
                await self._services.capture.top_up(self._message(self._message_id, request.text))
            )
        elif isinstance(request, UndoRequest):
            today = self._services.clock.now().astimezone(self._services.timezone).date()
            rows = await ask.month_rows(TRY_CHAT_ID, Period.of(today))
            source = next(
                (EntrySource.parse(row.reference) for row in rows if row.number == request.number), None
            )
            if source is None:
                self._say(replies.say(ask_texts.NO_SUCH_NUMBER, number=request.number))
                return
            await self._show(await self._services.capture.undo(*self._action(source.message_id)))
        else:
            self._say(replies.say(ask_texts.CONFIRM_GONE))

    def _seen(self, member: str) -> SeenMember:
        return SeenMember(zlib.crc32(member.encode()), member, member)

    async def _set_quiet(self, choice: str, replies: Replies) -> None:
        if choice not in ("on", "off"):
            self._say(replies.say(texts.QUIET_HOW))
            return
        await self._services.set_quiet(TRY_CHAT_ID, choice == "on")
        self._say(replies.say(texts.QUIET_ON if choice == "on" else texts.QUIET_OFF))

    async def _recategorise(self, words: str, replies: Replies) -> None:
        """/cat NAME: the member's last expense gets that category; /cat 12 NAME, row No 12 of the month;
        /cat learned and /cat forget, what was learned (admins)."""
        cat = CatCommand(self._services.categorising, self._services.balances)
        _, _, member_id, is_admin = self._action(0)
        answer = await cat.run(
            TRY_CHAT_ID,
            words.split(),
            member_id,
            is_admin,
            about=self._last_expense.get(self._member),
            answers_a_message=False,
        )
        self._say(CategoryReplies(replies).cat_answer(answer))

    async def _balance(self, words: str, replies: Replies) -> None:
        """/balance [month]: the group's cash; /balance Dara or @Dara, one member's figures."""
        services = self._services
        command = BalanceCommand(services.balances, services.movements, self._payments, services.categorising)
        answer = await command.run(TRY_CHAT_ID, words, self._action(0)[3])
        day_rates, rate = None, None
        if services.rates is not None:  # the bot's rate of the day; the last known while offline
            day_rates, rate = await services.rates.of_balance(answer.month_told)
        khr_per_usd = rate.khr_per_usd if rate is not None else services.khr_per_usd
        self._say(BalanceReplies(replies).answer(answer, khr_per_usd, rate, day_rates))
        if answer.ask_payments:
            self._ask_payments(replies)

    def _ask_payments(self, replies: Replies) -> None:
        """The one question which way the team works, when a member's money first shows; its buttons
        are the /settings that answer it."""
        self._say(MemberReplies(replies).payments_question())
        buttons = [
            texts.TRY_BUTTON.format(label=label, command=f"/settings payments {mode.value}")
            for mode, label in MemberReplies(replies).payments_buttons()
        ]
        self._out.write(texts.TRY_BUTTONS.format(buttons=" · ".join(buttons)) + "\n")

    async def _on_last_saved(self, act: Callable[[int], Awaitable[Outcome]]) -> None:
        last = self._last_saved.get(self._member)
        if last is None:
            replies = Replies.of(await self._services.languages.for_group(TRY_CHAT_ID))
            self._say(replies.say(texts.ACTION_REFUSALS[ActionRefusal.UNKNOWN]))
            return
        await self._show(await act(last))

    def _action(self, message_id: int) -> tuple[int, int, int, Callable[[], Awaitable[bool]]]:
        async def is_admin() -> bool:
            return self._is_admin()

        return TRY_CHAT_ID, message_id, self._user_id, is_admin

    def _is_admin(self) -> bool:
        return self._member in self._admins

    @property
    def _user_id(self) -> int:
        return zlib.crc32(self._member.encode())

    def _message(self, message_id: int, text: str, revision: int = 0) -> IncomingMessage:
        now = self._services.clock.now()
        return IncomingMessage(TRY_CHAT_ID, message_id, self._user_id, self._member, text, now, revision)

    async def _show(self, outcome: Outcome) -> None:
        await self._render(await self._services.conversation.plan(TRY_CHAT_ID, outcome, self._member))

    async def _render(self, plan: ReplyPlan) -> None:
        """Draw a reply plan as the group would get it: a 👍 or the confirmation, its buttons as the
        commands that do what they do, then the notices."""
        if plan.then is not None:
            plan = await plan.then()  # the terminal waits for the row: nothing is typed meanwhile
        replies = Replies.of(plan.speech)
        if Button.UNDO in plan.buttons and plan.about is not None:
            self._last_saved[self._member] = plan.about
        if plan.expense is not None:
            self._last_expense[self._member] = plan.expense  # what /cat NAME changes
        if plan.may_be_quiet:
            self._say(texts.CONFIRM_REACTION)
        else:
            drawn = replies.drawn(plan)
            if drawn.text is not None:
                self._say(drawn.text)
            shown = [
                texts.TRY_BUTTON.format(label=label, command=_COMMANDS[button])
                for button, label in drawn.buttons
                if button in _COMMANDS
            ]
            if shown:
                self._out.write(texts.TRY_BUTTONS.format(buttons=" · ".join(shown)) + "\n")
        if plan.later is not None:
            if plan.later.landed is None:
                await self._tell(plan.later, replies)
            else:  # told when the sheet answers, between the lines typed meanwhile
                task = asyncio.get_running_loop().create_task(self._tell(plan.later, replies))
                self._later.add(task)
                task.add_done_callback(self._later.discard)

    async def _tell(self, later: LaterNotices, replies: Replies) -> None:
        if later.landed is not None and not await later.landed():
            return
        for text in BalanceReplies(replies).notices(await later.notices()):
            self._say(text)

    def stop(self) -> None:
        """Notices still waiting for the sheet are not told."""
        for task in self._later:
            task.cancel()

    def _print(self, line: str) -> None:
        self._out.write(line + "\n")

    def _say(self, text: str) -> None:
        self._out.write("bot: " + text.replace("\n", "\n     ") + "\n")
        self._out.flush()


def messages(lines: Iterable[str], pasted: Callable[[], bool] = lambda: False) -> Iterator[str]:
    """The typed lines as messages, as a member's phone would send them.

    A line ending with ':' ("Market today:") gathers the lines after it until a blank line; lines
    pasted together are one message; '\\n' typed in a line is a line break.
    """
    gathered: list[str] = []
    until_blank = False
    for raw in lines:
        line = raw.rstrip("\r\n").replace("\\n", "\n")
        if not gathered:
            if not line.strip() or line.startswith("/"):
                yield line
                continue
            until_blank = line.rstrip().endswith(":")
            gathered = [line]
        elif line.strip():
            gathered.append(line)
        else:
            until_blank = False  # a blank line ends the message
        if not until_blank and (not line.strip() or not pasted()):
            yield "\n".join(gathered)
            gathered = []
    if gathered:
        yield "\n".join(gathered)


def _typed_ahead(stream: TextIO) -> Callable[[], bool]:
    """Whether more of a paste is already waiting on a terminal; never for a pipe or a file."""
    if not stream.isatty():
        return lambda: False

    def waiting() -> bool:
        ready, _, _ = select.select([stream], [], [], PASTE_SECONDS)
        return bool(ready)

    return waiting


async def run_try_chat(
    services: TryServices, lines: TextIO, out: TextIO, where: str, models: str = ""
) -> int:
    """Read messages until end of input or /quit; the store is saved on the way out."""
    chat = TryChat(services, out)
    out.write(
        texts.TRY_INTRO + "\n" + texts.TRY_WHERE.format(where=where) + "\n" + (models and models + "\n")
    )
    reading: asyncio.Task[object] | None = None
    try:
        await services.start()
        if services.rates is not None:  # the day's rate read as the bot reads it, the chat not kept waiting
            reading = asyncio.create_task(services.rates.refresh_if_due())
        out.write(chat.prompt)
        out.flush()
        for message in messages(lines, _typed_ahead(lines)):
            if not await chat.handle(message):
                break
            out.write(chat.prompt)
            out.flush()
    finally:
        if reading is not None:
            reading.cancel()
        chat.stop()
        out.write("\n")
        await services.close()
    return 0
