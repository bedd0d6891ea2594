"""A pool of service accounts against the fake Sheets API with several accounts and Google's quotas:
each spreadsheet on its account, a sheet found on whichever account it is shared with, the project's
quota shared, Google's 429s waited out, and the account of each sheet kept across a restart."""

import json
import threading

import pytest

from balance_bot.groups.connect import Connected, ConnectSheet
from infrastructure.settings import Settings
from infrastructure.sheets.google_directory import GoogleSheets
from infrastructure.sheets.template import load_template
from infrastructure.sqlite.chat_sheets import SqliteChatSheets
from infrastructure.sqlite.database import Database
from infrastructure.sqlite.sheet_accounts import SqliteSheetAccounts
from infrastructure.wiring.ledgers import build_pool
from tests.integration.sheets.test_google import DECEMBER, line

CLINIC, SCHOOL = "1ClinicSheetAbCdEfGhIjKlMn", "1SchoolSheetAbCdEfGhIjKlMn"
CLINIC_CHAT, SCHOOL_CHAT = -1001, -1002


class Clock:
    """The one time of the fake Sheets API, the bot's buckets and its retries: a sleep moves it on."""

    def __init__(self):
        self.at = 6000.0
        self._lock = threading.Lock()

    def __call__(self):
        return self.at

    def sleep(self, seconds):
        with self._lock:
            self.at += seconds


@pytest.fixture
def clock(sheets):
    clock = Clock()
    sheets.clock = clock
    return clock


def keys(sheets, folder, *names, project="petty-cash"):
    """Key files of service accounts of one project in `folder`; their e-mails."""
    folder.mkdir(exist_ok=True)
    emails = []
    for name in names:
        key = sheets.service_account_key(f"{name}@{project}.iam.gserviceaccount.com", project)
        (folder / f"{name}.json").write_text(json.dumps(key))
        emails.append(key["client_email"])
    return emails


def settings(sheets, tmp_path, **extra):
    return Settings.from_environment(
        {
            "GOOGLE_SERVICE_ACCOUNT_FILES": str(tmp_path / "keys"),
            "SHEETS_API_URL": sheets.url,
            "DATABASE_PATH": str(tmp_path / "bot.sqlite3"),
            **extra,
        }
    )


class Bot:
    """The Google store and /connect of one run of the bot, on its SQLite file."""

    def __init__(self, settings, clock, default=None):
        self.database = Database(settings.database_path)
        self.connections = SqliteChatSheets(self.database)
        pool = build_pool(
            settings,
            SqliteSheetAccounts(self.database),
            sleep=clock.sleep,
            monotonic=clock,
            quota_sleep=clock.sleep,
        )
        self.sheets = GoogleSheets(
            None, load_template(), "%B %Y", "", {}, default, self.connections, pool=pool
        )
        self.connect = ConnectSheet(self.sheets, self.connections, accounts=self.sheets.choice)
        self.closed = False

    async def close(self):
        if not self.closed:
            self.closed = True
            await self.sheets.close()
            await self.database.close()


@pytest.fixture
async def bots():
    started = []

    def start(settings, clock, default=None):
        started.append(Bot(settings, clock, default))
        return started[-1]

    yield start
    for bot in started:
        await bot.close()


def rows(sheets, spreadsheet_id):
    return [row[2] for row in sheets.spreadsheets[spreadsheet_id].sheet("December 2026").values()[1:]]


async def test_two_groups_are_told_two_accounts_and_each_sheet_is_written_by_its_own(
    sheets, tmp_path, clock, bots
):
    one, two = keys(sheets, tmp_path / "keys", "pool-1", "pool-2")
    bot = bots(settings(sheets, tmp_path), clock)
    assert await bot.connect.share_with() == one
    sheets.add_spreadsheet(CLINIC, "Clinic", {one})
    assert await bot.connect.connect(CLINIC_CHAT, CLINIC) == Connected(CLINIC, "Clinic")
    assert await bot.connect.share_with() == two  # the first now serves a spreadsheet
    sheets.add_spreadsheet(SCHOOL, "School", {two})
    assert await bot.connect.connect(SCHOOL_CHAT, SCHOOL) == Connected(SCHOOL, "School")

    await bot.sheets.for_chat(CLINIC_CHAT).append(DECEMBER, [line("gauze")])
    await bot.sheets.for_chat(SCHOOL_CHAT).append(DECEMBER, [line("chalk")])
    assert (rows(sheets, CLINIC), rows(sheets, SCHOOL)) == (["gauze"], ["chalk"])
    assert [load.spreadsheets for load in await bot.sheets.pool.loads()] == [1, 1]
    # /connect's check (a read and a write) and the append, each on the sheet's own account
    assert sheets.calls_by == {one: 3, two: 3}


async def test_a_sheet_shared_with_the_second_account_is_found_and_its_account_kept_across_a_restart(
    sheets, tmp_path, clock, bots
):
    one, two = keys(sheets, tmp_path / "keys", "pool-1", "pool-2")
    sheets.add_spreadsheet(CLINIC, "Clinic", {two})
    bot = bots(settings(sheets, tmp_path), clock)
    assert await bot.connect.connect(CLINIC_CHAT, CLINIC) == Connected(CLINIC, "Clinic")
    await bot.close()

    again = bots(settings(sheets, tmp_path), clock)
    before = dict(sheets.calls_by)
    await again.sheets.for_chat(CLINIC_CHAT).append(DECEMBER, [line("gauze")])
    assert rows(sheets, CLINIC) == ["gauze"]
    assert sheets.calls_by[one] == before[one]  # no try on the first account: the second was kept
    assert sheets.calls_by[two] == before[two] + 1


