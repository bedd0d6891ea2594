"""The composition root: reads the settings, wires the core to its adapters; nothing else does."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from dotenv import dotenv_values

from balance_bot.cli import parse_command_line, parse_stream
from balance_bot.domain.money import AmountLimits
from balance_bot.domain.parser import HeuristicParser
from balance_bot.interpret import MessageInterpreter
from infrastructure.settings import Settings, SettingsError


def load_settings(environ: Mapping[str, str] | None = None, dotenv_path: Path = Path(".env")) -> Settings:
    """Settings from .env, overridden by the process environment, as operators expect."""
    from_file = {name: value for name, value in dotenv_values(dotenv_path).items() if value is not None}
    return Settings.from_environment({**from_file, **(os.environ if environ is None else environ)})


def build_interpreter(settings: Settings) -> MessageInterpreter:
    """The message interpreter: the heuristic parser with the configured amount ceilings."""
    limits = AmountLimits(max_usd=settings.max_amount_usd, max_khr=settings.max_amount_khr)
    # The LLM second opinion (PARSER_LLM) is wired here once its clients exist.
    return MessageInterpreter(HeuristicParser(limits))


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `balance-bot` command; the exit status says whether it worked."""
    arguments = parse_command_line(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"balance-bot: {exc}", file=sys.stderr)
        return 2
    if arguments.command == "parse":
        interpreter = build_interpreter(settings)
        sys.stdin.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        asyncio.run(parse_stream(interpreter, sys.stdin, _write_and_flush))
        return 0
    return 2


def _write_and_flush(line: str) -> None:
    sys.stdout.write(line)
    sys.stdout.flush()
