"""The Items the bot writes for cash that is not spending: top-ups, advances, change given back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from balance_bot.domain.members import MovementKind


@dataclass(frozen=True, slots=True)
class RowLabels:
    """Those Items' words in one language; a movement's label names its member where it says '{name}'.
    The note a member adds comes after the label and ': '."""

    top_up: str
    advance: str
    returned: str
    reimbursed: str

    def movement(self, kind: MovementKind, name: str) -> str:
        """'Advance to Dara': the label of a movement for the member."""
        template = {
            MovementKind.ADVANCE: self.advance,
            MovementKind.RETURNED: self.returned,
            MovementKind.REIMBURSED: self.reimbursed,
        }[kind]
        return template.replace("{name}", name)

    @staticmethod
    def with_note(label: str, note: str) -> str:
        """The Item: the label, then the member's words after the amount, if any."""
        return f"{label}: {note}" if note else label


# The words every version before languages wrote, and still those of a group that reads English: rows
# already in the sheets hold them.
ENGLISH_ROW_LABELS = RowLabels(
    top_up="Top-up",
    advance="Advance to {name}",
    returned="Returned by {name}",
    reimbursed="Reimbursed to {name}",
)


class RowLabelBook(Protocol):
    """The port to the words of a group's language: the sheet is the team's to read, in its language."""

    async def labels(self, chat_id: int) -> RowLabels:
        """The group's words for the rows of top-ups and movements."""
        ...


class FixedRowLabels:
    """RowLabelBook: the same words for every group."""

    def __init__(self, labels: RowLabels) -> None:
        self._labels = labels

    async def labels(self, chat_id: int) -> RowLabels:
        """The words, whichever the group."""
        return self._labels


# Where no language is known (tests, tools): the words every group read before languages.
ENGLISH_ROW_BOOK = FixedRowLabels(ENGLISH_ROW_LABELS)
