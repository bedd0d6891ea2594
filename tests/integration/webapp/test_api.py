"""The Mini App's API: initData signed, forged, expired; another group's id; a member's answer and an
admin's; Undo of one's own entry; the rate limit; the security headers."""

import json
from datetime import UTC, datetime, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from aiohttp.test_utils import TestClient, TestServer

from balance_bot.balances.month_view import MonthView
from balance_bot.balances.service import BalanceService
from balance_bot.capture.interpret import MessageInterpreter
from balance_bot.capture.outcomes import Accepted
from balance_bot.capture.service import CapturePolicy, CaptureService, IncomingMessage
from balance_bot.domain.language import Language
from balance_bot.domain.parser import HeuristicParser
from balance_bot.groups.languages import ChatLanguages
from balance_bot.questions.ask import MembersMay
from infrastructure.sqlite.chat_preferences import SqliteChatPreferences
from infrastructure.sqlite.mirror import SqliteMirror
from infrastructure.webapp.init_data import signed_init_data
from infrastructure.webapp.links import start_param_of
from infrastructure.webapp.server import Memberships, RateLimit, WebAppConfig, build_webapp
from tests.fakes.capture_state import InMemoryCaptureState
from tests.fakes.clock import FakeClock
from tests.fakes.ledger import InMemoryLedger
from tests.fakes.outbox import in_memory_delivery

TOKEN = "123456:AAE-test-token"
GROUP, OTHER_GROUP = -1001234, -1005678
STRANGERS_GROUP = -1009999  # a group of a stranger's that added the bot: not one the bot serves
SOKHA, DARA, ADMIN, STRANGER = 11, 12, 99, 77
PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")
STATUSES = {
    (GROUP, SOKHA): "member",
    (GROUP, DARA): "member",
    (GROUP, ADMIN): "administrator",
    (STRANGERS_GROUP, STRANGER): "creator",
}
SERVED = {GROUP, OTHER_GROUP}


def launch(user_id, name, chat=GROUP, at=None, token=TOKEN):
    """initData as Telegram signs it for a direct link with the group in its start parameter (none
    for the menu button of a private chat: chat=None)."""
    at = at or datetime(2026, 11, 18, 3, 0, tzinfo=UTC)
    fields = {
        "auth_date": str(int(at.timestamp())),
        "query_id": "AAHdF6IQAAAAAN0XohDhrOrc",
        "user": json.dumps({"id": user_id, "first_name": name, "language_code": "en"}),
    }
    if chat is not None:
        fields["start_param"] = start_param_of(chat)
    return signed_init_data(fields, token)


class MiniApp:
    """The API over the real capture, on an in-memory ledger; members post through the capture."""

    def __init__(self, database, members_may=MembersMay.OWN, rates=None):
        self.clock = FakeClock(datetime(2026, 11, 18, 3, 0, tzinfo=UTC))
        self.ledger = InMemoryLedger()
        self.state = InMemoryCaptureState()
        self.delivery, _ = in_memory_delivery(self.ledger, self.state, self.clock)
        policy = CapturePolicy(timezone=PHNOM_PENH, pending_ttl=timedelta(minutes=5))
        self.capture = CaptureService(
            MessageInterpreter(HeuristicParser()), self.ledger, self.delivery, self.state, self.clock, policy
        )
        balances = BalanceService(self.ledger, SqliteMirror(database), self.clock, PHNOM_PENH, "[void] ")
        self.view = view = MonthView(
            balances, self.state, self.clock, policy.undo_window, "[void] ", members_may=members_may
        )
        self.asked = []

        async def status(chat_id, user_id):
            self.asked.append((chat_id, user_id))
            return STATUSES.get((chat_id, user_id))

        self.now = [0.0]
        config = WebAppConfig(TOKEN, timedelta(days=1), PHNOM_PENH, rates=rates)
        languages = ChatLanguages(SqliteChatPreferences(database), Language.ENGLISH)
        self.languages = languages
        self.app = build_webapp(
            config,
            view,
            self.capture,
            Memberships(status, lambda: self.now[0]),
            self.clock,
            languages,
            self.serves,
            RateLimit(30, lambda: self.now[0]),
            groups_of=self.groups_of,
            title_of=self.title_of,
        )
        self.next_id = 100

    async def serves(self, chat_id):
        return chat_id in SERVED

    async def groups_of(self, user_id):
        return [GROUP, OTHER_GROUP, STRANGERS_GROUP]  # seen in all; a member of the first only

    async def title_of(self, chat_id):
        return {GROUP: "Music school"}.get(chat_id)

    async def post(self, user_id, name, text):
        self.next_id += 1
        message = IncomingMessage(GROUP, self.next_id, user_id, name, text, self.clock.now())
        outcome = await self.capture.on_message(message)
        return await self.capture.confirm(outcome) if isinstance(outcome, Accepted) else outcome


