"""/recurring in `try`, as in the group; and a cost's row written when its day has come, said between the
lines typed (the terminal has no rounds of its own: each line typed is one)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from balance_bot.capture.outcomes import AdminCheck
from balance_bot.capture.reply_plan import ReplyPlan
from balance_bot.recurring.commands import RecurringCommands
from balance_bot.recurring.posting import RecurringRounds
from infrastructure.telegram.recurring_replies import RecurringReplies
from infrastructure.telegram.replies import Replies


class TryRecurring:
    """What the group's recurring handlers do, for the terminal's one group."""

    def __init__(
        self,
        commands: RecurringCommands,
        rounds: RecurringRounds,
        chat_id: int,
        say: Callable[[str], None],
        render: Callable[[ReplyPlan], Awaitable[None]],
    ) -> None:
        self._commands = commands
        self._rounds = rounds
        self._chat_id = chat_id
        self._say = say
        self._render = render  # draws a row's confirmation and its buttons, as an expense's

    async def command(self, words: str, user_id: int, member: str, is_admin: AdminCheck) -> None:
        """/recurring [rent 300$ monthly on 1 | stop 2]."""
        reply = await self._commands.command(self._chat_id, user_id, member, words, is_admin)
        self._say(RecurringReplies(Replies.of(reply.speech)).reply(reply))

    async def round(self) -> None:
        """The rows of the days due, each under the line that names its cost."""
        for posted in await self._rounds.post_due(self._chat_id):
            self._say(RecurringReplies(Replies.of(posted.plan.speech)).posted(posted.cost, None))
            await self._render(posted.plan)
