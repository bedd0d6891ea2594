"""The settings `balance-bot try` runs on: its own files, its one group, and no paid model unless asked."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import aiohttp

from infrastructure.console.try_chat import TRY_CHAT_ID
from infrastructure.settings import Settings

TRY_FOLDER = Path("data/try")
LOCAL_MODEL_WAIT_SECONDS = 3.0  # a local model that takes longer to list its models is not there
PAID_HOW = "`balance-bot try --paid` (or `make run PAID=1`)"
MODELS_LOCAL = "Messages are read by the local model {model} at {host} and by my own rules."
MODELS_NO_LOCAL = "No local model answers at {host} ({model}): my own rules read the messages."
MODELS_NONE = "PARSER_LLM=none: my own rules read every message."
MODELS_NOT_PAID = "No paid model is called while trying; {how} lets it use ANTHROPIC_API_KEY's {model} too."
MODELS_PAID = "Paid model: {model} with ANTHROPIC_API_KEY, as PARSER_LLM says (--paid)."


def try_settings(
    settings: Settings, folder: Path, *, paid: bool = False, local_answers: bool = True
) -> Settings:
    """Trying the bot never writes the team's sheet, nor leaves a row in the real bot's outbox, and
    spends nothing on a paid model unless asked: without `paid`, only the local model reads, when
    it answers and PARSER_LLM names any model."""
    place = folder / TRY_FOLDER
    models = tuple(model for model in settings.parser_llm if model != "ollama" or local_answers)
    if not paid:
        models = ("ollama",) if settings.parser_llm and local_answers else ()
    return dataclasses.replace(
        settings,
        sheet_backend="workbook",
        workbook_path=place / "balance.xlsx",
        database_path=place / "balance_bot.sqlite3",
        google_service_account_file=None,
        balance_sheet_id=None,
        balance_sheet_by_chat={},
        allowed_chat_ids=frozenset({TRY_CHAT_ID}),  # its one group, whichever groups the real bot serves
        parser_llm=models,
        anthropic_api_key=settings.anthropic_api_key if paid else None,
    )


def models_line(settings: Settings, tried: Settings, *, paid: bool, local_answers: bool) -> str:
    """What reads the messages while trying, and how to let a paid model read them too."""
    if not settings.parser_llm:
        return MODELS_NONE
    where = {"model": settings.ollama_model, "host": settings.ollama_host}
    local = MODELS_LOCAL if "ollama" in tried.parser_llm and local_answers else MODELS_NO_LOCAL
    if paid and tried.anthropic_api_key and "anthropic" in tried.parser_llm:
        return f"{local.format(**where)} {MODELS_PAID.format(model=settings.anthropic_model)}"
    return f"{local.format(**where)} {MODELS_NOT_PAID.format(how=PAID_HOW, model=settings.anthropic_model)}"


async def local_model_answers(settings: Settings) -> bool:
    """Whether the local model's server answers at all: when it does not, trying reads without it
    rather than wait for it on every message."""
    timeout = aiohttp.ClientTimeout(total=LOCAL_MODEL_WAIT_SECONDS)
    try:
        async with (
            aiohttp.ClientSession(timeout=timeout) as session,
            session.get(f"{settings.ollama_host}/api/tags") as response,
        ):
            return response.status == 200
    except (aiohttp.ClientError, TimeoutError, ValueError):
        return False
