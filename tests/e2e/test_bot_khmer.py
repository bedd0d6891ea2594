"""End to end: a group that chose Khmer hears its replies in Khmer, another stays English, after restarts."""

import re
from datetime import UTC, datetime

from openpyxl import load_workbook

from infrastructure.telegram.app import MONTHLY_ROUNDS
from tests.e2e.test_bot import ADMIN, DARA, GROUP, OTHER_GROUP, SOKHA, replies_to, running, settle

# Latin words a Khmer reply may hold: currency codes; commands and members' names are taken out before
# the check. Not a month's name (a Khmer group reads ខែធ្នូ, not December), nor the sheet's row labels.
ALLOWED_LATIN = {"USD", "KHR"}
MONTH_NAMES = r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"


def latin_words(text, *names):
    """The Latin-script words of a reply that are neither names, commands, nor the sheet's words."""
    for name in names:
        text = text.replace(name, "")
    text = re.sub(r"/[a-z_]+", "", text)  # /undo, /balance: commands are Latin everywhere
    return [word for word in re.findall(r"[A-Za-z]+", text) if word not in ALLOWED_LATIN]


def to_chat(chat_id):
    return lambda params: int(params["chat_id"]) == chat_id


def is_khmer(text, *names):
    return bool(re.search("[\u1780-\u17ff]", text)) and not latin_words(text, *names)


async def test_a_group_that_chose_khmer_hears_the_capture_flow_undo_balance_and_topup_in_khmer(
    telegram, settings_for, clock
):
    telegram.admins.add(ADMIN)
    settings = settings_for(KHR_PER_USD="4000")
    async with running(settings, clock):
        refused = telegram.user_says(GROUP, SOKHA, "/language km")
        assert (await telegram.wait_for("sendMessage", replies_to(refused)))["text"].startswith("Only")
        chosen = telegram.user_says(GROUP, ADMIN, "/language km")
        said = (await telegram.wait_for("sendMessage", replies_to(chosen)))["text"]
        assert said == "ពីពេលនេះ ខ្ញុំនឹងឆ្លើយជាភាសាខ្មែរ។"

        coffee = telegram.user_says(GROUP, SOKHA, "កាហ្វេ 3$", name="Sokha")
        confirmed = await telegram.wait_for("sendMessage", replies_to(coffee))
        assert confirmed["text"].startswith("បានកត់ត្រា៖ 3.00$ – កាហ្វេ។ រក្សាទុកជាលេខ 1 (")
        undo = confirmed["reply_markup"]["inline_keyboard"][0][0]
        assert undo["text"] == "ដកវិញ (លេខ 1)"

        amount_only = telegram.user_says(GROUP, SOKHA, "5$", name="Sokha")
        question = (await telegram.wait_for("sendMessage", replies_to(amount_only)))["text"]
        assert question == "ខ្ញុំឃើញចំនួន 5.00$។ តើចំណាយលើអ្វី?"
        answer = telegram.user_says(GROUP, SOKHA, "តាក់ស៊ី", name="Sokha")
        purpose_saved = await telegram.wait_for("sendMessage", lambda p: "តាក់ស៊ី" in p["text"])

        market = telegram.user_says(GROUP, SOKHA, "ផ្សារ:\n- ត្រី 20000៛\n- ប្រេង 2$", name="Sokha")
        listed = (await telegram.wait_for("sendMessage", replies_to(market)))["text"]
        assert listed.startswith("បានកត់ត្រាចំណាយ 2 មុខ (")
        assert "• 20,000៛ – ត្រី — លេខ 3" in listed

        parking = telegram.user_says(GROUP, SOKHA, "ចំណត 500", name="Sokha")
        guessed = await telegram.wait_for("sendMessage", replies_to(parking))
        assert "(ខ្ញុំស្មានថាជា KHR)" in guessed["text"]
        assert guessed["reply_markup"]["inline_keyboard"][1][0]["text"] == "ប្តូរទៅ USD"

        telegram.tap_undo_under(confirmed, coffee, SOKHA)
        undone = await telegram.wait_for("sendMessage", lambda p: "ដកវិញ៖" in p["text"])

        top_up = telegram.user_says(GROUP, ADMIN, "/topup 100$ ពីការិយាល័យ", name="Admin")
        topped = (await telegram.wait_for("sendMessage", replies_to(top_up)))["text"]
        assert topped.startswith("បានកត់ត្រាលុយដាក់ចូល៖ 100.00$ – ពីការិយាល័យ។")
        unclear_top_up = telegram.user_says(GROUP, ADMIN, "/topup lots", name="Admin")
        top_up_how = (await telegram.wait_for("sendMessage", replies_to(unclear_top_up)))["text"]

        asked = telegram.user_says(GROUP, ADMIN, "/balance")
        balance = (await telegram.wait_for("sendMessage", replies_to(asked)))["text"]
        assert "USD៖ ដើមខែ 0.00$ · ដាក់ចូល 100.00$ · ចំណាយ 7.00$ · នៅសល់ 93.00$" in balance
        assert "ចំណាយ 4 មុខ · លុយដាក់ចូល 1 ដង" in balance

        elsewhere = telegram.user_says(OTHER_GROUP, SOKHA, "coffee 3$", name="Sokha")
        english = (await telegram.wait_for("sendMessage", replies_to(elsewhere)))["text"]
        await settle(telegram)

    assert english.startswith("Logged: 3.00 USD – coffee. Saved as No ")
    for reply in (
        said,
        confirmed["text"],
        undo["text"],
        question,
        purpose_saved["text"],
        listed,
        guessed["text"],
        undone["text"],
        topped,
        top_up_how,
        balance,
    ):
        assert is_khmer(reply, "Sokha", "Admin", "Member" + str(SOKHA)), (reply, latin_words(reply))
    assert answer["message_id"]


