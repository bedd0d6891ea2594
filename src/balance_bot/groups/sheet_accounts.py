"""Use case: which account of the pool serves each spreadsheet, and how many more groups the pool holds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from balance_bot.capture.refusals import LedgerRefused, SheetRefusal
from balance_bot.ports import AccountLoad, LedgerAccessDenied, LedgerError, LedgerNotFound, SheetAccounts


def least_loaded(loads: Sequence[AccountLoad]) -> AccountLoad:
    """The account a new spreadsheet goes to: the fewest spreadsheets, then the fewest writes lately.

    Ties go to the first in the configured order, so the same account is named again until a sheet
    is connected to it.
    """
    return min(loads, key=lambda load: (load.spreadsheets, load.writes_last_hour))


def not_shared_with(error: LedgerError) -> bool:
    """Whether the account was refused because the sheet is not shared with it as Editor (403, 404,
    or shared as Viewer): another account of the pool may be the one it is shared with."""
    if isinstance(error, LedgerRefused):
        return error.reason is SheetRefusal.READ_ONLY
    return isinstance(error, LedgerAccessDenied | LedgerNotFound)


@dataclass(frozen=True, slots=True)
class Found:
    """The account that writes to the spreadsheet, and the spreadsheet's title."""

    account: str
    title: str


class SheetAccountChoice:
    """Chooses the account of the pool for each spreadsheet, and keeps it.

    A group is told to share its sheet with the least loaded account. A sheet is then tried with
    the account kept for it (or that one), then with the others in turn when it is not shared with
    the one tried (403, 404, or shared as Viewer): the first that can write is kept, so a sheet
    shared with any account of the pool is found. When none can, the first one's error is raised.
    """

    def __init__(self, accounts: SheetAccounts) -> None:
        self._accounts = accounts

    async def to_share_with(self) -> str:
        """The account a group should share a new sheet with."""
        return least_loaded(await self._accounts.loads()).account

    async def find(self, spreadsheet_id: str, *, skip: str | None = None) -> Found:
        """The account that can write to the spreadsheet, kept for it; `skip` is one just refused."""
        loads = await self._accounts.loads()
        kept = await self._accounts.serving(spreadsheet_id)
        first = kept if kept is not None and kept != skip else least_loaded(loads).account
        order = [first, *(load.account for load in sorted(loads, key=_by_load) if load.account != first)]
        first_error: LedgerError | None = None
        for account in order:
            if account == skip and len(order) > 1:
                continue
            try:
                title = await self._accounts.check_write_access(spreadsheet_id, account)
            except LedgerError as error:
                if not not_shared_with(error):
                    raise
                first_error = first_error or error
                continue
            if account != kept:
                await self._accounts.serve(spreadsheet_id, account)
            return Found(account, title)
        assert first_error is not None  # the pool has at least one account, and each one failed
        raise first_error


def _by_load(load: AccountLoad) -> tuple[int, int]:
    return load.spreadsheets, load.writes_last_hour


@dataclass(frozen=True, slots=True)
class PoolQuotas:
    """What Google lets the pool do a minute: per account, and per group of accounts (a project)."""

    writes_per_account: int
    reads_per_account: int
    writes_per_group: int
    reads_per_group: int


@dataclass(frozen=True, slots=True)
class PoolRoom:
    """How much the pool carries a minute, and how many more spreadsheets it holds at the rates seen.

    `more_groups` is None when nothing was measured yet (no spreadsheet wrote or read in the hour).
    """

    writes_per_minute: int
    reads_per_minute: int
    busiest_writes_per_sheet: float
    busiest_reads_per_sheet: float
    more_groups: int | None


def pool_room(loads: Sequence[AccountLoad], quotas: PoolQuotas) -> PoolRoom:
    """The pool's room: its accounts' quotas, each project's capped by its own, against the busiest
    minute of the last hour per spreadsheet served.

    The pool carries at most, a minute, the sum over projects of the smaller of the project's quota
    and its accounts' quotas together. A spreadsheet's need is the busiest minute of each account in
    the hour divided by the spreadsheets it serves (the busiest account sets it). The groups it holds
    are the carried rate divided by that need; the ones served already are taken off.
    """
    groups: dict[str, int] = {}
    for load in loads:
        groups[load.group] = groups.get(load.group, 0) + 1
    writes = sum(min(quotas.writes_per_group, count * quotas.writes_per_account) for count in groups.values())
    reads = sum(min(quotas.reads_per_group, count * quotas.reads_per_account) for count in groups.values())
    served = [load for load in loads if load.spreadsheets]
    write_need = max((load.busiest_writes / load.spreadsheets for load in served), default=0.0)
    read_need = max((load.busiest_reads / load.spreadsheets for load in served), default=0.0)
    if not write_need and not read_need:
        return PoolRoom(writes, reads, 0.0, 0.0, None)
    held = min(
        writes / write_need if write_need else float("inf"),
        reads / read_need if read_need else float("inf"),
    )
    spreadsheets = sum(load.spreadsheets for load in loads)
    return PoolRoom(writes, reads, write_need, read_need, max(0, int(held) - spreadsheets))
