"""The operator's settings (environment or .env), parsed and checked once at start."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from balance_bot.domain.approval_threshold import OFF, read_threshold
from balance_bot.domain.money import Money

PARSER_LLM_CHOICES = frozenset({"none", "ollama", "anthropic"})
# USD per million input and output tokens, from Anthropic's price list; LLM_PRICES adds or overrides.
# It lists Anthropic's dearest model (Opus 4.1): a model not in it is priced as the dearest one
# here, so the budget holds whatever ANTHROPIC_MODEL names; `check` warns about it.
DEFAULT_LLM_PRICES: Mapping[str, tuple[Decimal, Decimal]] = {
    "claude-haiku-4-5": (Decimal(1), Decimal(5)),
    "claude-haiku-4-5-20251001": (Decimal(1), Decimal(5)),
    "claude-sonnet-4-5": (Decimal(3), Decimal(15)),
    "claude-sonnet-4-5-20250929": (Decimal(3), Decimal(15)),
    "claude-sonnet-4-0": (Decimal(3), Decimal(15)),
    "claude-opus-4-5": (Decimal(5), Decimal(25)),
    "claude-opus-4-1": (Decimal(15), Decimal(75)),
    "claude-opus-4-0": (Decimal(15), Decimal(75)),
}


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names it and says what is expected."""