async def test_the_groups_language_and_its_khmer_digits_survive_a_restart(telegram, settings_for, clock):
    telegram.admins.add(ADMIN)
    settings = settings_for()
    async with running(settings, clock):
        chosen = telegram.user_says(GROUP, ADMIN, "/language km digits")
        said = (await telegram.wait_for("sendMessage", replies_to(chosen)))["text"]
        await settle(telegram)
    assert said == "ពីពេលនេះ ខ្ញុំនឹងឆ្លើយជាភាសាខ្មែរ និងសរសេរលេខជាលេខខ្មែរ។"
    async with running(settings, clock):
        ice = telegram.user_says(GROUP, SOKHA, "ទឹកកក ៥០០០៛", name="Sokha")
        confirmed = (await telegram.wait_for("sendMessage", replies_to(ice)))["text"]
        back = telegram.user_says(GROUP, ADMIN, "/language en")
        english = (await telegram.wait_for("sendMessage", replies_to(back)))["text"]
        coffee = telegram.user_says(GROUP, SOKHA, "coffee 3$", name="Sokha")
        after = (await telegram.wait_for("sendMessage", replies_to(coffee)))["text"]
        await settle(telegram)
    assert confirmed.startswith("បានកត់ត្រា៖ ៥,០០០៛ – ទឹកកក។ រក្សាទុកជាលេខ ២ (")  # No 1: settle's marker
    assert english == "I will reply in English from now on."
    assert after.startswith("Logged: 3.00 USD – coffee. Saved as No 3 (")


async def test_a_language_the_bot_does_not_speak_is_explained_and_nothing_changes(
    telegram, settings_for, clock
):
    telegram.admins.add(ADMIN)
    async with running(settings_for(), clock):
        asked = telegram.user_says(GROUP, ADMIN, "/language fr")
        said = (await telegram.wait_for("sendMessage", replies_to(asked)))["text"]
        coffee = telegram.user_says(GROUP, SOKHA, "coffee 3$")
        after = (await telegram.wait_for("sendMessage", replies_to(coffee)))["text"]
        await settle(telegram)
    assert said.startswith("Use /language km for Khmer or /language en for English")
    assert after.startswith("Logged: 3.00 USD")


