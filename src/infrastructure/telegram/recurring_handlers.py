"""Recurring costs in the group: /recurring answered, and the rounds on PTB's JobQueue that write each
cost's row on its day; each draws what the core decided (recurring.commands, recurring.posting), a row
through the confirmations as every expense's, with its Undo."""

from __future__ import annotations

import logging

from telegram import Bot, Update
from telegram.ext import Application, CommandHandler, ContextTypes, filters

from balance_bot.recurring.commands import RecurringCommands
from balance_bot.recurring.posting import Posted, RecurringRounds
from infrastructure.telegram.balance_replies import BalanceReplies
from infrastructure.telegram.confirmations import Confirmation, ConfirmationQueue
from infrastructure.telegram.handlers import BotHandlers, author_of
from infrastructure.telegram.recurring_replies import RecurringReplies
from infrastructure.telegram.rendering import drawn_buttons
from infrastructure.telegram.replies import Replies
from infrastructure.webapp.links import month_link

log = logging.getLogger(__name__)
RECURRING_ROUNDS = "recurring_rounds"  # bot_data key, so tests can run a round on their clock
# How often the JobQueue looks for days due: the bot's database alone is asked, the sheet only when one is.
ROUND_SECONDS = 60.0


class RecurringHandlers:
    """/recurring, and the rounds that write the costs' rows."""

    def __init__(
        self,
        bot: BotHandlers,
        commands: RecurringCommands,
        rounds: RecurringRounds,
        confirmations: ConfirmationQueue,
        webapp_short_name: str | None = None,
    ) -> None:
        self._bot = bot
        self._commands = commands
        self._rounds = rounds
        self._confirmations = confirmations
        self._webapp_short_name = webapp_short_name

    def attach(self, application: Application) -> None:  # type: ignore[type-arg]
        """The command in groups, and the rounds (the first soon after start: days missed while the bot
        was down are written then)."""
        application.add_handler(CommandHandler("recurring", self.command, filters=filters.ChatType.GROUPS))
        application.bot_data[RECURRING_ROUNDS] = self
        if application.job_queue is not None:
            application.job_queue.run_repeating(
                self.round, interval=ROUND_SECONDS, first=5, name="recurring costs"
            )

    async def command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/recurring [rent 300$ monthly on 1 | stop 2]: the group's admins set up, list and stop costs."""
        message, user = update.message, update.effective_user
        author = author_of(message, user) if message is not None else None
        if message is None or user is None or author is None:
            return
        reply = await self._commands.command(
            message.chat_id,
            author.id,
            author.name,
            " ".join(context.args or []),
            lambda: self._bot.is_admin(context, message, user.id),
        )
        await self._bot.reply(message, RecurringReplies(Replies.of(reply.speech)).reply(reply))

    async def round(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The JobQueue's callback: one round."""
        await self.run_once(context.bot)

    async def run_once(self, bot: Bot) -> None:
        """The rows of every group's days due written, each said in its group with its Undo."""
        for chat_id in await self._rounds.groups_due():
            for posted in await self._rounds.post_due(chat_id):
                await self._say(bot, posted)

    async def _say(self, bot: Bot, posted: Posted) -> None:
        """The row's confirmation as an expense's is drawn, under the line that names the cost; it answers
        no member's message, so it replies to none."""
        plan = posted.plan
        while plan.then is not None:
            plan = await plan.then()
        replies = Replies.of(plan.speech)
        drawn = replies.drawn(plan)
        chat_id = posted.cost.chat_id
        link = month_link(bot.username, self._webapp_short_name, chat_id)
        text = RecurringReplies(replies).posted(posted.cost, drawn.text)
        buttons = drawn_buttons(drawn.buttons, plan.about, link)
        self._confirmations.submit(Confirmation(chat_id, None, text, buttons, quiet=False))
        later = plan.later
        if later is not None and later.landed is None:  # the budgets the cost took past a threshold
            for notice in BalanceReplies(replies).notices(await later.notices()):
                self._confirmations.submit(Confirmation(chat_id, None, notice, (), quiet=False))
