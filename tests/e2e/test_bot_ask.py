"""End to end: questions to the ledger in English and Khmer, /recent, /mine, /export, and a change
confirmed or cancelled, through the fake Bot API and the fake Sheets API."""

import csv
import io
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from tests.e2e.test_bot import ADMIN, DARA, SOKHA, replies_to
from tests.e2e.test_bot_google import SHEET_ID, google_settings

GROUP = -1001


@pytest.fixture
def november(clock):
    clock.current = datetime(2026, 11, 18, 3, 0, tzinfo=UTC)  # a Wednesday, 10:00 in Phnom Penh


def served_month(telegram, sheets, key, tmp_path):
    """The team's spreadsheet, shared with the bot, and the bot's settings for it; ADMIN an admin."""
    spreadsheet = sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    telegram.admins.add(ADMIN)
    return spreadsheet, google_settings(telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID)


async def said(telegram, user, text, name="", **extra):
    message = telegram.user_says(GROUP, user, text, name=name, **extra)
    return (await telegram.wait_for("sendMessage", replies_to(message), timeout=10))["text"]


async def post_month(telegram):
    for user, name, text in (
        (SOKHA, "Sokha", "taxi 5$"),
        (DARA, "Dara", "fuel 20$"),
        (DARA, "Dara", "ទឹកកក ៥០០០៛"),
        (SOKHA, "Sokha", "yesterday coffee 3$"),
        (DARA, "Dara", "taxi to the market 4$"),
    ):
        await said(telegram, user, text, name)


async def test_ten_questions_in_both_languages_are_answered_in_theirs_from_the_sheet_a_bookkeeper_edited(
    telegram, sheets, key, tmp_path, clock, november
):
    from tests.e2e.test_bot import running

    spreadsheet, settings = served_month(telegram, sheets, key, tmp_path)
    async with running(settings, clock):
        await post_month(telegram)
        month = spreadsheet.months[0]
        month.rows[2][3] = 25.0  # the bookkeeper corrects Dara's fuel to 25
        answers = [
            await said(telegram, ADMIN, f"/ask {question}")
            for question in (
                "how much did we spend this month?",
                "how much on taxi this month?",
                "how much did we spend on fuel?",
                "what did Dara spend this month?",
                "how many expenses today?",
                "biggest expenses this month",
                "how much yesterday?",
                "ខែនេះចំណាយអស់ប៉ុន្មាន?",
                "ទឹកកក ខែនេះ ប៉ុន្មាន",
                "what is the weather like",
            )
        ]
        mentioned = await said(telegram, SOKHA, "@balance_test_bot how much did I spend this month?", "Sokha")
    assert answers[0] == "Spent in November 2026: $37.00 + 5,000៛ in 5 expenses."
    assert answers[1] == "Spent on “taxi” in November 2026: $9.00 in 2 expenses."
    assert answers[2] == "Spent on Fuel in November 2026: $25.00 in 1 expense."
    assert answers[3].startswith("Spent by Dara in November 2026: $29.00 + 5,000៛ in 3 expenses:\n• No 2,")
    assert answers[4] == "Spent on Wed 18 Nov: 4 expenses."
    assert answers[5].splitlines()[1].startswith("• No 2, Wed 18 Nov: fuel – $25.00 (Dara)")
    assert answers[6] == "Spent on Tue 17 Nov: $3.00 in 1 expense."
    assert answers[7] == "ចំណាយ ក្នុងខែវិច្ឆិកា 2026៖ 37.00$ + 5,000៛ (ចំណាយ 5 មុខ)។"  # asked in Khmer
    assert answers[8].endswith("៖ 5,000៛ (ចំណាយ 1 មុខ)។")
    assert answers[9].startswith("I'm not sure what you are asking.")
    assert mentioned == "Spent by Sokha in November 2026: $8.00 in 2 expenses."


async def test_a_member_may_not_see_another_members_entries_nor_the_cash_but_their_own(
    telegram, settings_for, clock, november
):
    from tests.e2e.test_bot import running

    async with running(settings_for(), clock):
        await post_month(telegram)
        other = await said(telegram, SOKHA, "/ask what did Dara spend?", "Sokha")
        cash = await said(telegram, SOKHA, "/ask how much is left?", "Sokha")
        own = await said(telegram, SOKHA, "/ask what did I spend?", "Sokha")
        mine = await said(telegram, SOKHA, "/mine", "Sokha")
        recent = await said(telegram, SOKHA, "/recent", "Sokha")
        write = await said(telegram, SOKHA, "/ask undo No 1", "Sokha")
    assert other == "Only admins can see another member's entries; ask about your own, or the group's."
    assert cash == "Only admins can see the cash balance."
    assert own.startswith("Spent by Sokha in November 2026: $8.00 in 2 expenses:")
    assert mine.startswith("Your entries in November 2026: $8.00 in 2 expenses\n• No 1,")
    assert recent.startswith("The last entries:\n• No 1,")
    assert recent.count("\n• ") == 5
    assert write == "Only admins can change the ledger."


