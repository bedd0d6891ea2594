"""A pool of Google service accounts: each with its own client and quotas, its project's quota shared by
the accounts of that project, the account kept for each spreadsheet, and the requests each one sent."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

import requests
from google.auth.exceptions import RefreshError, TransportError
from gspread.exceptions import APIError

from balance_bot.ports import AccountLoad, LedgerUnavailable
from infrastructure.sheets.google_api import (
    OnRequest,
    Quotas,
    RequestQuota,
    SheetsCredentials,
    SheetsHTTPClient,
    token_error,
)
from infrastructure.sheets.google_lanes import AccountThreads
from infrastructure.sheets.google_refusals import PROTECTION_FIELDS, protected, protected_tabs, sheets_error
from infrastructure.thread_names import name_this_thread


@dataclass(frozen=True)
class PoolAccount:
    """One service account: its e-mail (what a sheet is shared with), its project, its client."""

    email: str
    project: str
    client: SheetsHTTPClient
    threads: AccountThreads = field(default_factory=lambda: AccountThreads("account"))


@dataclass(frozen=True)
class PoolLimits:
    """Google's quotas as the bot keeps them: per account, and per project for all its accounts."""

    writes_per_minute: int = 60
    reads_per_minute: int = 60
    project_writes_per_minute: int = 300
    project_reads_per_minute: int = 300


def pool_accounts(
    keys: Sequence[tuple[SheetsCredentials, str]],
    api_url: str,
    limits: PoolLimits,
    tally: Tally,
    *,
    monotonic: Callable[[], float] = time.monotonic,
    quota_sleep: Callable[[float], None] = time.sleep,
    **client_options: Any,
) -> list[PoolAccount]:
    """A client per (credentials, project_id), each with its own read and write buckets and its
    project's buckets, shared by the accounts of that project; the buckets' time is `monotonic`."""

    def bucket(per_minute: int) -> RequestQuota:
        return RequestQuota(per_minute, monotonic=monotonic, sleep=quota_sleep)

    projects: dict[str, tuple[RequestQuota, RequestQuota]] = {}
    accounts = []
    for credentials, project in keys:
        if project not in projects:
            projects[project] = (
                bucket(limits.project_writes_per_minute),
                bucket(limits.project_reads_per_minute),
            )
        project_writes, project_reads = projects[project]
        email = credentials.service_account_email
        client = SheetsHTTPClient(
            credentials,
            api_url,
            writes=Quotas([bucket(limits.writes_per_minute), project_writes]),
            reads=Quotas([bucket(limits.reads_per_minute), project_reads]),
            on_request=tally.counter(email),
            **client_options,
        )
        accounts.append(PoolAccount(email, project, client, AccountThreads(email.split("@")[0][:16])))
    return accounts


