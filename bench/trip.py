"""One expense's trip through the code: the files its handling enters, how often it returns to a file
it had left, and how often it climbs back from the core to the chat's adapter (issue 35).

`python -m bench.trip`: the real bot against the fake Bot API; one warm-up expense, then "coffee 3$"
followed from the Telegram handler to its confirmation (and its budgets) with a profile hook.

What counts: the functions of the application layer, the chat adapters (infrastructure/telegram,
infrastructure/console) and the core's use cases (balance_bot, its domain left out: pure functions
below everything), run by the task that handles the update and the tasks it starts. The stores and
readers behind the ports (sqlite, sheets, llm) are the ports' side, not the trip's. A stay is a run
of calls and returns in one file, within one task; a return is a stay in a file the task had left;
a climb is a stay in a chat adapter right after a stay in the core, within one task. Files count
over all the followed tasks.
"""

from __future__ import annotations

import asyncio
import dis
import sys
import tempfile
from collections.abc import Coroutine, Generator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

from tests.fakes.clock import FakeClock
from tests.fakes.telegram_api import FakeTelegram

from infrastructure.bootstrap import build_bot
from infrastructure.settings import Settings
from infrastructure.telegram.polling import UPDATE_INBOX, Poller

GROUP, SOKHA = -1001, 11
SOURCE = Path(__file__).resolve().parent.parent / "src"
CHAT_ADAPTERS = ("infrastructure/telegram/", "infrastructure/console/")
CORE = "balance_bot/"
LEFT_OUT = ("balance_bot/domain/",)
HANDLER = "group_text"


@dataclass
class Trip:
    """The files the followed tasks ran in, one entry per stay."""

    by_task: dict[int, list[str]] = field(default_factory=dict)
    tasks: list[int] = field(default_factory=list)  # the handler's task first, then those it started
    # The followed tasks themselves, kept alive so that no later task reuses one's id and merges in.
    alive: list[asyncio.Task[Any]] = field(default_factory=list)
    following: bool = False

    @property
    def stays(self) -> list[str]:
        """Each task's stays, one task after the other: what one expense's handling ran through."""
        return [where for task in self.tasks for where in self.by_task.get(task, [])]

    @property
    def files(self) -> set[str]:
        return set(self.stays)

    @property
    def returns(self) -> int:
        """Stays in a file the same task had left before (a task's start is no return)."""
        count = 0
        for stays in self.by_task.values():
            left: set[str] = set()
            for before, after in zip([None, *stays], stays, strict=False):
                count += after in left
                if before is not None:
                    left.add(before)
        return count

    @property
    def climbs(self) -> int:
        """Within a task, a stay in a chat adapter right after one in the core."""
        return sum(
            1
            for stays in self.by_task.values()
            for before, after in pairwise(stays)
            if before.startswith(CORE) and after.startswith(CHAT_ADAPTERS)
        )


def _layer_file(frame: FrameType) -> str | None:
    """The file's path under src when it is in the trip's layer, else None."""
    try:
        relative = Path(frame.f_code.co_filename).resolve().relative_to(SOURCE).as_posix()
    except ValueError:
        return None
    if relative.startswith(LEFT_OUT) or not relative.startswith((CORE, *CHAT_ADAPTERS)):
        return None
    if relative.endswith("polling.py"):
        return None  # the long poll hands the update over; the trip starts at the handler
    return relative


def follow(trip: Trip) -> Any:
    """A profile hook recording, per followed task, where the code runs after each call and return.

    An await that suspends and resumes is no step of the trip: it shows as returns and calls up and
    down the awaiting frames, so suspensions (a return at a yield) and resumptions are skipped.
    """

    def hook(frame: FrameType, event: str, arg: object) -> None:
        if event not in ("call", "return"):
            return
        try:
            task = asyncio.current_task()
        except RuntimeError:
            return
        if task is None:
            return
        if not trip.following and event == "call" and frame.f_code.co_name == HANDLER:
            trip.following = True
            trip.tasks.append(id(task))
            trip.alive.append(task)
        if id(task) not in trip.tasks or _suspends_or_resumes(frame, event):
            return
        here = frame if event == "call" else frame.f_back
        where = _layer_file(here) if here is not None else None
        if where is None:
            return
        stays = trip.by_task.setdefault(id(task), [])
        if not stays or stays[-1] != where:
            stays.append(where)

    return hook


