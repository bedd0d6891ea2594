"""/recurring in `balance-bot try`: an admin sets up a cost; once its day has come, the next line typed
brings its row, under the line that names the cost, with the terminal's Undo."""

import io
from datetime import UTC, datetime, timedelta

import pytest

from infrastructure.bootstrap import load_settings, try_services
from infrastructure.console.try_chat import TryChat
from infrastructure.console.try_settings import try_settings
from tests.fakes.clock import FakeClock
from tests.integration.test_help_in_try import Typing

# 10:00 in Phnom Penh on Wednesday 30 December 2026.
NOW = datetime(2026, 12, 30, 3, 0, tzinfo=UTC)


@pytest.fixture
async def typing(tmp_path):
    tried = try_settings(load_settings({"PARSER_LLM": "none"}, tmp_path / ".env"), tmp_path)
    clock = FakeClock(NOW)
    services = try_services(tried, clock)
    out = io.StringIO()
    await services.start()
    try:
        yield Typing(TryChat(services, out), out), clock
    finally:
        await services.close()


async def test_an_admin_sets_up_rent_and_on_its_day_the_next_line_brings_its_row_once(typing):
    typing, clock = typing
    await typing.says("/as Dara")
    refused = await typing.says("/recurring rent 300$ monthly on 1")
    assert "admins" in refused
    await typing.says("/admin")
    added = await typing.says("/recurring rent 300$ monthly on 1")
    assert "Recurring cost #1: rent, 300.00 USD every month on the 1st." in added
    listed = await typing.says("/recurring")
    assert "#1 rent: 300.00 USD every month on the 1st; next Fri 1 Jan" in listed
    clock.advance(days=2, hours=1)  # 08:00 on the 1st
    written = await typing.says("coffee 2$")
    assert "Recurring cost #1: rent, 300.00 USD every month on the 1st." in written
    assert "Logged: 300.00 USD – rent (recurring #1, 2027-01-01)." in written
    assert "/undo" in written
    undone = await typing.says("/undo")  # the row said last
    assert "rent (recurring #1, 2027-01-01)" in undone
    assert "rent" not in await typing.says("tea 1$")
    clock.advance(days=1)
    assert "rent" not in await typing.says("water 1$")
    assert clock.now() - NOW < timedelta(days=4)
