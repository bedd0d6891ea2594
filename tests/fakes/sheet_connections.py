"""Fakes for connecting a group to a sheet: an access check with a scripted answer, connections in a dict."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ScriptedSheetAccess:
    """SheetAccess that answers with a title, or raises the error it was given; records what it checked."""

    title: str = "Petty cash 2026"
    error: Exception | None = None
    checked: list[str] = field(default_factory=list)

    async def check_write_access(self, spreadsheet_id: str) -> str:
        """The title, or the scripted error."""
        self.checked.append(spreadsheet_id)
        if self.error is not None:
            raise self.error
        return self.title


@dataclass
class InMemorySheetConnections:
    """SheetConnections in a dictionary."""

    by_chat: dict[int, str] = field(default_factory=dict)

    async def connect(self, chat_id: int, spreadsheet_id: str) -> None:
        """Remember a group's sheet."""
        self.by_chat[chat_id] = spreadsheet_id

    async def connected(self, chat_id: int) -> str | None:
        """A group's sheet, if any."""
        return self.by_chat.get(chat_id)
