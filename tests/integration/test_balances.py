"""The balance use case on the Google store against the fake Sheets API, with the SQLite mirror."""

from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from balance_bot.balances.service import BalanceService
from balance_bot.domain.ledger import Period
from balance_bot.domain.money import Currency
from infrastructure.clock import SystemClock
from infrastructure.sheets.google_api import SheetsHTTPClient, load_credentials
from infrastructure.sheets.google_directory import GoogleSheets
from infrastructure.sheets.template import load_template
from infrastructure.sqlite.mirror import SqliteMirror
from tests.fakes.clock import FakeClock
from tests.fakes.sheet_connections import InMemorySheetConnections

CHAT = -100
SHEET = "1AbCdEfGhIjKlMnOpQrStUvWxYz"
PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")
HEADERS = load_template().headers
NOVEMBER, DECEMBER = Period(2026, 11), Period(2026, 12)


def serial(day):
    return (day - date(1899, 12, 30)).days


def row(number, day, item, usd="", khr="", member="Sokha", topup_usd="", topup_khr="", category=""):
    reference = f"tg:{CHAT}:{number}:0"
    return [number, serial(day), item, usd, khr, category, member, reference, topup_usd, topup_khr]


class Books:
    """A group's spreadsheet in the fake, and the balance service over it."""

    def __init__(self, sheets, database, clock):
        key = sheets.service_account_key()
        self.spreadsheet = sheets.add_spreadsheet(SHEET, "Petty cash", {key["client_email"]})
        self.sheets = sheets
        client = SheetsHTTPClient(load_credentials(key), sheets.url, sleep=lambda seconds: None)
        self.directory = GoogleSheets(
            client, load_template(), "%B %Y", key["client_email"], {}, SHEET, InMemorySheetConnections()
        )
        self.mirror = SqliteMirror(database)
        self.service = BalanceService(self.directory, self.mirror, clock, PHNOM_PENH, "[void] ")

    def month(self, title, rows):
        self.sheets.add_sheet(SHEET, title, [HEADERS, *rows])

    def reads(self):
        return self.sheets.calls_to("values.get")


@pytest.fixture
def clock():
    return FakeClock(datetime(2026, 11, 20, 3, 0, tzinfo=UTC))


@pytest.fixture
async def books(sheets, database, clock):
    books = Books(sheets, database, clock)
    yield books
    await books.directory.close()


async def test_a_balance_costs_one_read_and_follows_the_bookkeepers_edits(books):
    books.month(
        "November 2026",
        [row(1, date(2026, 11, 3), "coffee", usd=3), row(2, date(2026, 11, 4), "ice", khr=5000)],
    )
    await books.service.balance(CHAT, NOVEMBER)  # the group's first month opens at zero
    before = books.reads()
    sheet = books.spreadsheet.sheet("November 2026")
    sheet.rows[1][3] = 4.5  # a bookkeeper fixes a typo
    del sheet.rows[2]  # deletes a row
    sheet.rows.append(row(3, date(2026, 11, 10), "rent", usd=300, member="Bookkeeper"))  # types one in
    balance = await books.service.balance(CHAT, NOVEMBER)
    assert books.reads() - before == 1
    assert balance.figures.spent == {Currency.USD: Decimal("304.5"), Currency.KHR: Decimal(0)}
    assert [r.item for r in await books.mirror.rows(f"google:{SHEET}", NOVEMBER)] == ["coffee", "rent"]


async def test_the_months_closing_is_carried_forward_once(books, clock):
    books.month(
        "November 2026",
        [
            row(1, date(2026, 11, 1), "Top-up: office", topup_usd=200, topup_khr=100000),
            row(2, date(2026, 11, 3), "coffee", usd=30.25),
            row(3, date(2026, 11, 4), "ice", khr=5000),
        ],
    )
    await books.service.balance(CHAT, NOVEMBER)
    clock.current = datetime(2026, 12, 3, 17, 1, tzinfo=UTC)  # 00:01 on 4 December: November's grace is over
    books.month("December 2026", [row(1, date(2026, 12, 1), "tea", usd=1)])
    december = await books.service.balance(CHAT, DECEMBER)
    assert december.currencies[Currency.USD].opening == Decimal("169.75")
    assert december.currencies[Currency.KHR].opening == Decimal(95000)
    books.spreadsheet.sheet("November 2026").rows[2][3] = 40  # a late fix to a closed month
    again = await books.service.balance(CHAT, DECEMBER)
    assert again.currencies[Currency.USD].opening == Decimal("169.75")  # carried once, not again
    november = await books.service.balance(CHAT, NOVEMBER)
    assert november.currencies[Currency.USD].spent == 40  # the closed month itself follows its sheet


