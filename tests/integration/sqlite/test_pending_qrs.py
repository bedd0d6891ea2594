"""The KHQRs waiting, in SQLite: kept across a restart until paid or expired."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from balance_bot.domain.money import Currency, Money
from balance_bot.payments.qr_ports import PendingQr
from infrastructure.sqlite.database import Database
from infrastructure.sqlite.pending_qrs import SqlitePendingQrs

ASKED = datetime(2026, 12, 3, 3, 0, tzinfo=UTC)


def qr(message_id, amount="50.00", currency=Currency.USD):
    return PendingQr(
        -100,
        message_id,
        f"{message_id:032x}",
        f"000201010212...{message_id}",
        Money(Decimal(amount), currency),
        99,
        ASKED + timedelta(seconds=message_id),
        ASKED + timedelta(minutes=30),
        by_hand=False,
    )


async def test_the_qrs_waiting_are_found_again_after_a_restart_until_settled(tmp_path):
    path = tmp_path / "bot.sqlite3"
    database = Database(path)
    pending = SqlitePendingQrs(database)
    for shown in (qr(1), qr(2, "200000", Currency.KHR), qr(3)):
        await pending.keep(shown)
    await pending.settle(-100, 3, "expired")
    await pending.by_hand(-100, 2)
    await database.close()

    database = Database(path)
    pending = SqlitePendingQrs(database)
    try:
        waiting = await pending.waiting()
        found, gone = await pending.find(-100, 2), await pending.find(-100, 3)
    finally:
        await database.close()
    assert waiting == [qr(1), replace(qr(2, "200000", Currency.KHR), by_hand=True)]
    assert found == waiting[1]
    assert gone is None
