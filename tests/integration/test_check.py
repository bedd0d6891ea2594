"""Tests for `balance-bot check` against the fake Telegram, Sheets and Ollama servers."""

import json
import socket
import time
from dataclasses import replace

import pytest

from infrastructure.check import Verdict, report, run_checks
from infrastructure.llm.answer import ANSWER_SCHEMA
from infrastructure.settings import Settings
from infrastructure.sqlite.database import Database
from infrastructure.sqlite.sheet_accounts import SqliteSheetAccounts

SHEET_ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123"


@pytest.fixture
def environment(telegram, sheets, ollama, nbc, tmp_path):
    key = sheets.service_account_key()
    key_file = tmp_path / "key.json"
    key_file.write_text(json.dumps(key))
    key_file.chmod(0o600)
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key["client_email"]})
    return key, {
        "TELEGRAM_BOT_TOKEN": telegram.token,
        "TELEGRAM_API_URL": telegram.url,
        "SHEET_BACKEND": "google",
        "GOOGLE_SERVICE_ACCOUNT_FILE": str(key_file),
        "SHEETS_API_URL": sheets.url,
        "BALANCE_SHEET_ID": SHEET_ID,
        "DATABASE_PATH": str(tmp_path / "data" / "bot.sqlite3"),
        "OLLAMA_HOST": ollama.url,
        "ANTHROPIC_API_KEY": "sk-test",
        "ALLOWED_CHAT_IDS": "-1001234567890",
        "RATE_SOURCE_URL": nbc.url,
    }


def by_item(findings):
    return {finding.item: finding for finding in findings}


async def test_all_fine_is_one_ok_line_per_item_with_the_email_to_share_with(environment, capsys):
    key, env = environment
    findings = await run_checks(Settings.from_environment(env))
    assert report(findings) == 0
    out = capsys.readouterr().out.splitlines()
    assert all(line.startswith("OK ") for line in out), out
    items = by_item(findings)
    assert items["Telegram"].detail == "@balance_test_bot reads group messages"
    assert key["client_email"] in items["Google service account"].detail
    assert items[f"Sheet {SHEET_ID}"].detail == "“Petty cash” is writable"
    assert items["Ollama"].verdict is Verdict.OK
    assert items["Rate of the day"].detail == "NBC 4012 KHR per USD, published for 2026-12-04"


async def test_a_bad_token_fails_with_what_to_do(environment):
    _, env = environment
    wrong = "123456:AAEthisTokenIsShapedRightButWrong01"
    findings = await run_checks(Settings.from_environment({**env, "TELEGRAM_BOT_TOKEN": wrong}))
    telegram = by_item(findings)["Telegram"]
    assert (telegram.verdict, telegram.detail) == (
        Verdict.FAIL,
        "the token was refused; copy it again from @BotFather",
    )
    assert report(findings) == 1


@pytest.mark.parametrize(
    "pasted",
    [
        "123:WRONG",
        "123456:AAEfakeBotTokenForTheFakeTelegram0",  # a character short
        "AAEfakeBotTokenForTheFakeTelegram01",  # the id left behind
        "bot123456:AAEfakeBotTokenForTheFakeTelegram01",
    ],
)
async def test_a_token_not_shaped_like_one_is_refused_without_asking_telegram(environment, pasted):
    _, env = environment
    with socket.socket() as telegram:
        telegram.bind(("127.0.0.1", 0))
        telegram.listen()
        telegram.setblocking(False)
        env = {
            **env,
            "TELEGRAM_BOT_TOKEN": pasted,
            "TELEGRAM_API_URL": f"http://127.0.0.1:{telegram.getsockname()[1]}",
        }
        finding = by_item(await run_checks(Settings.from_environment(env)))["Telegram"]
        with pytest.raises(BlockingIOError):
            telegram.accept()  # nobody knocked
    assert finding.verdict is Verdict.FAIL
    assert finding.detail.startswith("TELEGRAM_BOT_TOKEN is not shaped like a bot token")
    assert "@BotFather" in finding.detail
    assert pasted.strip() not in finding.detail


