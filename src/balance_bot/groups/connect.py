"""Use case: connect a group to its Google Sheet, checking write access before remembering it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from balance_bot.capture.outcomes import LedgerProblem
from balance_bot.groups.sheet_accounts import SheetAccountChoice
from balance_bot.ports import LedgerError, SheetAccess, SheetConnections

# A spreadsheet id as it appears in a sheet's link (…/spreadsheets/d/<id>/edit) or on its own.
_IN_LINK = re.compile(r"/spreadsheets/d/([A-Za-z0-9_-]{20,})")
_ALONE = re.compile(r"^[A-Za-z0-9_-]{20,}$")


def spreadsheet_id_from(reference: str) -> str | None:
    """The spreadsheet id in a pasted link or id; None when it is neither."""
    reference = reference.strip().strip("<>")
    if match := _IN_LINK.search(reference):
        return match.group(1)
    return reference if _ALONE.match(reference) else None


@dataclass(frozen=True, slots=True)
class Connected:
    """The group now writes to this spreadsheet."""

    spreadsheet_id: str
    title: str


@dataclass(frozen=True, slots=True)
class NotASheet:
    """What was sent is not a spreadsheet link or id."""


@dataclass(frozen=True, slots=True)
class SheetsNotConfigured:
    """The bot keeps its ledger elsewhere (a local workbook): there is nothing to connect."""


ConnectOutcome = Connected | NotASheet | SheetsNotConfigured | LedgerProblem


class ConnectSheet:
    """Connects a group to a spreadsheet once the bot has proved it can write there.

    A group whose rows wait because its sheet refused them (an .xlsx, a Viewer share) has them
    tried again at once (`connected`), whether the admin fixed that sheet or connected another.
    With a pool of accounts (`accounts`), the sheet is checked with the account that serves it, or
    with each of the pool's until one can write, and that one is kept for it.
    """

    def __init__(
        self,
        access: SheetAccess | None,
        connections: SheetConnections,
        connected: Callable[[int], None] = lambda chat_id: None,
        accounts: SheetAccountChoice | None = None,
    ) -> None:
        self._access = access
        self._connections = connections
        self._connected = connected
        self._accounts = accounts

    async def share_with(self) -> str | None:
        """The account a group should share its sheet with: the pool's least loaded; None without one."""
        return await self._accounts.to_share_with() if self._accounts is not None else None

    async def connect(self, chat_id: int, reference: str) -> ConnectOutcome:
        """Check the sheet, then remember it for the group."""
        if self._access is None:
            return SheetsNotConfigured()
        spreadsheet_id = spreadsheet_id_from(reference)
        if spreadsheet_id is None:
            return NotASheet()
        try:
            if self._accounts is not None:
                title = (await self._accounts.find(spreadsheet_id)).title
            else:
                title = await self._access.check_write_access(spreadsheet_id)
        except LedgerError as error:
            return LedgerProblem(error)
        await self._connections.connect(chat_id, spreadsheet_id)
        self._connected(chat_id)
        return Connected(spreadsheet_id, title)