async def test_default_language_khmer_greets_new_groups_in_khmer(telegram, settings_for, clock):
    async with running(settings_for(DEFAULT_LANGUAGE="km"), clock):
        telegram.bot_added(GROUP, SOKHA)
        greeting = (await telegram.wait_for("sendMessage", to_chat(GROUP)))["text"]
        coffee = telegram.user_says(GROUP, SOKHA, "កាហ្វេ 3$")
        confirmed = (await telegram.wait_for("sendMessage", replies_to(coffee)))["text"]
        await settle(telegram)
    assert greeting.startswith("សួស្តី!")
    assert confirmed.startswith("បានកត់ត្រា៖ 3.00$ – កាហ្វេ។")


async def test_a_private_chat_follows_the_members_telegram_app_when_it_is_in_khmer(
    telegram, settings_for, clock
):
    telegram.user_languages[SOKHA] = "km"
    async with running(settings_for(), clock):
        telegram.user_says_privately(SOKHA, "/help")
        in_khmer = (await telegram.wait_for("sendMessage", to_chat(SOKHA)))["text"]
        telegram.user_says_privately(ADMIN, "/help")
        in_english = (await telegram.wait_for("sendMessage", to_chat(ADMIN)))["text"]
        await settle(telegram)
    assert in_khmer.startswith("ខ្ញុំកត់ត្រាលុយចំណាយតូចតាច")
    assert "/language km" in in_khmer
    assert in_english.startswith("I log this group's petty cash")


async def test_the_command_menu_is_set_in_both_languages(telegram, settings_for, clock):
    async with running(settings_for(DEFAULT_LANGUAGE="km"), clock):
        await settle(telegram)
    menus = telegram.commands_by_language
    assert set(menus) == {"", "en", "km"}
    assert [c["command"] for c in menus["km"]] == [c["command"] for c in menus["en"]]
    assert menus[""] == menus["km"]  # DEFAULT_LANGUAGE=km: everyone else gets Khmer too
    for khmer, english in zip(menus["km"], menus["en"], strict=True):
        assert re.search("[\u1780-\u17ff]", khmer["description"])
        assert khmer != english
    assert {"help", "language", "balance"} <= {c["command"] for c in menus["en"]}
    assert not telegram.refused


async def test_a_refused_switch_is_answered_in_khmer_to_the_member_who_tapped(telegram, settings_for, clock):
    telegram.admins.add(ADMIN)
    async with running(settings_for(), clock):
        chosen = telegram.user_says(GROUP, ADMIN, "/language km")
        await telegram.wait_for("sendMessage", replies_to(chosen))
        parking = telegram.user_says(GROUP, SOKHA, "ចំណត 50000", name="Sokha")
        guessed = await telegram.wait_for("sendMessage", replies_to(parking))
        switch = guessed["reply_markup"]["inline_keyboard"][1][0]
        telegram.user_taps({**parking, "message_id": 7001}, switch["callback_data"], SOKHA, name="Sokha")
        answered = await telegram.wait_for("answerCallbackQuery", lambda p: "text" in p)
        await settle(telegram)
    assert answered["text"].startswith("50,000.00$ លើសពី 10,000.00$ ដែលអនុញ្ញាតសម្រាប់ចំណាយមួយ")
    assert answered["show_alert"] is True
    assert not telegram.refused


