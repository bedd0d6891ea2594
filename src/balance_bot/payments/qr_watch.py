"""Use case: the QRs waiting are watched, round by round: Bakong is asked whether each was paid, until it
was or its time is up; a Bakong that refuses the bot hands every QR to the admins' Received button."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from balance_bot.payments.qr_ports import (
    BakongRefusal,
    BakongRefused,
    BakongUnavailable,
    ChecksBakong,
    PendingQr,
)
from balance_bot.payments.qr_top_ups import QrChange, QrNotRecorded, QrTopUps
from balance_bot.ports import Clock, StorageUnavailable

log = logging.getLogger(__name__)
# How often one QR is asked about: often while a payer is likely at the counter, then less.
FIRST_CHECKS_EVERY = timedelta(seconds=5)
LATER_CHECKS_EVERY = timedelta(seconds=15)
FIRST_CHECKS_FOR = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class WatchRound:
    """What one round changed: the QR captions to redraw; and, the first time in this run that Bakong
    refused the bot, why (the operators are told once)."""

    changes: tuple[QrChange, ...] = ()
    refused: BakongRefusal | None = None


class QrWatch:
    """Asks Bakong about each QR waiting when it is due; rounds never overlap, and the clock is the
    core's, so a round decides the same whenever it runs. The QRs come from the database each round:
    those waiting when the bot stopped are watched again once it starts."""

    def __init__(self, top_ups: QrTopUps, bakong: ChecksBakong | None, clock: Clock) -> None:
        self._top_ups = top_ups
        self._bakong = bakong
        self._clock = clock
        self._lock = asyncio.Lock()
        self._asked: dict[str, datetime] = {}  # md5 -> when Bakong was last asked about it
        self._unavailable = False  # Bakong failed to answer last time: logged once until it answers

    async def round(self) -> WatchRound:
        """One round over the QRs waiting."""
        async with self._lock:
            try:
                waiting = await self._top_ups.pending.waiting()
            except StorageUnavailable as exc:
                log.warning("the QRs waiting could not be read: %s", exc)
                return WatchRound()
            changes: list[QrChange] = []
            refused: BakongRefusal | None = None
            for qr in waiting:
                if self._top_ups.is_settled(qr):
                    continue
                try:
                    change, newly_refused = await self._watch(qr, self._clock.now())
                except StorageUnavailable as exc:
                    log.warning("QR %s: the database could not be written: %s", qr.md5, exc)
                    continue
                refused = refused or newly_refused
                if change is not None:
                    changes.append(change)
            return WatchRound(tuple(changes), refused)

    async def _watch(self, qr: PendingQr, now: datetime) -> tuple[QrChange | None, BakongRefusal | None]:
        """What became of one QR this round, and Bakong's refusal if this QR met it first."""
        if qr.by_hand:
            return (await self._top_ups.expire(qr) if now >= qr.expires_at else None), None
        if self._top_ups.refusal is not None or self._bakong is None:
            return await self._top_ups.to_hand(qr), None
        if not self._due(qr, now):
            return None, None
        self._asked[qr.md5] = now
        try:
            payment = await self._bakong.paid(qr.md5)
        except BakongRefused as exc:
            # Said once: the token is the operator's to renew, or the bot must run from Cambodia.
            log.warning("Bakong refuses the bot (%s): %s; admins confirm payments by hand", exc.refusal, exc)
            self._top_ups.refusal = exc.refusal
            return await self._top_ups.to_hand(qr), exc.refusal
        except BakongUnavailable as exc:
            if not self._unavailable:
                log.warning("Bakong did not answer about QR %s (asked again each round): %s", qr.md5, exc)
            self._unavailable = True
            return None, None
        self._unavailable = False
        if payment is not None:
            paid = await self._top_ups.paid(qr, payment)
            if isinstance(paid, QrNotRecorded):
                # Paid, so it never expires: asked about and recorded again until the ledger takes it.
                log.warning("QR %s was paid but is not recorded yet: %s", qr.md5, paid.problem)
                return None, None
            self._asked.pop(qr.md5, None)
            return paid, None
        if now >= qr.expires_at:
            self._asked.pop(qr.md5, None)
            return await self._top_ups.expire(qr), None
        return None, None

    def _due(self, qr: PendingQr, now: datetime) -> bool:
        """Whether Bakong is asked about the QR this round; one past its time is asked a last time."""
        asked = self._asked.get(qr.md5)
        if asked is None or now >= qr.expires_at:
            return True
        every = FIRST_CHECKS_EVERY if now - qr.asked_at < FIRST_CHECKS_FOR else LATER_CHECKS_EVERY
        return now - asked >= every