class Tally:
    """The requests each account sent, per minute of the wall clock, until they are kept in SQLite."""

    def __init__(self, now: Callable[[], float] = time.time) -> None:
        self._now = now
        self._counts: dict[tuple[str, int], list[int]] = {}
        self._lock = threading.Lock()

    def counter(self, account: str) -> OnRequest:
        """What the account's client calls for each request it sends."""

        def count(write: bool) -> None:
            minute = int(self._now() // 60)
            with self._lock:
                counts = self._counts.setdefault((account, minute), [0, 0])
                counts[0 if write else 1] += 1

        return count

    def minute(self) -> int:
        """The minute it is now."""
        return int(self._now() // 60)

    def take(self, everything: bool = False) -> dict[tuple[str, int], tuple[int, int]]:
        """The (writes, reads) of the minutes that are over (all, with `everything`), forgotten here."""
        now = self.minute()
        with self._lock:
            done = [key for key in self._counts if everything or key[1] < now]
            return {key: (counts[0], counts[1]) for key, counts in ((k, self._counts.pop(k)) for k in done)}


class AccountStore(Protocol):
    """Where the account of each spreadsheet and the counts per minute are kept (SQLite)."""

    async def serving(self, spreadsheet_id: str) -> str | None: ...

    async def serve(self, spreadsheet_id: str, account: str) -> None: ...

    async def record(self, counts: Mapping[tuple[str, int], tuple[int, int]]) -> None: ...

    async def loads(self, accounts: Sequence[tuple[str, str]], now_minute: int) -> list[AccountLoad]: ...


class MemoryAccountStore:
    """An AccountStore for one process's life (tests, benches): spreadsheets counted, requests not."""

    def __init__(self) -> None:
        self._serving: dict[str, str] = {}

    async def serving(self, spreadsheet_id: str) -> str | None:
        """The account kept for the spreadsheet."""
        return self._serving.get(spreadsheet_id)

    async def serve(self, spreadsheet_id: str, account: str) -> None:
        """Keep the account for the spreadsheet."""
        self._serving[spreadsheet_id] = account

    async def record(self, counts: Mapping[tuple[str, int], tuple[int, int]]) -> None:
        """Nothing is kept."""

    async def loads(self, accounts: Sequence[tuple[str, str]], now_minute: int) -> list[AccountLoad]:
        """Each account's spreadsheets."""
        served = list(self._serving.values())
        return [AccountLoad(email, project, served.count(email)) for email, project in accounts]


class GooglePool:
    """The SheetAccounts of Google: the accounts in the configured order, the first one the default
    for a spreadsheet none was kept for (the single GOOGLE_SERVICE_ACCOUNT_FILE of earlier versions)."""

    def __init__(
        self,
        accounts: Sequence[PoolAccount],
        title_format: str,
        store: AccountStore | None = None,
        tally: Tally | None = None,
    ) -> None:
        if not accounts:
            raise ValueError("a pool needs at least one service account")
        self.accounts = list(accounts)
        self._by_email = {account.email: account for account in accounts}
        self._title_format = title_format
        self._store = store or MemoryAccountStore()
        self._tally = tally or Tally()
        self._checker = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="sheets-access", initializer=name_this_thread
        )
        self._recorded_at = time.monotonic()

    def account(self, email: str) -> PoolAccount:
        """The account of that e-mail; the first one when the pool no longer has it."""
        return self._by_email.get(email, self.accounts[0])

    async def serving(self, spreadsheet_id: str) -> str | None:
        """The account kept for the spreadsheet, if it is still in the pool."""
        kept = await self._store.serving(spreadsheet_id)
        return kept if kept in self._by_email else None

    async def serve(self, spreadsheet_id: str, account: str) -> None:
        """Keep the account for the spreadsheet."""
        await self._store.serve(spreadsheet_id, account)

    async def loads(self) -> list[AccountLoad]:
        """Each account's spreadsheets, and its requests in the last minute that is over and the hour."""
        await self.record()
        accounts = [(account.email, account.project) for account in self.accounts]
        return await self._store.loads(accounts, self._tally.minute())

    async def record(self, everything: bool = False) -> None:
        """Keep the counts of the minutes that are over (every count, when the bot stops)."""
        self._recorded_at = time.monotonic()
        await self._store.record(self._tally.take(everything))

    async def record_now_and_then(self) -> None:
        """Keep the counts about once a minute: called on the way to each spreadsheet."""
        if time.monotonic() - self._recorded_at >= 60:
            await self.record()

    async def check_write_access(self, spreadsheet_id: str, account: str) -> str:
        """The spreadsheet's title, after a write that changes nothing (its title set to itself).

        A sheet that takes that write may still refuse the rows: an uploaded .xlsx refuses every
        call, one shared as Viewer refuses the write, and a month's or the Categories tab may be
        protected against the bot, which the metadata says (requestingUserCanEdit).
        """
        client = self.account(account).client

        def check() -> str:
            try:
                metadata = client.fetch_sheet_metadata(spreadsheet_id, params={"fields": PROTECTION_FIELDS})
                title = str(metadata["properties"]["title"])
                client.batch_update(
                    spreadsheet_id,
                    {
                        "requests": [
                            {
                                "updateSpreadsheetProperties": {
                                    "properties": {"title": title},
                                    "fields": "title",
                                }
                            }
                        ]
                    },
                )
            except APIError as exc:
                raise sheets_error(exc, client, spreadsheet_id, account) from exc
            except (RefreshError, TransportError) as exc:
                raise token_error(exc) from exc
            except requests.RequestException as exc:
                raise LedgerUnavailable(f"Google Sheets did not answer: {exc}") from exc
            tabs = protected_tabs(metadata, self._title_format)
            if tabs:
                raise protected(account, tabs)
            return title

        return await asyncio.get_running_loop().run_in_executor(self._checker, check)

    async def close(self) -> None:
        """Keep the last counts; stop the checker's thread and the accounts' threads."""
        await self.record(everything=True)
        self._checker.shutdown(wait=True)
        for account in self.accounts:
            account.threads.close()
