"""Capture under load: `balance-bot run` as a subprocess against the fake Bot API on loopback."""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.fakes.telegram_api import FakeTelegram

EXPENSES = 1000
GROUPS = 100
# Telegram lets a bot send about 30 messages a second in all; pacing below it measures the bot,
# not the rate limiter's queue.
PER_SECOND = 25
TICKS = os.sysconf("SC_CLK_TCK")
# Each scenario runs this many times with a fresh bot; the figures printed are the medians.
RUNS = 3
MESSAGES = ["coffee 3$", "ទឹកកក ៥០០០៛", "taxi 15000 riel", "printer ink 18$", "lunch for staff 22$"]


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def resident_mb(pid: int) -> tuple[float, float]:
    """Current and peak resident memory in MB."""
    status = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    return int(status["VmRSS"].split()[0]) / 1024, int(status["VmHWM"].split()[0]) / 1024


def logged_count(telegram: FakeTelegram) -> int:
    """How many expenses the bot has confirmed, merged confirmations counted line by line."""
    return sum(params["text"].count("Logged") for params in telegram.calls_to("sendMessage"))


def replied_at(telegram: FakeTelegram) -> dict[int, float]:
    """When the bot replied to each message, by the message's id."""
    return {
        call.params["reply_parameters"]["message_id"]: call.at
        for call in telegram.calls
        if call.method == "sendMessage" and "reply_parameters" in call.params
    }


# The groups the benches post in: no group is served unless the operator allowed it (issue 34).
BENCH_GROUPS = ",".join(str(-1000 - number) for number in range(GROUPS + 2))


def workbook_bot_env(telegram: FakeTelegram, workdir: str, **extra: str) -> dict[str, str]:
    """The environment of a bot on the fake Bot API with its workbook and database in workdir, serving
    the benches' groups."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "ALLOWED_CHAT_IDS": BENCH_GROUPS,
        "TELEGRAM_BOT_TOKEN": telegram.token,
        "TELEGRAM_API_URL": telegram.url,
        "WORKBOOK_PATH": f"{workdir}/balance.xlsx",
        "DATABASE_PATH": f"{workdir}/bot.sqlite3",
        "RATE_SOURCE": "fixed",  # the rate of the day off the network
        **extra,
    }


async def start_bot(env: dict[str, str], workdir: str) -> asyncio.subprocess.Process:
    """`balance-bot run` as its own process, as on a server, with its output discarded."""
    (Path(workdir) / ".env").touch()
    return await asyncio.create_subprocess_exec(
        str(Path(sys.executable).parent / "balance-bot"),
        "run",
        env=env,
        cwd=workdir,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )


async def measure(paced: bool) -> dict[str, float]:
    """Run the bot, feed it the expenses (paced, or all at once), and read latency, CPU and memory."""
    telegram = FakeTelegram()
    await telegram.start()
    with tempfile.TemporaryDirectory() as workdir:
        env = workbook_bot_env(
            telegram,
            workdir,
            USER_RATE_LIMIT_PER_MINUTE=str(EXPENSES),
            **{k: v for k, v in os.environ.items() if k.startswith("WORKBOOK_SAVE")},
        )
        bot = await start_bot(env, workdir)
        try:
            await telegram.wait_for("setMyCommands", timeout=30)
            cpu_before = cpu_seconds(bot.pid)
            sent = []
            started = time.perf_counter()
            for number in range(EXPENSES):
                group = -1000 - number % GROUPS
                sent.append(telegram.user_says(group, 10 + number % 200, MESSAGES[number % len(MESSAGES)]))
                if paced:
                    await asyncio.sleep(max(0.0, started + (number + 1) / PER_SECOND - time.perf_counter()))
            while logged_count(telegram) < EXPENSES and time.perf_counter() - started < 180:
                await asyncio.sleep(0.05)
            cpu_used = cpu_seconds(bot.pid) - cpu_before
            rss, peak = resident_mb(bot.pid)
        finally:
            bot.terminate()
            await bot.wait()
            await telegram.stop()
    confirmed_at = replied_at(telegram)
    latencies = [
        (confirmed_at[m["message_id"]] - telegram.delivered_at[m["message_id"]]) * 1000
        for m in sent
        if m["message_id"] in confirmed_at
    ]
    return {
        "confirmed": logged_count(telegram),
        "seconds": time.perf_counter() - started,
        "median_ms": statistics.median(latencies) if latencies else float("nan"),
        "p95_ms": statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else float("nan"),
        "cpu_ms_per_expense": cpu_used * 1000 / EXPENSES,
        "rss_mb": rss,
        "peak_rss_mb": peak,
    }


def _medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def report() -> None:
    """Print the capture figures of issue 3, paced (the worst case for CPU) and as one burst."""
    paced = _medians([asyncio.run(measure(paced=True)) for _ in range(RUNS)])
    burst = _medians([asyncio.run(measure(paced=False)) for _ in range(RUNS)])
    print(
        f"update to confirmation   median {paced['median_ms']:.1f} ms, p95 {paced['p95_ms']:.1f} ms "
        f"({paced['confirmed']:.0f}/{EXPENSES} confirmed; {EXPENSES} expenses over {GROUPS} groups at "
        f"{PER_SECOND}/s, workbook store, fake Bot API on loopback; medians of {RUNS} runs)"
        "   goal median <= 20 ms"
    )
    print(
        f"bot CPU per expense      paced {paced['cpu_ms_per_expense']:.2f} ms (one poll and one confirmation "
        f"per expense); burst {burst['cpu_ms_per_expense']:.2f} ms ({EXPENSES} posted at once, "
        f"{burst['confirmed']:.0f} confirmed in {burst['seconds']:.1f} s)   goal burst <= 4 ms"
    )
    print(
        f"bot RSS after {EXPENSES}      paced {paced['rss_mb']:.0f} MB (peak {paced['peak_rss_mb']:.0f}); "
        f"burst {burst['rss_mb']:.0f} MB (peak {burst['peak_rss_mb']:.0f})   goal <= 110 MB"
    )


if __name__ == "__main__":
    report()
