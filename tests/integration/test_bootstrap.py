"""Tests for the composition root and the installed `balance-bot` command, run as operators do."""

import asyncio
import json
import os
import pty
import re
import select
import socket
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from balance_bot.domain.expenses import Problem
from infrastructure.bootstrap import build_interpreter, load_settings

BIN = Path(sys.executable).parent


@pytest.fixture(autouse=True)
def project_folder(tmp_path):
    """Commands run in tmp_path find its .env, so their relative paths are read from there."""
    (tmp_path / ".env").touch()
    return tmp_path


def run(command, stdin, cwd=None, env=None):
    return subprocess.run(
        command,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=cwd,
        env=env,
    )


def test_the_installed_command_answers_the_parse_contract():
    request = json.dumps({"id": 1, "text": "ទឹកកក ៥០០០៛"}, ensure_ascii=False) + "\n"
    done = run([str(BIN / "balance-bot"), "parse"], request)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["entries"][0]["purpose"] == "ទឹកកក"


def test_the_parse_command_starts_without_loading_the_telegram_library():
    # Other tools call `parse` once per batch: python-telegram-bot alone took it from 0.6 s to 1.2 s.
    heavy = "{'telegram', 'openpyxl'}"
    script = f"import sys, infrastructure.bootstrap; print(sorted({heavy} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_python_dash_m_runs_the_same_command():
    done = run([sys.executable, "-m", "balance_bot", "parse"], json.dumps({"id": 1, "text": "coffee 3$"}))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["status"] == "expense"


def test_a_malformed_setting_stops_the_command_with_its_name(tmp_path):
    env = {"PATH": str(BIN), "MAX_AMOUNT_USD": "lots"}
    done = run([str(BIN / "balance-bot"), "parse"], "", cwd=tmp_path, env=env)
    assert done.returncode == 2
    assert "MAX_AMOUNT_USD" in done.stderr


def test_dotenv_settings_apply_and_the_environment_wins(tmp_path):
    dotenv = tmp_path / ".env"
    dotenv.write_text("MAX_AMOUNT_USD=100\nTIMEZONE=Asia/Bangkok\n", encoding="utf-8")
    settings = load_settings({"TIMEZONE": "UTC"}, dotenv)
    assert settings.max_amount_usd == Decimal(100)
    assert settings.timezone == "UTC"


def test_the_configured_ceilings_reach_the_parser(tmp_path):
    settings = load_settings({"MAX_AMOUNT_USD": "100"}, tmp_path / "missing.env")
    result = asyncio.run(build_interpreter(settings).interpret("rent 101$"))
    assert result.problem is Problem.OVER_LIMIT


