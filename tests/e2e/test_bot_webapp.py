"""End to end: the bot serves its Mini App, and its confirmations and /balance link to it."""

import json
import socket
from urllib.parse import quote

import aiohttp

from infrastructure.webapp.init_data import signed_init_data
from infrastructure.webapp.links import start_param_of
from tests.e2e.test_bot import ADMIN, GROUP, SOKHA, replies_to, running


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_the_bot_serves_the_month_and_links_to_it_from_confirmations_and_balance(
    telegram, settings_for, clock
):
    port = free_port()
    settings = settings_for(
        WEBAPP_URL="https://bot.example.org/month/", WEBAPP_SHORT_NAME="month", WEBAPP_PORT=str(port)
    )
    telegram.admins.add(ADMIN)
    link = f"https://t.me/{telegram.bot_username}/month?startapp={start_param_of(GROUP)}"
    async with running(settings, clock):
        coffee = telegram.user_says(GROUP, SOKHA, "coffee 3$", name="Sokha")
        confirmation = await telegram.wait_for("sendMessage", replies_to(coffee))
        asked = telegram.user_says(GROUP, ADMIN, "/balance")
        balance = await telegram.wait_for("sendMessage", replies_to(asked))
        fields = {
            "auth_date": str(int(clock.now().timestamp())),
            "start_param": start_param_of(GROUP),
            "user": json.dumps({"id": SOKHA, "first_name": "Sokha"}),
        }
        headers = {"Authorization": f"tma {signed_init_data(fields, telegram.token)}"}
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{port}/") as page:
                html = await page.text()
            async with session.get(f"http://127.0.0.1:{port}/api/month", headers=headers) as answer:
                month = await answer.json()
            private = {key: value for key, value in fields.items() if key != "start_param"}
            privately = {"Authorization": f"tma {signed_init_data(private, telegram.token)}"}
            async with session.get(f"http://127.0.0.1:{port}/api/groups", headers=privately) as answer:
                picker = await answer.json()
    buttons = [button for row in confirmation["reply_markup"]["inline_keyboard"] for button in row]
    assert {"text": "📊 This month", "url": link} in buttons
    assert not telegram.refused  # a web_app button would be: groups take only links
    assert balance["reply_markup"]["inline_keyboard"] == [[{"text": "📊 This month", "url": link}]]
    assert '<script src="app.js" defer></script>' in html
    assert [(entry["item"], entry["amount"], entry["mine"]) for entry in month["entries"]] == [
        ("coffee", "3.00", True)
    ]
    # Opened from the private chat's menu button: the groups Sokha was seen in, to pick from.
    assert picker == {"groups": [{"chat": start_param_of(GROUP), "title": "Petty cash"}]}
    assert telegram.menu_button == {
        "type": "web_app",
        "text": "📊 This month",
        "web_app": {"url": "https://bot.example.org/month/"},
    }


async def test_in_a_browser_a_member_sees_the_month_seeded_through_the_sheets_api_and_undoes_in_the_sheet(
    telegram, sheets, key, tmp_path, clock
):
    from playwright.async_api import async_playwright, expect

    from tests.e2e.test_bot_google import SHEET_ID, google_settings
    from tests.integration.webapp.test_page import ARGUMENTS, CHROMIUM, PHONE, screenshot

    port = free_port()
    spreadsheet = sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    settings = google_settings(
        telegram,
        sheets,
        key,
        tmp_path,
        BALANCE_SHEET_ID=SHEET_ID,
        WEBAPP_URL="https://bot.example.org/month/",
        WEBAPP_SHORT_NAME="month",
        WEBAPP_PORT=str(port),
    )
    async with running(settings, clock):
        for user, name, text in ((SOKHA, "Sokha", "taxi 5$"), (ADMIN, "Dara", "ice 5000៛")):
            posted = telegram.user_says(GROUP, user, text, name=name)
            await telegram.wait_for("sendMessage", replies_to(posted), timeout=10)
        spreadsheet.months[0].rows[1][3] = 6.0  # a bookkeeper corrects the taxi in the sheet
        fields = {
            "auth_date": str(int(clock.now().timestamp())),
            "start_param": start_param_of(GROUP),
            "user": json.dumps({"id": SOKHA, "first_name": "Sokha"}),
        }
        init_data = signed_init_data(fields, telegram.token)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, args=ARGUMENTS, headless=True
            )
            page = await browser.new_page(viewport=PHONE)
            await page.route("https://telegram.org/**", lambda route: route.abort())
            await page.goto(f"http://127.0.0.1:{port}/#tgWebAppData={quote(init_data)}")
            await page.wait_for_selector("#rows button.undo")
            await screenshot(page, "mini-app-google-sheet")
            totals = await page.text_content("#totals")
            await page.locator("#rows button.undo").click()
            await expect(page.locator("#rows")).not_to_contain_text("taxi")
            await browser.close()
    assert totals == "Spent: $6.00 + 5,000៛"
    assert spreadsheet.months[0].values()[1][2].startswith("[void]")


async def test_only_who_telegram_says_is_in_the_group_now_opens_its_month(telegram, settings_for, clock):
    port = free_port()
    settings = settings_for(WEBAPP_URL="https://bot.example.org/month/", WEBAPP_PORT=str(port))
    # Every status getChatMember answers: a restricted member may still be in the group, or gone.
    statuses = {
        201: ("creator", True),
        202: ("administrator", True),
        203: ("member", True),
        204: ("restricted", True),
        205: ("restricted", False),
        206: ("left", False),
        207: ("kicked", False),
    }
    for user_id, (status, is_member) in statuses.items():
        telegram.member_is(GROUP, user_id, status, is_member=is_member)
    opened = {}
    async with running(settings, clock):
        coffee = telegram.user_says(GROUP, SOKHA, "coffee 3$", name="Sokha")
        await telegram.wait_for("sendMessage", replies_to(coffee))
        async with aiohttp.ClientSession() as session:
            for user_id in statuses:
                fields = {
                    "auth_date": str(int(clock.now().timestamp())),
                    "start_param": start_param_of(GROUP),
                    "user": json.dumps({"id": user_id, "first_name": f"Member {user_id}"}),
                }
                headers = {"Authorization": f"tma {signed_init_data(fields, telegram.token)}"}
                async with session.get(f"http://127.0.0.1:{port}/api/month", headers=headers) as answer:
                    opened[statuses[user_id]] = answer.status
    assert opened == {
        ("creator", True): 200,
        ("administrator", True): 200,
        ("member", True): 200,
        ("restricted", True): 200,
        ("restricted", False): 403,
        ("left", False): 403,
        ("kicked", False): 403,
    }
