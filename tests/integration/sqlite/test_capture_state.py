"""Tests for the SQLite capture state: pending purposes and saved messages survive a restart."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from balance_bot.domain.expenses import ExpenseEntry
from balance_bot.domain.ledger import EntrySource, LedgerLine, Period, SavedLine
from balance_bot.domain.money import Currency, Money
from balance_bot.ports import PendingPurpose, SavedMessage
from infrastructure.sqlite.capture_state import SqliteCaptureState
from infrastructure.sqlite.database import MIGRATIONS, Database

NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)


def pending(message_id=10, amount="3", expires_in=timedelta(minutes=5)):
    entry = ExpenseEntry(Money(Decimal(amount), Currency.USD), "", currency_guessed=True)
    return PendingPurpose(-100, 7, message_id, entry, NOW, NOW + expires_in)


async def test_a_pending_purpose_is_taken_once(database):
    state = SqliteCaptureState(database)
    await state.put_pending(pending())
    taken = await state.take_pending(-100, 7, NOW)
    assert taken == pending()
    assert await state.take_pending(-100, 7, NOW) is None


async def test_an_expired_pending_purpose_is_gone(database):
    state = SqliteCaptureState(database)
    await state.put_pending(pending(expires_in=timedelta(minutes=5)))
    assert await state.take_pending(-100, 7, NOW + timedelta(minutes=5)) is None


async def test_a_new_amount_replaces_the_members_earlier_one(database):
    state = SqliteCaptureState(database)
    await state.put_pending(pending(10, "3"))
    await state.put_pending(pending(11, "4"))
    taken = await state.take_pending(-100, 7, NOW)
    assert (taken.message_id, taken.entry.money.amount) == (11, 4)


async def test_pending_purposes_and_saved_messages_survive_a_restart(tmp_path):
    path = tmp_path / "bot.sqlite3"
    line = LedgerLine(
        date(2026, 12, 3),
        "ទឹកកក",
        Money(Decimal(5000), Currency.KHR),
        "Sokha",
        EntrySource(-100, 5, 0),
    )
    december = Period(2026, 12)  # kept with the row: a Khmer reply names it, not the tab's English title
    saved = SavedMessage(
        -100, 5, 7, NOW, (SavedLine(line, "December 2026", 2, 1, december),), currency_guessed=True
    )
    first = Database(path)
    await SqliteCaptureState(first).put_pending(pending())
    await SqliteCaptureState(first).record(saved)
    await first.close()

    second = Database(path)
    state = SqliteCaptureState(second)
    assert await state.take_pending(-100, 7, NOW) == pending()
    assert await state.find(-100, 5) == saved
    assert await state.find(-100, 6) is None
    await second.close()


async def test_the_schema_is_at_the_latest_migration(database):
    (version,) = await database.run(lambda db: db.execute("PRAGMA user_version").fetchone())
    assert version == len(MIGRATIONS)
