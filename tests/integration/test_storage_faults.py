"""A misbehaving host: full and read-only disks, a corrupt or emptied database, two bots on one file."""

import asyncio
import sqlite3
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from balance_bot.capture.delivery import Delivery, DeliveryPolicy
from balance_bot.capture.interpret import MessageInterpreter
from balance_bot.capture.outcomes import StorageProblem
from balance_bot.capture.service import CapturePolicy, CaptureService, IncomingMessage
from balance_bot.domain.language import Language, Speech
from balance_bot.domain.ledger import EntrySource, LedgerLine, Period
from balance_bot.domain.money import Currency, Money
from balance_bot.domain.parser import HeuristicParser
from balance_bot.ports import QueuedMessage, StorageUnavailable
from infrastructure.health import beat, is_alive
from infrastructure.sheets.template import load_template
from infrastructure.sheets.workbook import WorkbookLedger
from infrastructure.sqlite.capture_state import SqliteCaptureState
from infrastructure.sqlite.database import (
    Database,
    DatabaseDamaged,
    DatabaseInUse,
    hold_database,
    hold_file,
    verify_database,
)
from infrastructure.sqlite.outbox import SqliteOutbox
from infrastructure.status import status_report
from infrastructure.telegram.ledger_problems import waiting_because
from infrastructure.telegram.replies import Replies
from tests.fakes.clock import FakeClock
from tests.fakes.ledger import InMemoryLedger
from tests.small_disk import small_disk

CHAT = -100
DECEMBER = Period(2026, 12)
PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")
BIN = Path(sys.executable).parent


async def until(condition, seconds=10.0):
    for _ in range(int(seconds * 100)):
        if await condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("timed out")


def queued(n, clock):
    line = LedgerLine(
        date(2026, 12, 3), f"item {n}", Money(Decimal(n), Currency.USD), "Sokha", EntrySource(CHAT, n, 0)
    )
    return QueuedMessage(CHAT, n, 7, clock.now(), DECEMBER, (line,))


async def test_rows_a_full_disk_keeps_out_of_the_workbook_stay_in_the_outbox_until_they_are_saved(tmp_path):
    clock = FakeClock()
    with small_disk(tmp_path, size_kb=512) as disk:
        path = disk.path / "balance.xlsx"
        workbook = WorkbookLedger(path, load_template(), "%B %Y", save_delay_seconds=0.01)
        database = Database(tmp_path / "bot.sqlite3")
        outbox = SqliteOutbox(database)
        delivery = Delivery(outbox, workbook, DeliveryPolicy(first_retry_seconds=0.05, max_retry_seconds=0.2))
        disk.fill()
        for n in range(1, 6):
            await delivery.accept(queued(n, clock))  # the member hears the rows or that they follow

        async def save_failed():
            summary = await outbox.summary()
            return bool(summary) and summary[0].attempts > 0

        await until(save_failed)
        [waiting] = await outbox.summary()
        assert waiting.messages == 5
        report = status_report([waiting], clock.now(), PHNOM_PENH)
        assert "last error: could not save the workbook: [Errno 28] No space left on device" in report

        disk.free()

        async def all_delivered():
            return not await outbox.summary()

        await until(all_delivered)
        await delivery.stop()
        await workbook.close()
        await delivery.finish()
        await database.close()
        rows = list(load_workbook(path)["December 2026"].iter_rows(min_row=2, values_only=True))
        assert [row[2] for row in rows] == [f"item {n}" for n in range(1, 6)]


async def test_a_full_workbook_disk_is_named_to_the_member_never_saved_nor_google_sheets(tmp_path):
    clock = FakeClock()
    with small_disk(tmp_path, size_kb=512) as disk:
        path = disk.path / "balance.xlsx"
        workbook = WorkbookLedger(path, load_template(), "%B %Y", save_delay_seconds=0.01)
        database = Database(tmp_path / "bot.sqlite3")  # the database on another disk, with room
        outbox = SqliteOutbox(database)
        delivery = Delivery(outbox, workbook, DeliveryPolicy(first_retry_seconds=0.05, max_retry_seconds=0.2))
        disk.fill()
        await delivery.accept(queued(1, clock))

        async def save_failed():
            summary = await outbox.summary()
            return bool(summary) and summary[0].attempts > 0

        await until(save_failed)
        landing = await delivery.accept(queued(2, clock))  # posted once the disk is known full
        outcome = await delivery.landed(landing, 5)
        said = waiting_because(Replies.of(Speech(Language.ENGLISH)).say, outcome.problem)
        assert "the workbook on the bot's server cannot be saved right now" in said
        assert "Google" not in said
        assert "Google" not in Replies.of(Speech(Language.ENGLISH)).balance_problem(outcome.problem)
        disk.free()

        async def all_delivered():
            return not await outbox.summary()

        await until(all_delivered)
        await delivery.stop()
        await workbook.close()
        await delivery.finish()
        await database.close()


def capture_on(database, clock):
    ledger = InMemoryLedger()
    state = SqliteCaptureState(database)
    delivery = Delivery(SqliteOutbox(database), ledger)
    policy = CapturePolicy(timezone=PHNOM_PENH)
    capture = CaptureService(MessageInterpreter(HeuristicParser()), ledger, delivery, state, clock, policy)
    return capture, ledger, delivery


def message(text, n, clock):
    return IncomingMessage(CHAT, n, 7, "Sokha", text, clock.now())


