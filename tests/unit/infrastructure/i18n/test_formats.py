"""Tests for numbers, amounts and dates in each language, with Khmer digits on request."""

from datetime import date
from decimal import Decimal

import pytest

from balance_bot.domain.language import Language, Speech
from balance_bot.domain.money import Currency, Money
from infrastructure.i18n.formats import Formats

ENGLISH = Formats(Speech(Language.ENGLISH))
KHMER = Formats(Speech(Language.KHMER))
KHMER_DIGITS = Formats(Speech(Language.KHMER, khmer_digits=True))
SATURDAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("formats", "usd", "khr"),
    [
        (ENGLISH, "3.00 USD", "25,000 KHR"),
        (KHMER, "3.00$", "25,000៛"),
        (KHMER_DIGITS, "៣.០០$", "២៥,០០០៛"),
    ],
)
def test_an_expenses_amount_is_written_as_each_language_writes_it(formats, usd, khr):
    assert formats.amount(Money(Decimal(3), Currency.USD)) == usd
    assert formats.amount(Money(Decimal(25000), Currency.KHR)) == khr


@pytest.mark.parametrize(
    ("formats", "dollars", "riel"),
    [
        (ENGLISH, "$1,234.50", "45,000៛"),
        (KHMER, "1,234.50$", "45,000៛"),
        (KHMER_DIGITS, "១,២៣៤.៥០$", "៤៥,០០០៛"),
    ],
)
def test_sums_follow_cldr_with_the_riel_sign_after_the_whole_number(formats, dollars, riel):
    assert formats.money(Decimal("1234.5"), Currency.USD) == dollars
    assert formats.money(Decimal("44999.6"), Currency.KHR) == riel


@pytest.mark.parametrize(
    ("formats", "day", "month"),
    [
        (ENGLISH, "Sat 21 Nov", "November 2026"),
        (KHMER, "ថ្ងៃសៅរ៍ 21 វិច្ឆិកា", "ខែវិច្ឆិកា 2026"),
        (KHMER_DIGITS, "ថ្ងៃសៅរ៍ ២១ វិច្ឆិកា", "ខែវិច្ឆិកា ២០២៦"),
    ],
)
def test_days_and_months_have_each_languages_names(formats, day, month):
    assert formats.day(SATURDAY) == day
    assert formats.month(2026, 11) == month


def test_a_day_with_its_year_and_every_khmer_month_name():
    assert KHMER_DIGITS.day(SATURDAY, with_year=True) == "ថ្ងៃសៅរ៍ ២១ វិច្ឆិកា ២០២៦"
    names = [KHMER.month(2026, month).removeprefix("ខែ").removesuffix(" 2026") for month in range(1, 13)]
    assert names == [
        "មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា",
        "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ",
    ]  # fmt: skip


def test_counts_and_shares_use_the_chats_digits():
    assert ENGLISH.number(12345) == "12,345"
    assert KHMER_DIGITS.number(12345) == "១២,៣៤៥"
    assert KHMER.number(Decimal("96.14"), decimals=1) == "96.1"
    assert ENGLISH.usd(Decimal("0.01234"), precise=True) == "0.0123 USD"
    assert KHMER.usd(Decimal(5)) == "5.00$"


def test_an_amount_of_no_known_currency_is_the_number_alone_in_khmer():
    assert KHMER.amount(Money(Decimal("12345.5"), Currency.UNKNOWN)) == "12,345.50"
    assert ENGLISH.amount(Money(Decimal("12345.5"), Currency.UNKNOWN)) == "12,345.50 UNKNOWN"


def test_khmer_digits_change_digits_only():
    assert KHMER_DIGITS.digits("No 12 (November 2026)") == "No ១២ (November ២០២៦)"
    assert KHMER.digits("12") == "12"