async def test_privacy_mode_is_a_warning_with_the_botfather_steps(environment, telegram):
    _, env = environment
    telegram.can_read_all_group_messages = False
    finding = by_item(await run_checks(Settings.from_environment(env)))["Telegram"]
    assert finding.verdict is Verdict.WARN
    assert "/setprivacy" in finding.detail


async def test_a_sheet_not_shared_names_the_email(environment, sheets):
    key, env = environment
    sheets.spreadsheets[SHEET_ID].editors.clear()
    findings = await run_checks(Settings.from_environment(env))
    sheet = by_item(findings)[f"Sheet {SHEET_ID}"]
    assert (sheet.verdict, sheet.detail) == (Verdict.FAIL, f"not shared with {key['client_email']} as Editor")
    assert report(findings) == 1


async def test_a_sheet_that_refuses_for_good_is_a_failure_naming_the_refusal_and_what_to_do(
    environment, sheets
):
    key, env = environment
    spreadsheet = sheets.spreadsheets[SHEET_ID]
    spreadsheet.uploaded_xlsx = True
    xlsx = by_item(await run_checks(Settings.from_environment(env)))[f"Sheet {SHEET_ID}"]
    spreadsheet.uploaded_xlsx = False
    spreadsheet.viewers, spreadsheet.editors = spreadsheet.editors, {"owner@petty-cash.example"}
    viewer = by_item(await run_checks(Settings.from_environment(env)))[f"Sheet {SHEET_ID}"]
    assert (xlsx.verdict, viewer.verdict) == (Verdict.FAIL, Verdict.FAIL)
    assert xlsx.detail.startswith("an uploaded .xlsx, not a Google Sheet: ")
    assert "File → Save as Google Sheets" in xlsx.detail
    assert viewer.detail == f"shared with {key['client_email']} as Viewer, not Editor: share it as Editor"


async def test_ollama_down_is_a_warning_not_a_failure(environment):
    _, env = environment
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    findings = await run_checks(
        Settings.from_environment({**env, "OLLAMA_HOST": f"http://127.0.0.1:{closed_port}"})
    )
    ollama = by_item(findings)["Ollama"]
    assert ollama.verdict is Verdict.WARN
    assert "not reachable" in ollama.detail
    assert report(findings) == 0


async def test_a_model_that_is_not_pulled_says_how_to_pull_it(environment, ollama):
    _, env = environment
    ollama.models = ["llama3.2:1b"]
    finding = by_item(await run_checks(Settings.from_environment(env)))["Ollama"]
    assert "ollama pull qwen2.5:3b-instruct" in finding.detail


async def test_an_anthropic_model_without_a_price_is_a_warning(environment):
    _, env = environment
    settings = Settings.from_environment({**env, "ANTHROPIC_MODEL": "claude-next"})
    finding = by_item(await run_checks(settings))["Anthropic"]
    assert finding.verdict is Verdict.WARN
    assert "LLM_PRICES" in finding.detail
    assert "15 and 75 USD per million tokens" in finding.detail


async def test_the_anthropic_line_says_the_model_and_the_budget(environment):
    _, env = environment
    finding = by_item(await run_checks(Settings.from_environment(env)))["Anthropic"]
    assert finding.detail == "key set, model claude-haiku-4-5, budget 5 USD a month"


async def test_the_workbook_backend_checks_its_folder(telegram, tmp_path):
    env = {
        "TELEGRAM_BOT_TOKEN": telegram.token,
        "TELEGRAM_API_URL": telegram.url,
        "WORKBOOK_PATH": str(tmp_path / "ledger" / "balance.xlsx"),
        "DATABASE_PATH": str(tmp_path / "bot.sqlite3"),
        "PARSER_LLM": "none",
    }
    items = by_item(await run_checks(Settings.from_environment(env)))
    assert items["Workbook"].verdict is Verdict.OK
    assert items["LLM"].verdict is Verdict.SKIP


