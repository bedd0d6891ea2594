"""An in-memory ledger with the numbering and voiding rules of the real stores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from balance_bot.domain.categories import Category
from balance_bot.domain.ledger import LedgerLine, Period, SavedLine, SheetRow
from balance_bot.domain.money import Currency
from balance_bot.ports import LedgerAccessDenied


@dataclass
class InMemoryLedger:
    """LedgerStore and LedgerDirectory in one: every chat writes here; rows are kept per worksheet."""

    title_format: str = "%B %Y"
    sheets: dict[str, list[SavedLine]] = field(default_factory=dict)
    tab: list[Category] = field(default_factory=list)  # the Categories tab; empty: the defaults

    def for_chat(self, chat_id: int) -> InMemoryLedger:
        """One ledger for all chats."""
        return self

    def link(self) -> str | None:
        """A pretend link, to see that confirmations carry it."""
        return "https://ledger.example/sheet"

    async def identity(self) -> str:
        """One ledger."""
        return "memory:ledger"

    async def is_connected(self, chat_id: int) -> bool:
        """Every chat is."""
        return True

    async def find(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Rows with the lines' sources, not voided."""
        sources = {line.source: line for line in lines}
        rows = self.sheets.get(period.title(self.title_format), [])
        return [
            replace(row, line=sources[row.line.source])
            for row in rows
            if row.line.source in sources and row.line.purpose != "[void]"
        ]

    async def flush(self) -> None:
        """Nothing to save."""

    async def append(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Numbered rows after the last."""
        title = period.title(self.title_format)
        rows = self.sheets.setdefault(title, [])
        saved = []
        for line in lines:
            number = rows[-1].number + 1 if rows else 1
            rows.append(SavedLine(line, title, len(rows) + 2, number))
            saved.append(rows[-1])
        return saved

    async def replace(self, saved: SavedLine, line: LedgerLine) -> SavedLine | None:
        """Rewrite a row found by its reference."""
        rows = self.sheets.get(saved.worksheet, [])
        for index, row in enumerate(rows):
            if row.line.source == saved.line.source:
                rows[index] = replace(row, line=line)
                return rows[index]
        return None

    async def set_category(self, saved: SavedLine, category: str) -> SavedLine | None:
        """Write a row's category."""
        return await self.replace(saved, replace(saved.line, category=category))

    async def set_status(self, saved: SavedLine, status: str) -> SavedLine | None:
        """Write a row's Status, and nothing else of it (a voided row stays void)."""
        for index, row in enumerate(self.sheets.get(saved.worksheet, [])):
            if row.line.source == saved.line.source:
                self.sheets[saved.worksheet][index] = replace(row, line=replace(row.line, status=status))
                return replace(row, line=replace(saved.line, status=status))
        return None

    async def categories(self) -> list[Category]:
        """The tab as a test set it."""
        return list(self.tab)

    async def void(self, saved: SavedLine) -> SavedLine | None:
        """Mark a row void by emptying its purpose; the row with its current No."""
        voided = await self.replace(saved, replace(saved.line, purpose="[void]"))
        return replace(voided, line=saved.line) if voided is not None else None

    async def read(self, period: Period) -> list[SheetRow]:
        """Rows as SheetRow."""
        return [
            SheetRow(
                number=row.number,
                day=row.line.day,
                # As the real stores read a voided row: the void prefix before its item.
                item="[void] " if row.line.purpose == "[void]" else row.line.purpose,
                usd=row.line.money.amount if row.line.money.currency is Currency.USD else None,
                khr=row.line.money.amount if row.line.money.currency is Currency.KHR else None,
                member=row.line.member,
                reference=row.line.source.reference(),
                category=row.line.category,
                status=row.line.status,
            )
            for row in self.sheets.get(period.title(self.title_format), [])
        ]

    async def months_kept(self, periods):
        """The periods with a worksheet here."""
        return {period for period in periods if period.title(self.title_format) in self.sheets}

    async def read_months(self, periods):
        """Several months' rows."""
        return {period: await self.read(period) for period in periods}

    def items(self, title: str) -> list[tuple[int, str, str]]:
        """(No, purpose, amount and currency) of a worksheet's rows, for assertions."""
        return [(row.number, row.line.purpose, str(row.line.money)) for row in self.sheets.get(title, [])]


class UnconnectedLedger(InMemoryLedger):
    """A group that has no sheet yet."""

    async def is_connected(self, chat_id: int) -> bool:
        """No chat is."""
        return False


class UnsharedLedger(InMemoryLedger):
    """A ledger whose every append fails the way a Google Sheet not shared with the bot does."""

    share_with = "bot@project.iam.gserviceaccount.com"

    async def append(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Refused."""
        raise LedgerAccessDenied(self.share_with)
