"""A group's members by Telegram user id: whose a row is, and the name each goes by now.

A member is their user id; a display name is only shown. The bot's rows carry the poster's id (and a
movement's member's) in their reference; a row a bookkeeper typed names its member by name, which
counts as that member only when exactly one member of the group goes by it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from balance_bot.domain.ledger import SheetRow

UNATTRIBUTED = "—"  # the key and the name of rows no one member can be said to have posted


@dataclass(frozen=True)
class Roster:
    """The members seen in a group: each user id and the name they post under now."""

    names: Mapping[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, members: Iterable[tuple[int, str]]) -> Roster:
        """The roster of (user id, name) pairs, the later name of an id winning."""
        return cls(dict(members))

    def id_named(self, name: str) -> int | None:
        """The one member who goes by the name (any case, first name alone too when only one member
        has it); None when nobody or several do."""
        wanted = name.strip().casefold()
        if not wanted:
            return None
        for whole in (True, False):
            found = [
                user_id
                for user_id, known in self.names.items()
                if (known.strip().casefold() if whole else known.strip().casefold().split(" ")[0]) == wanted
            ]
            if found:
                return found[0] if len(found) == 1 else None
        return None

    def poster_of(self, row: SheetRow) -> int | None:
        """Who posted the row: the id the bot wrote, else the one member its name names."""
        return row.member_id if row.member_id is not None else self.id_named(row.member)

    def movement_member_of(self, row: SheetRow) -> int | None:
        """The member a movement row concerns: the id the bot wrote, else the one its name names."""
        written = row.movement_member_id
        return written if written is not None else self.id_named(row.movement_member)

    def name_of(self, user_id: int | None, written: str = "") -> str:
        """The name a member goes by now; the name written for one not seen here; UNATTRIBUTED for none."""
        if user_id is None:
            return UNATTRIBUTED
        return self.names.get(user_id) or written.strip() or str(user_id)

    def shown_poster(self, row: SheetRow) -> str:
        """The name a row's poster goes by now, or the name as the sheet has it when no one member
        can be said to have posted it (a bookkeeper's 'Office')."""
        user_id = self.poster_of(row)
        return self.name_of(user_id, row.member) if user_id is not None else row.member.strip()


def member_key(user_id: int | None) -> str:
    """The key a member's figures are kept under, from month to month: their id, never their name."""
    return f"id:{user_id}" if user_id is not None else UNATTRIBUTED
