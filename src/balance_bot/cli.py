"""The `balance-bot` command line: its arguments and the `parse` JSON-lines contract."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from balance_bot.capture.interpret import MessageInterpreter
from balance_bot.domain.categories import CategoryBook, DecidedBy
from balance_bot.domain.category_names import purpose_key
from balance_bot.domain.dates import day_named
from balance_bot.domain.expenses import ParseResult
from balance_bot.ports import CategoryGuesser

# Each command: what `--help` lists it as, and what its own `--help` says it does.
_COMMANDS: tuple[tuple[str, str, str], ...] = (
    (
        "parse",
        "read JSON lines {id, text} on stdin, write the bot's decision for each on stdout",
        'Reads one JSON object {"id": ..., "text": ...} per line on stdin and writes the bot\'s '
        "decision for each as one JSON line on stdout, in order: status (expense, purpose_missing, "
        "unclear, ignore), entries and problem. A line that is not a message gets an error line.",
    ),
    (
        "run",
        "run the bot in its Telegram groups (long polling by default)",
        "Runs the bot in the Telegram groups it is in, until it is stopped. Needs TELEGRAM_BOT_TOKEN; "
        "rows go to the Google Sheet or the local workbook the settings name.",
    ),
    (
        "check",
        "check the settings and what they point to, one line per item",
        "Checks every setting and what it points to (Telegram, the sheets, the models, the database, "
        "file permissions) and prints one line per item; exits 1 when any item fails.",
    ),
    (
        "health",
        "exit 0 when the running bot touched its heartbeat file lately",
        "Exits 0 when the running bot touched its heartbeat file in the last 90 seconds, for a "
        "container's or a monitor's health check; otherwise prints why and exits 1.",
    ),
    (
        "status",
        "what waits in the outbox for the sheet, and why; exit 1 when anything waits",
        "Prints what waits in the bot's outbox for the sheet, per group, with the last error; exits 1 "
        "when anything waits, so a monitor can alert on it.",
    ),
    (
        "try",
        "a group chat in the terminal: type as a member, see what the bot says (/as NAME)",
        "A group chat in the terminal on the bot's real capture flow: type as members, see what the "
        "bot says. It always uses its own workbook and database in data/try/, never the team's sheet, "
        "and no paid model unless --paid is given.",
    ),
)


class _ShowVersion(argparse.Action):
    """--version, looked up only when asked for: reading the installed version takes 50 ms."""

    def __init__(self, option_strings: Sequence[str], dest: str, default: Callable[[], str]) -> None:
        super().__init__(option_strings, argparse.SUPPRESS, nargs=0, default=argparse.SUPPRESS)
        self.help = "show the version and exit"
        self._version = default

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"{parser.prog} {self._version()}")
        parser.exit()


def parse_command_line(
    argv: Sequence[str] | None = None, version: Callable[[], str] = lambda: "unknown"
) -> argparse.Namespace:
    """The command and its options, from the arguments given."""
    parser = argparse.ArgumentParser(
        prog="balance-bot", description="Petty-cash expenses from a Telegram group into a ledger."
    )
    parser.add_argument("--version", action=_ShowVersion, default=version)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, summary, description in _COMMANDS:
        command = commands.add_parser(name, help=summary, description=description)
        if name == "parse":
            command.add_argument(
                "--categories",
                metavar="FILE",
                help="a Categories tab exported as CSV: each entry's category is one of its names "
                "(default: the categories a new spreadsheet gets)",
            )
        if name == "try":
            command.add_argument(
                "--paid",
                action="store_true",
                help="let the paid model of PARSER_LLM and ANTHROPIC_API_KEY read messages too "
                "(by default only the local model does, when it answers)",
            )
        if name == "run":
            command.add_argument(
                "--webhook",
                action="store_true",
                help="receive updates on WEBHOOK_URL instead of polling for them",
            )
    return parser.parse_args(argv)


def result_as_json(
    result: ParseResult,
    today: date | None = None,
    categories: CategoryBook | None = None,
    guessed: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The decision in the shape other tools rely on (DESIGN.md, `balance-bot parse`).

    An entry has a "date" (ISO) when the message names its day and today is given to read it by,
    and a "category" (its English name) when categories are given: the model's choice (`guessed`,
    by purpose) where the words decided none.
    """
    entries = []
    for entry in result.entries:
        fields: dict[str, Any] = {
            "amount": entry.money.canonical(),
            "currency": entry.money.currency.value,
            "purpose": entry.purpose,
            "currency_guessed": entry.currency_guessed,
        }
        day = day_named(entry.day_words, today) if entry.day_words and today is not None else None
        if day is not None:
            fields["date"] = day.isoformat()
        if categories is not None:
            fields["category"] = (guessed or {}).get(entry.purpose) or categories.categorise(
                entry.purpose
            ).name
        entries.append(fields)
    answer: dict[str, Any] = {"status": result.status.value, "entries": entries}
    if result.problem is not None:
        answer["problem"] = result.problem.value
    return answer


