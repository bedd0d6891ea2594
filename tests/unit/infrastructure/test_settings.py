"""Tests for the settings: defaults from DESIGN.md, parsing, and clear errors."""

from decimal import Decimal
from pathlib import Path

import pytest

from infrastructure.settings import Settings, SettingsError


def test_the_defaults_are_those_of_the_design():
    settings = Settings.from_environment({})
    assert settings.telegram_api_url == "https://api.telegram.org"
    assert settings.sheet_backend == "workbook"
    assert settings.workbook_path == Path("data/balance.xlsx")
    assert settings.sheets_api_url == "https://sheets.googleapis.com"
    assert settings.database_path == Path("data/balance_bot.sqlite3")
    assert settings.timezone == "Asia/Phnom_Penh"
    assert settings.worksheet_title_format == "%B %Y"
    assert settings.pending_ttl_seconds == 300
    assert settings.user_rate_limit_per_minute == 5
    assert settings.parser_llm == ("ollama", "anthropic")
    assert settings.ollama_host == "http://127.0.0.1:11434"
    assert settings.khr_per_usd == 4000
    assert settings.allowed_chat_ids == frozenset()
    assert settings.undo_window_seconds == 900
    assert settings.confirmation_style == "reply"


def test_a_service_account_makes_google_the_default_backend():
    settings = Settings.from_environment({"GOOGLE_SERVICE_ACCOUNT_FILE": "key.json"})
    assert settings.sheet_backend == "google"
    assert settings.google_service_account_file == Path("key.json")


def test_a_pool_of_keys_makes_google_the_default_backend_with_the_project_quotas_of_the_design(tmp_path):
    settings = Settings.from_environment(
        {"GOOGLE_SERVICE_ACCOUNT_FILES": "secrets/pool, /etc/balance/extra.json"}, tmp_path
    )
    assert settings.sheet_backend == "google"
    assert settings.google_service_account_file is None
    assert settings.google_service_account_files == (
        tmp_path / "secrets/pool",
        Path("/etc/balance/extra.json"),
    )
    assert (settings.sheets_writes_per_minute, settings.sheets_reads_per_minute) == (60, 60)
    assert (settings.sheets_project_writes_per_minute, settings.sheets_project_reads_per_minute) == (300, 300)


def test_lists_maps_and_numbers_are_parsed():
    settings = Settings.from_environment(
        {
            "ALLOWED_CHAT_IDS": "-100123, -100456",
            "ADMIN_USER_IDS": "42",
            "BALANCE_SHEET_BY_CHAT": '{"-100123": "sheetA"}',
            "KHR_PER_USD": "4,100",
            "MAX_AMOUNT_USD": "500",
            "PARSER_LLM": "anthropic, none",
            "PENDING_TTL_SECONDS": "60",
        }
    )
    assert settings.allowed_chat_ids == {-100123, -100456}
    assert settings.admin_user_ids == {42}
    assert settings.balance_sheet_by_chat == {-100123: "sheetA"}
    assert settings.khr_per_usd == Decimal(4100)
    assert settings.max_amount_usd == 500
    assert settings.parser_llm == ("anthropic",)
    assert settings.pending_ttl_seconds == 60


def test_blank_values_mean_the_default():
    assert Settings.from_environment({"TIMEZONE": "  "}).timezone == "Asia/Phnom_Penh"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SHEET_BACKEND", "excel"),
        ("ALLOWED_CHAT_IDS", "the office"),
        ("BALANCE_SHEET_BY_CHAT", "[1, 2]"),
        ("PENDING_TTL_SECONDS", "-5"),
        ("USER_RATE_LIMIT_PER_MINUTE", "many"),
        ("KHR_PER_USD", "NaN"),
        ("MAX_AMOUNT_KHR", "lots"),
        ("PARSER_LLM", "gpt"),
        ("CONFIRMATION_STYLE", "loud"),
        ("DEFAULT_LANGUAGE", "fr"),
        ("UNDO_WINDOW_SECONDS", "0"),
        ("LLM_CONFIDENCE_THRESHOLD", "1.5"),
        ("LLM_MONTHLY_BUDGET_USD", "-1"),
        ("LLM_DEADLINE_SECONDS", "0"),
        ("LLM_PRICES", '{"claude-haiku-4-5": 1}'),
        ("LLM_PRICES", '{"claude-haiku-4-5": [1, -5]}'),
        ("MAX_IMAGES_AT_ONCE", "0"),
        ("OCR_LANGUAGES", "eng khm"),
        ("OCR_LANGUAGES", "eng+khm;rm"),
        ("OCR_MAX_MEGAPIXELS", "-1"),
    ],
)
def test_a_malformed_setting_is_refused_by_name(name, value):
    with pytest.raises(SettingsError, match=name):
        Settings.from_environment({name: value})


