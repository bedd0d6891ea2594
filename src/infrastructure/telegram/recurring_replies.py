"""What the bot says about recurring costs, in a chat's language: /recurring's answers, and the line over a
cost's row on its day (the row's own confirmation is the capture flow's, as every expense's)."""

from __future__ import annotations

from datetime import date

from balance_bot.domain.language import Language
from balance_bot.groups.languages import ChatLanguages
from balance_bot.recurring.commands import (
    Added,
    AdminsOnly,
    HowToSay,
    Listed,
    NoSuchCost,
    RecurringReply,
    Stopped,
)
from balance_bot.recurring.costs import RecurringCost
from balance_bot.recurring.schedules import Every, Schedule
from infrastructure.telegram import recurring_texts, texts
from infrastructure.telegram.replies import Replies

_ORDINAL_ENDINGS = {1: "st", 2: "nd", 3: "rd"}


class RecurringReplies:
    """Recurring costs in one chat's words."""

    def __init__(self, replies: Replies) -> None:
        self._replies = replies

    def reply(self, reply: RecurringReply) -> str:
        """The answer to a /recurring command."""
        say = self._replies.say
        match reply.shown:
            case AdminsOnly():
                return say(texts.ADMINS_ONLY)
            case HowToSay(refused):
                refusal = self._replies.reply_for(refused, "") if refused is not None else None
                return say(recurring_texts.HOW) if refusal is None else refusal
            case Added(cost, first):
                return say(recurring_texts.ADDED, day=self._replies.day(first), **self._about(cost))
            case Listed(costs):
                return self._listed(costs)
            case Stopped(cost):
                return say(recurring_texts.STOPPED, number=self._number(cost.number), item=cost.item)
            case NoSuchCost(number):
                return say(recurring_texts.NO_SUCH, number=self._number(number))
        raise AssertionError("unreachable")

    def posted(self, cost: RecurringCost, confirmation: str | None) -> str:
        """A cost's row on its day: which cost it is, over the row's confirmation."""
        about = self._replies.say(recurring_texts.POSTED, **self._about(cost))
        return about if not confirmation else f"{about}\n{confirmation}"

    def schedule(self, schedule: Schedule) -> str:
        """'every month on the 1st', 'every 2 weeks on Friday', in the chat's words."""
        say = self._replies.say
        count = self._replies.formats.number(schedule.interval)
        if schedule.every is Every.WEEK:
            weekday = say(recurring_texts.WEEKDAYS[schedule.day])
            if schedule.interval == 1:
                return say(recurring_texts.WEEKLY, weekday=weekday)
            return say(recurring_texts.EVERY_WEEKS, count=count, weekday=weekday)
        day = self._day_of_month(schedule.day)
        if schedule.interval == 1:
            return say(recurring_texts.MONTHLY, day=day)
        return say(recurring_texts.EVERY_MONTHS, count=count, day=day)

    def _listed(self, costs: tuple[tuple[RecurringCost, date], ...]) -> str:
        say = self._replies.say
        if not costs:
            return say(recurring_texts.NONE_YET)
        lines = [say(recurring_texts.LIST_HEADER)]
        for cost, next_day in costs:
            lines.append(say(recurring_texts.LIST_LINE, day=self._replies.day(next_day), **self._about(cost)))
        lines.append(say(recurring_texts.LIST_FOOTER, number=self._number(costs[0][0].number)))
        return "\n".join(lines)

    def _about(self, cost: RecurringCost) -> dict[str, str]:
        """A cost's number, words, amount and schedule, as the texts name them."""
        return {
            "number": self._number(cost.number),
            "item": cost.item,
            "amount": self._replies.amount(cost.money),
            "schedule": self.schedule(cost.schedule),
        }

    def _number(self, number: int) -> str:
        return self._replies.formats.digits(str(number))

    def _day_of_month(self, day: int) -> str:
        """'1st', '22nd', '31st' in English; the number, in the chat's digits, in Khmer ('ថ្ងៃទី១')."""
        if self._replies.speech.language is not Language.ENGLISH:
            return self._replies.formats.digits(str(day))
        ending = "th" if 11 <= day % 100 <= 13 else _ORDINAL_ENDINGS.get(day % 10, "th")
        return f"{day}{ending}"


class CatalogRowMarkers:
    """RowMarkers: the word a recurring cost's rows carry in their Item, in the group's language."""

    def __init__(self, languages: ChatLanguages) -> None:
        self._languages = languages

    async def marker(self, chat_id: int) -> str:
        """'recurring', or the group's word for it."""
        return Replies.of(await self._languages.for_group(chat_id)).say(recurring_texts.ROW_MARKER)