@dataclass(frozen=True)
class Settings:
    """Every setting (the README's table, .env.example), typed; secrets stay out of repr, so out of logs."""

    telegram_bot_token: str | None = field(default=None, repr=False)
    telegram_api_url: str = "https://api.telegram.org"
    sheet_backend: str = "workbook"
    workbook_path: Path = Path("data/balance.xlsx")
    google_service_account_file: Path | None = None
    # A pool: key files, or folders of them (read when the bot starts); each spreadsheet is served by one.
    google_service_account_files: tuple[Path, ...] = ()
    balance_sheet_id: str | None = None
    balance_sheet_by_chat: Mapping[int, str] = field(default_factory=dict)
    sheets_api_url: str = "https://sheets.googleapis.com"
    database_path: Path = Path("data/balance_bot.sqlite3")
    timezone: str = "Asia/Phnom_Penh"
    allowed_chat_ids: frozenset[int] = frozenset()
    admin_user_ids: frozenset[int] = frozenset()
    worksheet_title_format: str = "%B %Y"
    pending_ttl_seconds: int = 300
    user_rate_limit_per_minute: int = 5
    parser_llm: tuple[str, ...] = ("ollama", "anthropic")
    ollama_host: str = "http://127.0.0.1:11434"
    ollama_model: str = "qwen2.5:3b-instruct"
    ollama_keep_alive: float | str = "24h"  # seconds as a number, or a duration such as 24h
    anthropic_api_key: str | None = field(default=None, repr=False)
    anthropic_model: str = "claude-haiku-4-5"
    anthropic_base_url: str = "https://api.anthropic.com"
    ollama_timeout_seconds: Decimal = Decimal(5)
    anthropic_timeout_seconds: Decimal = Decimal(5)
    llm_deadline_seconds: Decimal = Decimal(8)
    llm_confidence_threshold: Decimal = Decimal("0.6")
    llm_monthly_budget_usd: Decimal = Decimal(5)
    llm_prices: Mapping[str, tuple[Decimal, Decimal]] = field(
        default_factory=lambda: dict(DEFAULT_LLM_PRICES)
    )
    ollama_vision_model: str | None = "qwen2.5vl:3b"  # None: images go to the paid model alone
    vision_timeout_seconds: Decimal = Decimal(30)
    vision_deadline_seconds: Decimal = Decimal(60)
    khr_per_usd: Decimal = Decimal(4000)
    # The day's rate: the NBC's official one read from its page once a day, or `fixed` (KHR_PER_USD).
    rate_source: str = "nbc"
    rate_source_url: str = "https://www.nbc.gov.kh/english/economic_research/exchange_rate.php"
    max_amount_usd: Decimal = Decimal(10000)
    max_amount_khr: Decimal = Decimal(40_000_000)
    max_entries_per_message: int = 50
    undo_window_seconds: int = 900
    workbook_save_delay_seconds: int = 2
    sheets_writes_per_minute: int = 60
    sheets_reads_per_minute: int = 60
    sheets_project_writes_per_minute: int = 300  # the Google Cloud project's own quota, for all its accounts
    sheets_project_reads_per_minute: int = 300
    confirm_wait_seconds: int = 5
    reconcile_minutes: int = 30
    period_grace_days: int = 3
    advance_reminder_days: int = 7
    changes_hour: int = 18  # the hour, in TIMEZONE, of the daily look at what changed in the sheet by hand
    approval_over: Money | None = None  # expenses above it wait for an admin, in groups that have not chosen
    recurring_hour: int = 7  # the hour a recurring cost's row is written on its day, when the team is up
    ask_for_members: str = "own"
    max_days_back: int = 31
    webhook_url: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8080
    webapp_url: str | None = None  # the Mini App's public https address, behind the proxy
    webapp_short_name: str | None = None  # its BotFather /newapp short name, for direct links
    webapp_listen: str = "127.0.0.1"
    webapp_port: int = 8090
    webapp_auth_max_age_seconds: int = 86400
    webhook_secret: str | None = field(default=None, repr=False)
    confirmation_style: str = "reply"
    default_language: str = "en"  # of the bot's replies in a group that has not chosen (/language)
    # KHQR top-ups: the team's Bakong account the QR pays; the token lets the bot see payments itself.
    bakong_account_id: str | None = None
    bakong_merchant_name: str | None = None
    bakong_city: str = "Phnom Penh"
    bakong_token: str | None = field(default=None, repr=False)
    bakong_api_url: str = "https://api-bakong.nbc.gov.kh"
    # Photos read on this machine (Tesseract): how many at once, in which languages, for how long at most,
    # and the largest image decoded.
    images_at_once: int = 2  # DESIGN.md: two photos read at once, the rest wait their turn
    ocr_languages: str = "eng+khm"
    ocr_timeout_seconds: int = 30
    ocr_max_megapixels: int = 40

    @classmethod
    def from_environment(cls, env: Mapping[str, str], folder: Path | None = None) -> Settings:
        """Settings from environment-style strings; blank values mean the default.

        Relative paths are read from `folder` (the project's), not from wherever a command is run.
        """
        values = {name: value.strip() for name, value in env.items() if value and value.strip()}
        defaults = cls()
        base = folder or Path()

        def path(name: str, default: Path) -> Path:
            given = Path(values[name]).expanduser() if name in values else default
            return given if given.is_absolute() else base / given

        service_account = values.get("GOOGLE_SERVICE_ACCOUNT_FILE")
        pool = [
            base / Path(entry.strip()).expanduser()  # an absolute entry stays itself
            for entry in re.split(r"[,\n]", values.get("GOOGLE_SERVICE_ACCOUNT_FILES", ""))
            if entry.strip()
        ]
        return cls(
            telegram_bot_token=values.get("TELEGRAM_BOT_TOKEN"),
            telegram_api_url=values.get("TELEGRAM_API_URL", defaults.telegram_api_url).rstrip("/"),
            sheet_backend=_choice(
                values,
                "SHEET_BACKEND",
                {"google", "workbook"},
                "google" if service_account or pool else "workbook",
            ),
            workbook_path=path("WORKBOOK_PATH", defaults.workbook_path),
            google_service_account_file=(
                path("GOOGLE_SERVICE_ACCOUNT_FILE", Path()) if service_account else None
            ),
            google_service_account_files=tuple(pool),
            balance_sheet_id=values.get("BALANCE_SHEET_ID"),
            balance_sheet_by_chat=_sheet_map(values.get("BALANCE_SHEET_BY_CHAT", "{}")),
            sheets_api_url=values.get("SHEETS_API_URL", defaults.sheets_api_url).rstrip("/"),
            database_path=path("DATABASE_PATH", defaults.database_path),
            timezone=_timezone(values.get("TIMEZONE", defaults.timezone)),
            allowed_chat_ids=_ids(values, "ALLOWED_CHAT_IDS"),
            admin_user_ids=_ids(values, "ADMIN_USER_IDS"),
            worksheet_title_format=_title_format(
                values.get("WORKSHEET_TITLE_FORMAT", defaults.worksheet_title_format)
            ),
            pending_ttl_seconds=_positive_int(values, "PENDING_TTL_SECONDS", defaults.pending_ttl_seconds),
            user_rate_limit_per_minute=_positive_int(
                values, "USER_RATE_LIMIT_PER_MINUTE", defaults.user_rate_limit_per_minute
            ),
            parser_llm=_parser_llm(values.get("PARSER_LLM", ",".join(defaults.parser_llm))),
            ollama_host=values.get("OLLAMA_HOST", defaults.ollama_host).rstrip("/"),
            ollama_model=values.get("OLLAMA_MODEL", defaults.ollama_model),
            ollama_keep_alive=_keep_alive(values.get("OLLAMA_KEEP_ALIVE", str(defaults.ollama_keep_alive))),
            anthropic_api_key=values.get("ANTHROPIC_API_KEY"),
            anthropic_model=values.get("ANTHROPIC_MODEL", defaults.anthropic_model),
            anthropic_base_url=values.get("ANTHROPIC_BASE_URL", defaults.anthropic_base_url).rstrip("/"),
            ollama_timeout_seconds=_positive_decimal(
                values, "OLLAMA_TIMEOUT_SECONDS", defaults.ollama_timeout_seconds
            ),
            anthropic_timeout_seconds=_positive_decimal(
                values, "ANTHROPIC_TIMEOUT_SECONDS", defaults.anthropic_timeout_seconds
            ),
            llm_deadline_seconds=_positive_decimal(
                values, "LLM_DEADLINE_SECONDS", defaults.llm_deadline_seconds
            ),
            llm_confidence_threshold=_decimal(
                values,
                "LLM_CONFIDENCE_THRESHOLD",
                defaults.llm_confidence_threshold,
                at_least=Decimal(0),
                at_most=Decimal(1),
            ),
            llm_monthly_budget_usd=_decimal(
                values, "LLM_MONTHLY_BUDGET_USD", defaults.llm_monthly_budget_usd, at_least=Decimal(0)
            ),
            llm_prices={**DEFAULT_LLM_PRICES, **_prices(values.get("LLM_PRICES", "{}"))},
            ollama_vision_model=_unless_none(values.get("OLLAMA_VISION_MODEL"), defaults.ollama_vision_model),
            vision_timeout_seconds=_positive_decimal(
                values, "VISION_TIMEOUT_SECONDS", defaults.vision_timeout_seconds
            ),
            vision_deadline_seconds=_positive_decimal(
                values, "VISION_DEADLINE_SECONDS", defaults.vision_deadline_seconds
            ),
            khr_per_usd=_positive_decimal(values, "KHR_PER_USD", defaults.khr_per_usd),
            rate_source=_choice(values, "RATE_SOURCE", {"nbc", "fixed"}, defaults.rate_source),
            rate_source_url=values.get("RATE_SOURCE_URL", defaults.rate_source_url),
            max_amount_usd=_positive_decimal(values, "MAX_AMOUNT_USD", defaults.max_amount_usd),
            max_amount_khr=_positive_decimal(values, "MAX_AMOUNT_KHR", defaults.max_amount_khr),
            max_entries_per_message=_positive_int(
                values, "MAX_ENTRIES_PER_MESSAGE", defaults.max_entries_per_message
            ),
            undo_window_seconds=_positive_int(values, "UNDO_WINDOW_SECONDS", defaults.undo_window_seconds),
            workbook_save_delay_seconds=_positive_int(
                values, "WORKBOOK_SAVE_DELAY_SECONDS", defaults.workbook_save_delay_seconds
            ),
            sheets_writes_per_minute=_positive_int(
                values, "SHEETS_WRITES_PER_MINUTE", defaults.sheets_writes_per_minute
            ),
            sheets_reads_per_minute=_positive_int(
                values, "SHEETS_READS_PER_MINUTE", defaults.sheets_reads_per_minute
            ),
            sheets_project_writes_per_minute=_positive_int(
                values, "SHEETS_PROJECT_WRITES_PER_MINUTE", defaults.sheets_project_writes_per_minute
            ),
            sheets_project_reads_per_minute=_positive_int(
                values, "SHEETS_PROJECT_READS_PER_MINUTE", defaults.sheets_project_reads_per_minute
            ),
            confirm_wait_seconds=_positive_int(values, "CONFIRM_WAIT_SECONDS", defaults.confirm_wait_seconds),
            reconcile_minutes=_positive_int(values, "RECONCILE_MINUTES", defaults.reconcile_minutes),
            period_grace_days=_positive_int(values, "PERIOD_GRACE_DAYS", defaults.period_grace_days),
            advance_reminder_days=_positive_int(
                values, "ADVANCE_REMINDER_DAYS", defaults.advance_reminder_days
            ),
            changes_hour=int(
                _choice(values, "CHANGES_HOUR", {str(hour) for hour in range(24)}, str(defaults.changes_hour))
            ),
            approval_over=_approval_over(values.get("APPROVAL_OVER", "")),
            recurring_hour=int(
                _choice(
                    values, "RECURRING_HOUR", {str(hour) for hour in range(24)}, str(defaults.recurring_hour)
                )
            ),
            ask_for_members=_choice(
                values, "ASK_FOR_MEMBERS", {"own", "all", "none"}, defaults.ask_for_members
            ),
            max_days_back=_positive_int(values, "MAX_DAYS_BACK", defaults.max_days_back),
            webhook_url=values.get("WEBHOOK_URL"),
            webhook_listen=values.get("WEBHOOK_LISTEN", defaults.webhook_listen),
            webhook_port=_port(values, "WEBHOOK_PORT", defaults.webhook_port),
            webapp_url=values.get("WEBAPP_URL") or None,
            webapp_short_name=values.get("WEBAPP_SHORT_NAME") or None,
            webapp_listen=values.get("WEBAPP_LISTEN", defaults.webapp_listen),
            webapp_port=_port(values, "WEBAPP_PORT", defaults.webapp_port),
            webapp_auth_max_age_seconds=_positive_int(
                values, "WEBAPP_AUTH_MAX_AGE", defaults.webapp_auth_max_age_seconds
            ),
            webhook_secret=_webhook_secret(values.get("WEBHOOK_SECRET")),
            confirmation_style=_choice(
                values, "CONFIRMATION_STYLE", {"reply", "reaction"}, defaults.confirmation_style
            ),
            default_language=_choice(values, "DEFAULT_LANGUAGE", {"en", "km"}, defaults.default_language),
            bakong_account_id=_bakong_account(values.get("BAKONG_ACCOUNT_ID")),
            bakong_merchant_name=_khqr_field(values, "BAKONG_MERCHANT_NAME", MERCHANT_NAME_LONGEST),
            bakong_city=_khqr_field(values, "BAKONG_CITY", CITY_LONGEST) or defaults.bakong_city,
            bakong_token=values.get("BAKONG_TOKEN"),
            bakong_api_url=values.get("BAKONG_API_URL", defaults.bakong_api_url).rstrip("/"),
            images_at_once=_positive_int(values, "MAX_IMAGES_AT_ONCE", defaults.images_at_once),
            ocr_languages=_ocr_languages(values.get("OCR_LANGUAGES", defaults.ocr_languages)),
            ocr_timeout_seconds=_positive_int(values, "OCR_TIMEOUT_SECONDS", defaults.ocr_timeout_seconds),
            ocr_max_megapixels=_positive_int(values, "OCR_MAX_MEGAPIXELS", defaults.ocr_max_megapixels),
        )