def test_try_is_a_group_chat_in_the_terminal_writing_its_own_workbook(tmp_path):
    typed = "coffee 3$\n3$\nprinter ink\n/as Dara\nice 5000\n/undo\n/quit\n"
    env = {"PATH": str(BIN), "WORKBOOK_PATH": "book.xlsx", "DATABASE_PATH": "bot.sqlite3"}
    done = run([str(BIN / "balance-bot"), "try"], typed, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    said = [line for line in done.stdout.splitlines() if "bot: " in line]
    assert "Logged: 3.00 USD – coffee." in said[0]
    assert "What is this for?" in said[1]
    assert "Logged: 3.00 USD – printer ink." in said[2]
    assert "(assumed KHR)" in said[3]
    assert "Undone by Dara: No 3 (ice)" in said[4]
    assert (tmp_path / "data" / "try" / "balance.xlsx").exists()
    assert not (tmp_path / "book.xlsx").exists()
    assert not (tmp_path / "bot.sqlite3").exists()


def test_try_speaks_khmer_after_an_admin_chooses_it(tmp_path):
    typed = "/language km\n/admin\n/language km\nកាហ្វេ 3$\n/quit\n"
    done = run([str(BIN / "balance-bot"), "try"], typed, cwd=tmp_path, env={"PATH": str(BIN)})
    assert done.returncode == 0, done.stderr
    said = [line for line in done.stdout.splitlines() if "bot: " in line]
    assert "Only the group's admins can do that." in said[0]
    assert "ពីពេលនេះ ខ្ញុំនឹងឆ្លើយជាភាសាខ្មែរ។" in said[2]
    assert "បានកត់ត្រា៖ 3.00$ – កាហ្វេ។ រក្សាទុកជាលេខ 1 (" in said[3]
    assert said[3].endswith("ប្រភេទអាហារ និងភេសជ្ជៈ។")  # the tab's Khmer name
    assert "[ដកវិញ (លេខ 1)] → /undo" in done.stdout


def test_try_with_google_in_the_env_never_calls_google_nor_leaves_a_row_for_the_real_bot(tmp_path):
    google = socket.socket()
    google.bind(("127.0.0.1", 0))
    google.listen()
    google.setblocking(False)
    url = f"http://127.0.0.1:{google.getsockname()[1]}"
    key = {
        "type": "service_account",
        "client_email": "bot@project.iam.gserviceaccount.com",
        "private_key": "not used",
        "token_uri": f"{url}/token",
    }
    (tmp_path / "key.json").write_text(json.dumps(key))
    (tmp_path / ".env").write_text(
        "SHEET_BACKEND=google\nGOOGLE_SERVICE_ACCOUNT_FILE=key.json\nBALANCE_SHEET_ID=production\n"
        f"SHEETS_API_URL={url}\nDATABASE_PATH=data/production.sqlite3\nPARSER_LLM=none\n"
    )
    done = run([str(BIN / "balance-bot"), "try"], "coffee 3$\n/quit\n", cwd=tmp_path, env={"PATH": str(BIN)})
    assert done.returncode == 0, done.stderr
    assert "never touches your team's sheet" in done.stdout
    assert str(tmp_path / "data" / "try" / "balance.xlsx") in done.stdout
    assert "Logged: 3.00 USD – coffee. Saved as No 1" in done.stdout
    with pytest.raises(BlockingIOError):
        google.accept()  # nobody knocked
    assert not (tmp_path / "data" / "production.sqlite3").exists()
    production = run([str(BIN / "balance-bot"), "status"], "", cwd=tmp_path, env={"PATH": str(BIN)})
    assert production.returncode == 2
    assert "there is no database at" in production.stderr


def test_relative_paths_mean_the_project_folder_from_any_folder(tmp_path):
    env = {"PATH": str(BIN), "WORKBOOK_PATH": "book.xlsx", "DATABASE_PATH": "state/bot.sqlite3"}
    env["RATE_SOURCE"] = "fixed"  # check stays off the network
    (tmp_path / ".env").write_text("DATABASE_PATH=state/bot.sqlite3\n")
    elsewhere = tmp_path / "some" / "other" / "folder"
    elsewhere.mkdir(parents=True)
    missing = run([str(BIN / "balance-bot"), "status"], "", cwd=elsewhere, env=env)
    assert missing.returncode == 2
    assert f"there is no database at {tmp_path / 'state' / 'bot.sqlite3'}" in missing.stderr
    assert not (elsewhere / "state").exists()
    check = run([str(BIN / "balance-bot"), "check"], "", cwd=elsewhere, env=env)
    assert f"OK    Database: {tmp_path / 'state' / 'bot.sqlite3'}" in check.stdout
    found = run([str(BIN / "balance-bot"), "status"], "", cwd=elsewhere, env=env)
    assert (found.returncode, found.stdout.strip()) == (
        0,
        "outbox: empty, every accepted expense is in the sheet",
    )


def test_version_and_a_description_on_every_command(tmp_path):
    version = run([str(BIN / "balance-bot"), "--version"], "", cwd=tmp_path)
    assert version.returncode == 0
    assert version.stdout.startswith("balance-bot 0.")
    for command in ("parse", "run", "check", "health", "status", "try"):
        helped = run([str(BIN / "balance-bot"), command, "--help"], "", cwd=tmp_path)
        assert helped.returncode == 0
        description = helped.stdout.split("\n\n")[1]
        assert len(description) > 60, (command, helped.stdout)


def test_health_says_why_it_fails(tmp_path):
    env = {"PATH": str(BIN), "DATABASE_PATH": "bot.sqlite3"}
    done = run([str(BIN / "balance-bot"), "health"], "", cwd=tmp_path, env=env)
    assert done.returncode == 1
    assert f"no heartbeat file at {tmp_path / 'heartbeat'}" in done.stderr
    (tmp_path / "heartbeat").touch()
    alive = run([str(BIN / "balance-bot"), "health"], "", cwd=tmp_path, env=env)
    assert alive.returncode == 0


def test_the_google_backend_without_a_key_file_names_the_missing_setting(tmp_path):
    env = {"PATH": str(BIN), "SHEET_BACKEND": "google", "TELEGRAM_BOT_TOKEN": "1:x"}
    done = run([str(BIN / "balance-bot"), "run"], "", cwd=tmp_path, env=env)
    assert done.returncode == 2
    assert "GOOGLE_SERVICE_ACCOUNT_FILE" in done.stderr


def test_run_without_a_token_says_where_to_get_one(tmp_path):
    done = run([str(BIN / "balance-bot"), "run"], "", cwd=tmp_path, env={"PATH": str(BIN)})
    assert done.returncode == 2
    assert "BotFather" in done.stderr


def test_the_parse_command_answers_every_line_whatever_bytes_come_before_it(tmp_path):
    lines = [
        b'{"id": 1, "text": "coffee \xff\xfe 3$"}',
        b'{"id": 2, "text": "tea \\ud800 2$"}',
        b'{"id": 3, "text": "coffee 123456789012345678901234567890$"}',
        b'{"id": 4, "text": "' + b"1$" * 50_000 + b'"}',
        b'{"id": 5, "text": "' + b"[" * 100_000 + b'"}',
        b"[" * 100_000,
        '{"id": 6, "text": "ទឹកកក ៥០០០៛"}'.encode(),
    ]
    done = subprocess.run(
        [str(BIN / "balance-bot"), "parse"],
        input=b"\n".join(lines) + b"\n",
        capture_output=True,
        timeout=60,
        cwd=tmp_path,
        env={"PATH": str(BIN), "PARSER_LLM": "none"},
    )
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [answer.get("id") for answer in answers] == [1, 2, 3, 4, 5, None, 6]
    assert answers[0]["error"] == "not UTF-8"
    assert answers[1]["error"] == "text holds a lone surrogate"
    assert answers[2]["problem"] == "over_limit"
    assert answers[3]["problem"] == "too_many"
    assert answers[6]["entries"][0]["purpose"] == "ទឹកកក"


async def run_bot_with(env, tmp_path, *arguments):
    done = await asyncio.create_subprocess_exec(
        str(BIN / "balance-bot"),
        "run",
        *arguments,
        env={"PATH": str(BIN), "DATABASE_PATH": str(tmp_path / "bot.sqlite3"), **env},
        cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(done.communicate(), 60)
    return done.returncode, (out + err).decode()


async def test_a_refused_token_is_one_line_without_the_token_and_no_restart(telegram, tmp_path):
    wrong = "999999:THE-WRONG-TOKEN-xyz"
    env = {"TELEGRAM_BOT_TOKEN": wrong, "TELEGRAM_API_URL": telegram.url}
    status, said = await run_bot_with(env, tmp_path)
    assert status == 3
    assert said.splitlines() == [
        "balance-bot: Telegram refused TELEGRAM_BOT_TOKEN: copy it again from @BotFather"
    ]
    assert wrong not in said


async def test_no_network_at_start_is_one_line_and_a_status_a_service_manager_restarts_on(tmp_path):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    token = "123456:A-TOKEN-THAT-IS-SECRET"
    status, said = await run_bot_with({"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_URL": closed}, tmp_path)
    assert status == 1
    [line] = said_to_the_operator(said)
    assert line.startswith(f"balance-bot: Telegram at {closed} did not answer at start")
    assert token not in said


def said_to_the_operator(output):
    """The lines of a run's output that are not log lines; a traceback or a warning would be some."""
    assert "Traceback" not in output
    assert "Unclosed" not in output
    return [line for line in output.splitlines() if line and not line[:4].isdigit()]


async def test_run_on_a_corrupt_database_is_one_line_saying_how_to_restore(telegram, tmp_path):
    (tmp_path / "bot.sqlite3").write_bytes(b"this is not a database, it is a text file" * 200)
    env = {"TELEGRAM_BOT_TOKEN": telegram.token, "TELEGRAM_API_URL": telegram.url}
    status, said = await run_bot_with(env, tmp_path)
    assert status == 3
    [line] = said_to_the_operator(said)
    assert line.startswith("balance-bot: the database ")
    assert "restore" in line


def test_the_readmes_parse_example_is_what_parse_prints(tmp_path):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    command, printed = re.search(
        r"^\$ echo '(.+)' \| \.venv/bin/balance-bot parse\n(.+)$", readme, re.M
    ).groups()
    done = run([str(BIN / "balance-bot"), "parse"], command.replace("\\\\", "\\") + "\n", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json.loads(printed)


def test_check_names_a_bad_setting_on_a_fail_line(tmp_path):
    for setting in ("TIMEZONE=Mars/Base", "WORKSHEET_TITLE_FORMAT=%m/%Y", "WEBHOOK_PORT=99999"):
        (tmp_path / ".env").write_text(setting + "\n")
        done = run([str(BIN / "balance-bot"), "check"], "", cwd=tmp_path, env={"PATH": str(BIN)})
        assert done.returncode == 1
        assert done.stdout.startswith(f"FAIL  Settings: {setting.split('=')[0]}")


def test_lines_pasted_in_a_terminal_are_one_message_and_typed_ones_are_not(tmp_path):
    pid, terminal = pty.fork()
    if pid == 0:  # the child: try, in a terminal of its own
        os.chdir(tmp_path)
        os.execve(str(BIN / "balance-bot"), ["balance-bot", "try"], {"PATH": str(BIN), "PARSER_LLM": "none"})
    shown = b""

    def read_until(text: bytes, seconds: float = 20) -> None:
        nonlocal shown
        end = time.monotonic() + seconds
        while text not in shown and time.monotonic() < end:
            if select.select([terminal], [], [], 0.1)[0]:
                shown += os.read(terminal, 65536)

    read_until(b"You> ")
    os.write(terminal, "fish 20000៛\nrice 15000៛\noil 2$\n".encode())
    read_until(b"No 3")
    os.write(terminal, b"tea 1$\n")
    read_until(b"No 4")
    os.write(terminal, b"/quit\n")
    os.waitpid(pid, 0)
    said = shown.decode(errors="replace")
    assert "Logged 3 expenses" in said
    assert "Logged: 1.00 USD – tea. Saved as No 4" in said


@pytest.mark.parametrize("webhook", [False, True], ids=["the Mini App's port", "the webhook's port"])
async def test_a_port_already_taken_at_start_is_one_line_naming_the_setting(telegram, tmp_path, webhook):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        env = {"TELEGRAM_BOT_TOKEN": telegram.token, "TELEGRAM_API_URL": telegram.url}
        if webhook:
            env |= {"WEBHOOK_URL": "https://bot.example.org/telegram", "WEBHOOK_LISTEN": "127.0.0.1"}
            env["WEBHOOK_PORT"] = port
        else:
            env |= {"WEBAPP_URL": "https://bot.example.org/month/", "WEBAPP_PORT": port}
        status, said = await run_bot_with(env, tmp_path, *(["--webhook"] if webhook else []))
    [line] = said_to_the_operator(said)
    assert status == 3
    assert f"cannot listen on 127.0.0.1:{port}" in line
    assert ("WEBHOOK_PORT" if webhook else "WEBAPP_PORT") in line


async def test_a_database_folder_that_cannot_be_made_is_one_line(telegram, tmp_path):
    (tmp_path / "data").write_text("a file where the folder should be")
    env = {"TELEGRAM_BOT_TOKEN": telegram.token, "TELEGRAM_API_URL": telegram.url}
    env["DATABASE_PATH"] = str(tmp_path / "data" / "bot.sqlite3")
    status, said = await run_bot_with(env, tmp_path)
    [line] = said_to_the_operator(said)
    assert status == 3
    assert "DATABASE_PATH" in line
