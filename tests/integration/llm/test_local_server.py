"""Whether Ollama listens, asked with a TCP connection before its client library is loaded."""

import asyncio
import socket
import subprocess
import sys

from infrastructure.clock import SystemClock
from infrastructure.llm.local_server import listens
from infrastructure.settings import Settings
from infrastructure.sqlite.database import Database
from infrastructure.wiring.llm import build_llm
from tests.fakes.ollama_api import FakeOllama


def closed_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_an_ollama_that_runs_is_found_listening():
    ollama = FakeOllama()
    url = await ollama.start()
    try:
        assert await listens(url)
    finally:
        await ollama.stop()


async def test_an_address_nobody_listens_on_is_not_listening():
    assert not await listens(f"http://127.0.0.1:{closed_port()}")


async def test_a_host_written_without_scheme_is_read_as_http():
    assert not await listens(f"127.0.0.1:{closed_port()}")


def test_a_bot_whose_ollama_is_not_running_does_not_load_the_ollama_library_at_start(tmp_path):
    # About 11 MB of the bot's memory (ollama with pydantic) for a model that is not there.
    script = f"""
import asyncio, sys
from pathlib import Path
from infrastructure.bootstrap import load_settings, build_bot
env = {{"TELEGRAM_BOT_TOKEN": "123:abc", "WORKBOOK_PATH": "{tmp_path}/b.xlsx",
       "DATABASE_PATH": "{tmp_path}/b.sqlite3", "RATE_SOURCE": "fixed", "ALLOWED_CHAT_IDS": "-1001",
       "OLLAMA_HOST": "http://127.0.0.1:{closed_port()}"}}
(Path("{tmp_path}") / ".env").touch()
settings = load_settings(environ=env, folder=Path("{tmp_path}"))
application = build_bot(settings)
from infrastructure.clock import SystemClock
from infrastructure.sqlite.database import Database
from infrastructure.wiring.llm import build_llm

async def start():
    llm = build_llm(settings, Database(Path("{tmp_path}/w.sqlite3")), SystemClock())
    llm.cascade.warm()  # as the bot does at start
    await asyncio.gather(*(task for task in asyncio.all_tasks() if task is not asyncio.current_task()))

asyncio.run(start())
print("ollama" in sys.modules)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "False"


async def test_a_bot_whose_ollama_runs_loads_its_model_at_start(tmp_path):
    ollama = FakeOllama()
    url = await ollama.start()
    database = Database(tmp_path / "bot.sqlite3")
    try:
        settings = Settings.from_environment({"OLLAMA_HOST": url, "TELEGRAM_BOT_TOKEN": "1:a"})
        llm = build_llm(settings, database, SystemClock())
        assert llm.cascade is not None
        llm.cascade.warm()
        await asyncio.gather(*(task for task in asyncio.all_tasks() if task is not asyncio.current_task()))
        assert [request["messages"] for request in ollama.requests] == [[]]  # the warm-up chat
        await llm.cascade.aclose()
    finally:
        await database.close()
        await ollama.stop()