async def test_an_admins_change_in_words_is_done_on_confirm_and_not_on_cancel(
    telegram, settings_for, clock, november
):
    from tests.e2e.test_bot import running

    telegram.admins.add(ADMIN)
    async with running(settings_for(), clock):
        await post_month(telegram)
        asked = telegram.user_says(GROUP, ADMIN, "/ask undo No 1")
        proposal = await telegram.wait_for("sendMessage", replies_to(asked))
        assert proposal["text"] == "Undo No 1?"
        confirm, cancel = proposal["reply_markup"]["inline_keyboard"][0]
        shown = telegram.sent_message(proposal)
        telegram.user_taps(shown, confirm["callback_data"], SOKHA)  # not the admin who asked
        refused = await telegram.wait_for("answerCallbackQuery", lambda call: call.get("show_alert"))
        telegram.user_taps(shown, confirm["callback_data"], ADMIN)
        undone = await telegram.wait_for("sendMessage", lambda sent: sent["text"].startswith("Undone"))
        top_up = telegram.user_says(GROUP, ADMIN, "/ask top up 200$ from the office")
        offered = await telegram.wait_for("sendMessage", replies_to(top_up))
        _, cancel = offered["reply_markup"]["inline_keyboard"][0]
        telegram.user_taps(telegram.sent_message(offered), cancel["callback_data"], ADMIN)
        await telegram.wait_for(
            "answerCallbackQuery", lambda call: call.get("text", "").startswith("Cancelled")
        )
        left = await said(telegram, ADMIN, "/ask how much is left?")
    assert refused["text"] == "That request has expired or is not yours: ask again."
    assert undone["text"].endswith("No 1 (taxi).")
    assert offered["text"] == "Record a top-up: 200$ from the office?"
    assert "no money put into the cash" in left  # cancelled: nothing was put in, no cash figure given


async def test_export_sends_the_month_as_xlsx_and_csv_that_match_the_sheet(
    telegram, settings_for, clock, november
):
    from tests.e2e.test_bot import running

    telegram.admins.add(ADMIN)
    async with running(settings_for(), clock):
        await post_month(telegram)
        refused = await said(telegram, SOKHA, "/export", "Sokha")
        telegram.user_says(GROUP, ADMIN, "/export")
        await telegram.wait_for_count("sendDocument", 2)
    assert refused == "Only the group's admins can do that."
    xlsx, sent_csv = telegram.calls_to("sendDocument")
    assert xlsx["document_filename"] == "2026-11-petty-cash.xlsx"
    assert xlsx["caption"] == "November 2026 as the sheet has it now: 5 rows."
    book = load_workbook(io.BytesIO(xlsx["document"]))
    sheet = book.active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[2] for row in rows] == ["taxi", "fuel", "ទឹកកក", "coffee", "taxi to the market"]
    assert [row[3] for row in rows[:2]] == [5, 20]
    table = list(csv.reader(io.StringIO(sent_csv["document"].decode("utf-8-sig"))))
    assert table[0][:5] == ["No", "Date", "Item", "Amount (USD)", "Amount (KHR)"]
    assert [line[2] for line in table[1:]] == [row[2] for row in rows]
    assert [line[3] for line in table[1:3]] == ["5.00", "20.00"]


async def test_a_khmer_group_is_answered_in_khmer_with_the_tabs_khmer_category_names(
    telegram, settings_for, clock, november
):
    from tests.e2e.test_bot import running

    telegram.admins.add(ADMIN)
    async with running(settings_for(), clock):
        await said(telegram, ADMIN, "/language km")
        await post_month(telegram)
        fuel = await said(telegram, SOKHA, "/ask ចំណាយលើប្រេងឥន្ធនៈខែនេះប៉ុន្មាន?", "Sokha")
        total = await said(telegram, SOKHA, "/ask ខែនេះចំណាយអស់ប៉ុន្មាន?", "Sokha")
    assert fuel == "ចំណាយ លើប្រេងឥន្ធនៈ ក្នុងខែវិច្ឆិកា 2026៖ 20.00$ (ចំណាយ 1 មុខ)។"
    assert total.startswith("ចំណាយ ក្នុងខែវិច្ឆិកា 2026៖ 32.00$ + 5,000៛")


