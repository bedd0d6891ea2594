"""One flow, two faces: the same messages through the Telegram bot and the terminal chat say the same."""

import asyncio
import io
import re

from infrastructure.bootstrap import try_services
from infrastructure.console.try_chat import TryChat
from infrastructure.console.try_settings import try_settings
from tests.e2e.test_bot import replies_to, running, settle
from tests.e2e.test_bot_categories import categories_tab

GROUP, SOKHA = -1001, 11
# A plain expense, a guessed currency (Switch), a named day, quiet on, a 👍, a named day when quiet, an
# expense read unsure when quiet (a purpose of more words than a sure reading has), a guessed currency
# when quiet.
SCRIPT = [
    "coffee 3$",
    "water 5000",
    "yesterday taxi 4$",
    "/quiet on",
    "tea 2$",
    "yesterday lunch 5$",
    "new cups and plates and spoons for the office kitchen 6$",
    "ice 3000",
]
# A budget's 80% and 100% crossed, each told once, riel counted at the group's rate.
BUDGET_SCRIPT = ["diesel 70$", "diesel 15$", "សាំង ៨ម៉ឺន", "diesel 1$", "coffee 3$"]
BUDGETS = (["Fuel", "ប្រេងឥន្ធនៈ", "diesel, សាំង", 100, None], ["Food & drinks", "អាហារ", "coffee", None, None])
_LABEL = re.compile(r"\[(.*?)\] →")


async def telegram_says(telegram, settings, clock):
    """What the group sees after each message: the reply's text and its buttons, or the 👍."""
    said = []
    telegram.admins.add(SOKHA)
    async with running(settings, clock):
        for text in SCRIPT:
            message = telegram.user_says(GROUP, SOKHA, text, name="Sokha")
            answer = await _first_answer(telegram, message["message_id"])
            if "reaction" in answer:
                said.append(("👍", []))
            else:
                keyboard = answer.get("reply_markup", {}).get("inline_keyboard", [])
                said.append((answer["text"], [button["text"] for row in keyboard for button in row]))
    return said


async def terminal_says(settings, clock):
    """What the terminal prints after each message, its buttons' labels read back."""
    out = io.StringIO()
    services = try_services(settings, clock)
    chat = TryChat(services, out)
    await services.start()
    try:
        await chat.handle("/as Sokha")
        await chat.handle("/admin")
        said = []
        for text in SCRIPT:
            out.seek(0)
            out.truncate()
            await chat.handle(text)
            said.append(_read_back(out.getvalue()))
    finally:
        chat.stop()
        await services.close()
    return said


def _read_back(printed):
    lines = printed.splitlines()
    buttons = [_LABEL.findall(line) for line in lines if line.startswith("     buttons: ")]
    said = [line for line in lines if not line.startswith("     buttons: ")]
    text = "\n".join(said).removeprefix("bot: ").replace("\n     ", "\n")
    return (text, buttons[0] if buttons else [])


async def _first_answer(telegram, message_id):
    """The confirmation replying to the message, or the reaction put on it, whichever comes."""
    waits = [
        asyncio.ensure_future(telegram.wait_for(method, _about(message_id)))
        for method in ("sendMessage", "setMessageReaction")
    ]
    done, pending = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    for wait in pending:
        wait.cancel()
    return next(iter(done)).result()


def _about(message_id):
    def answers(params):
        replied = params.get("reply_parameters", {}).get("message_id")
        return replied == message_id or params.get("message_id") == message_id

    return answers


async def test_the_group_and_the_terminal_hear_the_same_confirmations_buttons_and_thumbs_up(
    telegram, settings_for, clock, tmp_path
):
    in_telegram = await telegram_says(telegram, settings_for(), clock)
    terminal = try_settings(settings_for(), tmp_path, local_answers=False)
    terminal.workbook_path.parent.mkdir(parents=True, exist_ok=True)
    in_terminal = await terminal_says(terminal, clock)
    assert in_terminal == in_telegram
    assert in_telegram[4] == ("👍", [])
    # None of a dated, an unsure or a guessed expense is a 👍 in a quiet group, in either face.
    assert all(said[0] != "👍" for said in in_telegram[5:])
    assert "please check" in in_telegram[6][0]
    assert len(in_telegram[1][1]) >= 2  # Undo and the currency switch under a guessed currency


async def test_the_group_and_the_terminal_tell_the_same_budgets_crossed_once_each(
    telegram, settings_for, clock, tmp_path
):
    settings = settings_for(KHR_PER_USD="4000")
    categories_tab(settings, *BUDGETS)
    async with running(settings, clock):
        for text in BUDGET_SCRIPT:
            message = telegram.user_says(GROUP, SOKHA, text, name="Sokha")
            await telegram.wait_for("sendMessage", replies_to(message))
        await settle(telegram)
    # A notice due with a confirmation is merged into its message: each part is one thing said.
    in_telegram = [part for call in telegram.calls_to("sendMessage") for part in call["text"].split("\n\n")]
    terminal = try_settings(settings_for(KHR_PER_USD="4000"), tmp_path, local_answers=False)
    categories_tab(terminal, *BUDGETS)
    out = io.StringIO()
    services = try_services(terminal, clock)
    chat = TryChat(services, out)
    await services.start()
    try:
        await chat.handle("/as Sokha")
        for text in BUDGET_SCRIPT:
            await chat.handle(text)
    finally:
        chat.stop()
        await services.close()
    in_terminal = [line.removeprefix("bot: ") for line in out.getvalue().splitlines()]
    told = [part for part in in_telegram if part.startswith("Fuel:")]
    assert told == [line for line in in_terminal if line.startswith("Fuel:")]
    assert len(told) == 2  # 80% once, 100% once
