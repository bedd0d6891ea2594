"""The Google Sheets API as the store uses it: service-account credentials, quotas, bounded retries and
errors mapped to what an admin can do about them."""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import requests
from google.auth.exceptions import RefreshError
from google.oauth2 import service_account
from gspread.exceptions import APIError
from gspread.http_client import HTTPClient, ParamsType
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from balance_bot.ports import (
    LedgerAccessDenied,
    LedgerApiDisabled,
    LedgerError,
    LedgerKeyRefused,
    LedgerNotFound,
    LedgerUnavailable,
)

GOOGLE_SHEETS_ROOT = "https://sheets.googleapis.com"
SCOPES = ("https://www.googleapis.com/auth/spreadsheets",)
_RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
# Google's quotas count requests per minute: after a 429 with no Retry-After, a minute refills it.
QUOTA_MINUTE_SECONDS = 61.0
_CONSOLE_LINK = re.compile(r"https://console\.(?:developers|cloud)\.google\.com/\S+")
SHEETS_API_IN_CONSOLE = "https://console.cloud.google.com/apis/library/sheets.googleapis.com"


class SheetsCredentials(service_account.Credentials):
    """A service account without google-auth's background regional-access-boundary lookup.

    google-auth 2.62 starts that lookup against a Google host after every token refresh. The bot
    needs nothing from it, and against SHEETS_API_URL (an emulator, a proxy) it must not leave
    the machine; no setting turns it off, so this subclass does.
    """

    def _is_regional_access_boundary_lookup_required(self) -> bool:
        return False


def load_credentials(key: dict[str, Any]) -> SheetsCredentials:
    """Service-account credentials from the key file's contents, scoped to spreadsheets."""
    credentials: SheetsCredentials = SheetsCredentials.from_service_account_info(  # type: ignore[no-untyped-call]
        key, scopes=SCOPES
    )
    return credentials


