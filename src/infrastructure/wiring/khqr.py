"""KHQR top-ups wired: the QR made with bakong-khqr, Bakong asked with the operator's token (if any), the
QRs waiting kept in SQLite, payments recorded once, as a bank's notice of them would be."""

from __future__ import annotations

from dataclasses import dataclass

from balance_bot.domain.parser import HeuristicParser
from balance_bot.payments.qr_ports import BakongMerchant
from balance_bot.payments.qr_recording import PaymentsRecordedOnce
from balance_bot.payments.qr_top_ups import QrTopUps
from balance_bot.payments.qr_watch import QrWatch
from infrastructure.bakong.client import BakongClient
from infrastructure.bakong.khqr import BakongKhqrMaker
from infrastructure.settings import Settings
from infrastructure.sqlite.pending_qrs import SqlitePendingQrs
from infrastructure.wiring.capture import CaptureParts
from infrastructure.wiring.interpreter import amount_limits
from infrastructure.wiring.time_zone import time_zone


@dataclass
class KhqrParts:
    """The use cases of KHQR top-ups, and Bakong's client, closed when the bot stops."""

    top_ups: QrTopUps
    watch: QrWatch
    bakong: BakongClient | None

    async def close(self) -> None:
        """Close Bakong's connections."""
        if self.bakong is not None:
            await self.bakong.close()


def merchant(settings: Settings) -> BakongMerchant | None:
    """The team's Bakong account, when BAKONG_ACCOUNT_ID is set; its name defaults to the account's."""
    if not settings.bakong_account_id:
        return None
    name = settings.bakong_merchant_name or settings.bakong_account_id.split("@")[0]
    return BakongMerchant(settings.bakong_account_id, name, settings.bakong_city)


def build_khqr(settings: Settings, parts: CaptureParts) -> KhqrParts:
    """KHQR top-ups on the capture flow's parts: /topup qr answers without a Bakong account too (it
    says what the operator must set)."""
    timezone = time_zone(settings)
    limits = amount_limits(settings)
    # The same reading as /topup's: one amount and its currency said.
    read = HeuristicParser(limits, settings.max_entries_per_message).parse
    bakong = BakongClient(settings.bakong_api_url, settings.bakong_token) if settings.bakong_token else None
    record = PaymentsRecordedOnce(parts.notices, timezone)
    top_ups = QrTopUps(
        merchant(settings),
        BakongKhqrMaker(),
        read,
        limits,
        SqlitePendingQrs(parts.database),
        record,
        parts.languages,
        parts.clock,
        timezone,
        asks_bakong=bakong is not None,
    )
    return KhqrParts(top_ups, QrWatch(top_ups, bakong, parts.clock), bakong)
