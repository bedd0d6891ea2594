"""A shop's printed receipt read from its OCR'd lines: the total paid, its currency, the shop and the day.

A receipt lists items, then a block of sums: a subtotal, discounts, VAT, the total (TOTAL, Grand total,
Amount due, សរុប), then the cash given and the change. Only a total line is the amount paid; a receipt in
dollars and riel prints the total in both, and the member paid in the one the payment lines name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from balance_bot.domain.money import Currency, Money
from balance_bot.receipts.ocr_words import Amount, amounts_in, currencies_named, date_in, moment_in
from balance_bot.receipts.reading import Doubt, ImageKind, ImageReading, Sureness

_TOTAL = r"t[o0]ta[l1I]|សរុប"
# The amount the customer owes, said so plainly that no other line of the sums block says it.
_FINAL_TOTAL = re.compile(
    r"grand\s*t[o0]ta[l1I]|amount\s*due|t[o0]ta[l1I]\s*due|balance\s*due|t[o0]ta[l1I]\s*payable|"
    r"t[o0]ta[l1I]\s*to\s*pay|net\s*t[o0]ta[l1I]|amount\s*to\s*pay|សរុប\s*រួម|សរុប\s*ទាំង\s*អស់|"
    r"ប្រាក់\s*ត្រូវ\s*បង់|ត្រូវ\s*បង់",
    re.IGNORECASE,
)
_ANY_TOTAL = re.compile(rf"(?<![A-Za-z])(?:{_TOTAL})(?![a-z])", re.IGNORECASE)
# Lines of the sums block that are not what was paid.
_NOT_THE_TOTAL = re.compile(
    r"sub\s*-?\s*t[o0]ta[l1I]|សរុប\s*រង|before|excl|w/o|without|discount|saving|"
    r"t[o0]ta[l1I]\s*(?:qty|quantity|items?|pcs|disc|vat|tax)|(?:qty|items?|pcs)\s*t[o0]ta[l1I]|"
    r"cash|tender|received|change|ប្រាក់\s*អាប់|អាប់|ប្រាក់\s*ទទួល|ទទួល|បញ្ចុះ|"
    r"point|deposit|rounding",
    re.IGNORECASE,
)
_TAX = re.compile(r"\bvat\b|\btax\b|អាករ|ពន្ធ|អតប", re.IGNORECASE)
_TAX_INCLUDED = re.compile(r"incl|inc\.|included|with\s+vat|រួម\s*បញ្ចូល", re.IGNORECASE)
_PAID_IN = re.compile(r"cash|paid|payment|tender|received|ប្រាក់\s*ទទួល|បង់", re.IGNORECASE)
_CHANGE = re.compile(r"change|ប្រាក់\s*អាប់|អាប់", re.IGNORECASE)
_NOT_THE_SHOP = re.compile(
    r"receipt|invoice|tel\b|phone|tel:|fax|address|addr|street|\bst\.|#|www|@|\bvat\b|\btin\b|date|"
    r"cashier|table|welcome|order|bill|no\.|branch|វិក្កយបត្រ|បង្កាន់ដៃ|ទូរស័ព្ទ|អាសយដ្ឋាន|ផ្លូវ",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(r"date|កាលបរិច្ឆេទ|ថ្ងៃ", re.IGNORECASE)
RIEL_PER_DOLLAR_RANGE = (Decimal(3800), Decimal(4300))  # dual receipts print the day's rate near 4,000


@dataclass(frozen=True, slots=True)
class _Candidate:
    amount: Amount
    final: bool  # on a line that names the final total (Grand total, Amount due)


def has_total_line(lines: list[str]) -> bool:
    """Whether a line of the lines reads as a receipt's total."""
    return any(_is_total_line(line) for line in lines)


def read_receipt(lines: list[str]) -> ImageReading:
    """The receipt's total, shop and day; sure when one total line leaves no doubt."""
    text = "\n".join(lines)
    named = currencies_named(text)
    candidates = _candidates(lines, named)
    shop = _shop(lines)
    day = _day(lines)
    if not candidates:
        money = _largest(lines, named)
        sureness = Sureness.UNSURE if money is not None else Sureness.NONE
        return ImageReading(ImageKind.RECEIPT, sureness, money, shop, day, doubt=Doubt.NO_TOTAL)
    finals = [candidate for candidate in candidates if candidate.final]
    chosen = finals or candidates
    money, doubt = _total(chosen, _paid_in(lines))
    if money is not None and doubt is None:
        doubt = _inconsistent(money, chosen, lines)
    sureness = Sureness.SURE if doubt is None and money is not None else Sureness.UNSURE
    return ImageReading(ImageKind.RECEIPT, sureness, money, shop, day, doubt=doubt)


def _is_total_line(line: str) -> bool:
    if _ANY_TOTAL.search(line) is None and _FINAL_TOTAL.search(line) is None:
        return False
    if _NOT_THE_TOTAL.search(line):
        return False
    return not (_TAX.search(line) and not _TAX_INCLUDED.search(line))


def _candidates(lines: list[str], named: set[Currency]) -> list[_Candidate]:
    """Each amount a total line gives, or the line under it when the value was printed below."""
    found: list[_Candidate] = []
    for number, line in enumerate(lines):
        if not _is_total_line(line):
            continue
        label_end = _label_end(line)
        amounts = _amounts_after(line, label_end, named)
        if not amounts and number + 1 < len(lines) and not re.search(r"[A-Za-z]{3,}", lines[number + 1]):
            amounts = _amounts_after(lines[number + 1], 0, named)
        final = _FINAL_TOTAL.search(line) is not None
        found.extend(_Candidate(amount, final) for amount in amounts)
    return found