async def test_a_khmer_groups_monthly_summary_is_captioned_in_khmer(telegram, settings_for, clock):
    telegram.admins.add(ADMIN)
    clock.current = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    async with running(settings_for(), clock) as application:
        chosen = telegram.user_says(GROUP, ADMIN, "/language km")
        await telegram.wait_for("sendMessage", replies_to(chosen))
        coffee = telegram.user_says(GROUP, SOKHA, "កាហ្វេ 3$", name="Sokha")
        await telegram.wait_for("sendMessage", replies_to(coffee))
        rounds = application.bot_data[MONTHLY_ROUNDS]
        await rounds.run_once(application.bot)  # November is open
        clock.current = datetime(2026, 12, 3, 17, 30, tzinfo=UTC)  # 00:30 on 4 December: November closed
        await rounds.run_once(application.bot)
    (posted,) = telegram.calls_to("sendPhoto")
    assert posted["caption"].startswith("ខែវិច្ឆិកា 2026 បានបិទហើយ។\nសមតុល្យខែវិច្ឆិកា 2026 (តាមសន្លឹកបញ្ជីពេលនេះ)")
    assert is_khmer(posted["caption"], "Sokha")


async def said(telegram, chat_id, user, text, **extra):
    message = telegram.user_says(chat_id, user, text, **extra)
    return (await telegram.wait_for("sendMessage", replies_to(message)))["text"]


def sheet_rows(settings):
    """The month's rows of the workbook, by header."""
    book = load_workbook(settings.workbook_path)
    month = book[[title for title in book.sheetnames if title != "Categories"][-1]]
    header = [cell.value for cell in month[1]]
    return [dict(zip(header, row, strict=False)) for row in month.iter_rows(min_row=2, values_only=True)]


async def test_a_khmer_group_reads_the_month_in_khmer_in_its_confirmations_with_khmer_digits_if_chosen(
    telegram, settings_for, clock
):
    telegram.admins.add(ADMIN)
    clock.current = datetime(2026, 12, 10, 3, 0, tzinfo=UTC)
    settings = settings_for()
    async with running(settings, clock):
        await said(telegram, GROUP, ADMIN, "/language km")
        coffee = await said(telegram, GROUP, SOKHA, "កាហ្វេ 3$", name="Sokha")
        market = await said(telegram, GROUP, SOKHA, "ផ្សារ:\n- ត្រី 20000៛\n- ប្រេង 2$", name="Sokha")
        top_up = await said(telegram, GROUP, ADMIN, "/topup 100$ ពីការិយាល័យ", name="Admin")
        await said(telegram, GROUP, ADMIN, "/language km digits")
        ice = await said(telegram, GROUP, SOKHA, "ទឹកកក ៥០០០៛", name="Sokha")
        english = await said(telegram, OTHER_GROUP, SOKHA, "coffee 3$", name="Sokha")
        await settle(telegram)
    assert coffee.startswith("បានកត់ត្រា៖ 3.00$ – កាហ្វេ។ រក្សាទុកជាលេខ 1 (ខែធ្នូ 2026)")
    assert market.startswith("បានកត់ត្រាចំណាយ 2 មុខ (ខែធ្នូ 2026)")
    assert top_up == "បានកត់ត្រាលុយដាក់ចូល៖ 100.00$ – ពីការិយាល័យ។ រក្សាទុកជាលេខ 4 (ខែធ្នូ 2026)។"
    assert ice.startswith("បានកត់ត្រា៖ ៥,០០០៛ – ទឹកកក។ រក្សាទុកជាលេខ ៥ (ខែធ្នូ ២០២៦)")
    assert english.startswith("Logged: 3.00 USD – coffee. Saved as No 6 (December 2026)")  # the tab's title
    for reply in (coffee, market, top_up, ice):
        assert is_khmer(reply, "Sokha"), (reply, latin_words(reply, "Sokha"))
    assert [row["Item"] for row in sheet_rows(settings)][3] == "លុយដាក់ចូល: ពីការិយាល័យ"


