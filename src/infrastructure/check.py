"""`balance-bot check`: the settings and everything they point to, one clear line per item."""

from __future__ import annotations

import os
import re
from collections.abc import Awaitable, Sequence
from pathlib import Path

import aiohttp
from telegram import Bot
from telegram.error import InvalidToken, NetworkError, TelegramError

from balance_bot.domain.language import Language
from infrastructure.check_findings import Finding, Verdict
from infrastructure.i18n.catalogs import LOCALE_FOLDER, translations
from infrastructure.llm.questions import Failure, ModelFailure
from infrastructure.logging_setup import redact
from infrastructure.rates.check import rate_source_said
from infrastructure.settings import Settings
from infrastructure.sqlite.chat_moves import SqliteChatMoves
from infrastructure.sqlite.database import Database, DatabaseDamaged
from infrastructure.sqlite.group_allowances import SqliteGroupAllowances
from infrastructure.sqlite.memberships import SqliteMemberships


async def run_checks(
    settings: Settings, dotenv: Path | None = None, locale_folder: Path = LOCALE_FOLDER
) -> list[Finding]:
    """Every check, in the order an operator sets things up; one that fails unexpectedly is a FAIL
    line of its own, and the others still run."""
    secrets = [settings.telegram_bot_token, settings.anthropic_api_key, settings.webhook_secret]
    findings = await _guarded("Telegram", _telegram(settings), secrets)
    database, moves, groups, allowed = await _database(settings)
    findings += [database, *_moved_groups(settings, moves), _allowed_groups(settings, allowed)]
    if groups:
        findings.append(Finding(Verdict.OK, "Groups seen", ", ".join(str(group) for group in groups)))
    findings += _permissions(settings, dotenv)
    findings += _webhook(settings)
    findings.append(_languages(settings, locale_folder))
    findings += await _guarded("Sheets", _ledger(settings), secrets)
    findings += await _guarded("LLM", _llms(settings), secrets)
    verdict, detail = await rate_source_said(settings)
    return [*findings, Finding(Verdict(verdict), "Rate of the day", detail)]


async def _guarded(
    item: str, check: Awaitable[Finding | list[Finding]], secrets: Sequence[str | None]
) -> list[Finding]:
    """The check's findings; a FAIL line naming the error, without any secret, if it raised."""
    try:
        found = await check
    except Exception as exc:  # a check must never end the report: say what failed and go on
        return [
            Finding(Verdict.FAIL, item, redact(f"could not be checked: {type(exc).__name__}: {exc}", secrets))
        ]
    return found if isinstance(found, list) else [found]


# A token as @BotFather issues it: the bot's id, a colon, 35 characters. Another shape is a paste gone
# wrong, refused without asking Telegram.
TOKEN_SHAPE = re.compile(r"[0-9]+:[A-Za-z0-9_-]{35}")
TOKEN_SHAPE_SAID = "is not shaped like a bot token (the bot's id, a colon, 35 letters, digits, - or _)"


async def _telegram(settings: Settings) -> Finding:
    if not settings.telegram_bot_token:
        return Finding(
            Verdict.FAIL, "Telegram", "TELEGRAM_BOT_TOKEN is not set (create a bot with @BotFather)"
        )
    if not TOKEN_SHAPE.fullmatch(settings.telegram_bot_token):
        return Finding(
            Verdict.FAIL, "Telegram", f"TELEGRAM_BOT_TOKEN {TOKEN_SHAPE_SAID}: copy it again from @BotFather"
        )
    bot = Bot(settings.telegram_bot_token, base_url=f"{settings.telegram_api_url}/bot")
    try:
        async with bot:
            me = bot.bot
    except InvalidToken:
        return Finding(Verdict.FAIL, "Telegram", "the token was refused; copy it again from @BotFather")
    except NetworkError as exc:
        return Finding(Verdict.FAIL, "Telegram", f"{settings.telegram_api_url} did not answer ({exc})")
    except TelegramError as exc:
        return Finding(Verdict.FAIL, "Telegram", f"getMe failed: {exc}")
    if not me.can_read_all_group_messages:
        return Finding(
            Verdict.WARN,
            "Telegram",
            f"@{me.username} cannot read group messages: in @BotFather /setprivacy → Disable, "
            "then add the bot to the group again (or make it a group admin)",
        )
    return Finding(Verdict.OK, "Telegram", f"@{me.username} reads group messages")