@pytest.fixture
def members_may():
    """ASK_FOR_MEMBERS, the product's default unless a test says otherwise."""
    return MembersMay.OWN


@pytest.fixture
async def mini_app(database, members_may):
    app = MiniApp(database, members_may)
    await app.post(SOKHA, "Sokha", "taxi 5$")
    await app.post(DARA, "Dara", "ទឹកកក ៥០០០៛")
    await app.post(SOKHA, "Sokha", "coffee 3$")
    client = TestClient(TestServer(app.app))
    await client.start_server()
    yield app, client
    await client.close()
    await app.delivery.stop()


async def month(client, init_data, query=""):
    response = await client.get(f"/api/month{query}", headers={"Authorization": f"tma {init_data}"})
    return response.status, await response.json()


@pytest.mark.parametrize("members_may", [MembersMay.ALL])
async def test_under_all_a_member_sees_every_entry_and_the_totals_their_own_marked_and_no_cash(mini_app):
    _, client = mini_app
    status, page = await month(client, launch(SOKHA, "Sokha"))
    assert status == 200
    assert (page["month"], page["month_name"]) == ("2026-11", "November 2026")
    assert [(entry["item"], entry["mine"]) for entry in page["entries"]] == [
        ("taxi", True),
        ("ទឹកកក", False),
        ("coffee", True),
    ]
    assert page["totals"] == {"USD": "8.00", "KHR": "5000"}
    assert page["entries"][0]["undo"] == 101  # still within the undo window
    assert page["entries"][1]["undo"] is None
    assert page["admin"] is False
    assert not {"balance", "members", "usage"} & set(page)


async def test_under_own_a_member_sees_their_own_entries_and_the_groups_totals_but_no_ones_name(mini_app):
    _, client = mini_app
    status, page = await month(client, launch(SOKHA, "Sokha"))
    assert status == 200
    assert [(entry["item"], entry["member"]) for entry in page["entries"]] == [
        ("taxi", "Sokha"),
        ("coffee", "Sokha"),
    ]
    assert page["totals"] == {"USD": "8.00", "KHR": "5000"}  # the group's totals are for everyone
    assert page["by_member"] == {}  # each member's totals are for admins
    assert not {"balance", "members", "usage"} & set(page)


@pytest.mark.parametrize("members_may", [MembersMay.NONE])
async def test_under_none_a_member_sees_only_their_own_entries_and_what_they_add_up_to(mini_app):
    _, client = mini_app
    _, page = await month(client, launch(DARA, "Dara"))
    assert [entry["item"] for entry in page["entries"]] == ["ទឹកកក"]
    assert (page["totals"], page["by_member"]) == ({"USD": "0.00", "KHR": "5000"}, {})
    _, admins = await month(client, launch(ADMIN, "Admin"))
    assert len(admins["entries"]) == 3
    assert set(admins["by_member"]) == {"Sokha", "Dara"}


async def test_a_group_the_bot_does_not_serve_has_no_month_even_for_its_creator(mini_app):
    app, client = mini_app
    status, body = await month(client, launch(STRANGER, "Stranger", chat=STRANGERS_GROUP))
    assert (status, body) == (403, {"error": "this bot does not keep this group's money"})
    headers = {"Authorization": f"tma {launch(STRANGER, 'Stranger', chat=STRANGERS_GROUP)}"}
    undo = await client.post("/api/undo", json={"message_id": 101}, headers=headers)
    assert undo.status == 403
    picked = await (await client.get("/api/groups", headers=headers)).json()
    assert picked == {"groups": []}
    assert (STRANGERS_GROUP, STRANGER) not in app.asked  # refused before Telegram is asked


