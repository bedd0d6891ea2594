"""What can fail outside the core: the ledger's errors, and the bot's own storage's."""

from __future__ import annotations


class LedgerError(Exception):
    """The ledger could not be read or written; each kind says what someone can do about it."""


class LedgerNotConnected(LedgerError):
    """The group has no sheet yet."""


class LedgerAccessDenied(LedgerError):
    """The sheet is not shared with the bot as Editor."""

    def __init__(self, share_with: str) -> None:
        super().__init__(f"the sheet is not shared with {share_with} as Editor")
        self.share_with = share_with


class LedgerNotFound(LedgerError):
    """No sheet with that id exists (or it was deleted)."""


class LedgerUnavailable(LedgerError):
    """The sheet service did not answer, even after retries."""


class LedgerAnswerLost(LedgerUnavailable):
    """A write went out and its answer was lost (it timed out): the service may still be carrying it
    out, so whether it landed is asked only once it has had time to."""


class LedgerNotSaved(LedgerUnavailable):
    """The ledger's file on the bot's own server could not be written (its disk is full): what waits
    is kept, and saved once it can be."""


class LedgerKeyRefused(LedgerError):
    """The bot's key for the sheet service was refused for good (deleted or revoked): a new one is needed."""


class LedgerApiDisabled(LedgerError):
    """The sheet service's API is turned off for the bot's project; the link turns it on."""

    def __init__(self, enable_at: str) -> None:
        super().__init__(f"the Google Sheets API is not enabled: enable it at {enable_at}")
        self.enable_at = enable_at


class StorageUnavailable(Exception):
    """The bot's own storage could not be written (a full or read-only disk): nothing was kept."""