def _moved_groups(settings: Settings, moves: list[tuple[int, int]]) -> list[Finding]:
    """Settings that still name a group by the id it had before it became a supergroup."""
    findings = []
    for old, new in moves:
        named_in = [
            name
            for name, ids in (
                ("ALLOWED_CHAT_IDS", settings.allowed_chat_ids),
                ("BALANCE_SHEET_BY_CHAT", settings.balance_sheet_by_chat.keys()),
            )
            if old in ids and new not in ids
        ]
        if named_in:
            where = " and ".join(named_in)
            findings.append(
                Finding(
                    Verdict.WARN,
                    "Group moved",
                    f"group {old} is now {new} (a supergroup): replace {old} with {new} in {where}; "
                    "the bot follows it meanwhile",
                )
            )
    return findings


def _allowed_groups(settings: Settings, allowed: set[int]) -> Finding:
    """The groups the bot serves; none is a warning: every group is told the bot is private."""
    named = [f"{group} (ALLOWED_CHAT_IDS)" for group in sorted(settings.allowed_chat_ids)]
    named += [f"{group} (/allow)" for group in sorted(allowed - settings.allowed_chat_ids)]
    if named:
        return Finding(Verdict.OK, "Groups allowed", ", ".join(named))
    operators = "" if settings.admin_user_ids else " (set ADMIN_USER_IDS to your user id first)"
    return Finding(
        Verdict.WARN,
        "Groups allowed",
        "none: every group is told the bot is private. Allow your group by its id (/id in the group "
        "shows it) in ALLOWED_CHAT_IDS, or send the bot /allow in a private chat" + operators,
    )


async def _database(settings: Settings) -> tuple[Finding, list[tuple[int, int]], list[int], set[int]]:
    """The database's line (its folder writable, the file sound, as the bot opens it), the groups it
    knows moved to a supergroup, the groups it has seen, for ALLOWED_CHAT_IDS, and those allowed
    with /allow."""
    folder = settings.database_path.parent
    if not _writable_folder(folder):
        return Finding(Verdict.FAIL, "Database", f"cannot create or write {folder}"), [], [], set()
    if settings.database_path.exists() and not os.access(settings.database_path, os.R_OK | os.W_OK):
        return (
            Finding(
                Verdict.FAIL,
                "Database",
                f"{settings.database_path} cannot be read and written by this user "
                f"({_owner(settings.database_path)}): run the bot as its owner, "
                "or chown it to the bot's user",
            ),
            [],
            [],
            set(),
        )
    database = Database(settings.database_path)
    try:
        moves = await SqliteChatMoves(database).moves()
        groups = await SqliteMemberships(database).seen()
        allowed = await SqliteGroupAllowances(database).allowed()
    except DatabaseDamaged as exc:
        return Finding(Verdict.FAIL, "Database", str(exc)), [], [], set()
    finally:
        await database.close()
    return Finding(Verdict.OK, "Database", f"{settings.database_path}"), moves, groups, allowed


def _permissions(settings: Settings, dotenv: Path | None) -> list[Finding]:
    """Files holding secrets or members' posts: readable by this user, by no other."""
    files = [
        (".env", dotenv, "holds the bot's token"),
        ("Key file", settings.google_service_account_file, "holds the Google key"),
        ("Database", settings.database_path, "holds members' posts"),
    ]
    findings = []
    for item, path, holds in files:
        if path is None or not path.is_file():
            continue
        if not os.access(path, os.R_OK):
            findings.append(
                Finding(
                    Verdict.FAIL,
                    f"{item} permissions",
                    f"{path} cannot be read by this user ({_owner(path)}): chown it to the bot's user",
                )
            )
        elif path.stat().st_mode & 0o077:
            findings.append(
                Finding(
                    Verdict.WARN,
                    f"{item} permissions",
                    f"{path} {holds} and other users can read it: chmod 600 {path}",
                )
            )
    return findings