async def test_an_admin_sees_the_cash_too(mini_app):
    _, client = mini_app
    status, page = await month(client, launch(ADMIN, "Admin"))
    assert status == 200
    assert page["admin"] is True
    assert page["balance"]["USD"]["spent"] == "8.00"
    assert all(not entry["mine"] for entry in page["entries"])


@pytest.mark.parametrize(
    ("init_data", "expected"),
    [
        (launch(SOKHA, "Sokha", token="999:forged"), "signature"),
        (launch(SOKHA, "Sokha").replace("Sokha", "Dara"), "signature"),  # a field changed after signing
        (launch(SOKHA, "Sokha", at=datetime(2026, 11, 16, 3, 0, tzinfo=UTC)), "too old"),
        ("", "no signed launch data"),
    ],
    ids=["another bot's token", "tampered", "two days old", "none"],
)
async def test_forged_tampered_expired_or_missing_launch_data_gets_nothing(mini_app, init_data, expected):
    _, client = mini_app
    status, body = await month(client, init_data)
    assert status == 401
    assert expected in body["error"]
    assert "entries" not in body


async def test_a_link_with_another_groups_id_or_a_stranger_gets_nothing(mini_app):
    app, client = mini_app
    status, body = await month(client, launch(SOKHA, "Sokha", chat=OTHER_GROUP))
    assert (status, body) == (403, {"error": "you are not a member of this group"})
    status, _ = await month(client, launch(STRANGER, "Stranger"))
    assert status == 403
    await month(client, launch(SOKHA, "Sokha"))
    await month(client, launch(SOKHA, "Sokha"))
    assert app.asked.count((GROUP, SOKHA)) == 1  # Telegram is asked once, then the answer is kept


async def test_a_member_undoes_their_own_entry_and_not_anothers(mini_app):
    _, client = mini_app
    headers = {"Authorization": f"tma {launch(DARA, 'Dara')}"}
    refused = await client.post("/api/undo", json={"message_id": 101}, headers=headers)
    assert refused.status == 409
    headers = {"Authorization": f"tma {launch(SOKHA, 'Sokha')}"}
    done = await client.post("/api/undo", json={"message_id": 101}, headers=headers)
    assert done.status == 200
    _, page = await month(client, launch(ADMIN, "Admin"))
    assert [entry["item"] for entry in page["entries"]] == ["ទឹកកក", "coffee"]


async def test_calls_beyond_the_rate_limit_wait_a_minute(mini_app):
    app, client = mini_app
    init_data = launch(SOKHA, "Sokha")
    statuses = [(await month(client, init_data))[0] for _ in range(31)]
    assert statuses[:30] == [200] * 30
    assert statuses[30] == 429
    app.now[0] += 61
    assert (await month(client, init_data))[0] == 200


async def test_old_months_are_paged_within_a_viewers_and_the_groups_share_of_the_sheets_reads(mini_app):
    app, client = mini_app
    months = [f"?month={year}-{month:02d}" for year in (2024, 2025) for month in range(1, 13)]
    sokha, dara = launch(SOKHA, "Sokha"), launch(DARA, "Dara")
    sokhas = [(await month(client, sokha, query))[0] for query in months[:13]]
    daras = [(await month(client, dara, query))[0] for query in months[13:22]]
    this_month = (await month(client, dara))[0]
    app.now[0] += 61
    later = (await month(client, dara, months[0]))[0]
    assert sokhas == [200] * 12 + [429]  # one viewer: twelve old months a minute
    assert daras == [200] * 8 + [429]  # the whole group: twenty, the rest of Google's reads kept for the bot
    assert (this_month, later) == (200, 200)


async def test_the_page_is_served_with_a_policy_that_allows_no_inline_script_and_no_stranger_frame(mini_app):
    _, client = mini_app
    response = await client.get("/")
    assert response.status == 200
    page = await response.text()
    assert '<script src="app.js"' in page
    assert "<script>" not in page  # no inline script: the policy allows none
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self' https://telegram.org" in policy
    assert "frame-ancestors https://web.telegram.org" in policy
    assert (await client.get("/../server.py")).status == 404
    assert (
        (await client.get("/app.js"))
        .headers["Content-Type"]
        .startswith(("application/javascript", "text/javascript"))
    )