# Google Sheets refuses these in a worksheet's title, and titles longer than 100 characters.
_TITLE_FORBIDDEN = frozenset("[]:*?/\\")
_TITLE_MAX_LENGTH = 100


def _timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise SettingsError(f"TIMEZONE {name!r} is not a known time zone, e.g. Asia/Phnom_Penh") from exc
    return name


def _title_format(title_format: str) -> str:
    """A format that names every month of a year with its own valid worksheet title."""
    try:
        titles = [date(2026, month, 1).strftime(title_format) for month in range(1, 13)]
    except ValueError as exc:
        raise SettingsError(f"WORKSHEET_TITLE_FORMAT {title_format!r} is not a date format: {exc}") from exc
    for title in titles:
        forbidden = sorted(set(title) & _TITLE_FORBIDDEN)
        if forbidden:
            raise SettingsError(
                f"WORKSHEET_TITLE_FORMAT {title_format!r} makes the title {title!r}, and a worksheet's "
                f"title may not hold {' '.join(forbidden)}"
            )
        if not title.strip() or len(title) > _TITLE_MAX_LENGTH:
            raise SettingsError(
                f"WORKSHEET_TITLE_FORMAT {title_format!r} makes the title {title!r}: a worksheet's title "
                f"holds 1 to {_TITLE_MAX_LENGTH} characters"
            )
    if len(set(titles)) < len(titles):
        raise SettingsError(
            f"WORKSHEET_TITLE_FORMAT {title_format!r} gives two months the same title: "
            "include the month (%B or %m)"
        )
    return title_format