@pytest.mark.parametrize(
    ("value", "read"),
    [
        ("-1", -1),
        ("300", 300),
        ("2.5", 2.5),
        ("24h", "24h"),
        ("-1m", "-1m"),
        ("1h30m", "1h30m"),
        ("90s", "90s"),
    ],
)
def test_keep_alive_is_a_number_of_seconds_or_a_duration_with_its_unit(value, read):
    keep_alive = Settings.from_environment({"OLLAMA_KEEP_ALIVE": value}).ollama_keep_alive
    assert (keep_alive, type(keep_alive)) == (read, type(read))


@pytest.mark.parametrize("value", ["24 h", "1d", "forever", "-", "h", "5m3", "1e3"])
def test_a_keep_alive_ollama_would_refuse_is_refused_at_start_with_both_forms_named(value):
    with pytest.raises(SettingsError) as refused:
        Settings.from_environment({"OLLAMA_KEEP_ALIVE": value})
    assert str(refused.value) == (
        f"OLLAMA_KEEP_ALIVE must be a number of seconds (300; -1 keeps the model loaded for ever) "
        f"or a duration with its unit (30m, 24h, 1h30m, -1m), not {value!r}"
    )


def test_the_llm_limits_and_prices_are_read():
    settings = Settings.from_environment(
        {
            "LLM_CONFIDENCE_THRESHOLD": "0.75",
            "LLM_MONTHLY_BUDGET_USD": "0",
            "LLM_DEADLINE_SECONDS": "4.5",
            "LLM_PRICES": '{"claude-opus-4": [15, 75]}',
        }
    )
    assert settings.llm_confidence_threshold == Decimal("0.75")
    assert settings.llm_monthly_budget_usd == 0  # paid calls off
    assert settings.llm_deadline_seconds == Decimal("4.5")
    assert settings.llm_prices["claude-opus-4"] == (Decimal(15), Decimal(75))
    assert settings.llm_prices["claude-haiku-4-5"] == (Decimal(1), Decimal(5))  # the built-in table stays


def test_secrets_never_appear_in_the_settings_repr():
    settings = Settings.from_environment(
        {"TELEGRAM_BOT_TOKEN": "123:SECRET", "ANTHROPIC_API_KEY": "sk-SECRET"}
    )
    assert "SECRET" not in repr(settings)


def test_the_example_env_file_parses_with_every_setting_it_names():
    from pathlib import Path

    from dotenv import dotenv_values

    example = Path(__file__).resolve().parents[3] / ".env.example"
    values = {name: value or "" for name, value in dotenv_values(example).items()}
    settings = Settings.from_environment(values)
    assert settings.sheet_backend == "workbook"
    assert settings.timezone == "Asia/Phnom_Penh"


def test_late_expenses_have_three_grace_days_and_may_go_back_a_month_unless_set():
    assert (Settings.from_environment({}).period_grace_days, Settings.from_environment({}).max_days_back) == (
        3,
        31,
    )
    settings = Settings.from_environment({"PERIOD_GRACE_DAYS": "5", "MAX_DAYS_BACK": "7"})
    assert (settings.period_grace_days, settings.max_days_back) == (5, 7)
    with pytest.raises(SettingsError):
        Settings.from_environment({"PERIOD_GRACE_DAYS": "0"})


@pytest.mark.parametrize("zone", ["Mars/Base", "Phnom Penh", "../etc/passwd"])
def test_an_unknown_time_zone_is_refused_with_an_example(zone):
    with pytest.raises(SettingsError, match=r"TIMEZONE .* e\.g\. Asia/Phnom_Penh"):
        Settings.from_environment({"TIMEZONE": zone})


@pytest.mark.parametrize(
    ("title_format", "why"),
    [
        ("%m/%Y", "may not hold /"),
        ("%B %Y?", r"may not hold \?"),
        ("[%B] %Y", r"may not hold \[ \]"),
        ("%B: %Y", "may not hold :"),
        ("%B*", r"may not hold \*"),
        ("%B %Y " + "x" * 100, "1 to 100 characters"),
        ("Petty cash", "two months the same title"),
    ],
)
def test_a_title_format_that_makes_an_invalid_worksheet_title_is_refused(title_format, why):
    with pytest.raises(SettingsError, match=why):
        Settings.from_environment({"WORKSHEET_TITLE_FORMAT": title_format})


def test_a_title_format_with_the_month_alone_is_accepted():
    assert Settings.from_environment({"WORKSHEET_TITLE_FORMAT": "%Y-%m"}).worksheet_title_format == "%Y-%m"


@pytest.mark.parametrize("port", ["0", "99999", "-1", "http"])
def test_a_webhook_port_out_of_range_is_refused(port):
    with pytest.raises(SettingsError, match="WEBHOOK_PORT"):
        Settings.from_environment({"WEBHOOK_PORT": port})


