"""The Google store against a fake that answers as Google does: deleted tabs, refused keys, quotas."""

from datetime import date
from decimal import Decimal

import pytest

from balance_bot.domain.ledger import Period
from balance_bot.ports import LedgerApiDisabled, LedgerKeyRefused, LedgerUnavailable
from infrastructure.sheets.google import GoogleSheetLedger
from infrastructure.sheets.google_api import QUOTA_MINUTE_SECONDS, SheetsHTTPClient, load_credentials
from infrastructure.sheets.template import load_template
from infrastructure.telegram.replies import ENGLISH, Replies
from tests.integration.sheets.test_google import (  # the fixtures and helpers of the store's own tests
    HEADERS,
    SHEET,
    key,
    line,
    make_ledger,
    outbound,
    serial,
    sheets,
    sleeps,
    spreadsheet,
)

NOVEMBER, DECEMBER = Period(2026, 11), Period(2026, 12)
replies = Replies(ENGLISH)
_fixtures = (key, make_ledger, outbound, sheets, sleeps, spreadsheet)


def items(spreadsheet, title):
    return [row[2] for row in spreadsheet.sheet(title).values()[1:]]


async def test_a_deleted_month_tab_is_made_again_from_the_template_on_the_next_write(
    sheets, spreadsheet, make_ledger
):
    ledger = make_ledger()
    await ledger.append(DECEMBER, [line("coffee")])
    spreadsheet.sheets.clear()  # a bookkeeper deleted the tab
    [saved] = await ledger.append(DECEMBER, [line("tea", message_id=2)])
    remade = spreadsheet.sheet("December 2026")
    assert remade.values()[0] == HEADERS
    assert remade.bold_header
    assert items(spreadsheet, "December 2026") == ["tea"]
    assert (saved.row, saved.number) == (2, 1)


async def test_a_renamed_tab_is_not_written_by_its_old_name(sheets, spreadsheet, make_ledger):
    ledger = make_ledger()
    await ledger.append(DECEMBER, [line("coffee")])
    spreadsheet.sheet("December 2026").title = "December (old)"
    await ledger.append(DECEMBER, [line("tea", message_id=2)])
    assert items(spreadsheet, "December (old)") == ["coffee"]
    assert items(spreadsheet, "December 2026") == ["tea"]


async def test_undo_of_a_row_whose_tab_was_deleted_finds_nothing_to_change(sheets, spreadsheet, make_ledger):
    ledger = make_ledger()
    [saved] = await ledger.append(DECEMBER, [line("coffee")])
    spreadsheet.sheets.clear()
    assert not await ledger.void(saved)


async def test_an_append_after_a_cleared_header_stays_in_column_a(sheets, spreadsheet, make_ledger):
    ledger = make_ledger()
    await ledger.append(DECEMBER, [line("coffee")])
    tab = spreadsheet.sheet("December 2026")
    tab.rows[0][0] = None  # the header's No cell cleared: Google's table now starts at column B
    await ledger.append(DECEMBER, [line("tea", message_id=2)])
    values = tab.values()
    assert values[2][:3] == [2, serial(date(2026, 12, 3)), "tea"]
    assert len(values[2]) <= len(HEADERS)  # nothing spilled to the right of the template's columns


async def test_a_tab_titled_for_a_month_belongs_to_it_whatever_dates_it_holds(
    sheets, spreadsheet, make_ledger
):
    october_day = serial(date(2026, 10, 30))
    pasted = [[n, october_day, f"pasted {n}", 1, "", "Bookkeeper", ""] for n in range(1, 4)]
    sheets.add_sheet(SHEET, "November 2026", [HEADERS, *pasted])
    ledger = make_ledger()
    late = line("taxi", day=date(2026, 10, 30))  # filed under November once October closed
    await ledger.append(NOVEMBER, [late])
    assert [sheet.title for sheet in spreadsheet.sheets] == ["November 2026"]
    assert [row.item for row in await ledger.read(NOVEMBER)] == ["pasted 1", "pasted 2", "pasted 3", "taxi"]


async def test_rows_all_deleted_by_a_bookkeeper_are_numbered_from_1_without_a_reversed_range(
    sheets, spreadsheet, make_ledger
):
    ledger = make_ledger()
    await ledger.append(DECEMBER, [line("coffee"), line("tea", index=1)])
    tab = spreadsheet.sheet("December 2026")
    del tab.rows[1:]
    [saved] = await ledger.append(DECEMBER, [line("ice", message_id=2)])
    assert (saved.row, saved.number) == (2, 1)
    assert tab.values()[1][:3] == [1, serial(date(2026, 12, 3)), "ice"]
    assert not [call for _, call in sheets.calls if "A2:A1" in call]


async def test_a_blip_at_the_token_endpoint_is_a_passing_ledger_error(sheets, spreadsheet, make_ledger):
    sheets.refuse_tokens(times=10)
    ledger = make_ledger()
    with pytest.raises(LedgerUnavailable, match="token endpoint"):
        await ledger.append(DECEMBER, [line("coffee")])
    sheets.token_refusals.clear()  # the blip is over
    await ledger.append(DECEMBER, [line("coffee")])  # the same ledger, as the outbox tries again
    assert items(spreadsheet, "December 2026") == ["coffee"]


async def test_a_revoked_key_is_named_plainly(sheets, spreadsheet, make_ledger):
    sheets.refuse_tokens(times=10, revoked=True)
    with pytest.raises(LedgerKeyRefused) as refused:
        await make_ledger().append(DECEMBER, [line("coffee")])
    assert "deleted or revoked" in str(refused.value)
    assert "new JSON key" in str(refused.value)
    assert replies.ledger_problem(refused.value).startswith("Google refused the bot's key")


async def test_a_disabled_sheets_api_says_where_to_enable_it(sheets, spreadsheet, make_ledger):
    sheets.disable_api("123456789012")
    with pytest.raises(LedgerApiDisabled) as disabled:
        await make_ledger().append(DECEMBER, [line("coffee")])
    link = (
        "https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=123456789012"
    )
    assert disabled.value.enable_at == link
    assert link in replies.ledger_problem(disabled.value)


async def test_a_read_over_the_quota_waits_for_the_quota_minute_before_the_last_attempts(
    sheets, spreadsheet, key
):
    now = [1000.0]
    sheets.clock = lambda: now[0]
    sheets.reads_per_minute = 2
    waits = []

    def wait(seconds):
        waits.append(seconds)
        now[0] += seconds

    client = SheetsHTTPClient(load_credentials(key), sheets.url, sleep=wait)
    ledger = GoogleSheetLedger(SHEET, client, load_template(), "%B %Y", key["client_email"])
    sheets.add_sheet(SHEET, "December 2026", [HEADERS, [1, serial(date(2026, 12, 3)), "coffee", 3]])
    try:
        for _ in range(3):
            rows = await ledger.read(DECEMBER)
    finally:
        ledger.close()
    assert [row.usd for row in rows] == [Decimal(3)]
    assert QUOTA_MINUTE_SECONDS in waits
