"""The settings `balance-bot try` runs on: its own files, its one group, and no paid model unless asked."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import aiohttp

from infrastructure.console.try_chat import TRY_CHAT_ID
from infrastructure.settings import Settings
from infrastructure.telegram import texts

TRY_FOLDER = Path("data/try")
LOCAL_MODEL_WAIT_SECONDS = 3.0  # a local model that takes longer to list its models is not there


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
        return texts.MODELS_NONE
    where = {"model": settings.ollama_model, "host": settings.ollama_host}
    local = texts.MODELS_LOCAL if "ollama" in tried.parser_llm and local_answers else texts.MODELS_NO_LOCAL
    if paid and tried.anthropic_api_key and "anthropic" in tried.parser_llm:
        return f"{local.format(**where)} {texts.MODELS_PAID.format(model=settings.anthropic_model)}"
    not_paid = texts.MODELS_NOT_PAID.format(how=texts.PAID_HOW, model=settings.anthropic_model)
    return f"{local.format(**where)} {not_paid}"


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
