"""The SQLite mirror of the months: periods with their carried balances, and the rows as last read."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from balance_bot.domain.ledger import Period, SheetRow
from balance_bot.domain.money import Currency
from balance_bot.ports import EMPTY, MemberAmounts, PeriodRecord
from infrastructure.sqlite.database import Database


class SqliteMirror:
    """Periods per ledger and month; the rows of a month replaced whole at each read of the sheet."""

    def __init__(self, database: Database) -> None:
        self._database = database
        # The digest of each month's rows as this process last wrote them: a read that finds the month
        # as it was (most rounds do, at 1,000 groups) only notes when it was read.
        self._written: dict[tuple[str, str], bytes] = {}
        # Each month's record as last read, until this mirror (the one writer of `period`) changes it:
        # a balance asks for it at every expense, round and question. Kept and dropped on the database's
        # thread, in the order of the writes.
        self._records: dict[tuple[str, str], PeriodRecord | None] = {}

    async def period(self, ledger: str, period: Period) -> PeriodRecord | None:
        """The month's record, if any."""
        month = (ledger, period.key())
        if month in self._records:
            return self._records[month]

        def read(db: sqlite3.Connection) -> PeriodRecord | None:
            row = db.execute(_PERIOD, month).fetchone()
            record = None if row is None else _record(period, row)
            self._records[month] = record
            return record

        return await self._database.run(read)

    async def open(
        self, ledger: str, period: Period, opening: Mapping[Currency, Decimal], members: MemberAmounts = EMPTY
    ) -> PeriodRecord:
        """Open the month unless it is open already; the record as it stands."""

        def open_and_read(db: sqlite3.Connection) -> tuple[str, str | None, str, str | None]:
            self._records.pop((ledger, period.key()), None)
            db.execute(_OPEN, (ledger, period.key(), _json(opening), _members_json(members)))
            row: tuple[str, str | None, str, str | None] = db.execute(
                _PERIOD, (ledger, period.key())
            ).fetchone()
            return row

        return _record(period, await self._database.run(open_and_read))

    async def close(
        self, ledger: str, period: Period, closing: Mapping[Currency, Decimal], members: MemberAmounts = EMPTY
    ) -> None:
        """Record the closing carried forward."""
        await self._changing(
            ledger, period, _CLOSE, (_json(closing), _members_json(members), ledger, period.key())
        )

    async def carry(
        self, ledger: str, period: Period, opening: Mapping[Currency, Decimal], members: MemberAmounts = EMPTY
    ) -> None:
        """Open the month with this opening, or replace the opening it has."""
        await self._changing(
            ledger, period, _CARRY, (ledger, period.key(), _json(opening), _members_json(members))
        )

    async def _changing(self, ledger: str, period: Period, statement: str, values: tuple[str, ...]) -> None:
        """A change of the month's record: its kept reading dropped first, on the database's thread."""

        def change(db: sqlite3.Connection) -> None:
            self._records.pop((ledger, period.key()), None)
            db.execute(statement, values)

        await self._database.run(change)

    async def reconcile(self, ledger: str, period: Period, rows: Sequence[SheetRow]) -> None:
        """Replace the month's rows with these, in one transaction; the same rows again are not rewritten."""
        values = [
            (
                ledger,
                period.key(),
                position,
                row.number,
                row.day.isoformat() if row.day else None,
                row.item,
                _text(row.usd),
                _text(row.khr),
                _text(row.topup_usd),
                _text(row.topup_khr),
                row.member,
                row.reference,
                row.category,
                row.movement,
                row.movement_member,
                _text(row.movement_usd),
                _text(row.movement_khr),
                row.status,
            )
            for position, row in enumerate(rows)
        ]

        month = (ledger, period.key())
        digest = hashlib.blake2b(repr(values).encode(), digest_size=16).digest()

        def replace(db: sqlite3.Connection) -> None:
            # On the database's one thread, so two reads of a month are compared in the order written.
            if self._written.get(month) != digest:
                db.execute(_FORGET_ROWS, month)
                db.executemany(_ADD_ROW, values)
                self._written[month] = digest
            db.execute(_READ_AT, month)

        try:
            await self._database.run(replace)
        except BaseException:
            self._written.pop(month, None)  # the transaction may not have held: written again next time
            raise

    async def rows(self, ledger: str, period: Period) -> list[SheetRow]:
        """The month's rows as last read."""
        found = await self._database.run(lambda db: db.execute(_ROWS, (ledger, period.key())).fetchall())
        return [
            SheetRow(
                number=number,
                day=None if day is None else date.fromisoformat(day),
                item=item,
                usd=_decimal(usd),
                khr=_decimal(khr),
                member=member,
                reference=reference,
                topup_usd=_decimal(topup_usd),
                topup_khr=_decimal(topup_khr),
                category=category,
                movement=movement,
                movement_member=movement_member,
                movement_usd=_decimal(movement_usd),
                movement_khr=_decimal(movement_khr),
                status=status,
            )
            for (
                number,
                day,
                item,
                usd,
                khr,
                topup_usd,
                topup_khr,
                member,
                reference,
                category,
                movement,
                movement_member,
                movement_usd,
                movement_khr,
                status,
            ) in found
        ]

    async def known_chats(self) -> list[int]:
        """Groups that were sent a summary, or have an expense saved or on its way."""
        found = await self._database.run(lambda db: db.execute(_KNOWN_CHATS).fetchall())
        return [int(chat_id) for (chat_id,) in found]

    async def claim_summary(self, chat_id: int, period: Period) -> bool:
        """True only the first time for the month."""
        changed = await self._database.run(
            lambda db: db.execute(_CLAIM_SUMMARY, (chat_id, period.key())).rowcount
        )
        return bool(changed)


