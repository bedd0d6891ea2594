"""An in-memory ChatLanguageStore: each group's language, as SQLite keeps it."""

from balance_bot.domain.language import Language, Speech
from balance_bot.groups.languages import ChatLanguages


class InMemoryChatLanguageStore:
    """The groups' choices in a dict."""

    def __init__(self):
        self.chosen: dict[int, Speech] = {}

    async def speech(self, chat_id: int) -> Speech | None:
        return self.chosen.get(chat_id)

    async def set_speech(self, chat_id: int, speech: Speech) -> None:
        self.chosen[chat_id] = speech


def english_by_default() -> ChatLanguages:
    """Languages where every group hears English until it chooses."""
    return ChatLanguages(InMemoryChatLanguageStore(), Language.ENGLISH)