async def parse_stream(
    interpreter: MessageInterpreter,
    lines: Iterable[str],
    write: Callable[[str], None],
    today: Callable[[], date] | None = None,
    categories: CategoryBook | None = None,
    guesser: CategoryGuesser | None = None,
) -> None:
    """One JSON answer per non-blank input line, in order; a line that is not a message says so,
    and the next line is answered.

    `today` gives the team's date that "yesterday" and "Dec 3" are read from; purposes the
    categories' words do not decide go to the `guesser` (the models), as in the bot.
    """
    for line in lines:
        if not line.strip():
            continue
        request = _request_of(line)
        identifier, text = request.get("id"), request.get("text")
        if not _is_unicode(line):
            answer = _error("not UTF-8")  # stdin's undecodable bytes arrive as lone surrogates
        elif not isinstance(text, str):
            answer = _error("not a {id, text} line")
        elif not _is_unicode(text):
            answer = _error("text holds a lone surrogate")
        else:
            result = await interpreter.interpret(text)
            guessed = await _guessed(result, categories, guesser) if categories is not None else {}
            answer = result_as_json(result, today() if today is not None else None, categories, guessed)
        write(_json_line({"id": identifier, **answer}))


async def _guessed(
    result: ParseResult, categories: CategoryBook, guesser: CategoryGuesser | None
) -> dict[str, str]:
    """The model's category for each purpose the words do not decide; none without a model."""
    undecided = list(
        dict.fromkeys(
            entry.purpose
            for entry in result.entries
            if purpose_key(entry.purpose)
            and categories.categorise(entry.purpose).decided_by is DecidedBy.NOTHING
        )
    )
    if guesser is None or not undecided:
        return {}
    try:
        guesses = await guesser.guess(undecided, categories.choices, None)
    except Exception:
        return {}  # as in the bot: the words' answer stands
    chosen = {
        purpose: categories.named(guess) for purpose, guess in zip(undecided, guesses, strict=False) if guess
    }
    return {purpose: category.name for purpose, category in chosen.items() if category is not None}


def _error(why: str) -> dict[str, Any]:
    return {"status": "ignore", "entries": [], "error": why}


def _is_unicode(text: str) -> bool:
    """Whether the text can be written as UTF-8: no lone surrogates."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _json_line(answer: dict[str, Any]) -> str:
    """One JSON line, Khmer kept readable; escaped when an id holds what UTF-8 cannot write."""
    line = json.dumps(answer, ensure_ascii=False)
    return (line if _is_unicode(line) else json.dumps(answer)) + "\n"


def _request_of(line: str) -> dict[str, Any]:
    try:
        request = json.loads(line)
    except (json.JSONDecodeError, RecursionError):
        return {}
    return request if isinstance(request, dict) else {}