def _webhook(settings: Settings) -> list[Finding]:
    """For `run --webhook`: Telegram posts only to https addresses."""
    url = settings.webhook_url
    if not url:
        return []
    where = f"the bot listens on {settings.webhook_listen}:{settings.webhook_port}"
    if not url.startswith("https://"):
        return [
            Finding(Verdict.WARN, "Webhook", f"{url} is not https: Telegram posts only to https; {where}")
        ]
    secret = "" if settings.webhook_secret else " (no WEBHOOK_SECRET: a new one is made at each start)"
    return [Finding(Verdict.OK, "Webhook", f"Telegram posts to {url}; {where}{secret}")]


def _languages(settings: Settings, folder: Path) -> Finding:
    """The compiled catalogs a group's /language needs: without them a Khmer reply cannot be said."""
    missing = []
    for language in Language:
        try:
            translations(language, folder)
        except OSError:
            missing.append(language.value)
    if missing:
        return Finding(
            Verdict.FAIL,
            "Languages",
            f"no compiled catalog for {', '.join(missing)} in {folder}: run `make catalogs`",
        )
    spoken = ", ".join(language.value for language in Language)
    return Finding(
        Verdict.OK, "Languages", f"{spoken}; a group that has not chosen hears {settings.default_language}"
    )


def _owner(path: Path) -> str:
    """'owned by balance, mode 640', for a line about a file's permissions."""
    status = path.stat()
    try:
        import pwd

        owner = pwd.getpwuid(status.st_uid).pw_name
    except (ImportError, KeyError):
        owner = str(status.st_uid)
    return f"owned by {owner}, mode {status.st_mode & 0o777:o}"


async def _ledger(settings: Settings) -> list[Finding]:
    if settings.sheet_backend == "workbook":
        folder = settings.workbook_path.parent
        if _writable_folder(folder):
            return [Finding(Verdict.OK, "Workbook", f"{settings.workbook_path}")]
        return [Finding(Verdict.FAIL, "Workbook", f"cannot create or write {folder}")]
    from infrastructure.check_sheets import google_findings

    return await google_findings(settings)


async def _llms(settings: Settings) -> list[Finding]:
    findings = []
    if "ollama" in settings.parser_llm:
        findings.append(await _ollama(settings))
    if "anthropic" in settings.parser_llm:
        model, budget = settings.anthropic_model, settings.llm_monthly_budget_usd
        dearest = max(settings.llm_prices.values())
        if settings.anthropic_api_key and model not in settings.llm_prices:
            findings.append(
                Finding(
                    Verdict.WARN,
                    "Anthropic",
                    f"no price for {model} in the built-in table or LLM_PRICES: its calls are costed at "
                    f"the dearest price there ({dearest[0]} and {dearest[1]} USD per million tokens); add "
                    "its price to LLM_PRICES",
                )
            )
        elif settings.anthropic_api_key:
            findings.append(
                Finding(Verdict.OK, "Anthropic", f"key set, model {model}, budget {budget} USD a month")
            )
        else:
            findings.append(Finding(Verdict.SKIP, "Anthropic", "no ANTHROPIC_API_KEY: no paid fallback"))
    if not settings.parser_llm:
        findings.append(Finding(Verdict.SKIP, "LLM", "PARSER_LLM=none: the heuristic parser decides alone"))
    return findings


# A JSON schema in `format` needs this server version; older servers ignore or refuse it.
OLDEST_OLLAMA = (0, 5, 0)
# Versions that mishandle `think: false`, which the bot sends, from ollama/ollama's history:
# 0.12.4 asks any model sent `think` for the thinking capability, so a model that does not think
# is refused; 0.12.5 takes `think: false` from any model again (ollama/ollama#12555).
THINK_FALSE_REFUSED = ((0, 12, 4), (0, 12, 5))
# From 0.12.4 (ollama/ollama#12460) `format` waits for a thinking model's thoughts to end, which
# never come with `think: false`: the answer is not held to the schema. Mended for gemma4 in 0.21.1
# (ollama/ollama#15678), for every thinking model in 0.31.2 (ollama/ollama#15901).
FORMAT_DROPPED = ((0, 12, 4), (0, 31, 2))


