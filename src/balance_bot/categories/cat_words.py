"""What the words after /cat ask for, read once for the group's handler and for `try` alike."""

from __future__ import annotations

from dataclasses import dataclass

from balance_bot.domain.ledger import row_number


@dataclass(frozen=True, slots=True)
class ShowLearned:
    """/cat learned (forget=False) or /cat forget: what was learned in the group's sheet (admins)."""

    forget: bool


@dataclass(frozen=True, slots=True)
class CategoryOfRow:
    """/cat 12 Fuel: row No 12 of this month gets the category."""

    number: int
    name: str


@dataclass(frozen=True, slots=True)
class CategoryOfMessage:
    """/cat Fuel: the expense message the command answers (or, in `try`, the member's last) gets it."""

    name: str


@dataclass(frozen=True, slots=True)
class NoSuchRow:
    """/cat 1234567890123 Fuel: a number no month has as a No, cut to a length that can be shown."""

    typed: str


@dataclass(frozen=True, slots=True)
class CatWithoutName:
    """/cat alone: how to use it, with the tab's categories."""


CatAsked = ShowLearned | CategoryOfRow | CategoryOfMessage | NoSuchRow | CatWithoutName
# Words that ask about what was learned rather than name a category, when no message is answered.
LEARNED_WORDS = {"learned": False, "learnt": False, "forget": True}


def cat_asked(words: list[str], *, answers_a_message: bool) -> CatAsked:
    """What /cat's words ask for; 'learned' and 'forget' name a category when they answer a message
    (a tab may have a category so named), else they ask about what was learned."""
    number = row_number(words[0]) if len(words) > 1 else None
    if number is not None:
        name = " ".join(words[1:]).strip()
        return CategoryOfRow(number, name)
    if len(words) > 1 and words[0].isdecimal():
        return NoSuchRow(words[0][:12])
    name = " ".join(words).strip()
    if not answers_a_message and name.casefold() in LEARNED_WORDS:
        return ShowLearned(forget=LEARNED_WORDS[name.casefold()])
    return CategoryOfMessage(name) if name else CatWithoutName()
