"""Tests for the reminders about advances held long: once per advance, at N days or at month end."""

from datetime import date
from decimal import Decimal

from balance_bot.domain.ledger import Period, SheetRow
from balance_bot.domain.members import members_month
from balance_bot.domain.money import Currency
from balance_bot.groups.group_settings import GroupSettings
from balance_bot.members.movements import AdvanceReminders

CHAT = -100
NOVEMBER = Period(2026, 11)


class LatestMonth:
    """The month as the scheduled round last read it."""

    def __init__(self, rows):
        self.members = members_month(rows, "[void] ").cash_moves()

    def latest_members(self, chat_id):
        return self.members


class Preferences:
    def __init__(self):
        self.reminders = None

    async def payment_mode(self, chat_id):
        return None

    async def advance_reminders(self, chat_id):
        return self.reminders

    async def set_advance_reminders(self, chat_id, on):
        self.reminders = on


class Claims:
    def __init__(self):
        self.claimed = set()

    async def claim(self, chat_id, member, since):
        if (chat_id, member, since) in self.claimed:
            return False
        self.claimed.add((chat_id, member, since))
        return True


def advance(day, member, usd):
    return SheetRow(None, day, f"Advance to {member}", None, None, "Admin", "",
                    movement="Advance", movement_member=member, movement_usd=Decimal(usd))  # fmt: skip


def reminders(rows, preferences=None):
    return AdvanceReminders(LatestMonth(rows), GroupSettings(preferences or Preferences()), Claims(), 7)


async def test_an_advance_held_a_week_is_reminded_of_once():
    due = reminders([advance(date(2026, 11, 3), "Sokha", 50), advance(date(2026, 11, 8), "Dara", 20)])
    assert await due.due(CHAT, date(2026, 11, 9)) == []
    [sokha] = await due.due(CHAT, date(2026, 11, 10))
    assert (sokha.member, sokha.held, sokha.since) == ("Sokha", {Currency.USD: 50}, date(2026, 11, 3))
    assert await due.due(CHAT, date(2026, 11, 11)) == []  # once per advance


async def test_every_advance_still_held_is_reminded_of_on_the_months_last_day():
    due = reminders([advance(date(2026, 11, 28), "Dara", 20)])
    assert [reminder.member for reminder in await due.due(CHAT, date(2026, 11, 30))] == ["Dara"]


async def test_a_spent_advance_or_a_group_that_turned_reminders_off_hears_nothing():
    spent = [
        advance(date(2026, 11, 1), "Sokha", 5),
        SheetRow(None, None, "tea", Decimal(5), None, "Sokha", ""),
    ]
    assert await reminders(spent).due(CHAT, date(2026, 11, 20)) == []
    preferences = Preferences()
    preferences.reminders = False
    held = reminders([advance(date(2026, 11, 1), "Sokha", 5)], preferences)
    assert await held.due(CHAT, date(2026, 11, 20)) == []