class RequestQuota:
    """A token bucket that keeps a service account under Google's write (or read) requests per minute.

    The bucket holds `burst` tokens and refills the rest of the quota evenly over the minute, so
    no sixty seconds ever see more than `per_minute` writes, retries included. Thread-safe: every
    spreadsheet's worker thread draws from the one bucket.
    """

    def __init__(
        self,
        per_minute: int = 60,
        burst: int = 5,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._burst = max(1, min(burst, per_minute - 1)) if per_minute > 1 else 1
        self._per_second = (per_minute - self._burst) / 60 if per_minute > 1 else 1 / 60
        self._monotonic = monotonic
        self._sleep = sleep
        self._tokens = float(self._burst)
        self._updated = monotonic()
        self._lock = threading.Lock()

    def take(self) -> None:
        """Wait until a request may go out, then count it."""
        while True:
            with self._lock:
                now = self._monotonic()
                self._tokens = min(self._burst, self._tokens + (now - self._updated) * self._per_second)
                self._updated = now
                if self._tokens >= 1 - 1e-6:  # a clock that counts in microseconds must not stall it
                    self._tokens = max(0.0, self._tokens - 1)
                    return
                wait = (1 - self._tokens) / self._per_second
            self._sleep(wait)


class Quota(Protocol):
    """What a request waits for before it goes out."""

    def take(self) -> None:
        """Wait until a request may go out, then count it."""
        ...


class Quotas:
    """Several quotas one request must fit in: its service account's, then its Google Cloud project's
    (the project's bucket is shared by the clients of all the accounts of that project)."""

    def __init__(self, quotas: Sequence[Quota]) -> None:
        self._quotas = tuple(quotas)

    def take(self) -> None:
        """Wait for each quota in turn."""
        for quota in self._quotas:
            quota.take()


# Told of each request sent (True for a write), so the pool can count each account's load.
OnRequest = Callable[[bool], None]


class SheetsHTTPClient(HTTPClient):
    """gspread's HTTP client on SHEETS_API_URL, retrying 429 and 5xx a bounded number of times.

    gspread's own BackOffHTTPClient retries forever; this one gives up after `attempts`, waits
    what Retry-After asks or an exponential, jittered time, and never repeats a request whose
    answer was lost (a read timeout): whether such an append landed is for the caller to find out.
    """

    def __init__(
        self,
        credentials: SheetsCredentials,
        api_root: str = GOOGLE_SHEETS_ROOT,
        *,
        attempts: int = 5,
        timeout_seconds: float = 20.0,
        sleep: Callable[[float], None] | None = None,
        writes: Quota | None = None,
        reads: Quota | None = None,
        on_request: OnRequest | None = None,
    ) -> None:
        super().__init__(credentials)
        self._api_root = api_root.rstrip("/")
        # Trusting the environment, requests looks for a .netrc file and reads the proxy variables on
        # every call: a fifth of a Sheets call's CPU. They are read once, here, for SHEETS_API_URL.
        self.session.proxies = requests.utils.get_environ_proxies(self._api_root)
        self.session.verify = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
        self.session.trust_env = False
        self._attempts = attempts
        self._sleep = sleep
        self._writes = writes
        self._reads = reads
        self._on_request = on_request
        self.set_timeout((5.0, timeout_seconds))

    def values_batch_get(self, id: str, ranges: list[str], params: ParamsType | None = None) -> Any:
        """gspread's batchGet on a copy of `params`: it writes the ranges into the dict it is given, and a
        dict shared by the callers then carried them into their other reads (Google refuses those)."""
        return super().values_batch_get(id, ranges, params=dict(params or {}))

    def request(self, method: str, endpoint: str, *args: Any, **kwargs: Any) -> requests.Response:
        """One Sheets call, routed to the configured root, retried while the answer says 'later'."""
        if endpoint.startswith(GOOGLE_SHEETS_ROOT):
            endpoint = self._api_root + endpoint.removeprefix(GOOGLE_SHEETS_ROOT)
        retrying = Retrying(
            stop=stop_after_attempt(self._attempts),
            wait=self._wait,
            retry=retry_if_exception(_worth_retrying),
            reraise=True,
            sleep=self._sleep or time.sleep,
        )
        response: requests.Response = retrying(self._send, method, endpoint, *args, **kwargs)
        return response

    def _wait(self, state: RetryCallState) -> float:
        """What Retry-After asks; for a quota 429 without one, the last attempts wait out the minute."""
        error = state.outcome.exception() if state.outcome else None
        quota_spent = (
            isinstance(error, APIError)
            and error.response.status_code == 429
            and not error.response.headers.get("Retry-After")
        )
        if quota_spent and state.attempt_number >= self._attempts - 2:
            return QUOTA_MINUTE_SECONDS
        return _retry_after_or_backoff(state)

    def _send(self, method: str, endpoint: str, *args: Any, **kwargs: Any) -> requests.Response:
        write = method.upper() != "GET"
        quota = self._writes if write else self._reads
        if quota is not None:
            quota.take()
        if self._on_request is not None:
            self._on_request(write)
        response: requests.Response = super().request(method, endpoint, *args, **kwargs)
        return response


def _worth_retrying(error: BaseException) -> bool:
    if isinstance(error, APIError):
        return error.response.status_code in _RETRIED_STATUSES
    return isinstance(error, requests.ConnectionError) and not isinstance(error, requests.ReadTimeout)


_backoff = wait_exponential_jitter(initial=1, max=30, jitter=1)


def _retry_after_or_backoff(state: RetryCallState) -> float:
    error = state.outcome.exception() if state.outcome else None
    if isinstance(error, APIError):
        retry_after = error.response.headers.get("Retry-After")
        if retry_after and retry_after.isdigit():
            return min(float(retry_after), 60.0)
    return float(_backoff(state))


def ledger_error(exc: APIError, spreadsheet_id: str, share_with: str) -> LedgerError:
    """What a Sheets error means for the group: share the sheet, enable the API, reconnect, or wait."""
    status = exc.response.status_code
    if status == 403:
        enable_at = _activation_url(exc)
        return LedgerApiDisabled(enable_at) if enable_at is not None else LedgerAccessDenied(share_with)
    if status == 404:
        return LedgerNotFound(f"spreadsheet {spreadsheet_id} was not found")
    return LedgerUnavailable(f"Google Sheets answered {status}")


def token_error(exc: Exception) -> LedgerError:
    """What a failure at Google's token endpoint means: a key refused for good, or a passing blip."""
    if isinstance(exc, RefreshError) and "invalid_grant" in str(exc):
        return LedgerKeyRefused(
            "Google refused the service account's key (invalid_grant): it was deleted or revoked; "
            "make a new JSON key for the service account and point GOOGLE_SERVICE_ACCOUNT_FILE at it"
        )
    return LedgerUnavailable(f"Google's token endpoint did not answer: {type(exc).__name__}")


def _activation_url(exc: APIError) -> str | None:
    """The link that enables the Sheets API, when a 403 says the API is off for the project."""
    try:
        error = exc.response.json().get("error", {})
    except ValueError:
        return None
    reasons = {detail.get("reason") for detail in error.get("details", []) if isinstance(detail, dict)}
    reasons |= {item.get("reason") for item in error.get("errors", []) if isinstance(item, dict)}
    if not reasons & {"SERVICE_DISABLED", "accessNotConfigured"}:
        return None
    for detail in error.get("details", []):
        url = detail.get("metadata", {}).get("activationUrl") if isinstance(detail, dict) else None
        if url:
            return str(url)
    found = re.search(
        r"https://console\.(?:developers|cloud)\.google\.com/\S+", str(error.get("message", ""))
    )
    return (
        found.group(0).rstrip(".,")
        if found
        else "https://console.cloud.google.com/apis/library/sheets.googleapis.com"
    )
