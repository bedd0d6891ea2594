"""A chat's words: the catalogs' texts in its language, its numbers, days and months as it writes them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from balance_bot.domain.language import Speech
from balance_bot.domain.ledger import Period
from infrastructure.i18n.catalogs import translations
from infrastructure.i18n.formats import Formats


class Words:
    """The texts of the catalogs said, counted and dated in one chat's language; each room's replies
    build on it."""

    def __init__(self, speech: Speech) -> None:
        self.speech = speech
        self.formats = Formats(speech)
        self._catalog = translations(speech.language)

    def say(self, message: str, **values: object) -> str:
        """A message of the catalogs in the chat's language, its placeholders filled."""
        return self._catalog.gettext(message).format(**values) if values else self._catalog.gettext(message)

    def count(self, message: tuple[str, str], count: int, **values: object) -> str:
        """A message with a count, in the plural form the language takes for it."""
        singular, plural = message
        return self._catalog.ngettext(singular, plural, count).format(
            count=self.formats.number(count), **values
        )

    def day(self, day: date, *, with_year: bool = False) -> str:
        """'Sat 21 Nov', as the confirmations name a day."""
        return self.formats.day(day, with_year=with_year)

    def period(self, period: Period) -> str:
        """'November 2026'."""
        return self.formats.month(period.year, period.month)

    def month(self, month: str) -> str:
        """A month written '2026-11', as the chat names it."""
        year, number = month.split("-")
        return self.formats.month(int(year), int(number))

    def category(self, name: str, shown: Mapping[str, str] | None = None) -> str:
        """A category as the chat reads it: its Khmer name in Khmer, when the tab gives one."""
        return (shown or {}).get(name) or name
