"""Use case: taps on a confirmation's buttons (Undo, the currency switch, a category), as plans: a refusal
is for the member who tapped alone; a result is for the group, with the confirmation's buttons redrawn."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from balance_bot.capture.conversation import Conversation
from balance_bot.capture.outcomes import (
    ActionRefusal,
    ActionRefused,
    AdminCheck,
    LedgerProblem,
    Outcome,
    Refused,
)
from balance_bot.capture.reply_plan import Button, category_names_in
from balance_bot.capture.service import CaptureService
from balance_bot.categories.categorising import (
    Categorising,
    NoSuchCategory,
    Recategorised,
    RecategoriseOutcome,
)
from balance_bot.domain.language import Speech
from balance_bot.groups.languages import ChatLanguages
from balance_bot.ports import LedgerError, SavedMessage


@dataclass(frozen=True, slots=True)
class TapPlan:
    """What a tap gets: `outcome` said privately to the tapper (a refusal) or to the group; `buttons`,
    the confirmation's buttons redrawn for `saved` (None: they stay as they are)."""

    outcome: Outcome | RecategoriseOutcome
    speech: Speech
    privately: bool
    tapper: str = ""
    category: str = ""  # the category tapped, as the tab names it
    category_names: Mapping[str, str] = field(default_factory=dict)
    buttons: tuple[Button, ...] | None = None
    saved: SavedMessage | None = None


@dataclass(frozen=True, slots=True)
class CategoryMenu:
    """The tab's categories to choose from, in place of the confirmation's buttons."""

    choices: tuple[str, ...]
    speech: Speech
    category_names: Mapping[str, str] = field(default_factory=dict)


class Taps:
    """Undo, the currency switch and the category list under a confirmation, for every chat face."""

    def __init__(
        self,
        capture: CaptureService,
        conversation: Conversation,
        languages: ChatLanguages,
        categorising: Categorising | None = None,
    ) -> None:
        self._capture = capture
        self._conversation = conversation
        self._languages = languages
        self._categorising = categorising

    async def undo(
        self, chat_id: int, message_id: int, user_id: int, tapper: str, is_admin: AdminCheck
    ) -> TapPlan:
        """Undo tapped: the message's rows voided, for its author or an admin."""
        outcome = await self._capture.undo(chat_id, message_id, user_id, is_admin)
        return await self._said(chat_id, outcome, tapper)

    async def switch(
        self, chat_id: int, message_id: int, user_id: int, tapper: str, is_admin: AdminCheck
    ) -> TapPlan:
        """The currency switch tapped: the guessed currency swapped on the message's rows."""
        outcome = await self._capture.switch_currency(chat_id, message_id, user_id, is_admin)
        return await self._said(chat_id, outcome, tapper)

    async def category_menu(
        self, chat_id: int, message_id: int, user_id: int, is_admin: AdminCheck
    ) -> CategoryMenu | TapPlan:
        """The category button tapped: the tab's categories, or why this member may not choose."""
        speech = await self._languages.for_group(chat_id)
        assert self._categorising is not None
        refused = await self._categorising.refusal_to_choose(chat_id, message_id, user_id, is_admin)
        if refused is not None:  # another member's confirmation keeps its buttons
            return TapPlan(refused, speech, privately=True)
        try:
            book = await self._categorising.book(chat_id)
        except LedgerError as exc:
            return TapPlan(LedgerProblem(exc), speech, privately=True)
        names = category_names_in(book, speech.language)
        return CategoryMenu(tuple(category.name for category in book.choices), speech, names)

    async def category_chosen(
        self, chat_id: int, message_id: int, user_id: int, is_admin: AdminCheck, index: int
    ) -> TapPlan:
        """A category tapped in the list: the expense gets it (its author or an admin), and it is learned."""
        speech = await self._languages.for_group(chat_id)
        assert self._categorising is not None
        try:
            book = await self._categorising.book(chat_id)
            choices = book.choices
            name = choices[index].name if index < len(choices) else ""
            outcome = await self._categorising.recategorise(chat_id, message_id, user_id, is_admin, name)
        except LedgerError as exc:
            return TapPlan(LedgerProblem(exc), speech, privately=True)
        names = category_names_in(book, speech.language)
        if isinstance(outcome, NoSuchCategory):  # the tab changed since the list was shown
            outcome = ActionRefused(ActionRefusal.UNKNOWN)
        if not isinstance(outcome, Recategorised):
            return TapPlan(outcome, speech, privately=True, category=name, category_names=names)
        saved = outcome.message
        return TapPlan(
            outcome,
            speech,
            privately=False,
            category=name,
            category_names=names,
            buttons=self._conversation.buttons_for(saved),
            saved=saved,
        )

    async def _said(self, chat_id: int, outcome: Outcome, tapper: str) -> TapPlan:
        speech = await self._languages.for_group(chat_id)
        return TapPlan(outcome, speech, privately=isinstance(outcome, ActionRefused | Refused), tapper=tapper)