def _record(period: Period, row: tuple[str, str | None, str, str | None]) -> PeriodRecord:
    opening, closing, members_opening, members_closing = row
    return PeriodRecord(
        period,
        _amounts(opening),
        _amounts(closing) if closing else None,
        _members(members_opening),
        _members(members_closing) if members_closing else None,
    )


def _members_json(members: MemberAmounts) -> str:
    return json.dumps({name: json.loads(_json(amounts)) for name, amounts in members.items()})


def _members(text: str) -> dict[str, dict[Currency, Decimal]]:
    return {name: _amounts(json.dumps(amounts)) for name, amounts in json.loads(text).items()}


def _json(amounts: Mapping[Currency, Decimal]) -> str:
    return json.dumps({currency.value: str(amount) for currency, amount in amounts.items()})


def _amounts(text: str) -> dict[Currency, Decimal]:
    return {Currency(currency): Decimal(amount) for currency, amount in json.loads(text).items()}


def _text(amount: Decimal | None) -> str | None:
    return None if amount is None else str(amount)


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


_PERIOD = """
    SELECT opening, closing, members_opening, members_closing FROM period WHERE ledger = ? AND month = ?
"""
_OPEN = "INSERT OR IGNORE INTO period (ledger, month, opening, members_opening) VALUES (?, ?, ?, ?)"
_CARRY = """
    INSERT INTO period (ledger, month, opening, members_opening) VALUES (?, ?, ?, ?)
    ON CONFLICT (ledger, month) DO UPDATE SET opening = excluded.opening,
                                              members_opening = excluded.members_opening
"""
_CLOSE = """
    UPDATE period SET closing = ?, members_closing = ?, closed_at = datetime('now')
    WHERE ledger = ? AND month = ?
"""
_FORGET_ROWS = "DELETE FROM period_entry WHERE ledger = ? AND month = ?"
_ADD_ROW = """
    INSERT INTO period_entry (ledger, month, position, number, day, item, usd, khr, topup_usd, topup_khr,
                              member, reference, category, movement, movement_member, movement_usd,
                              movement_khr, status)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
_READ_AT = "UPDATE period SET read_at = datetime('now') WHERE ledger = ? AND month = ?"
_ROWS = """
    SELECT number, day, item, usd, khr, topup_usd, topup_khr, member, reference, category, movement,
           movement_member, movement_usd, movement_khr, status
    FROM period_entry WHERE ledger = ? AND month = ? ORDER BY position
"""
_KNOWN_CHATS = """
    SELECT chat_id FROM month_summary UNION SELECT chat_id FROM saved_message UNION SELECT chat_id FROM outbox
    ORDER BY chat_id
"""
_CLAIM_SUMMARY = "INSERT OR IGNORE INTO month_summary (chat_id, month) VALUES (?, ?)"
