"""Why the sheet cannot be written or read, in words someone can act on; a refusal for good says what to do.

The texts of the sheet's refusals live here rather than in texts.py (which is past its size), and
are extracted into the catalogs like them (babel.cfg).
"""

from __future__ import annotations

from collections.abc import Callable

from balance_bot.capture.refusals import LedgerRefused, SheetRefusal
from balance_bot.ports import (
    LedgerAccessDenied,
    LedgerApiDisabled,
    LedgerError,
    LedgerKeyRefused,
    LedgerNotConnected,
    LedgerNotFound,
    LedgerNotSaved,
)
from infrastructure.i18n.catalogs import N_
from infrastructure.telegram import balance_texts, texts

Say = Callable[..., str]

WHAT_TO_DO = {
    SheetRefusal.NOT_A_GOOGLE_SHEET: N_(
        "This spreadsheet is an Excel file (.xlsx) kept in Google Drive, not a Google Sheet, and Google "
        "lets no bot write to it. Open it, choose File → Save as Google Sheets, then send /connect with "
        "the new sheet's link."
    ),
    SheetRefusal.READ_ONLY: N_(
        "The sheet is shared with {email} as Viewer: I can read it but not add rows. "
        "Share it with {email} as Editor."
    ),
    SheetRefusal.PROTECTED: N_(
        "The part of the sheet I write to is protected. Remove the protection (Data → Protect sheets "
        "and ranges), or add {email} to the people who may edit it."
    ),
    SheetRefusal.PAST_THE_GRID: N_(
        "The month's tab has no room left for my cells. Add rows or columns at its end."
    ),
}
REFUSED_NOTICE = N_(
    "I cannot add rows to this group's sheet. {what_to_do}\n"
    "Nothing is lost: the expenses wait and go to the sheet once it is fixed. "
    "I try again every 10 minutes, and at once after /connect."
)
QUEUED_BECAUSE_REFUSED = N_(", once an admin fixes the sheet (see my message about it)")
CONNECT_REFUSED = N_("I did not connect that sheet. {what_to_do}")
BALANCE_REFUSED = N_("I cannot read the balance from the sheet. {what_to_do}")


# Asked about months the sheet has no worksheet for: saying "nothing" would be a figure it cannot give.
MONTHS_NOT_KEPT = N_(
    "The sheet has no worksheet{span}, so I cannot say what was spent then. Ask about a month the "
    "sheet has, or ask the bookkeeper."
)


def what_to_do(say: Say, refusal: LedgerRefused) -> str:
    """The remedy of a refusal for good."""
    return say(WHAT_TO_DO[refusal.reason], email=refusal.share_with)


def refused_notice(say: Say, refusal: LedgerRefused) -> str:
    """The one message a group gets when its sheet starts refusing the rows."""
    return say(REFUSED_NOTICE, what_to_do=what_to_do(say, refusal))


def connect_refused(say: Say, refusal: LedgerRefused) -> str:
    """The answer to /connect for a sheet that would refuse the rows."""
    return say(CONNECT_REFUSED, what_to_do=what_to_do(say, refusal))


def waiting_because(say: Say, problem: LedgerError | None) -> str:
    """Why an accepted expense is not in the sheet yet, in words someone can act on."""
    if problem is None:
        return ""
    if isinstance(problem, LedgerRefused):  # the group was told once what to do; each expense points there
        return say(QUEUED_BECAUSE_REFUSED)
    if isinstance(problem, LedgerApiDisabled):
        return say(texts.QUEUED_API_DISABLED, link=problem.enable_at)
    if isinstance(problem, LedgerKeyRefused):
        return say(texts.QUEUED_KEY_REFUSED)
    if isinstance(problem, LedgerAccessDenied):
        return say(texts.QUEUED_BECAUSE_NO_ACCESS)
    if isinstance(problem, LedgerNotFound):
        return say(texts.QUEUED_BECAUSE_NOT_FOUND)
    if isinstance(problem, LedgerNotSaved):
        return say(texts.QUEUED_WORKBOOK_NOT_SAVED)
    return say(texts.QUEUED_BECAUSE_UNAVAILABLE)


def balance_problem(say: Say, error: LedgerError) -> str:
    """Why /balance (or the Mini App) has no answer: the sheet could not be read; never a zero."""
    if isinstance(error, LedgerRefused):
        return say(BALANCE_REFUSED, what_to_do=what_to_do(say, error))
    if isinstance(error, LedgerAccessDenied):
        return say(balance_texts.BALANCE_NO_ACCESS, email=error.share_with)
    if isinstance(error, LedgerNotConnected | LedgerNotFound):
        return say(balance_texts.BALANCE_NO_SHEET)
    if isinstance(error, LedgerKeyRefused | LedgerApiDisabled | LedgerNotSaved):
        return ledger_problem(say, error)
    return say(balance_texts.BALANCE_UNAVAILABLE)


def ledger_problem(say: Say, error: LedgerError) -> str:
    """What the group is told when the sheet cannot be written."""
    if isinstance(error, LedgerRefused):
        return what_to_do(say, error)
    if isinstance(error, LedgerAccessDenied):
        return say(texts.NO_ACCESS, email=error.share_with)
    if isinstance(error, LedgerNotConnected):
        return say(texts.NOT_CONNECTED)
    if isinstance(error, LedgerNotFound):
        return say(texts.NOT_FOUND)
    if isinstance(error, LedgerKeyRefused):
        return say(texts.KEY_REFUSED)
    if isinstance(error, LedgerApiDisabled):
        return say(texts.API_DISABLED, link=error.enable_at)
    if isinstance(error, LedgerNotSaved):
        return say(texts.WORKBOOK_NOT_SAVED)
    return say(texts.UNAVAILABLE)