async def test_a_corrupt_database_is_a_fail_line_saying_how_to_restore(environment, tmp_path):
    _, env = environment
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "bot.sqlite3").write_bytes(b"not a database at all" * 300)
    database = by_item(await run_checks(Settings.from_environment(env)))["Database"]
    assert database.verdict is Verdict.FAIL
    assert "restore" in database.detail


async def test_a_revoked_key_and_a_disabled_api_are_fail_lines_saying_what_to_do(environment, sheets):
    _, env = environment
    sheets.refuse_tokens(times=100, revoked=True)
    revoked = by_item(await run_checks(Settings.from_environment(env)))[f"Sheet {SHEET_ID}"]
    assert revoked.verdict is Verdict.FAIL
    assert "invalid_grant" in revoked.detail
    sheets.token_refusals.clear()
    sheets.disable_api("123456789012")
    disabled = by_item(await run_checks(Settings.from_environment(env)))[f"Sheet {SHEET_ID}"]
    assert disabled.verdict is Verdict.FAIL
    assert "sheets.googleapis.com/overview?project=123456789012" in disabled.detail


async def test_a_check_that_fails_unexpectedly_is_one_fail_line_and_the_others_still_print(
    environment, telegram
):
    _, env = environment
    telegram.answer_raw("getMe", '{"ok": true, "result": "garbage"}')  # PTB cannot read it
    findings = by_item(await run_checks(Settings.from_environment(env)))
    assert findings["Telegram"].verdict is Verdict.FAIL
    assert findings["Telegram"].detail.startswith("could not be checked: TypeError")
    assert telegram.token not in findings["Telegram"].detail
    assert findings[f"Sheet {SHEET_ID}"].verdict is Verdict.OK  # the other lines still print


async def test_secrets_other_users_can_read_are_warnings_with_the_chmod_to_run(environment, tmp_path):
    _key, env = environment
    dotenv = tmp_path / ".env"
    dotenv.write_text("TIMEZONE=Asia/Phnom_Penh\n")
    dotenv.chmod(0o644)
    key_file = tmp_path / "key.json"
    key_file.chmod(0o640)
    findings = by_item(await run_checks(Settings.from_environment(env), dotenv))
    assert findings[".env permissions"].verdict is Verdict.WARN
    assert f"chmod 600 {dotenv}" in findings[".env permissions"].detail
    assert findings["Key file permissions"].verdict is Verdict.WARN
    dotenv.chmod(0o600)
    key_file.chmod(0o600)
    findings = by_item(await run_checks(Settings.from_environment(env), dotenv))
    assert ".env permissions" not in findings
    assert "Key file permissions" not in findings


async def test_the_database_the_bot_makes_is_readable_by_its_user_only(environment, tmp_path):
    _key, env = environment
    findings = by_item(await run_checks(Settings.from_environment(env)))
    assert findings["Database"].verdict is Verdict.OK
    assert (tmp_path / "data" / "bot.sqlite3").stat().st_mode & 0o777 == 0o600
    assert "Database permissions" not in findings


async def test_the_groups_the_bot_has_seen_are_listed_for_allowed_chat_ids(environment, tmp_path):
    from infrastructure.sqlite.database import Database
    from infrastructure.sqlite.memberships import SqliteMemberships

    _key, env = environment
    database = Database(tmp_path / "data" / "bot.sqlite3")
    await SqliteMemberships(database).record_presence(-1001234567890, present=True)
    await SqliteMemberships(database).record_presence(-1009999, present=False)
    await database.close()
    findings = by_item(await run_checks(Settings.from_environment(env)))
    assert findings["Groups seen"].detail == "-1001234567890"


async def test_with_no_group_allowed_check_warns_and_says_how_to_allow_one(environment):
    _key, env = environment
    findings = by_item(await run_checks(Settings.from_environment({**env, "ALLOWED_CHAT_IDS": ""})))
    allowed = findings["Groups allowed"]
    assert allowed.verdict is Verdict.WARN
    assert allowed.detail == (
        "none: every group is told the bot is private. Allow your group by its id (/id in the group "
        "shows it) in ALLOWED_CHAT_IDS, or send the bot /allow in a private chat (set ADMIN_USER_IDS "
        "to your user id first)"
    )