def _label_end(line: str) -> int:
    match = _FINAL_TOTAL.search(line) or _ANY_TOTAL.search(line)
    return match.end() if match is not None else 0


def _amounts_after(line: str, start: int, named: set[Currency]) -> list[Amount]:
    """The amounts right of the label, each in its currency: printed beside it, named once in the label
    ('Total (USD)'), or told by the amount itself."""
    label, values = line[:start], line[start:]
    label_currencies = currencies_named(label + re.sub(r"[\d.,\s]+.*", "", values))
    found = []
    for amount in amounts_in(values):
        if amount.percent or amount.value <= 0:
            continue
        currency = amount.currency
        if currency is None and len(label_currencies) == 1:
            currency = next(iter(label_currencies))
        if currency is None:
            currency = _told_by_the_amount(amount, named)
        found.append(Amount(amount.value, currency, amount.decimals, amount.negative))
    return found


def _told_by_the_amount(amount: Amount, named: set[Currency]) -> Currency | None:
    """The currency of a bare amount: the one the receipt names; of two, cents are dollars and whole
    thousands riel; on a receipt naming none, cents are dollars (riel have none)."""
    if len(named) == 1:
        return next(iter(named))
    if amount.decimals == 2:
        return Currency.USD
    if named and amount.decimals == 0 and amount.value >= 100 and amount.value % 100 == 0:
        return Currency.KHR
    return None


def _paid_in(lines: list[str]) -> Currency | None:
    """The currency the payment lines (Cash, Paid, Received) name, when they name one only."""
    named: set[Currency] = set()
    for line in lines:
        if _PAID_IN.search(line) and not _CHANGE.search(line):
            named |= {amount.currency for amount in amounts_in(line) if amount.currency is not None}
            named |= currencies_named(line)
    return next(iter(named)) if len(named) == 1 else None


def _total(candidates: list[_Candidate], paid_in: Currency | None) -> tuple[Money | None, Doubt | None]:
    by_currency: dict[Currency, list[Decimal]] = {}
    unclear = [candidate.amount for candidate in candidates if candidate.amount.currency is None]
    for candidate in candidates:
        if candidate.amount.currency is not None:
            values = by_currency.setdefault(candidate.amount.currency, [])
            if candidate.amount.value not in values:
                values.append(candidate.amount.value)
    if not by_currency:
        guess = unclear[-1]
        return Money(guess.value, Currency.USD if guess.value < 1000 else Currency.KHR), Doubt.CURRENCY
    if paid_in is not None and paid_in in by_currency:
        currency = paid_in
    else:
        currency = Currency.USD if Currency.USD in by_currency else next(iter(by_currency))
    values = by_currency[currency]
    money = Money(values[-1], currency)
    if len(values) > 1:
        return money, Doubt.CANDIDATES
    if unclear:
        return money, Doubt.CURRENCY
    return money, None


def _inconsistent(money: Money, chosen: list[_Candidate], lines: list[str]) -> Doubt | None:
    """Why a single total may still be misread: cents dropped where the receipt prints them, or a total
    in the other currency that is not the same sum at a rate near 4,000."""
    if money.currency is Currency.USD and "." not in format(money.amount, "f"):
        printed_cents = any(
            amount.decimals == 2
            for line in lines
            for amount in amounts_in(line)
            if amount.currency != Currency.KHR
        )
        if printed_cents:
            return Doubt.AMOUNT
    other = {
        candidate.amount.value
        for candidate in chosen
        if candidate.amount.currency not in (None, money.currency)
    }
    low, high = RIEL_PER_DOLLAR_RANGE
    for value in other:
        usd, khr = (money.amount, value) if money.currency is Currency.USD else (value, money.amount)
        if usd <= 0 or not low <= khr / usd <= high:
            return Doubt.CANDIDATES
    if money.currency is Currency.KHR and money.amount % 100 != 0:
        return Doubt.AMOUNT  # riel prices end in hundreds: a digit misread
    return None


def _largest(lines: list[str], named: set[Currency]) -> Money | None:
    """The largest amount in a currency on a receipt without a total line: a proposal, never saved as is."""
    best: Money | None = None
    for line in lines:
        if _CHANGE.search(line) or _PAID_IN.search(line):
            continue
        for amount in amounts_in(line):
            if amount.percent or amount.value <= 0:
                continue
            told = _told_by_the_amount(amount, named) if amount.decimals == 2 else None
            money = amount.money(told)
            if money is None:
                continue
            if best is None or _in_dollars(money) > _in_dollars(best):
                best = money
    return best


def _in_dollars(money: Money) -> Decimal:
    return money.amount / 4000 if money.currency is Currency.KHR else money.amount


def _shop(lines: list[str]) -> str:
    """The shop's name: the first of the top lines that is a name, not an address, a phone or a title."""
    for line in lines[:5]:
        words = line.strip(" *=-_~|.:")
        letters = sum(char.isalpha() for char in words)
        if letters < 3 or _NOT_THE_SHOP.search(words) or date_in(words) or re.search(r"\d{3}", words):
            continue
        name = " ".join(words.split())[:60]
        return name.title() if name.isascii() and name.isupper() else name
    return ""


def _day(lines: list[str]) -> date | None:
    labelled = [line for line in lines if _DATE_LABEL.search(line)]
    day, _ = moment_in(labelled)
    return day if day is not None else moment_in(lines)[0]