@pytest.mark.parametrize(
    ("instant", "month"),
    [
        ("2026-11-30 16:59:00", NOVEMBER),  # 23:59 on 30 November in Phnom Penh
        ("2026-11-30 17:01:00", DECEMBER),  # 00:01 on 1 December
        ("2026-12-31 16:59:00", DECEMBER),
        ("2026-12-31 17:01:00", Period(2027, 1)),  # a new year
    ],
)
def test_the_current_month_turns_at_midnight_in_phnom_penh(books, instant, month):
    service = BalanceService(books.directory, books.mirror, SystemClock(), PHNOM_PENH, "[void] ")
    with freeze_time(instant):
        assert service.current_period() == month


async def test_last_months_summary_is_given_once(books, clock):
    books.month("November 2026", [row(1, date(2026, 11, 3), "coffee", usd=3)])
    await books.service.balance(CHAT, NOVEMBER)
    assert await books.service.month_round(CHAT) is None  # November is not over
    clock.current = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    assert await books.service.month_round(CHAT) is None  # over, but open for late expenses
    clock.current = datetime(2026, 12, 4, 2, 0, tzinfo=UTC)
    summary = await books.service.month_round(CHAT)
    assert summary is not None
    assert summary.period == NOVEMBER
    assert await books.service.month_round(CHAT) is None


async def test_a_future_month_and_unknown_words_are_answered_without_a_read(books):
    from balance_bot.balances.service import FutureMonth, UnknownMonth

    assert isinstance(await books.service.balance_named(CHAT, "bananas"), UnknownMonth)
    assert await books.service.balance_named(CHAT, "2027-03") == FutureMonth(Period(2027, 3))
    assert books.reads() == 0


async def test_groups_sharing_a_spreadsheet_share_its_months(books, clock):
    books.month("November 2026", [row(1, date(2026, 11, 1), "Top-up: office", topup_usd=100)])
    await books.service.balance(CHAT, NOVEMBER)
    clock.current = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
    books.month("December 2026", [])
    other_group = await books.service.balance(-200, DECEMBER)  # a second group on the default sheet
    assert other_group.currencies[Currency.USD].opening == 100


async def test_last_month_stays_open_for_its_grace_days_and_this_months_opening_follows_it(books, clock):
    books.month("November 2026", [row(1, date(2026, 11, 1), "Top-up: office", topup_usd=100)])
    await books.service.balance(CHAT, NOVEMBER)
    clock.current = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # 9:00 on 1 December in Phnom Penh
    books.month("December 2026", [])
    assert await books.service.is_open(CHAT, NOVEMBER)
    before = books.reads()
    first = await books.service.balance_named(CHAT, "")
    assert books.reads() - before == 2  # November once, December once
    assert first.balance.currencies[Currency.USD].opening == 100
    assert first.opening_settles_on == date(2026, 12, 3)
    books.spreadsheet.sheet("November 2026").rows.append(row(2, date(2026, 11, 30), "taxi", usd=5))
    late = await books.service.balance(CHAT, DECEMBER)  # reads November too while it is open
    assert late.currencies[Currency.USD].opening == 95
    november = await books.service.balance_named(CHAT, "last month")
    assert (november.current, november.open_until) == (False, date(2026, 12, 3))


async def test_last_month_closes_after_its_grace_days_and_takes_no_more_late_expenses(books, clock):
    books.month("November 2026", [row(1, date(2026, 11, 1), "Top-up: office", topup_usd=100)])
    await books.service.balance(CHAT, NOVEMBER)
    clock.current = datetime(2026, 12, 3, 16, 59, tzinfo=UTC)  # 23:59 on 3 December: the last day open
    assert await books.service.is_open(CHAT, NOVEMBER)
    clock.current = datetime(2026, 12, 3, 17, 1, tzinfo=UTC)  # 00:01 on 4 December
    books.month("December 2026", [])
    assert not await books.service.is_open(CHAT, NOVEMBER)
    december = await books.service.balance_named(CHAT, "")
    assert december.opening_settles_on is None
    assert (await books.service.balance_named(CHAT, "November")).open_until is None
    assert not await books.service.is_open(CHAT, Period(2026, 10))