async def test_opened_privately_the_groups_to_pick_are_those_the_viewer_still_belongs_to(mini_app):
    _, client = mini_app
    headers = {"Authorization": f"tma {launch(SOKHA, 'Sokha', chat=None)}"}
    picked = await (await client.get("/api/groups", headers=headers)).json()
    assert picked == {"groups": [{"chat": start_param_of(GROUP), "title": "Music school"}]}
    status, page = await month(client, launch(SOKHA, "Sokha", chat=None), f"?chat={start_param_of(GROUP)}")
    assert status == 200
    assert len(page["entries"]) == 2  # Sokha's own


async def test_the_pages_words_come_from_the_catalogs_in_the_groups_language(mini_app):
    app, client = mini_app
    _, english = await month(client, launch(SOKHA, "Sokha"))
    assert (english["words"]["search"], english["words"]["noCategory"]) == ("Search", "(no category)")
    await app.languages.choose(GROUP, "km")  # /language km
    _, khmer = await month(client, launch(SOKHA, "Sokha"))
    assert khmer["language"] == "km"
    assert (khmer["words"]["search"], khmer["words"]["noCategory"]) == ("ស្វែងរក", "(គ្មានប្រភេទ)")
    assert set(khmer["words"]) == set(english["words"])


NASTY = [
    "²²²²-01",
    "0000-01",
    "9999-99",
    "2026-1",
    "٢٠٢٦-١٠",
    "Infinity",
    "NaN",
    "-1",
    "1e40",
    "",
    "2026-10\x00",
]


@pytest.mark.parametrize("month_asked", NASTY)
async def test_a_month_asked_in_unicode_digits_or_out_of_range_is_this_month_never_an_error(
    mini_app, month_asked
):
    _, client = mini_app
    status, page = await month(client, launch(SOKHA, "Sokha"), f"?month={quote(month_asked)}")
    assert (status, page["month"]) == (200, "2026-11")


@pytest.mark.parametrize(
    "message_id",
    [10**40, "Infinity", "NaN", 1e40, True, None, "²", "١٠١", -101, 0, [101], {"id": 101}, "101 "],
)
async def test_an_undo_of_no_message_id_is_a_bad_request(mini_app, message_id):
    _, client = mini_app
    headers = {"Authorization": f"tma {launch(SOKHA, 'Sokha')}", "Content-Type": "application/json"}
    body = json.dumps({"message_id": message_id}) if message_id != "Infinity" else '{"message_id": Infinity}'
    response = await client.post("/api/undo", data=body, headers=headers)
    assert response.status == 400
    assert (await response.json()) == {"error": "which entry?"}


async def test_a_start_parameter_in_unicode_digits_or_too_long_names_no_group(mini_app):
    _, client = mini_app
    for chat in ("g²²²", "g" + "9" * 40, "g-1001234", "g٣٤"):
        headers = {"Authorization": f"tma {launch(SOKHA, 'Sokha', chat=None)}"}
        response = await client.get(f"/api/month?chat={quote(chat)}", headers=headers)
        assert response.status == 400, chat


async def test_the_month_carries_the_rate_it_is_told_at_with_its_day_and_each_days_rate(database):
    from decimal import Decimal

    from balance_bot.domain.day_rates import NBC, RateOfDay
    from balance_bot.rates.rates_of_days import RatesOfTheDay
    from tests.fakes.daily_rates import FakeRateSource, FakeRateStore

    store = FakeRateStore()
    for day, rate in ((13, 4050), (17, 4060)):
        await store.keep(RateOfDay(Decimal(rate), NBC, datetime(2026, 11, day).date()))
    same_time = FakeClock(datetime(2026, 11, 18, 3, 0, tzinfo=UTC))  # the Mini App's
    rates = RatesOfTheDay(store, FakeRateSource(), Decimal(4000), same_time, PHNOM_PENH)
    app = MiniApp(database, rates=rates.of_month)
    await app.post(SOKHA, "Sokha", "taxi 5$")
    client = TestClient(TestServer(app.app))
    await client.start_server()
    try:
        _, page = await month(client, launch(SOKHA, "Sokha"))
    finally:
        await client.close()
        await app.delivery.stop()
    assert (page["khr_per_usd"], page["rate_day"], page["rate_source"]) == ("4060", "2026-11-17", "NBC")
    assert page["khr_per_usd_by_day"] == {"2026-11-18": "4060"}