# Ollama reads a keep_alive string with Go's time.ParseDuration, which wants a unit ("-1" and "300"
# are refused with "missing unit in duration"), and a JSON number as seconds (negative: for ever).
_GO_DURATION = re.compile(r"-?(\d+(\.\d*)?(ns|us|µs|ms|s|m|h))+")
_SECONDS = re.compile(r"-?\d+(\.\d+)?")


def _keep_alive(raw: str) -> float | str:
    """How long Ollama keeps the model loaded after a call, as Ollama takes it: a bare number is
    seconds and goes as a JSON number (-1: for ever), a duration (30m, 24h, -1m) as a string."""
    if _SECONDS.fullmatch(raw):
        return float(raw) if "." in raw else int(raw)
    if _GO_DURATION.fullmatch(raw):
        return raw
    raise SettingsError(
        "OLLAMA_KEEP_ALIVE must be a number of seconds (300; -1 keeps the model loaded for ever) "
        f"or a duration with its unit (30m, 24h, 1h30m, -1m), not {raw!r}"
    )


def _port(values: Mapping[str, str], name: str, default: int) -> int:
    port = _positive_int(values, name, default)
    if port > 65535:
        raise SettingsError(f"{name} must be a port from 1 to 65535, not {port}")
    return port


def _approval_over(raw: str) -> Money | None:
    """APPROVAL_OVER: an amount with its currency ('100$', '400000 KHR'), or off (empty, 'off')."""
    if raw.strip().casefold() in ("", OFF):
        return None
    threshold = read_threshold(raw)
    if threshold is None:
        raise SettingsError(
            f"APPROVAL_OVER must be an amount with its currency (100$, 400000 KHR) or off, not {raw!r}"
        )
    return threshold