async def test_a_sheet_of_the_settings_shared_with_another_account_is_written_once_found(
    sheets, tmp_path, clock, bots
):
    one, two = keys(sheets, tmp_path / "keys", "pool-1", "pool-2")
    sheets.add_spreadsheet(CLINIC, "Clinic", {two})
    bot = bots(settings(sheets, tmp_path), clock, default=CLINIC)
    for number, purpose in enumerate(["gauze", "soap"]):
        await bot.sheets.for_chat(CLINIC_CHAT).append(DECEMBER, [line(purpose, message_id=number)])
    assert rows(sheets, CLINIC) == ["gauze", "soap"]
    assert await bot.sheets.pool.serving(CLINIC) == two
    # the first append, refused (it wrote nothing), and the read that tells no share from a Viewer's
    assert sheets.calls_by[one] == 2


async def test_the_accounts_of_one_project_keep_together_under_the_project_s_quota(
    sheets, tmp_path, clock, bots
):
    one, two = keys(sheets, tmp_path / "keys", "pool-1", "pool-2")
    sheets.google_quotas(per_account=60, per_project=4)
    sheets.add_spreadsheet(CLINIC, "Clinic", {one})
    sheets.add_spreadsheet(SCHOOL, "School", {two})
    bot = bots(settings(sheets, tmp_path, SHEETS_PROJECT_WRITES_PER_MINUTE="4"), clock)
    await bot.sheets.pool.serve(CLINIC, one)
    await bot.sheets.pool.serve(SCHOOL, two)
    await bot.connections.connect(CLINIC_CHAT, CLINIC)
    await bot.connections.connect(SCHOOL_CHAT, SCHOOL)

    for number in range(6):
        await bot.sheets.for_chat(CLINIC_CHAT).append(DECEMBER, [line(f"gauze {number}", message_id=number)])
        await bot.sheets.for_chat(SCHOOL_CHAT).append(DECEMBER, [line(f"chalk {number}", message_id=number)])

    assert rows(sheets, CLINIC) == [f"gauze {number}" for number in range(6)]
    assert rows(sheets, SCHOOL) == [f"chalk {number}" for number in range(6)]
    assert sheets.quotas.refused == {}  # the bot kept under the project's quota: Google refused nothing
    assert sheets.most_in_any_minute("write", by="project")["petty-cash"] <= 4
    assert clock.at > 6000 + 60  # the bot waited for the project's minute


async def test_google_s_429_for_an_account_then_for_the_project_is_waited_out_and_nothing_is_lost(
    sheets, tmp_path, clock, bots
):
    one, two = keys(sheets, tmp_path / "keys", "pool-1", "pool-2")
    # Google counts requests the bot's buckets do not know of (another bot on the same project)
    sheets.writes_per_minute, sheets.project_writes_per_minute = 2, 3
    sheets.add_spreadsheet(CLINIC, "Clinic", {one})
    sheets.add_spreadsheet(SCHOOL, "School", {two})
    bot = bots(settings(sheets, tmp_path), clock)
    for chat, spreadsheet, account in ((CLINIC_CHAT, CLINIC, one), (SCHOOL_CHAT, SCHOOL, two)):
        await bot.sheets.pool.serve(spreadsheet, account)
        await bot.connections.connect(chat, spreadsheet)
    clinic, school = bot.sheets.for_chat(CLINIC_CHAT), bot.sheets.for_chat(SCHOOL_CHAT)

    await clinic.append(DECEMBER, [line("gauze", message_id=1)])
    await clinic.append(DECEMBER, [line("soap", message_id=2)])
    await clinic.append(DECEMBER, [line("tape", message_id=3)])  # the account's third in the minute
    assert sheets.quotas.refused == {("write", "user"): 3}  # answered 429 three times, then a minute waited
    await school.append(DECEMBER, [line("chalk", message_id=1)])
    await school.append(DECEMBER, [line("paper", message_id=2)])
    await clinic.append(DECEMBER, [line("bandage", message_id=4)])  # the project's fourth in the minute
    assert sheets.quotas.refused[("write", "project")] == 3

    assert rows(sheets, CLINIC) == ["gauze", "soap", "tape", "bandage"]
    assert rows(sheets, SCHOOL) == ["chalk", "paper"]
    assert max(sheets.most_in_any_minute("write", by="account").values()) <= 2
    assert max(sheets.most_in_any_minute("write", by="project").values()) <= 3


async def test_a_folder_of_keys_is_a_pool_in_the_order_of_the_files_names_after_the_single_key(
    sheets, tmp_path
):
    (first,) = keys(sheets, tmp_path / "single", "balance-bot")
    pool = keys(sheets, tmp_path / "keys", "pool-b", "pool-a", "pool-c")
    (other,) = keys(sheets, tmp_path / "keys", "pool-d", project="other-project")
    (tmp_path / "keys" / "notes.txt").write_text("not a key")
    built = build_pool(
        settings(sheets, tmp_path, GOOGLE_SERVICE_ACCOUNT_FILE=str(tmp_path / "single" / "balance-bot.json")),
        None,
    )
    assert [account.email for account in built.accounts] == [first, pool[1], pool[0], pool[2], other]
    assert [account.project for account in built.accounts] == ["petty-cash"] * 4 + ["other-project"]
    await built.close()
