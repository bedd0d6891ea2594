"""Fixtures shared by the tests: the fake servers, started on loopback and stopped after each test."""

import pytest

from tests.fakes.anthropic_api import FakeAnthropic
from tests.fakes.bakong_api import FakeBakong
from tests.fakes.nbc_api import FakeNbc
from tests.fakes.ollama_api import FakeOllama
from tests.fakes.sheets_api import FakeSheets
from tests.fakes.telegram_api import FakeTelegram


@pytest.fixture
async def telegram():
    """The fake Telegram Bot API."""
    fake = FakeTelegram()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
def sheets():
    """The fake Google Sheets API with its token endpoint."""
    fake = FakeSheets()
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
async def ollama():
    """The fake Ollama server."""
    fake = FakeOllama()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
async def anthropic_api():
    """The fake Anthropic Messages API."""
    fake = FakeAnthropic()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
async def bakong():
    """The fake Bakong Open API."""
    fake = FakeBakong()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
async def nbc():
    """The fake exchange-rate page of the National Bank of Cambodia."""
    fake = FakeNbc()
    await fake.start()
    yield fake
    await fake.stop()
