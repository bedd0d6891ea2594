"""The README's set-up guide read literally: what it names exists, and its commands work as written."""

import asyncio
import inspect
import os
import re
import shutil
import sys
from asyncio.subprocess import PIPE
from pathlib import Path

from dotenv import dotenv_values

from infrastructure.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
GUIDE = README[README.index("## Set-up guide") : README.index("## In the group")]


def section(title: str, text: str = GUIDE) -> str:
    start = text.index(title)
    following = re.search(r"^#{2,3} ", text[start + len(title) :], re.MULTILINE)
    return text[start : start + len(title) + following.start()] if following else text[start:]


def settings_the_bot_reads() -> set[str]:
    return set(re.findall(r'"([A-Z][A-Z0-9_]+)"', inspect.getsource(Settings.from_environment)))


def test_every_setting_the_bot_reads_is_in_the_example_env_and_in_the_readmes_table():
    example = set(dotenv_values(ROOT / ".env.example"))
    table = {
        name.strip()
        for names in re.findall(r"^\| ([A-Z][A-Z0-9_, ]+) \|", section("## Settings", README), re.MULTILINE)
        for name in names.split(",")
    }
    read = settings_the_bot_reads()
    assert len(read) > 40  # the reading found them
    assert sorted(read - example) == [], "missing from .env.example"
    assert sorted(read - table) == [], "missing from the README's settings table"
    assert sorted((example | table) - read) == [], "named but never read"


def test_the_readme_names_no_file_the_project_does_not_have():
    assert "DESIGN.md" not in README
    assert "<this repository>" not in README
    assert "the copy the bot saves" not in README
    for path in re.findall(r"`((?:deploy|requirements|prompts|sheet_templates|bench)/[\w./-]+)`", README):
        assert (ROOT / path).exists(), path


def test_what_make_test_installs_and_that_it_asks_for_sudo_is_said_beside_python_and_make():
    said = section("## Two commands", README)
    assert "only Python 3.11+ and `make`" in said
    for needed in ("chromium", "fonts-khmeros", "apt-get", "sudo"):
        assert needed in said, needed
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "apt-get install -y --no-install-recommends chromium" in makefile
    assert "fonts-khmeros" in makefile


def test_step_one_says_ubuntu_22_04_needs_python_3_11_and_where_the_code_comes_from_and_goes():
    step = section("### 1. Get the code onto your server")
    assert "22.04" in step
    assert "apt-get install -y python3.11 python3.11-venv" in step
    clone = re.search(
        r'^REPOSITORY=(\S+).*\nsudo git clone "\$REPOSITORY" /opt/balance-bot', step, re.MULTILINE
    )
    assert clone
    assert clone[1].startswith("https://")
    assert "**Code → HTTPS**" in step


def test_every_command_of_the_guide_runs_as_the_bots_user_as_the_service_does():
    commands = [
        (GUIDE[max(0, found.start() - len("sudo -u balance ")) : found.start()], found[0])
        for found in re.finditer(r"\.venv/bin/(balance-bot|python -c)\b", GUIDE)
    ]
    assert len(commands) >= 7
    assert all(prefix == "sudo -u balance " for prefix, _ in commands), commands
    unit = (ROOT / "deploy" / "balance-bot.service").read_text(encoding="utf-8")
    assert "User=balance" in unit


async def test_step_five_as_written_checks_a_project_made_as_step_one_makes_it(telegram, tmp_path):
    """Step 1's .env and data/, the runner standing for the bot's user; the fake Telegram answers."""
    [command] = re.findall(
        r"^cd /opt/balance-bot && sudo -u balance (.+)$", section("### 5. Check"), re.MULTILINE
    )
    shutil.copy(ROOT / ".env.example", tmp_path / ".env")
    (tmp_path / "data").mkdir()
    (tmp_path / ".env").chmod(0o600)
    (tmp_path / "data").chmod(0o700)
    program, *arguments = command.split()
    assert program == ".venv/bin/balance-bot"
    env = {
        "PATH": str(BIN),
        "TELEGRAM_BOT_TOKEN": telegram.token,
        "TELEGRAM_API_URL": telegram.url,
        "PARSER_LLM": "none",
    }
    done = await asyncio.create_subprocess_exec(
        str(BIN / "balance-bot"), *arguments, cwd=tmp_path, env=env, stdout=PIPE, stderr=PIPE
    )
    out, err = await asyncio.wait_for(done.communicate(), 60)
    assert (done.returncode, err) == (0, b""), out + err
    lines = out.decode().splitlines()
    assert lines[0] == "OK    Telegram: @balance_test_bot reads group messages"
    assert f"OK    Database: {tmp_path / 'data' / 'balance_bot.sqlite3'}" in lines
    assert oct((tmp_path / "data" / "balance_bot.sqlite3").stat().st_mode & 0o777) == oct(0o600)
    assert (tmp_path / "data" / "balance_bot.sqlite3").stat().st_uid == os.geteuid()
