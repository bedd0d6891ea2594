"""Fault injection: the outbox, delivery and the Google store against a failing fake Sheets API."""

import asyncio
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

import pytest

from balance_bot.capture.delivery import Delivery, Landed, Waiting
from balance_bot.capture.refusals import LedgerRefused, SheetRefusal
from balance_bot.domain.ledger import EntrySource, LedgerLine, Period
from balance_bot.domain.money import Currency, Money
from balance_bot.ports import QueuedMessage
from infrastructure.sheets.google_api import RequestQuota, SheetsHTTPClient, load_credentials
from infrastructure.sheets.google_directory import GoogleSheets
from infrastructure.sheets.template import load_template
from infrastructure.sqlite.capture_state import SqliteCaptureState
from infrastructure.sqlite.database import Database
from infrastructure.sqlite.outbox import SqliteOutbox
from tests.fakes.clock import FakeClock
from tests.fakes.sheet_connections import InMemorySheetConnections

CHAT = -100
SHEET = "1AbCdEfGhIjKlMnOpQrStUvWxYz"
DECEMBER = Period(2026, 12)


class Pipeline:
    """What the bot runs between an accepted expense and its row, on a simulated clock."""

    def __init__(self, sheets, tmp_path, *, timeout_seconds=20.0):
        self.sheets = sheets
        self.clock = FakeClock()
        self.client_waits = []
        key = sheets.service_account_key()
        sheets.add_spreadsheet(SHEET, "Petty cash", {key["client_email"]})
        sheets.clock = self.monotonic
        quota = RequestQuota(60, monotonic=self.monotonic, sleep=self.advance)
        client = SheetsHTTPClient(
            load_credentials(key),
            sheets.url,
            sleep=self.advance,
            writes=quota,
            timeout_seconds=timeout_seconds,
        )
        self.directory = GoogleSheets(
            client, load_template(), "%B %Y", key["client_email"], {}, SHEET, InMemorySheetConnections()
        )
        self.database = Database(tmp_path / "bot.sqlite3")
        self.outbox = SqliteOutbox(self.database)
        self.state = SqliteCaptureState(self.database)
        self.delivery = Delivery(self.outbox, self.directory, sleep=self.clock.sleep, refusals=self.outbox)
        self.told = []  # what the group heard of a sheet that refuses the rows for good
        self.delivery.on_refused(self.tell)
        self.accepted = 0

    async def tell(self, chat_id, refusal):
        self.told.append((chat_id, refusal.reason))

    def monotonic(self):
        return self.clock.now().timestamp()

    def advance(self, seconds):
        """The Sheets client's waits (retries and the write quota), on the simulated clock."""
        self.client_waits.append(seconds)
        self.clock.advance(seconds=seconds)

    async def post(self, count, wait_seconds=0.0, every_seconds=0.0):
        """Accept `count` one-line expenses; returns what each member was told."""
        outcomes = []
        for _ in range(count):
            self.accepted += 1
            n = self.accepted
            line = LedgerLine(
                date(2026, 12, 3),
                f"item {n}",
                Money(Decimal(n), Currency.USD),
                "Sokha",
                EntrySource(CHAT, n, 0),
            )
            queued = QueuedMessage(CHAT, n, 7, self.clock.now(), DECEMBER, (line,))
            outcomes.append(await self.delivery.landed(await self.delivery.accept(queued), wait_seconds))
            self.clock.advance(seconds=every_seconds)
        return outcomes

    async def until_delivered(self, real_seconds=30.0):
        for _ in range(int(real_seconds * 100)):
            if not await self.outbox.chats_waiting():
                return
            await asyncio.sleep(0.01)
        raise AssertionError(f"still waiting: {await self.outbox.summary()}")

    def rows(self):
        sheet = self.sheets.spreadsheets[SHEET].sheet("December 2026")
        return [
            (row[0], row[2], row[7]) for row in sheet.rows[1:] if any(cell not in (None, "") for cell in row)
        ]

    async def close(self):
        await self.delivery.stop()
        await self.directory.close()
        await self.delivery.finish()
        await self.database.close()


@pytest.fixture
async def pipeline(sheets, tmp_path):
    built = Pipeline(sheets, tmp_path)
    yield built
    await built.close()


def assert_rows_numbered(rows, count):
    assert [number for number, _, _ in rows] == list(range(1, count + 1))
    assert [item for _, item, _ in rows] == [f"item {n}" for n in range(1, count + 1)]
    assert len({reference for _, _, reference in rows}) == count


async def test_a_two_minute_outage_during_100_expenses_loses_and_doubles_none(pipeline, sheets):
    outage_ends = pipeline.clock.now() + timedelta(minutes=2)
    sheets.outage(503, lambda: pipeline.clock.now() < outage_ends)
    told = await pipeline.post(100, every_seconds=1)
    assert all(isinstance(outcome, Waiting) for outcome in told)
    await pipeline.until_delivered()
    assert pipeline.clock.now() >= outage_ends
    assert_rows_numbered(pipeline.rows(), 100)
    assert await pipeline.state.find(CHAT, 100) is not None, "each message is kept for Undo"