def _choice(values: Mapping[str, str], name: str, allowed: set[str], default: str) -> str:
    value = values.get(name, default).lower()
    if value not in allowed:
        raise SettingsError(f"{name} must be one of {', '.join(sorted(allowed))}, not {value!r}")
    return value


def _ids(values: Mapping[str, str], name: str) -> frozenset[int]:
    raw = values.get(name, "")
    try:
        return frozenset(int(part) for part in raw.replace(";", ",").split(",") if part.strip())
    except ValueError as exc:
        raise SettingsError(f"{name} must be a comma-separated list of numeric ids") from exc


def _sheet_map(raw: str) -> dict[int, str]:
    try:
        mapping = json.loads(raw)
        if not isinstance(mapping, dict):
            raise TypeError("not an object")
        return {int(chat): str(sheet) for chat, sheet in mapping.items()}
    except (json.JSONDecodeError, TypeError, ValueError) as exc:
        raise SettingsError(
            'BALANCE_SHEET_BY_CHAT must be a JSON object of chat id to sheet id, e.g. {"-100123": "1AbC"}'
        ) from exc


def _positive_int(values: Mapping[str, str], name: str, default: int) -> int:
    raw = values.get(name)
    if raw is None:
        return default
    try:
        number = int(raw)
    except ValueError as exc:
        raise SettingsError(f"{name} must be a whole number, not {raw!r}") from exc
    if number <= 0:
        raise SettingsError(f"{name} must be above zero, not {number}")
    return number


def _positive_decimal(values: Mapping[str, str], name: str, default: Decimal) -> Decimal:
    return _decimal(values, name, default, above=Decimal(0))


