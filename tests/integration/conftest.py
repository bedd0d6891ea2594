"""The integration tests' shared fixture: a fresh bot database file, opened and closed."""

import pytest

from infrastructure.sqlite.database import Database


@pytest.fixture
async def database(tmp_path):
    """A new bot database in a folder that does not exist yet."""
    db = Database(tmp_path / "state" / "bot.sqlite3")
    await db.open()
    yield db
    await db.close()
