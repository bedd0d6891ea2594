"""Whether a message's entries may be saved as they stand, and what to tell when they may not."""

from __future__ import annotations

from collections.abc import Sequence

from balance_bot.capture.outcomes import AskRephrase, Outcome, Refusal, Refused, TooManyEntries
from balance_bot.capture.policy import CapturePolicy
from balance_bot.domain.expenses import ExpenseEntry, Problem, problem_with_amount

# The parser's problems with an amount that the member is told as a refusal, not asked to rephrase.
AMOUNT_REFUSALS = {
    Problem.OVER_LIMIT: Refusal.OVER_LIMIT,
    Problem.NOT_POSITIVE: Refusal.NOT_POSITIVE,
    Problem.TOO_PRECISE: Refusal.TOO_PRECISE,
    Problem.NEGATIVE: Refusal.NEGATIVE,
    Problem.MONEY_BACK: Refusal.MONEY_BACK,
}


def refused(entries: Sequence[ExpenseEntry], policy: CapturePolicy) -> TooManyEntries | Refused | None:
    """Why the entries cannot be saved, or None when they can."""
    if len(entries) > policy.max_entries:
        return TooManyEntries(policy.max_entries)  # a model may list what the parser would not
    for entry in entries:
        if problem := problem_with_amount(entry.money, policy.limits):
            return Refused(AMOUNT_REFUSALS[problem], entry, policy.limits)
        if len(entry.purpose) < policy.min_purpose_length:
            return Refused(Refusal.PURPOSE_TOO_SHORT, entry, policy.limits)
    return None


def unclear(problem: Problem | None, entries: Sequence[ExpenseEntry], policy: CapturePolicy) -> Outcome:
    """What to tell about a message read as unclear: the amount refused, too many entries, or rephrase."""
    if problem in AMOUNT_REFUSALS and entries:
        offending = next(
            (e for e in entries if problem_with_amount(e.money, policy.limits)),
            entries[0],
        )
        return Refused(AMOUNT_REFUSALS[problem], offending, policy.limits)
    if problem is Problem.TOO_MANY:
        return TooManyEntries(policy.max_entries)
    return AskRephrase(problem)