def _decimal(
    values: Mapping[str, str],
    name: str,
    default: Decimal,
    *,
    above: Decimal | None = None,
    at_least: Decimal | None = None,
    at_most: Decimal | None = None,
) -> Decimal:
    """A number setting within its bounds; thousands separators allowed, as operators write money."""
    raw = values.get(name)
    if raw is None:
        return default
    try:
        number = Decimal(raw.replace(",", ""))
    except InvalidOperation as exc:
        raise SettingsError(f"{name} must be a number, not {raw!r}") from exc
    if not number.is_finite():
        raise SettingsError(f"{name} must be a number, not {raw!r}")
    if above is not None and number <= above:
        raise SettingsError(f"{name} must be a number above {above}, not {raw!r}")
    if at_least is not None and number < at_least:
        raise SettingsError(f"{name} must be {at_least} or more, not {raw!r}")
    if at_most is not None and number > at_most:
        raise SettingsError(f"{name} must be {at_most} or less, not {raw!r}")
    return number


def _prices(raw: str) -> dict[str, tuple[Decimal, Decimal]]:
    try:
        table = json.loads(raw)
        if not isinstance(table, dict):
            raise TypeError("not an object")
        prices = {str(model): (Decimal(str(pair[0])), Decimal(str(pair[1]))) for model, pair in table.items()}
    except (json.JSONDecodeError, TypeError, ValueError, IndexError, KeyError, InvalidOperation) as exc:
        raise SettingsError(
            "LLM_PRICES must be a JSON object of model to [input, output] USD per million tokens, "
            'e.g. {"claude-haiku-4-5": [1, 5]}'
        ) from exc
    if any(not price.is_finite() or price < 0 for pair in prices.values() for price in pair):
        raise SettingsError("LLM_PRICES holds prices of 0 or more")
    return prices


def _webhook_secret(raw: str | None) -> str | None:
    if raw is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", raw):
        raise SettingsError("WEBHOOK_SECRET may hold only letters, digits, _ and -, at most 256 of them")
    return raw


# What a KHQR holds (EMVCo's lengths, as Bakong's apps read them): an account id 'name@bank' of up to 32
# characters, a merchant name of up to 25 and a city of up to 15.
ACCOUNT_ID_LONGEST = 32
MERCHANT_NAME_LONGEST = 25
CITY_LONGEST = 15


def _bakong_account(raw: str | None) -> str | None:
    if raw is None:
        return None
    if not re.fullmatch(r"[^@\s]+@[^@\s]+", raw) or len(raw) > ACCOUNT_ID_LONGEST:
        raise SettingsError(
            f"BAKONG_ACCOUNT_ID must be a Bakong account id such as team_cash@aclb (at most "
            f"{ACCOUNT_ID_LONGEST} characters), not {raw!r}"
        )
    return raw


def _khqr_field(values: Mapping[str, str], name: str, longest: int) -> str | None:
    raw = values.get(name)
    if raw is not None and len(raw) > longest:
        raise SettingsError(f"{name} holds at most {longest} characters in a KHQR, not {len(raw)}")
    return raw


def _unless_none(value: str | None, default: str | None) -> str | None:
    """A name, None for the word none, the default when unset."""
    if value is None:
        return default
    return None if value.lower() == "none" else value


def _parser_llm(raw: str) -> tuple[str, ...]:
    chosen = tuple(part.strip().lower() for part in raw.split(",") if part.strip())
    unknown = [name for name in chosen if name not in PARSER_LLM_CHOICES]
    if unknown:
        raise SettingsError(f"PARSER_LLM knows none, ollama and anthropic, not {', '.join(unknown)}")
    return tuple(name for name in chosen if name != "none")


def _ocr_languages(raw: str) -> str:
    """Tesseract's languages joined with +, as its -l option takes them (eng, khm, eng+khm)."""
    if not re.fullmatch(r"[a-z_]{3,}(\+[a-z_]{3,})*", raw):
        raise SettingsError(
            f"OCR_LANGUAGES must be Tesseract's language codes joined with +, e.g. eng+khm, not {raw!r}"
        )
    return raw
