"""The Mini App's page in a real headless Chromium (Debian's, driven by Playwright): the month's rows
and totals, filters, a member's Undo voiding the row, and the error page for forged launch data.
Telegram's script is not reachable, as on a closed network: the page reads the URL. Screenshots at
phone size are kept in test-artefacts/."""

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import pytest
from aiohttp.test_utils import TestServer
from playwright.async_api import async_playwright, expect

from balance_bot.domain.day_rates import NBC, RateOfDay
from balance_bot.questions.ask import MembersMay
from balance_bot.rates.rates_of_days import RatesOfTheDay
from tests.fakes.clock import FakeClock
from tests.fakes.daily_rates import FakeRateSource, FakeRateStore
from tests.integration.webapp.test_api import ADMIN, DARA, GROUP, PHNOM_PENH, SOKHA, MiniApp, launch

CHROMIUM = "/usr/bin/chromium"
# As Chromium runs on a closed network, as root: no sandbox, nothing fetched in the background.
ARGUMENTS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
ARTEFACTS = Path(__file__).resolve().parents[3] / "test-artefacts"


@pytest.fixture
async def served(database):
    app = MiniApp(database, MembersMay.ALL)  # every member's rows, so the filters have some to narrow
    await app.post(SOKHA, "Sokha", "taxi 5$")
    await app.post(12, "Dara", "ទឹកកក ៥០០០៛")
    await app.post(SOKHA, "Sokha", "coffee 3$")
    server = TestServer(app.app, host="127.0.0.1")
    await server.start_server()
    yield app, f"http://127.0.0.1:{server.port}"
    await server.close()
    await app.delivery.stop()


@pytest.fixture
async def browser():
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTS, headless=True)
        yield chromium
        await chromium.close()


async def open_page(browser, url, init_data):
    page = await browser.new_page(viewport=PHONE)
    await page.route("https://telegram.org/**", lambda route: route.abort())  # no Telegram CDN here
    await page.goto(
        f"{url}/#tgWebAppData={quote(init_data)}&tgWebAppVersion=8.0", wait_until="domcontentloaded"
    )
    return page


async def screenshot(page, name):
    ARTEFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


async def test_a_member_sees_the_months_rows_and_totals_and_the_filters_narrow_them(served, browser):
    _, url = served
    page = await open_page(browser, url, launch(SOKHA, "Sokha"))
    await page.wait_for_selector("#rows tr td")
    await screenshot(page, "mini-app-member")
    assert await page.text_content("#title") == "November 2026"
    assert await page.text_content("#totals") == "Spent: $8.00 + 5,000៛"
    items = await page.locator("#rows tr td:nth-child(3)").all_text_contents()
    assert [item.split("Transport")[0].split("Food")[0] for item in items] == ["taxi", "ទឹកកក", "coffee"]
    assert await page.locator("#rows tr.mine").count() == 2
    assert await page.locator("#admin").is_hidden()
    await page.fill("#search", "cof")
    assert await page.locator("#rows tr").count() == 1
    await page.fill("#search", "")
    await page.select_option("#member", "Dara")
    assert await page.locator("#rows tr").count() == 1
    await page.select_option("#currency", "USD")
    assert await page.text_content("#rows") == "No entries."


async def test_a_search_finds_whole_words_in_either_language_never_a_word_inside_another(served, browser):
    app, url = served
    await app.post(SOKHA, "Sokha", "rice 25kg 22$")
    page = await open_page(browser, url, launch(SOKHA, "Sokha"))
    await page.wait_for_selector("#rows tr td")
    await page.fill("#search", "ice")  # the ice is ទឹកកក; the rice is no ice
    items = await page.locator("#rows tr td:nth-child(3)").all_text_contents()
    assert [item.split("Food")[0] for item in items] == ["ទឹកកក"]
    await page.fill("#search", "ric")
    assert await page.locator("#rows tr").count() == 1


async def test_a_members_undo_voids_their_row_in_the_sheet(served, browser):
    app, url = served
    page = await open_page(browser, url, launch(SOKHA, "Sokha"))
    await page.wait_for_selector("#rows button.undo")
    await page.locator("#rows tr", has_text="taxi").locator("button.undo").click()
    # The page's policy allows no evaluated script, Playwright's wait_for_function included.
    await expect(page.locator("#rows")).not_to_contain_text("taxi")
    assert app.ledger.items("November 2026")[0][1] == "[void]"
    assert await page.locator("#rows tr").count() == 2


async def test_an_admin_sees_the_cash_and_forged_launch_data_shows_the_error_page(served, browser):
    _, url = served
    admin = await open_page(browser, url, launch(ADMIN, "Admin"))
    await admin.wait_for_selector("#admin table")
    await screenshot(admin, "mini-app-admin")
    assert "left $-8.00" in (await admin.text_content("#admin")).replace("-$", "$-")
    forged = await open_page(browser, url, launch(SOKHA, "Sokha", token="999:forged"))
    await forged.wait_for_selector("#error:not([hidden])")
    await screenshot(forged, "mini-app-forged")
    assert await forged.text_content("#error") == "the launch data's signature does not match"
    assert await forged.locator("#list").is_hidden()


async def test_opened_from_the_menu_button_the_page_picks_the_viewers_group(served, browser):
    _, url = served
    page = await open_page(browser, url, launch(SOKHA, "Sokha", chat=None))
    await page.wait_for_selector("#rows tr td")
    assert await page.text_content("#totals") == "Spent: $8.00 + 5,000៛"


async def test_under_the_chart_the_page_names_the_rate_riel_were_added_at_with_its_day_in_the_groups_words(
    database, browser
):
    store = FakeRateStore()
    await store.keep(RateOfDay(Decimal(4012), NBC, date(2026, 11, 13)))  # a Friday, the last published
    clock = FakeClock(datetime(2026, 11, 18, 3, tzinfo=UTC))  # the Mini App's
    fixed = RatesOfTheDay(FakeRateStore(), None, Decimal(4100), clock, PHNOM_PENH)  # RATE_SOURCE=fixed
    assert await rate_line(browser, MiniApp(database, rates=fixed.of_month)) == "at 4,100៛ a dollar (fixed)"
    of_the_banks = RatesOfTheDay(store, FakeRateSource(), Decimal(4100), clock, PHNOM_PENH)
    of_the_bank = MiniApp(database, rates=of_the_banks.of_month)
    assert await rate_line(browser, of_the_bank) == "at 4,012៛ a dollar (NBC, Fri 13 Nov)"
    await of_the_bank.languages.choose(GROUP, "km")  # /language km: the page's words, the rate's too
    assert await rate_line(browser, of_the_bank) == (
        "តាមអត្រា 4,012៛ ក្នុងមួយដុល្លារ (អត្រាផ្លូវការរបស់ធនាគារជាតិ ថ្ងៃសុក្រ 13 វិច្ឆិកា)"  # as /balance says it
    )


async def rate_line(browser, app):
    """The small line under the chart, of a month with riel in it."""
    await app.post(DARA, "Dara", "ទឹកកក ៥០០០៛")
    server = TestServer(app.app, host="127.0.0.1")
    await server.start_server()
    try:
        page = await open_page(browser, f"http://127.0.0.1:{server.port}", launch(SOKHA, "Sokha"))
        await page.wait_for_selector("#rate:not([hidden])")
        await screenshot(page, "mini-app-rate")
        return await page.text_content("#rate")
    finally:
        await server.close()
        await app.delivery.stop()