async def test_members_rows_are_labelled_in_the_groups_language_and_read_back_whichever_wrote_them(
    telegram, settings_for, clock
):
    telegram.admins.add(ADMIN)
    settings = settings_for()
    async with running(settings, clock):
        await said(telegram, GROUP, SOKHA, "កាហ្វេ 2$", name="Sokha")
        before = await said(telegram, GROUP, ADMIN, "/advance Sokha 20$ market")  # English, as before
        await said(telegram, GROUP, ADMIN, "/language km")
        advanced = await said(telegram, GROUP, ADMIN, "/advance Sokha 30$ ផ្សារ")
        returned = await said(telegram, GROUP, SOKHA, "ប្រគល់លុយវិញ 10$", name="Sokha")
        await said(telegram, GROUP, DARA, "តាក់ស៊ី 5$", name="Dara")
        reimbursed = await said(telegram, GROUP, ADMIN, "/reimburse Dara 5$")
        in_khmer = await said(telegram, GROUP, SOKHA, "/mybalance", name="Sokha")
        await said(telegram, GROUP, ADMIN, "/language en")
        in_english = await said(telegram, GROUP, SOKHA, "/mybalance", name="Sokha")
        await settle(telegram)
    assert before.startswith("Advance recorded: 20.00 USD to Sokha – market. Saved as No 2 (")
    assert advanced.startswith("បានកត់ត្រាលុយបុរេប្រទាន៖ 30.00$ ឱ្យ Sokha – ផ្សារ។ រក្សាទុកជាលេខ 3 (ខែ")
    assert returned.startswith("បានប្រគល់ចូលប្រអប់វិញ៖ 10.00$ ពី Sokha។ រក្សាទុកជាលេខ 4 (ខែ")
    assert reimbursed.startswith("បានសងវិញ៖ 5.00$ ឱ្យ Dara។ រក្សាទុកជាលេខ 6 (ខែ")
    rows = sheet_rows(settings)
    assert [(row["Item"], row["Movement"], row["Member"]) for row in rows[1:4]] + [
        (rows[5]["Item"], rows[5]["Movement"], rows[5]["Member"])
    ] == [
        ("Advance to Sokha: market", "Advance", "Sokha"),
        ("លុយបុរេប្រទានឱ្យ Sokha: ផ្សារ", "Advance", "Sokha"),
        ("ប្រគល់លុយវិញពី Sokha", "Returned", "Sokha"),
        ("សងវិញឱ្យ Dara", "Reimbursed", "Dara"),
    ]
    # Both advances count, whichever language labelled them; each is shown in the chat's words.
    assert "បុរេប្រទាន 50.00$ · ចំណាយ 2.00$ · ប្រគល់វិញ 10.00$" in in_khmer
    assert "លុយបុរេប្រទានឱ្យ Sokha: market" in in_khmer
    assert "លុយបុរេប្រទានឱ្យ Sokha: ផ្សារ" in in_khmer
    assert "ប្រគល់លុយវិញពី Sokha" in in_khmer
    assert is_khmer(in_khmer.replace("market", ""), "Sokha"), latin_words(in_khmer, "Sokha")
    assert "advanced $50.00 · spent $2.00 · returned $10.00" in in_english
    assert "Advance to Sokha: market" in in_english
    assert "Advance to Sokha: ផ្សារ" in in_english
    assert "Returned by Sokha" in in_english
    for reply in (advanced, returned, reimbursed):
        assert is_khmer(reply, "Sokha", "Dara"), (reply, latin_words(reply, "Sokha", "Dara"))


async def test_the_khmer_helps_export_example_is_a_command_that_exports_that_month(
    telegram, settings_for, clock
):
    telegram.admins.add(ADMIN)
    clock.current = datetime(2026, 12, 10, 3, 0, tzinfo=UTC)
    async with running(settings_for(), clock):
        await said(telegram, GROUP, ADMIN, "/language km")
        help_text = await said(telegram, GROUP, SOKHA, "/help", name="Sokha")
        examples = set(re.findall(r"/export [^\s,។]+", help_text))
        for example in sorted(examples):
            telegram.user_says(GROUP, ADMIN, example)
        await telegram.wait_for_count("sendDocument", 2 * len(examples))
    assert examples == {"/export តុលា"}
    assert not re.search(MONTH_NAMES, help_text), help_text
    xlsx, _ = telegram.calls_to("sendDocument")
    assert xlsx["document_filename"] == "2026-10-petty-cash.xlsx"
    assert xlsx["caption"].startswith("ខែតុលា 2026")