async def test_a_month_the_bot_never_saw_is_open_during_the_grace_days(books, clock):
    clock.current = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    assert await books.service.is_open(CHAT, NOVEMBER)
    assert await books.service.is_open(CHAT, DECEMBER)


async def test_a_round_in_the_grace_days_reads_last_month_and_this_month_once_each(books, clock):
    books.month("November 2026", [row(1, date(2026, 11, 3), "coffee", usd=3)])
    await books.service.balance(CHAT, NOVEMBER)
    clock.current = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    books.month("December 2026", [])
    for _ in range(2):
        before = books.reads()
        assert await books.service.month_round(CHAT) is None
        assert books.reads() - before == 2


def movement(number, day, kind, member, usd="", khr=""):
    """A movement's row as the bot writes it: its kind, member and amount in the Movement columns."""
    return [*row(number, day, f"{kind} {member}", member="Admin"), kind, member, usd, khr]


async def test_what_members_hold_or_are_owed_is_carried_into_the_next_month_once_as_the_box_is(books, clock):
    books.month(
        "November 2026",
        [
            row(1, date(2026, 11, 1), "Top-up: office", topup_usd=200),
            movement(2, date(2026, 11, 2), "Advance", "Sokha", usd=50),
            row(3, date(2026, 11, 3), "market", usd=30, member="Sokha"),
            row(4, date(2026, 11, 4), "taxi", usd=5, member="Dara"),
        ],
    )
    november = await books.service.balance(CHAT, NOVEMBER)
    assert november.members.positions() == {
        "Sokha": {Currency.USD: 20, Currency.KHR: 0},
        "Dara": {Currency.USD: -5, Currency.KHR: 0},
    }
    assert november.box(Currency.USD) == 150  # 200 in, 50 to Sokha: the 35 spent came from members
    clock.current = datetime(2026, 12, 3, 17, 1, tzinfo=UTC)  # November has closed
    books.month("December 2026", [movement(1, date(2026, 12, 1), "Returned", "Sokha", usd=20)])
    december = await books.service.balance(CHAT, DECEMBER)
    sokha, dara = december.members.named("Sokha"), december.members.named("Dara")
    assert (sokha.opening[Currency.USD], sokha.position[Currency.USD]) == (20, 0)
    assert dara.owed(Currency.USD) == 5
    books.spreadsheet.sheet("November 2026").rows[3][3] = 40  # a late fix to the closed month
    again = await books.service.balance(CHAT, DECEMBER)
    assert again.members.named("Sokha").opening[Currency.USD] == 20  # carried once, not again
    assert december.box(Currency.USD) == 170


async def test_rows_for_questions_are_one_read_per_month_in_a_burst_and_follow_an_edit_after(books, clock):
    from datetime import timedelta

    books.month("November 2026", [row(1, date(2026, 11, 3), "coffee", usd=3)])
    before = books.reads()
    for _ in range(5):
        rows = await books.service.rows(CHAT, NOVEMBER)
    assert books.reads() - before == 1
    books.spreadsheet.sheet("November 2026").rows[1][3] = 4  # a bookkeeper's edit
    clock.current += timedelta(seconds=6)
    rows = await books.service.rows(CHAT, NOVEMBER)
    assert rows[0].usd == 4
    assert books.reads() - before == 2
    assert [r.usd for r in await books.mirror.rows(f"google:{SHEET}", NOVEMBER)] == [4]


async def test_forty_viewers_asking_for_the_month_at_once_cost_one_read(books):
    import asyncio

    books.month("November 2026", [row(1, date(2026, 11, 3), "taxi", usd=5)])
    alone = await books.service.rows(CHAT, DECEMBER)  # the spreadsheet is known: one read a month
    before = books.reads()
    answers = await asyncio.gather(*(books.service.rows(CHAT, NOVEMBER) for _ in range(40)))
    assert alone == []
    assert books.reads() - before == 1
    assert {len(rows) for rows in answers} == {1}
