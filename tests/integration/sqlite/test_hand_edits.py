"""Tests for the SQLite stores of /changes: the rows the bot wrote and the changes told survive a restart."""

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

from balance_bot.domain.hand_edits import RowKind, WrittenRow
from balance_bot.domain.ledger import Period
from balance_bot.domain.money import Currency, Money
from infrastructure.sqlite.database import Database
from infrastructure.sqlite.hand_edits import SqliteToldChanges, SqliteWrittenRows

CHAT = -1001
DECEMBER = Period(2026, 12)
JANUARY = Period(2027, 1)
NOW = datetime(2026, 12, 10, 11, 0, tzinfo=UTC)


def row(message_id, item, amount="3", currency=Currency.USD, period=DECEMBER, chat_id=CHAT, **extra):
    day = date(period.year, period.month, 5)
    reference = f"tg:{chat_id}:{message_id}:0:u7"
    return WrittenRow(
        reference, chat_id, period, message_id, day, item, Money(Decimal(amount), currency), **extra
    )


async def test_rows_kept_then_rewritten_categorised_and_voided_by_the_bot_are_read_back_after_a_restart(
    tmp_path,
):
    path = tmp_path / "bot.sqlite3"
    first = Database(path)
    rows = SqliteWrittenRows(first)
    await rows.keep([row(1, "coffee"), row(2, "ទឹកកក", "5000", Currency.KHR), row(3, "rent", period=JANUARY)])
    await rows.keep([row(1, "coffee", "4")])  # the member edited the message
    await rows.categorised("tg:-1001:2:0:u7", "Food & drinks")
    await rows.voided("tg:-1001:1:0:u7")
    await rows.keep([row(9, "fuel", chat_id=-1002, kind=RowKind.TOP_UP)])
    await first.close()

    second = Database(path)
    kept = await SqliteWrittenRows(second).written(CHAT, [DECEMBER])
    await second.close()
    assert kept == [
        row(1, "coffee", "4", voided=True),
        row(2, "ទឹកកក", "5000", Currency.KHR, category="Food & drinks"),
    ]


async def test_changes_told_are_remembered_and_the_daily_look_is_claimed_once_a_day(database):
    told = SqliteToldChanges(database)
    assert await told.last_told(CHAT) is None
    await told.remember(CHAT, ["deleted:tg:-1001:1:0:u7", "amount:tg:-1001:2:0:u7:2.5 USD"], NOW)
    await told.remember(CHAT, ["deleted:tg:-1001:1:0:u7"], NOW.replace(hour=12))
    assert await told.told(CHAT) == {"deleted:tg:-1001:1:0:u7", "amount:tg:-1001:2:0:u7:2.5 USD"}
    assert await told.told(-1002) == set()
    assert await told.last_told(CHAT) == NOW
    assert await told.claim_day(CHAT, date(2026, 12, 10))
    assert not await told.claim_day(CHAT, date(2026, 12, 10))
    assert await told.claim_day(-1002, date(2026, 12, 10))
    assert await told.claim_day(CHAT, date(2026, 12, 11))


async def test_rows_and_changes_told_before_a_month_are_let_go_for_that_group_alone(database):
    rows, told = SqliteWrittenRows(database), SqliteToldChanges(database)
    october, november = Period(2026, 10), Period(2026, 11)
    await rows.keep([row(1, "ink", period=october), row(2, "tea", period=november), row(3, "rent")])
    await rows.keep([row(4, "ink", period=october, chat_id=-1002)])
    phnom_penh_midnight = datetime(2026, 11, 1, 0, 0, tzinfo=timezone(timedelta(hours=7)))
    await told.remember(CHAT, ["old"], datetime(2026, 10, 31, 16, 59, tzinfo=UTC))
    await told.remember(CHAT, ["new"], datetime(2026, 10, 31, 17, 0, tzinfo=UTC))  # 1 Nov, 00:00 there
    await told.remember(-1002, ["other group"], datetime(2026, 10, 2, tzinfo=UTC))

    await rows.forget_before(CHAT, november)
    await told.forget_before(CHAT, phnom_penh_midnight)

    assert [kept.item for kept in await rows.written(CHAT, [october, november, DECEMBER])] == ["tea", "rent"]
    assert [kept.item for kept in await rows.written(-1002, [october])] == ["ink"]
    assert await told.told(CHAT) == {"new"}
    assert await told.told(-1002) == {"other group"}
