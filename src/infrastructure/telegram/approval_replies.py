"""What the bot says about approvals, in one chat's words: the confirmation's note and buttons, a
decision, a refusal to the tapper, the reason, the reminder, the settings line, the awaiting sums."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from balance_bot.approvals.decisions import (
    ApprovalOutcome,
    ApprovalRefused,
    ApprovalReminder,
    Approved,
    ReasonNoted,
    Rejected,
)
from balance_bot.capture.outcomes import LedgerProblem
from balance_bot.domain.money import Currency
from balance_bot.groups.group_settings import ApprovalSettings
from balance_bot.ports import SavedMessage
from infrastructure.telegram import approval_notes, approvals_texts, texts
from infrastructure.telegram.replies import Replies


class ApprovalReplies:
    """Renders approvals in the words and numbers of one chat's replies."""

    def __init__(self, replies: Replies) -> None:
        self._replies = replies

    def outcome(self, outcome: ApprovalOutcome) -> str:
        """What a decision, a refusal or a reason says."""
        say = self._replies.say
        match outcome:
            case Approved(message, by):
                return say(approvals_texts.APPROVED, admin=by, rows=self._rows(message))
            case Rejected(message, by):
                return say(approvals_texts.REJECTED, admin=by, rows=self._rows(message))
            case ReasonNoted(message, _, reason) if message is not None:
                return say(approvals_texts.REASON_NOTED, rows=self._rows(message), reason=reason)
            case ReasonNoted(_, _, reason):
                return say(approvals_texts.REASON_NOTED_NO_ROWS, reason=reason)
            case ApprovalRefused(reason, by):
                return say(approvals_texts.REFUSALS[reason], admin=by or "—")
            case LedgerProblem(error):
                return self._replies.ledger_problem(error)
        raise AssertionError(f"no words for {outcome!r}")

    def reminder(self, due: ApprovalReminder) -> str:
        """The admins' daily reminder of what awaits them."""
        formats = self._replies.formats
        rows = ", ".join(
            (
                ", ".join(
                    self._replies.say(texts.ENTRY_NUMBER, number=formats.digits(str(n))) for n in one.numbers
                )
                or self.sums(one.amounts)
            )
            + (f" ({self.sums(one.amounts)})" if one.numbers else "")
            for one in due.waiting
        )
        return self._replies.count(
            approvals_texts.REMINDER, len(due.waiting), total=self.sums(due.amounts), rows=rows
        )

    def sums(self, amounts: Mapping[Currency, Decimal]) -> str:
        """'$240.00 + 1,200,000៛': each currency that has any."""
        return approval_notes.sums(self._replies, amounts)

    def setting(self, settings: ApprovalSettings) -> str:
        """/settings' line about approvals."""
        say = self._replies.say
        if settings.over is None:
            shown = say(approvals_texts.SETTING_OFF)
        else:
            threshold = self._replies.amount(settings.over)
            hour = self._replies.formats.digits(f"{settings.hour:02d}")
            shown = say(approvals_texts.SETTING_OVER, threshold=threshold, hour=hour)
        if not settings.chosen:
            shown = say(approvals_texts.SETTING_DEFAULT, approvals=shown)
        return say(approvals_texts.SETTINGS_LINE, approvals=shown)

    def _rows(self, message: SavedMessage) -> str:
        """'No 14 (240.00 USD – laptop)' for the rows that awaited, else all of the message's."""
        decided = [line for line in message.lines if line.line.status] or list(message.lines)
        replies = self._replies
        return ", ".join(
            f"{replies.entry_number(line)} ({replies.amount(line.line.money)} – {line.line.purpose})"
            for line in decided
        )