_YIELD_VALUE, _RESUME = dis.opmap["YIELD_VALUE"], dis.opmap["RESUME"]
_first_resume: dict[CodeType, int] = {}


def _suspends_or_resumes(frame: FrameType, event: str) -> bool:
    code = frame.f_code
    if event == "return":
        return frame.f_lasti >= 0 and code.co_code[frame.f_lasti] == _YIELD_VALUE
    if code not in _first_resume:
        _first_resume[code] = next(
            (offset for offset in range(0, len(code.co_code), 2) if code.co_code[offset] == _RESUME), 0
        )
    return frame.f_lasti > _first_resume[code]


def _task_factory(trip: Trip) -> Any:
    """Tasks started by a followed task are followed too."""

    def factory(
        loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, Any] | Generator[Any, None, Any], **kw: Any
    ) -> asyncio.Task[Any]:
        parent = asyncio.current_task(loop) if loop.is_running() else None
        task = asyncio.Task(coro, loop=loop, **kw)
        if parent is not None and id(parent) in trip.tasks:
            trip.tasks.append(id(task))
            trip.alive.append(task)
        return task

    return factory


async def measure() -> Trip:
    telegram = FakeTelegram()
    await telegram.start()
    clock = FakeClock(datetime.now(UTC))
    telegram.now = lambda: clock.now().timestamp()
    trip = Trip()
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings.from_environment(
            {
                "ALLOWED_CHAT_IDS": str(GROUP),
                "TELEGRAM_BOT_TOKEN": telegram.token,
                "TELEGRAM_API_URL": telegram.url,
                "WORKBOOK_PATH": f"{folder}/balance.xlsx",
                "DATABASE_PATH": f"{folder}/bot.sqlite3",
                "RATE_SOURCE": "fixed",  # the rate of the day off the network
                "PARSER_LLM": "none",
            }
        )
        application = build_bot(settings, clock)
        await application.initialize()
        await application.post_init(application)
        poller = Poller(application, timeout_seconds=0.2, inbox=application.bot_data.get(UPDATE_INBOX))
        await application.start()
        await poller.start()
        try:
            warm = telegram.user_says(GROUP, SOKHA, "water 1$", name="Sokha")
            await telegram.wait_for("sendMessage", _replying_to(warm))
            asyncio.get_running_loop().set_task_factory(_task_factory(trip))
            sys.setprofile(follow(trip))
            message = telegram.user_says(GROUP, SOKHA, "coffee 3$", name="Sokha")
            await telegram.wait_for("sendMessage", _replying_to(message))
            await asyncio.sleep(0.5)  # the budgets, checked after the confirmation
            sys.setprofile(None)
        finally:
            sys.setprofile(None)
            await poller.stop()
            await application.stop()
            await application.post_stop(application)
            await application.shutdown()
            await telegram.stop()
    return trip


def _replying_to(message: dict[str, Any]) -> Any:
    return lambda params: params.get("reply_parameters", {}).get("message_id") == message["message_id"]


def report() -> Trip:
    """The trip's figures, as `make bench` prints them (issue 35's goals beside them)."""
    trip = asyncio.run(measure())
    print(
        f"one expense's trip: {len(trip.files)} files entered, {len(trip.stays)} stays, "
        f"{trip.returns} returns to a file it had left, {trip.climbs} climbs from the core to the chat"
        "   goal: returns <= 8, climbs <= 3"
    )
    return trip


def main() -> None:
    trip = report()
    if "-v" in sys.argv[1:]:
        for stay in trip.stays:
            print("  ", stay)


if __name__ == "__main__":
    main()