async def test_shares_per_member_and_category_the_last_expense_alternatives_and_the_year_are_answered(
    telegram, sheets, key, tmp_path, clock, november
):
    from tests.e2e.test_bot import running

    _, settings = served_month(telegram, sheets, key, tmp_path)
    async with running(settings, clock):
        await post_month(telegram)
        answers = [
            await said(telegram, ADMIN, f"/ask {question}")
            for question in (
                "who spent the most this month?",
                "spending by category this month",
                "what was the last expense?",
                "how much on coffee or ice this month?",
                "how much did we spend this year?",
                "អ្នកណាចំណាយច្រើនជាងគេខែនេះ?",
                "average spend per day this month",
            )
        ]
        refused = await said(telegram, SOKHA, "/ask who spent the most this month?", "Sokha")
        await said(telegram, ADMIN, "/language km")
        khmer = await said(telegram, ADMIN, "/ask ខែនេះចំណាយតាមប្រភេទ")

    assert answers[0].splitlines() == [
        "Spent in November 2026, by member: $32.00 + 5,000៛ in 5 expenses:",
        "• Dara: $24.00 + 5,000៛ (3 expenses)",
        "• Sokha: $8.00 (2 expenses)",
    ]
    assert answers[1].splitlines() == [
        "Spent in November 2026, by category: $32.00 + 5,000៛ in 5 expenses:",
        "• Fuel: $20.00 (1 expense)",
        "• Transport: $9.00 (2 expenses)",
        "• Food & drinks: $3.00 + 5,000៛ (2 expenses)",  # the taxi to the market is transport
    ]
    assert answers[2].splitlines()[1].startswith("• No 5, Wed 18 Nov: taxi to the market – $4.00 (Dara)")
    assert answers[3] == "Spent on “coffee / ice” in November 2026: $3.00 + 5,000៛ in 2 expenses."  # ទឹកកក
    assert answers[4] == "Spent in 2026: $32.00 + 5,000៛ in 5 expenses."
    assert answers[5].splitlines()[1:] == [  # asked in Khmer
        "• Dara៖ 24.00$ + 5,000៛ (ចំណាយ 3 មុខ)",
        "• Sokha៖ 8.00$ (ចំណាយ 2 មុខ)",
    ]
    assert answers[6] == (
        "Spent in November 2026: $32.00 + 5,000៛ in 5 expenses, $1.78 + 278៛ a day on average over 18 days."
    )
    assert refused.startswith("Only admins can see another member's entries")
    assert khmer.splitlines()[0].startswith("ចំណាយ")
    assert "តាមប្រភេទ" in khmer.splitlines()[0]


async def test_a_member_who_has_not_posted_this_month_is_still_asked_about_by_name(
    telegram, sheets, key, tmp_path, clock
):
    from tests.e2e.test_bot import running

    clock.current = datetime(2026, 10, 20, 3, 0, tzinfo=UTC)
    _, settings = served_month(telegram, sheets, key, tmp_path)
    async with running(settings, clock):
        await said(telegram, DARA, "fuel 20$", "Dara")
        clock.current = datetime(2026, 11, 18, 3, 0, tzinfo=UTC)
        await said(telegram, SOKHA, "taxi 5$", "Sokha")
        answer = await said(telegram, ADMIN, "/ask what did Dara spend last month?")
    assert answer.startswith("Spent by Dara in October 2026: $20.00 in 1 expense:\n• No 1,")


async def test_words_no_expense_says_get_not_sure_in_the_language_asked_never_nothing(
    telegram, sheets, key, tmp_path, clock, november
):
    from tests.e2e.test_bot import running

    _, settings = served_month(telegram, sheets, key, tmp_path)
    async with running(settings, clock):
        await post_month(telegram)
        english = await said(telegram, ADMIN, "/ask how much did we spend on the piano this month?")
        khmer = await said(telegram, ADMIN, "/ask ខែនេះទិញព្យាណូអស់ប៉ុន្មាន")
        nothing = await said(telegram, ADMIN, "/ask how much on ice last week?")
    assert english.startswith("I'm not sure: no expense here says “piano”")
    assert "I understood: spent in November 2026" in english
    assert khmer.startswith("ខ្ញុំមិនច្បាស់ទេ៖ គ្មានចំណាយណានៅទីនេះនិយាយពី “ព្យាណូ”")
    assert nothing == "Spent on “ice” from Mon 9 Nov to Sun 15 Nov: nothing."  # ice is known: a figure


async def test_a_past_month_the_sheet_has_no_worksheet_for_is_said_so_and_never_nothing(
    telegram, sheets, key, tmp_path, clock, november
):
    from tests.e2e.test_bot import running

    _, settings = served_month(telegram, sheets, key, tmp_path)
    async with running(settings, clock):
        await post_month(telegram)
        sheets.add_sheet(SHEET_ID, "October 2026", [["No", "Date", "Item", "Amount (USD)", "Amount (KHR)"]])
        answers = [
            await said(telegram, ADMIN, f"/ask {question}")
            for question in (
                "how much on fuel in September?",
                "ខែកញ្ញា ចាយលើសាំងប៉ុន្មាន",
                "how much on fuel last month?",
            )
        ]
    assert answers[0] == (
        "The sheet has no worksheet in September 2026, so I cannot say what was spent then. "
        "Ask about a month the sheet has, or ask the bookkeeper."
    )
    assert answers[1].startswith("សៀវភៅបញ្ជីមិនមានសន្លឹក ក្នុងខែកញ្ញា")  # asked in Khmer
    assert answers[2] == "Spent on Fuel in October 2026: nothing."  # a worksheet with no fuel in it