def test_relative_paths_are_read_from_the_project_folder_and_absolute_ones_kept(tmp_path):
    settings = Settings.from_environment(
        {
            "DATABASE_PATH": "state/bot.sqlite3",
            "GOOGLE_SERVICE_ACCOUNT_FILE": "secrets/key.json",
            "WORKBOOK_PATH": "/srv/books/petty.xlsx",
        },
        tmp_path,
    )
    assert settings.database_path == tmp_path / "state" / "bot.sqlite3"
    assert settings.google_service_account_file == tmp_path / "secrets" / "key.json"
    assert settings.workbook_path == Path("/srv/books/petty.xlsx")
    assert Settings.from_environment({}, tmp_path).workbook_path == tmp_path / "data" / "balance.xlsx"


def test_the_price_table_holds_current_models_and_its_dearest_is_what_an_unknown_model_costs():
    prices = Settings.from_environment({}).llm_prices
    assert "claude-3-5-haiku-latest" not in prices  # retired
    assert prices["claude-haiku-4-5"] == (Decimal(1), Decimal(5))
    assert max(prices.values()) == (Decimal(15), Decimal(75))  # Opus 4.1, the dearest Anthropic lists


def test_khqr_top_ups_read_the_teams_bakong_account_and_hide_the_token():
    settings = Settings.from_environment(
        {
            "BAKONG_ACCOUNT_ID": "team_cash@aclb",
            "BAKONG_MERCHANT_NAME": "Petty Cash Team",
            "BAKONG_TOKEN": "eyJhbGciOiJIUzI1NiJ9.secret",
            "BAKONG_API_URL": "http://127.0.0.1:9/",
        }
    )
    assert (settings.bakong_account_id, settings.bakong_merchant_name, settings.bakong_city) == (
        "team_cash@aclb",
        "Petty Cash Team",
        "Phnom Penh",
    )
    assert settings.bakong_api_url == "http://127.0.0.1:9"
    assert "secret" not in repr(settings)
    assert Settings.from_environment({}).bakong_api_url == "https://api-bakong.nbc.gov.kh"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BAKONG_ACCOUNT_ID", "team_cash"),
        ("BAKONG_ACCOUNT_ID", "a_name_far_longer_than_any_khqr_takes@aclb"),
        ("BAKONG_MERCHANT_NAME", "A merchant name over 25 characters"),
        ("BAKONG_CITY", "Kampong Chhnang Province"),
    ],
)
def test_a_bakong_account_a_khqr_cannot_hold_is_refused_with_its_name(name, value):
    with pytest.raises(SettingsError, match=name):
        Settings.from_environment({name: value})


def test_photos_go_to_a_small_local_vision_model_unless_it_is_set_to_none():
    defaults = Settings.from_environment({})
    assert (
        defaults.ollama_vision_model,
        defaults.vision_timeout_seconds,
        defaults.vision_deadline_seconds,
    ) == (
        "qwen2.5vl:3b",
        30,
        60,
    )
    assert Settings.from_environment({"OLLAMA_VISION_MODEL": "None"}).ollama_vision_model is None
    chosen = Settings.from_environment(
        {"OLLAMA_VISION_MODEL": "llama3.2-vision", "VISION_DEADLINE_SECONDS": "90"}
    )
    assert (chosen.ollama_vision_model, chosen.vision_deadline_seconds) == ("llama3.2-vision", 90)
    with pytest.raises(SettingsError):
        Settings.from_environment({"VISION_TIMEOUT_SECONDS": "0"})


def test_photos_are_read_two_at_a_time_in_english_and_khmer_unless_set():
    assert (Settings().images_at_once, Settings().ocr_languages) == (2, "eng+khm")
    settings = Settings.from_environment(
        {
            "MAX_IMAGES_AT_ONCE": "3",
            "OCR_LANGUAGES": "eng",
            "OCR_TIMEOUT_SECONDS": "10",
            "OCR_MAX_MEGAPIXELS": "25",
        }
    )
    assert (settings.images_at_once, settings.ocr_languages) == (3, "eng")
    assert (settings.ocr_timeout_seconds, settings.ocr_max_megapixels) == (10, 25)


def test_recurring_costs_are_written_at_seven_unless_another_hour_is_set():
    assert Settings.from_environment({}).recurring_hour == 7
    assert Settings.from_environment({"RECURRING_HOUR": "0"}).recurring_hour == 0
    for hour in ("24", "-1", "7am", "៧"):
        with pytest.raises(SettingsError, match="RECURRING_HOUR must be one of 0, 1, 10"):
            Settings.from_environment({"RECURRING_HOUR": hour})
