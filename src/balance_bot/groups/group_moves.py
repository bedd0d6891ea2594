"""Use case: a group upgraded to a supergroup keeps its sheet, its settings and its expenses."""

from __future__ import annotations

from balance_bot.capture.delivery import Delivery
from balance_bot.ports import ChatMoves, SheetConnections


class GroupMoves:
    """Follows a group to its new id: what was kept under the old one, and what still waits for the sheet."""

    def __init__(
        self, moves: ChatMoves, delivery: Delivery, connections: SheetConnections | None = None
    ) -> None:
        self._moves = moves
        self._delivery = delivery
        self._connections = connections

    async def moved(self, old_chat_id: int, new_chat_id: int) -> bool:
        """The group now has a new id; True the first time this is heard (Telegram says it twice)."""
        connected = await self._connections.connected(old_chat_id) if self._connections else None
        if not await self._moves.move(old_chat_id, new_chat_id):
            return False
        if connected is not None and self._connections is not None:
            await self._connections.connect(new_chat_id, connected)  # seen at once by the ledgers
        await self._delivery.resume()  # what waited under the old id goes out under the new one
        return True

    async def moves(self) -> list[tuple[int, int]]:
        """Every (old id, new id) pair, for the settings that still name an old id."""
        return await self._moves.moves()
