"""Numbers, amounts and dates as each language writes them: CLDR by babel, Khmer digits on request."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from balance_bot.domain.language import Language, Speech
from balance_bot.domain.ledger import SavedLine
from balance_bot.domain.money import Currency, Money

_KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
_LOCALES = {Language.ENGLISH: "en_US", Language.KHMER: "km_KH"}


class Formats:
    """How one chat's replies write numbers: the language's CLDR patterns, and its digits."""

    def __init__(self, speech: Speech) -> None:
        self._speech = speech
        self._locale = _LOCALES[speech.language]
        self._khmer = speech.language is Language.KHMER

    def digits(self, text: str) -> str:
        """The text's digits as the chat reads them: ០១២ when it asked for Khmer digits."""
        return text.translate(_KHMER_DIGITS) if self._speech.khmer_digits else text

    def number(self, value: int | Decimal, decimals: int | None = None) -> str:
        """'1,234'; with decimals, '12.5' as '12.5' to that many places."""
        if decimals is not None:
            value = Decimal(value).quantize(Decimal(1).scaleb(-decimals))
            return self.digits(format_decimal(value, format=f"#,##0.{'0' * decimals}", locale=self._locale))
        return self.digits(format_decimal(value, locale=self._locale))

    def amount(self, money: Money) -> str:
        """An expense's amount: '3.00 USD', '25,000 KHR' in English; '3.00$', '25,000៛' in Khmer."""
        counted_as = Currency.KHR if money.currency is Currency.KHR else Currency.USD
        value = Decimal(Money(money.amount, counted_as).canonical())
        if self._khmer and money.currency is not Currency.UNKNOWN:
            return self.money(value, money.currency)
        if self._khmer:  # no sign to write: the number alone, as the member wrote it
            return self.number(value, decimals=2)
        return self.digits(f"{value:,} {money.currency.value}")

    def money(self, amount: Decimal, currency: Currency) -> str:
        """Sums for people, by CLDR: '$1,234.50' (English) or '1,234.50$' (Khmer); riel whole, ៛ after."""
        if currency is Currency.KHR:
            whole = amount.quantize(Decimal(1))
            text = format_currency(whole, "KHR", format="#,##0¤", locale="km_KH", currency_digits=False)
        else:
            text = format_currency(amount, "USD", locale=self._locale)
        return self.digits(text)

    def usd(self, value: Decimal, *, precise: bool = False) -> str:
        """Dollars with cents; a paid call costs fractions of a cent, so precise keeps four places."""
        text = self.number(value, decimals=4 if precise else 2)
        return f"{text}$" if self._khmer else f"{text} USD"

    def day(self, day: date, *, with_year: bool = False) -> str:
        """'Sat 21 Nov'; 'ថ្ងៃសៅរ៍ 21 វិច្ឆិកា' in Khmer, as a Cambodian names a day."""
        if self._khmer:
            text = "ថ្ងៃ" + format_date(day, "EEEE d MMMM", locale=self._locale)
        else:
            text = f"{day:%a} {day.day} {day:%b}"
        return self.digits(f"{text} {day.year}" if with_year else text)

    def month(self, year: int, month: int) -> str:
        """'November 2026'; 'ខែវិច្ឆិកា 2026' in Khmer."""
        first = date(year, month, 1)
        if self._khmer:
            return self.digits("ខែ" + format_date(first, "MMMM y", locale=self._locale))
        return format_date(first, "MMMM y", locale=self._locale)

    def tab(self, saved: SavedLine) -> str:
        """The month a row went to: its worksheet's title, as bookkeepers find the tab; in Khmer the month
        in Khmer, the title being in the operator's (English) words. The title alone when the month is
        not known (a row kept before months were kept with rows)."""
        if self._khmer and saved.period is not None:
            return self.month(saved.period.year, saved.period.month)
        return saved.worksheet