async def test_a_429_storm_is_waited_out_as_retry_after_asks(pipeline, sheets):
    await pipeline.post(1, wait_seconds=5)
    sheets.fail_next(429, times=12, retry_after=7, path_contains=":append")
    await pipeline.post(29)
    await pipeline.until_delivered()
    assert_rows_numbered(pipeline.rows(), 30)
    assert pipeline.client_waits.count(7.0) >= 4, "Retry-After: 7 was honoured"


async def test_an_append_that_landed_but_timed_out_is_found_not_repeated(sheets, tmp_path):
    pipeline = Pipeline(sheets, tmp_path, timeout_seconds=0.2)
    try:
        await pipeline.post(1, wait_seconds=5)
        sheets.answer_late(":append", seconds=0.6)
        [told] = await pipeline.post(1, wait_seconds=5)
        assert isinstance(told, Waiting)
        await pipeline.post(1)
        await pipeline.until_delivered()
        assert_rows_numbered(pipeline.rows(), 3)
    finally:
        await pipeline.close()


async def test_an_append_that_timed_out_and_lands_later_is_looked_for_once_it_could_have_landed(
    sheets, tmp_path
):
    pipeline = Pipeline(sheets, tmp_path, timeout_seconds=0.2)
    try:
        await pipeline.post(1, wait_seconds=5)
        sheets.land_late(":append", seconds=30, answer_after=0.6)
        [told] = await pipeline.post(1, wait_seconds=5)
        assert isinstance(told, Waiting)
        await pipeline.post(1)
        await pipeline.until_delivered()
        sheets.land_everything_late()
        assert_rows_numbered(pipeline.rows(), 3)  # looked for 2 s later, it was not there yet: twice
    finally:
        await pipeline.close()


async def test_a_row_a_bookkeeper_deletes_mid_burst_shifts_nothing_and_numbers_continue(pipeline, sheets):
    await pipeline.post(10, wait_seconds=5)
    sheet = sheets.spreadsheets[SHEET].sheet("December 2026")
    with sheets._lock:
        del sheet.rows[5]  # the row numbered 5
    await pipeline.post(10)
    await pipeline.until_delivered()
    rows = pipeline.rows()
    assert [number for number, _, _ in rows] == [1, 2, 3, 4, *range(6, 21)]
    assert len({reference for _, _, reference in rows}) == 19


async def test_writes_stay_within_60_a_minute_however_many_expenses_come(pipeline, sheets):
    told = await pipeline.post(150, wait_seconds=5)
    assert all(isinstance(outcome, Landed) for outcome in told)
    assert_rows_numbered(pipeline.rows(), 150)
    assert sheets.writes_in_any_minute() <= 60
    assert pipeline.clock.now() - told[0].message.saved_at >= timedelta(minutes=1)


async def write_attempts_until(sheets, count, real_seconds=10.0):
    for _ in range(int(real_seconds * 100)):
        if len(sheets.call_times) >= count:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"only {len(sheets.call_times)} calls")


async def test_an_uploaded_xlsx_keeps_the_rows_is_tried_every_ten_minutes_and_is_told_once(pipeline, sheets):
    sheets.spreadsheets[SHEET].uploaded_xlsx = True
    told = await pipeline.post(3, wait_seconds=5)
    assert all(isinstance(outcome, Waiting) for outcome in told)
    assert all(isinstance(outcome.problem, LedgerRefused) for outcome in told)
    await write_attempts_until(sheets, 5)
    attempts = [at for _, at in sheets.call_times]
    assert all(later - earlier >= 600 for earlier, later in pairwise(attempts))
    assert pipeline.told == [(CHAT, SheetRefusal.NOT_A_GOOGLE_SHEET)], "once, not per expense or attempt"
    [waiting] = await pipeline.outbox.summary()
    assert (waiting.messages, waiting.lines) == (3, 3)
    assert "File → Save as Google Sheets" in waiting.last_error

    sheets.spreadsheets[SHEET].uploaded_xlsx = False  # saved as a Google Sheet (and /connect-ed again)
    pipeline.delivery.retry_now(CHAT)
    await pipeline.until_delivered()
    assert_rows_numbered(pipeline.rows(), 3)
    assert await pipeline.outbox.refusal_of(CHAT) is None, "a later refusal is news again"


async def test_a_group_told_of_a_refusal_is_not_told_again_after_a_restart(sheets, tmp_path):
    first = Pipeline(sheets, tmp_path)
    sheets.spreadsheets[SHEET].viewers, sheets.spreadsheets[SHEET].editors = (
        sheets.spreadsheets[SHEET].editors,
        set(),
    )
    try:
        await first.post(1, wait_seconds=5)
    finally:
        await first.close()
    assert first.told == [(CHAT, SheetRefusal.READ_ONLY)]
    del sheets.spreadsheets[SHEET]
    again = Pipeline(sheets, tmp_path)  # the same database, the same sheet still shared as Viewer
    sheets.spreadsheets[SHEET].viewers, sheets.spreadsheets[SHEET].editors = (
        sheets.spreadsheets[SHEET].editors,
        set(),
    )
    try:
        calls = len(sheets.call_times)
        await again.delivery.resume()
        await write_attempts_until(sheets, calls + 2)
        assert again.told == []
        assert await again.outbox.refusal_of(CHAT) is SheetRefusal.READ_ONLY
    finally:
        await again.close()
