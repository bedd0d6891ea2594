"""The end-to-end tests' shared fixtures: one clock for the bot and the fake Bot API, and settings on it."""

import json
from datetime import UTC, datetime

import pytest

from infrastructure.settings import Settings
from tests.fakes.clock import FakeClock

# The groups the tests' team uses: a bot serves no group its operator has not allowed.
TEAM_GROUPS = "-1001,-1002"


@pytest.fixture
def clock(telegram):
    """Starts at the real time; Telegram dates members' messages by it, so moving it moves both."""
    clock = FakeClock(datetime.now(UTC))
    telegram.now = lambda: clock.now().timestamp()
    return clock


@pytest.fixture
def settings_for(telegram, tmp_path):
    """Settings for a workbook bot on the fake Bot API serving the team's groups, with any extra
    settings given."""

    def make(**extra):
        env = {
            "ALLOWED_CHAT_IDS": TEAM_GROUPS,
            "TELEGRAM_BOT_TOKEN": telegram.token,
            "TELEGRAM_API_URL": telegram.url,
            "WORKBOOK_PATH": str(tmp_path / "balance.xlsx"),
            "DATABASE_PATH": str(tmp_path / "bot.sqlite3"),
            # Off the network: the rate of the day is read from the fake NBC where a test asks for it.
            "RATE_SOURCE": "fixed",
            **extra,
        }
        return Settings.from_environment(env)

    return make


@pytest.fixture
def key(sheets, tmp_path):
    """A service-account key the fake Sheets API takes, and the file it is kept in."""
    key = sheets.service_account_key()
    path = tmp_path / "service-account.json"
    path.write_text(json.dumps(key))
    return key, path