async def test_the_groups_allowed_in_the_settings_and_with_allow_are_listed(environment, tmp_path):
    from infrastructure.sqlite.database import Database
    from infrastructure.sqlite.group_allowances import SqliteGroupAllowances

    _key, env = environment
    database = Database(tmp_path / "data" / "bot.sqlite3")
    await SqliteGroupAllowances(database).allow(-1005550002, by_user_id=99)
    await database.close()
    findings = by_item(await run_checks(Settings.from_environment({**env, "ADMIN_USER_IDS": "99"})))
    allowed = findings["Groups allowed"]
    assert (allowed.verdict, allowed.detail) == (
        Verdict.OK,
        "-1001234567890 (ALLOWED_CHAT_IDS), -1005550002 (/allow)",
    )


async def test_an_ollama_too_old_for_a_schema_is_a_fail_line(environment, ollama):
    _key, env = environment
    ollama.version = "0.4.7"
    line = by_item(await run_checks(Settings.from_environment(env)))["Ollama"]
    assert line.verdict is Verdict.FAIL
    assert "0.5.0 or later" in line.detail


async def test_a_model_name_resolves_as_ollama_resolves_it(environment, ollama):
    _key, env = environment
    ollama.models = ["qwen2.5:3b-instruct"]
    line = by_item(await run_checks(Settings.from_environment({**env, "OLLAMA_MODEL": "qwen2.5"})))["Ollama"]
    assert line.verdict is Verdict.WARN
    assert "qwen2.5:latest is not pulled" in line.detail
    ollama.models = ["qwen2.5:latest"]
    line = by_item(await run_checks(Settings.from_environment({**env, "OLLAMA_MODEL": "qwen2.5"})))["Ollama"]
    assert line.verdict is Verdict.OK


async def test_a_webhook_that_is_not_https_is_a_warning(environment):
    _key, env = environment
    plain = by_item(
        await run_checks(Settings.from_environment({**env, "WEBHOOK_URL": "http://bot.example/t"}))
    )
    assert plain["Webhook"].verdict is Verdict.WARN
    secure = by_item(
        await run_checks(Settings.from_environment({**env, "WEBHOOK_URL": "https://bot.example/t"}))
    )
    assert secure["Webhook"].verdict is Verdict.OK
    assert "8080" in secure["Webhook"].detail


async def test_the_languages_line_names_the_default_and_fails_without_the_compiled_catalogs(
    environment, tmp_path
):
    _key, env = environment
    settings = Settings.from_environment({**env, "DEFAULT_LANGUAGE": "km"})
    fine = by_item(await run_checks(settings))["Languages"]
    assert fine.verdict is Verdict.OK
    assert fine.detail.endswith("hears km")
    missing = by_item(await run_checks(settings, locale_folder=tmp_path / "no-locale"))["Languages"]
    assert missing.verdict is Verdict.FAIL
    assert "no compiled catalog for km" in missing.detail
    assert "make catalogs" in missing.detail


async def test_check_makes_one_short_chat_with_the_keep_alive_think_and_format_every_message_gets(
    environment, ollama
):
    _, env = environment
    finding = by_item(await run_checks(Settings.from_environment({**env, "OLLAMA_KEEP_ALIVE": "-1"})))[
        "Ollama"
    ]
    assert finding.verdict is Verdict.OK
    (chat,) = ollama.requests
    assert (chat["keep_alive"], chat["think"], chat["format"]) == (-1, False, ANSWER_SCHEMA)
    assert chat["options"]["num_predict"] == 1
    assert len(chat["messages"]) == 1


@pytest.mark.parametrize("keep_alive", ["-1", "300"])
async def test_a_chat_ollama_refuses_is_a_fail_line_in_ollamas_own_words(environment, keep_alive):
    # As the settings were before they sent a bare number as a number.
    _, env = environment
    settings = replace(Settings.from_environment(env), ollama_keep_alive=keep_alive)
    finding = by_item(await run_checks(settings))["Ollama"]
    assert finding.verdict is Verdict.FAIL
    assert f'time: missing unit in duration "{keep_alive}"' in finding.detail


