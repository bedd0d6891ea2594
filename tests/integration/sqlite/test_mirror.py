"""Tests for the SQLite mirror: months per ledger, their rows as last read, summaries claimed once."""

from datetime import date
from decimal import Decimal

from balance_bot.domain.ledger import Period, SheetRow
from balance_bot.domain.money import Currency
from infrastructure.sqlite.database import Database
from infrastructure.sqlite.mirror import SqliteMirror

NOVEMBER = Period(2026, 11)
LEDGER = "google:1AbC"
ZEROS = {Currency.USD: Decimal(0), Currency.KHR: Decimal(0)}


def row(item, usd=None, topup_khr=None):
    return SheetRow(1, date(2026, 11, 3), item, usd, None, "Sokha", "tg:-1:1:0", None, topup_khr)


async def test_a_month_keeps_the_opening_it_was_opened_with(database):
    mirror = SqliteMirror(database)
    await mirror.open(LEDGER, NOVEMBER, {Currency.USD: Decimal("12.50"), Currency.KHR: Decimal(0)})
    again = await mirror.open(LEDGER, NOVEMBER, ZEROS)
    assert again.opening[Currency.USD] == Decimal("12.50")
    assert again.closing is None
    await mirror.close(LEDGER, NOVEMBER, {Currency.USD: Decimal(3), Currency.KHR: Decimal(-500)})
    closed = await mirror.period(LEDGER, NOVEMBER)
    assert closed.closing == {Currency.USD: Decimal(3), Currency.KHR: Decimal(-500)}


async def test_reconciling_replaces_the_months_rows_exactly(database):
    mirror = SqliteMirror(database)
    await mirror.reconcile(LEDGER, NOVEMBER, [row("coffee", Decimal("3.10")), row("tea", Decimal(1))])
    await mirror.reconcile(
        LEDGER, NOVEMBER, [row("coffee", Decimal("3.10")), row("Top-up", topup_khr=Decimal(4000))]
    )
    rows = await mirror.rows(LEDGER, NOVEMBER)
    assert [(r.item, r.usd, r.topup_khr) for r in rows] == [
        ("coffee", Decimal("3.10"), None),
        ("Top-up", None, Decimal(4000)),
    ]


async def test_a_month_read_again_as_it_was_only_notes_when_it_was_read(database):
    mirror = SqliteMirror(database)
    await mirror.open(LEDGER, NOVEMBER, ZEROS)
    month = [row("coffee", Decimal("3.10")), row("tea", Decimal(1))]
    await mirror.reconcile(LEDGER, NOVEMBER, month)
    before = await database.run(lambda db: db.total_changes)
    await mirror.reconcile(LEDGER, NOVEMBER, list(month))
    assert await database.run(lambda db: db.total_changes) - before == 1  # read_at alone
    await mirror.reconcile(LEDGER, NOVEMBER, [*month, row("ice", Decimal("0.50"))])
    assert [r.item for r in await mirror.rows(LEDGER, NOVEMBER)] == ["coffee", "tea", "ice"]


async def test_a_month_changed_back_to_an_earlier_reading_is_written_again(database):
    mirror = SqliteMirror(database)
    first, second = [row("coffee", Decimal("3.10"))], [row("coffee", Decimal("3.50"))]
    for rows in (first, second, first):
        await mirror.reconcile(LEDGER, NOVEMBER, rows)
    assert [r.usd for r in await mirror.rows(LEDGER, NOVEMBER)] == [Decimal("3.10")]
    assert [r.usd for r in await SqliteMirror(database).rows(LEDGER, NOVEMBER)] == [Decimal("3.10")]


class CountedDatabase(Database):
    """The bot's database, counting the calls made of it."""

    calls = 0

    async def run(self, work):
        self.calls += 1
        return await super().run(work)


async def test_a_months_record_is_read_once_and_again_after_every_change(tmp_path):
    database = CountedDatabase(tmp_path / "bot.sqlite3")
    await database.open()
    mirror = SqliteMirror(database)
    assert await mirror.period(LEDGER, NOVEMBER) is None
    before = database.calls
    assert await mirror.period(LEDGER, NOVEMBER) is None
    assert database.calls == before
    await mirror.open(LEDGER, NOVEMBER, {Currency.USD: Decimal(5), Currency.KHR: Decimal(0)})
    assert (await mirror.period(LEDGER, NOVEMBER)).opening[Currency.USD] == Decimal(5)
    await mirror.carry(LEDGER, NOVEMBER, {Currency.USD: Decimal(7), Currency.KHR: Decimal(0)})
    assert (await mirror.period(LEDGER, NOVEMBER)).opening[Currency.USD] == Decimal(7)
    await mirror.close(LEDGER, NOVEMBER, ZEROS)
    assert (await mirror.period(LEDGER, NOVEMBER)).closing == ZEROS
    before = database.calls
    await mirror.period(LEDGER, NOVEMBER)
    assert database.calls == before
    await database.close()


async def test_known_chats_are_those_summarized_or_with_a_saved_expense(database):
    mirror = SqliteMirror(database)
    await mirror.claim_summary(-1, NOVEMBER)
    await database.run(
        lambda db: db.execute(
            "INSERT INTO saved_message VALUES (-2, 5, 7, '2026-11-03T00:00:00+00:00', '[]', 0, 0)"
        )
    )
    assert await mirror.known_chats() == [-2, -1]


async def test_a_months_summary_is_claimed_once_per_group(database):
    mirror = SqliteMirror(database)
    assert await mirror.claim_summary(-1, NOVEMBER)
    assert not await mirror.claim_summary(-1, NOVEMBER)
    assert await mirror.claim_summary(-2, NOVEMBER)  # another group on the same sheet gets it too


async def test_carrying_opens_a_month_or_replaces_its_opening(database):
    mirror = SqliteMirror(database)
    await mirror.carry(LEDGER, NOVEMBER, {Currency.USD: Decimal("10.50")})
    await mirror.carry(LEDGER, NOVEMBER, {Currency.USD: Decimal("5.25")})
    record = await mirror.period(LEDGER, NOVEMBER)
    assert record is not None
    assert (record.opening, record.closing) == ({Currency.USD: Decimal("5.25")}, None)


async def test_members_balances_and_movement_cells_are_kept_with_the_month(database):
    mirror = SqliteMirror(database)
    held = {"Sokha": {Currency.USD: Decimal("20.50")}, "Dara": {Currency.KHR: Decimal(-8000)}}
    await mirror.carry(LEDGER, NOVEMBER, ZEROS, held)
    await mirror.close(LEDGER, NOVEMBER, ZEROS, {"Sokha": {Currency.USD: Decimal(3)}})
    record = await mirror.period(LEDGER, NOVEMBER)
    assert record.members_opening == held
    assert record.members_closing == {"Sokha": {Currency.USD: Decimal(3)}}
    moved = SheetRow(
        2, date(2026, 11, 4), "Advance to Sokha", None, None, "Admin", "tg:-1:2:0",
        category="", movement="Advance", movement_member="Sokha", movement_usd=Decimal(50),
    )  # fmt: skip
    await mirror.reconcile(LEDGER, NOVEMBER, [moved])
    assert await mirror.rows(LEDGER, NOVEMBER) == [moved]
