"""In-memory ApprovalStore and GroupSettingsStore, with SQLite's rules: one decision wins, kept as chosen."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from balance_bot.ports import ApprovalState, PendingApproval


class InMemoryApprovals:
    """Pending approvals in a dict; a decision is compared-and-set with no await between."""

    def __init__(self) -> None:
        self.kept: dict[tuple[int, int], PendingApproval] = {}
        self.reminded: dict[int, date] = {}

    async def open(self, pending: PendingApproval) -> None:
        self.kept.setdefault((pending.chat_id, pending.message_id), pending)

    async def find(self, chat_id: int, message_id: int) -> PendingApproval | None:
        return self.kept.get((chat_id, message_id))

    async def decide(
        self,
        chat_id: int,
        message_id: int,
        state: ApprovalState,
        by: int,
        by_name: str,
        at: datetime,
        *,
        reason_wanted: bool = False,
    ) -> bool:
        pending = self.kept.get((chat_id, message_id))
        if pending is None or pending.state is not ApprovalState.AWAITING:
            return False
        self.kept[(chat_id, message_id)] = replace(
            pending,
            state=state,
            decided_by=by,
            decided_by_name=by_name,
            decided_at=at,
            reason_wanted=reason_wanted,
        )
        return True

    async def reopen(self, chat_id: int, message_id: int) -> None:
        pending = self.kept[(chat_id, message_id)]
        self.kept[(chat_id, message_id)] = replace(
            pending, state=ApprovalState.AWAITING, decided_by=None, decided_by_name="", decided_at=None
        )

    async def awaiting(self, chat_id: int) -> list[PendingApproval]:
        return sorted(
            (p for p in self.kept.values() if p.chat_id == chat_id and p.state is ApprovalState.AWAITING),
            key=lambda p: p.asked_at,
        )

    async def chats_awaiting(self) -> list[int]:
        return sorted({p.chat_id for p in self.kept.values() if p.state is ApprovalState.AWAITING})

    async def reason_wanted(self, chat_id: int, user_id: int) -> PendingApproval | None:
        wanted = [
            p
            for p in self.kept.values()
            if p.chat_id == chat_id and p.decided_by == user_id and p.reason_wanted
        ]
        return max(wanted, key=lambda p: p.decided_at or p.asked_at) if wanted else None

    async def give_reason(self, chat_id: int, message_id: int, reason: str) -> bool:
        pending = self.kept.get((chat_id, message_id))
        if pending is None or not pending.reason_wanted:
            return False
        self.kept[(chat_id, message_id)] = replace(pending, reason=reason, reason_wanted=False)
        return True

    async def claim_reminder(self, chat_id: int, day: date) -> bool:
        if self.reminded.get(chat_id) == day:
            return False
        self.reminded[chat_id] = day
        return True


class InMemoryGroupSettings:
    """A GroupSettingsStore: what each group chose, None where it has not."""

    def __init__(self) -> None:
        self.chosen: dict[tuple[int, str], object] = {}

    async def payment_mode(self, chat_id: int) -> str | None:
        return self.chosen.get((chat_id, "payment_mode"))  # type: ignore[return-value]

    async def set_payment_mode(self, chat_id: int, mode: str) -> None:
        self.chosen[(chat_id, "payment_mode")] = mode

    async def claim_payments_question(self, chat_id: int) -> bool:
        if (chat_id, "asked") in self.chosen:
            return False
        self.chosen[(chat_id, "asked")] = True
        return True

    async def advance_reminders(self, chat_id: int) -> bool | None:
        return self.chosen.get((chat_id, "reminders"))  # type: ignore[return-value]

    async def set_advance_reminders(self, chat_id: int, on: bool) -> None:
        self.chosen[(chat_id, "reminders")] = on

    async def approval_over(self, chat_id: int) -> str | None:
        return self.chosen.get((chat_id, "approval_over"))  # type: ignore[return-value]

    async def set_approval_over(self, chat_id: int, threshold: str) -> None:
        self.chosen[(chat_id, "approval_over")] = threshold

    async def approval_hour(self, chat_id: int) -> int | None:
        return self.chosen.get((chat_id, "approval_hour"))  # type: ignore[return-value]

    async def set_approval_hour(self, chat_id: int, hour: int) -> None:
        self.chosen[(chat_id, "approval_hour")] = hour