async def test_ollama_0_12_4_refusing_think_false_from_a_model_that_does_not_think_says_to_update(
    environment, ollama
):
    _, env = environment
    ollama.version = "0.12.4"
    finding = by_item(await run_checks(Settings.from_environment(env)))["Ollama"]
    assert finding.verdict is Verdict.FAIL
    assert "registry.ollama.ai/library/qwen2.5:3b-instruct does not support thinking" in finding.detail
    assert "0.12.5" in finding.detail


@pytest.mark.parametrize(
    ("version", "verdict"),
    [
        ("0.12.3", Verdict.OK),
        ("0.12.4", Verdict.WARN),
        ("0.20.0", Verdict.WARN),
        ("0.31.1", Verdict.WARN),
        ("0.31.2", Verdict.OK),
    ],
)
async def test_a_thinking_model_on_a_version_that_drops_the_schema_when_asked_not_to_think_is_a_warning(
    environment, ollama, version, verdict
):
    _, env = environment
    ollama.models = ["qwen3:4b"]
    ollama.thinking_models = {"qwen3:4b"}
    ollama.version = version
    finding = by_item(await run_checks(Settings.from_environment({**env, "OLLAMA_MODEL": "qwen3:4b"})))[
        "Ollama"
    ]
    assert finding.verdict is verdict
    if verdict is Verdict.WARN:
        assert "0.31.2" in finding.detail
        assert "qwen3:4b" in finding.detail


async def test_a_rate_page_that_cannot_be_read_is_a_warning_with_what_the_bot_does_meanwhile(
    environment, nbc
):
    _, env = environment
    nbc.status = 503
    rate = by_item(await run_checks(Settings.from_environment(env)))["Rate of the day"]
    assert (rate.verdict, rate.detail) == (
        Verdict.WARN,
        f"HTTP 503 from {nbc.url}: the last rate known is used (KHR_PER_USD until one is)",
    )
    fixed = by_item(await run_checks(Settings.from_environment({**env, "RATE_SOURCE": "fixed"})))
    assert fixed["Rate of the day"].detail == "RATE_SOURCE=fixed: 4000 KHR per USD (KHR_PER_USD)"


async def test_a_pool_is_a_line_per_account_with_its_load_and_the_groups_the_pool_still_holds(
    environment, sheets, tmp_path
):
    key, env = environment
    second = sheets.service_account_key("pool-2@petty-cash.iam.gserviceaccount.com")
    folder = tmp_path / "keys"
    folder.mkdir()
    (folder / "pool-2.json").write_text(json.dumps(second))
    database = Database(tmp_path / "data" / "bot.sqlite3")  # what the bot kept while it ran
    store = SqliteSheetAccounts(database)
    await store.serve("1ClinicSheetAbCdEfGhIjKlMn", key["client_email"])
    await store.record({(key["client_email"], int(time.time() // 60) - 1): (30, 10)})
    await database.close()

    findings = await run_checks(
        Settings.from_environment({**env, "GOOGLE_SERVICE_ACCOUNT_FILES": str(folder)})
    )
    items = by_item(findings)
    assert items["Google service accounts"].detail.startswith("2 in 1 project(s) (petty-cash); ")
    first = items[f"Account {key['client_email']}"]
    assert first.verdict is Verdict.OK
    assert first.detail.startswith("project petty-cash, 1 spreadsheet(s); last minute ")
    assert first.detail.endswith(
        "last hour 30 writes, 10 reads, busiest minute 30 writes, 10 reads (quota 60 and 60 a minute)"
    )
    assert items[f"Account {second['client_email']}"].detail.startswith(
        "project petty-cash, 0 spreadsheet(s)"
    )
    # 2 accounts carry 120 writes a minute; a sheet's busiest minute took 30: 4 sheets, 1 served
    assert items["Room"].detail.endswith(
        "took 30.0 writes and 10.0 reads: about 3 more group(s) at those rates"
    )