async def _ollama(settings: Settings) -> Finding:
    host = settings.ollama_host
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as session:
            async with session.get(f"{host}/api/tags") as response:
                models = [model.get("name", "") for model in (await response.json()).get("models", [])]
            async with session.get(f"{host}/api/version") as response:
                version = str((await response.json()).get("version", ""))
            async with session.post(f"{host}/api/show", json={"model": settings.ollama_model}) as response:
                shown = await response.json() if response.status == 200 else {}
    except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
        return Finding(Verdict.WARN, "Ollama", f"{host} is not reachable ({exc.__class__.__name__})")
    if _version_tuple(version) < OLDEST_OLLAMA:
        return Finding(
            Verdict.FAIL,
            "Ollama",
            f"{host} runs Ollama {version or 'of an unknown version'}; the bot needs 0.5.0 "
            "or later for answers held to a schema: update Ollama",
        )
    wanted = ollama_name(settings.ollama_model)
    if wanted not in {ollama_name(name) for name in models}:
        return Finding(
            Verdict.WARN,
            "Ollama",
            f"model {wanted} is not pulled (Ollama reads {settings.ollama_model} as {wanted}): "
            f"run `ollama pull {settings.ollama_model}`",
        )
    thinks = "thinking" in (shown.get("capabilities") or [])
    served = f"{host} (Ollama {version}) serves {wanted}"
    refused = await _test_chat(settings)
    if refused is not None:
        return _refused_chat(served, refused, version, thinks)
    if thinks and _within(version, FORMAT_DROPPED):
        return Finding(
            Verdict.WARN,
            "Ollama",
            f"{served}, a model that thinks: asked not to think, as the bot asks it, its answers are not "
            f"held to the JSON schema on Ollama {version}; update Ollama to {_dotted(FORMAT_DROPPED[1])} "
            "or later, or choose a model that does not think",
        )
    return Finding(Verdict.OK, "Ollama", served)


async def _test_chat(settings: Settings) -> ModelFailure | None:
    """One short chat with what every message sends (keep_alive, options, `think`, `format`): a
    setting Ollama refuses shows here, not as every local call quietly going elsewhere."""
    from infrastructure.llm.answer import ANSWER_SCHEMA
    from infrastructure.llm.ollama_reader import OllamaReader

    reader = OllamaReader(
        settings.ollama_host,
        settings.ollama_model,
        float(settings.ollama_timeout_seconds),
        settings.ollama_keep_alive,
    )
    try:
        await reader.probe(ANSWER_SCHEMA)
    except ModelFailure as failure:
        return failure
    finally:
        await reader.aclose()
    return None


def _refused_chat(served: str, failure: ModelFailure, version: str, thinks: bool) -> Finding:
    words = failure.detail
    if failure.failure is not Failure.REFUSED:
        return Finding(
            Verdict.WARN, "Ollama", f"{served}, but a test chat failed: {failure.failure} ({words})"
        )
    detail = f"{served}, but refused a test chat with the bot's settings: {words}"
    if not thinks and _within(version, THINK_FALSE_REFUSED):
        detail += (
            f"; Ollama {version} refuses `think: false`, which the bot sends, from a model that does "
            f"not think: update Ollama to {_dotted(THINK_FALSE_REFUSED[1])} or later"
        )
    return Finding(Verdict.FAIL, "Ollama", detail)


def _within(version: str, versions: tuple[tuple[int, ...], tuple[int, ...]]) -> bool:
    """Whether the version is in [first, mended)."""
    first, mended = versions
    return first <= _version_tuple(version) < mended


def _dotted(version: tuple[int, ...]) -> str:
    return ".".join(str(part) for part in version)


def ollama_name(model: str) -> str:
    """A model's name as Ollama resolves it: `qwen2.5` is `qwen2.5:latest`."""
    return model if ":" in model else f"{model}:latest"


def _version_tuple(version: str) -> tuple[int, ...]:
    numbers = []
    for part in version.split("-")[0].split(".")[:3]:
        if not part.isdigit():
            break
        numbers.append(int(part))
    return tuple(numbers)


def _writable_folder(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def report(findings: list[Finding]) -> int:
    """Print the findings; the exit status is 1 when anything failed."""
    for finding in findings:
        print(finding.line())
    return 1 if any(finding.verdict is Verdict.FAIL for finding in findings) else 0