async def test_a_full_disk_under_the_database_tells_the_member_nothing_was_saved_and_fails_health(tmp_path):
    clock = FakeClock()
    with small_disk(tmp_path, size_kb=2048) as disk:
        database = Database(disk.path / "bot.sqlite3")
        await database.open()
        capture, ledger, delivery = capture_on(database, clock)
        heartbeat = disk.path / "heartbeat"
        heartbeat.touch()
        disk.fill()
        outcomes = [await capture.on_message(message(f"coffee {n}$", n, clock)) for n in range(1, 30)]
        assert StorageProblem() in outcomes
        assert sum(len(rows) for rows in ledger.sheets.values()) < 29
        beating = asyncio.create_task(beat(heartbeat, every=0.01, prove_storage=database.prove_writable))
        await asyncio.sleep(0.1)
        assert not is_alive(heartbeat)
        beating.cancel()
        await delivery.stop()
        disk.free()
        await database.close()


async def test_a_read_only_disk_under_the_database_tells_the_member_nothing_was_saved(tmp_path):
    clock = FakeClock()
    with small_disk(tmp_path, size_kb=2048) as disk:
        first = Database(disk.path / "bot.sqlite3")
        await first.open()
        await first.close()
        disk.read_only()
        database = Database(disk.path / "bot.sqlite3")
        capture, ledger, delivery = capture_on(database, clock)
        assert await capture.on_message(message("coffee 3$", 1, clock)) == StorageProblem()
        assert not ledger.sheets
        with pytest.raises(StorageUnavailable):
            await database.prove_writable()
        await delivery.stop()
        await database.close()
        disk.read_only(False)


async def test_health_stays_failed_for_a_while_after_any_write_failed(tmp_path):
    database = Database(tmp_path / "bot.sqlite3")
    await database.open()
    await database.run(lambda db: db.execute("PRAGMA query_only = ON"))
    with pytest.raises(StorageUnavailable, match="readonly"):
        await database.prove_writable()
    await database.run(lambda db: db.execute("PRAGMA query_only = OFF"))
    with pytest.raises(StorageUnavailable, match="failed"):
        await database.prove_writable()  # the probe worked, but a write failed a moment ago
    await database.close()


async def test_a_corrupt_database_stops_the_bot_with_how_to_restore(tmp_path):
    path = tmp_path / "bot.sqlite3"
    database = Database(path)
    await database.open()
    await database.close()
    with open(path, "r+b") as damaged:
        damaged.seek(100)
        damaged.write(b"\xff" * 4000)
    with pytest.raises(DatabaseDamaged, match="restore"):
        verify_database(path)


async def test_a_database_emptied_after_the_bot_used_it_is_not_taken_for_a_fresh_start(tmp_path):
    path = tmp_path / "bot.sqlite3"
    database = Database(path)
    await SqliteOutbox(database).put(queued(1, FakeClock()))
    await database.close()
    path.write_bytes(b"")
    with pytest.raises(DatabaseDamaged, match="missing or empty"):
        verify_database(path)
    path.unlink()
    with pytest.raises(DatabaseDamaged, match="missing or empty"):
        await Database(path).open()


def test_a_fresh_folder_opens_a_fresh_database(tmp_path):
    verify_database(tmp_path / "new.sqlite3")  # nothing there, never used: no complaint
    with sqlite3.connect(tmp_path / "plain.sqlite3") as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    verify_database(tmp_path / "plain.sqlite3")


def test_status_on_a_corrupt_database_says_how_to_restore_in_one_line(tmp_path):
    (tmp_path / "bot.sqlite3").write_bytes(b"this is not a database, it is a text file" * 200)
    (tmp_path / ".env").touch()
    done = subprocess.run(
        [str(BIN / "balance-bot"), "status"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={"PATH": str(BIN), "DATABASE_PATH": str(tmp_path / "bot.sqlite3")},
    )
    assert done.returncode == 3
    assert done.stderr.count("\n") == 1
    assert "restore" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_second_hold_on_the_database_is_refused_with_the_holder_until_it_lets_go(tmp_path):
    path = tmp_path / "bot.sqlite3"
    held = hold_database(path)
    with pytest.raises(DatabaseInUse, match=r"another balance-bot \(pid \d+\) is running on"):
        hold_database(path)
    held.close()  # as when its process ends
    hold_database(path).close()


def test_the_database_held_is_the_file_whatever_path_names_it_a_symlink_or_a_detour(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "bot.sqlite3").touch()
    (tmp_path / "link.sqlite3").symlink_to(data / "bot.sqlite3")
    held = hold_database(data / "bot.sqlite3")
    monkeypatch.chdir(tmp_path)
    for other in (tmp_path / "link.sqlite3", Path("data/../data/bot.sqlite3"), Path("./data/bot.sqlite3")):
        with pytest.raises(DatabaseInUse):
            hold_database(other)
    held.close()


def test_a_second_bot_on_the_same_workbook_by_another_path_does_not_start(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "balance.xlsx").symlink_to(tmp_path / "data" / "balance.xlsx")
    (tmp_path / ".env").touch()
    held = hold_file(tmp_path / "data" / "balance.xlsx", "WORKBOOK_PATH")  # the first bot's
    done = subprocess.run(
        [str(BIN / "balance-bot"), "run"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={
            "PATH": str(BIN),
            "TELEGRAM_BOT_TOKEN": "123456:TEST-TOKEN",
            "TELEGRAM_API_URL": "http://127.0.0.1:9",  # never reached: the bot stops before it calls
            "DATABASE_PATH": str(tmp_path / "second.sqlite3"),
            "WORKBOOK_PATH": str(tmp_path / "balance.xlsx"),
        },
    )
    held.close()
    assert done.returncode == 3
    assert "WORKBOOK_PATH" in done.stderr
    assert "Traceback" not in done.stderr
