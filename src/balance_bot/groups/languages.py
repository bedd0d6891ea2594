"""Use case: the language the bot speaks in a chat; admins choose it, the operator sets the default."""

from __future__ import annotations

from dataclasses import dataclass

from balance_bot.domain.language import Language, Speech
from balance_bot.ports import ChatLanguageStore

# What an admin may write after /language: codes, names in both languages.
LANGUAGE_WORDS = {
    "km": Language.KHMER,
    "kh": Language.KHMER,
    "khmer": Language.KHMER,
    "ខ្មែរ": Language.KHMER,
    "ភាសាខ្មែរ": Language.KHMER,
    "en": Language.ENGLISH,
    "english": Language.ENGLISH,
    "អង់គ្លេស": Language.ENGLISH,
    "ភាសាអង់គ្លេស": Language.ENGLISH,
}
# After the language, Khmer digits (០១២) in the replies instead of 012.
DIGITS_WORDS = frozenset({"digits", "digit", "លេខ", "លេខខ្មែរ"})


@dataclass(frozen=True, slots=True)
class LanguageChosen:
    """The group's replies are in this language from now on."""

    speech: Speech


@dataclass(frozen=True, slots=True)
class LanguageUnclear:
    """The words named no language the bot speaks; the group keeps what it has."""

    speech: Speech


LanguageOutcome = LanguageChosen | LanguageUnclear


class ChatLanguages:
    """The language of each chat: a group's choice (read once, then kept), else the default; the
    GroupLanguages port the use cases read, over the ChatLanguageStore."""

    def __init__(self, store: ChatLanguageStore, default: Language) -> None:
        self._store = store
        self._default = Speech(default)
        self._known: dict[int, Speech | None] = {}

    @property
    def default(self) -> Speech:
        """What a group that has not chosen hears, and the operator's private notices."""
        return self._default

    async def for_group(self, chat_id: int) -> Speech:
        """The group's choice, else the default."""
        if chat_id not in self._known:
            self._known[chat_id] = await self._store.speech(chat_id)
        return self._known[chat_id] or self._default

    def for_private(self, language_code: str | None) -> Speech:
        """A private chat follows the member's Telegram app when it is in Khmer, else the default."""
        if (language_code or "").lower().split("-")[0] == Language.KHMER.value:
            return Speech(Language.KHMER)
        return self._default

    async def choose(self, chat_id: int, words: str) -> LanguageOutcome:
        """'/language km', '/language en', '/language km digits': the group's replies from now on."""
        named = words.lower().split()
        language = LANGUAGE_WORDS.get(named[0]) if named else None
        if language is None or any(word not in DIGITS_WORDS for word in named[1:]):
            return LanguageUnclear(await self.for_group(chat_id))
        speech = Speech(language, khmer_digits=language is Language.KHMER and bool(named[1:]))
        await self._store.set_speech(chat_id, speech)
        self._known[chat_id] = speech
        return LanguageChosen(speech)

    def forget(self, chat_id: int) -> None:
        """Read the group's choice again next time (its id moved, or its row changed elsewhere)."""
        self._known.pop(chat_id, None)
