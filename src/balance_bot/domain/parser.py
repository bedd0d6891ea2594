"""The heuristic expense parser: a group message in, a decision out, with no I/O and no LLM."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from balance_bot.domain import romanised
from balance_bot.domain.amounts import Mention, scan_line
from balance_bot.domain.bare_amounts import (
    NEARBY,
    PAYING,
    Found,
    bare_amount,
    bare_list,
    currency_by_size,
    is_a_measure,
    is_not_money,
    is_purpose_word,
    word_after,
    word_before,
)
from balance_bot.domain.change_given import change_given, net_of_change
from balance_bot.domain.cheap_things import may_be_riel_written_short
from balance_bot.domain.dates import DateMention, find_dates
from balance_bot.domain.expenses import (
    ExpenseEntry,
    ParseResult,
    ParseStatus,
    Problem,
    khr_from_dotted_thousands,
    problem_with_amount,
)
from balance_bot.domain.khmer_reading import not_spent_in_khmer
from balance_bot.domain.money import AmountLimits, Currency, Money
from balance_bot.domain.money_back import (
    came_back_to_the_team,
    refunded_out_of_the_box,
    tells_of_money_back_in,
)
from balance_bot.domain.money_back import tells_of_money_back as tells_of_money_back
from balance_bot.domain.not_spending import tells_of_money_not_spent, without_aside
from balance_bot.domain.number_words import spell_out_numbers
from balance_bot.domain.purpose import clean_purpose
from balance_bot.domain.receipt_asides import without_receipt_aside
from balance_bot.domain.text import bare_word, is_khmer, normalize_message
from balance_bot.domain.unit_price_asides import without_unit_price_aside
from balance_bot.domain.unsure_amounts import says_the_amount_is_unsure
from balance_bot.domain.untold_amounts import tells_of_spending_without_its_amount
from balance_bot.domain.vocabulary import (
    ALTERNATIVE_WORDS,
    APPROXIMATE_WORDS,
    PERIOD_WORDS,
    QUESTION_WORDS,
    TOTAL_WORDS,
    UNIT_PRICE_WORDS,
)

# Telegram caps a message at 4,096 characters; anything longer is not a member's message.
MAX_MESSAGE_LENGTH = 4096
# A purpose this long is more likely a sentence about money than a ledger note.
MAX_WORDS_OF_A_CERTAIN_PURPOSE = 6
# The most rows one message may add (MAX_ENTRIES_PER_MESSAGE); a list's total line comes on top.
MAX_ENTRIES = 50

# A dash glued to a number or a currency sign is a minus ("-5$ coffee"), not a list marker.
_LIST_MARKER = re.compile(
    r"^\s*(?:\(?[0-9០-៩]{1,2}(?:[.)]|\s?[-–:])\s+|[-–—•*·▪◦●►✓✔>]+(?![-−]?[0-9០-៩$៛])\s*|[–—•*·▪◦●►✓✔>]+\s*)"
)
_RANGE_BEFORE = re.compile(r"[0-9០-៩$៛]\s*(?:[-–—~]|to|ដល់)\s*$", re.IGNORECASE)
# "@ 1.5$", "2 x 1.5$", "2x 1.5$": the amount is a unit price, what was paid is the product.
_UNIT_PRICE_BEFORE = re.compile(r"(?:@|(?<![^\W_])[0-9០-៩]+[ ]?[x×*])\s*$")
# The count a unit price is multiplied by, and what it counts: "4 ppl x ", "3x", "2 bags *", "2 reams @ ".
_TIMES_BEFORE = re.compile(r"(?<![\w.,])([0-9០-៩]{1,3})\s*(?:[^\s\d$៛@]+\s*){0,2}?[x×*@]\s*$")
_MULTIPLIED = re.compile(r"[x×*][0-9០-៩]+")
# A unit price's slash is glued to the amount ("500៛/page"); a list's has spaces ("5$ / dinner 7$").
_PER_UNIT_AFTER = re.compile(r"(?:/|\s+per\s+)([^\W\d_]+)", re.IGNORECASE)
# "4650 riel a litre", "៦.៥$ មួយបាវ": a measure after the amount makes it a price per measure.
_A_MEASURE_AFTER = re.compile(
    r"\s*(?:(?<=\s)an?\s+|មួយ\s*|ក្នុងមួយ\s*|១\s*)([\u1780-\u17dd]+|[^\W\d_]+)", re.IGNORECASE
)
_LIST_SEPARATOR_AFTER = re.compile(r"\s*(?:$|[,;+&/]|and\b|និង)", re.IGNORECASE)
_KHMER_APPROXIMATE = tuple(word for word in APPROXIMATE_WORDS if is_khmer(word[0]))
_CLAUSE_BREAK = re.compile(r"[;.!?។](?:\s|$)")
_JOINING_PUNCTUATION = " :=-–—"


@dataclass
class _Reading:
    """What the lines of one message said, gathered before the decision."""

    found: list[Found]
    spare_lines: list[str]
    most_found: int
    ambiguous: bool = False
    too_many: bool = False
    uncertain: bool = False
    unexplained_number: bool = False  # a number left out that might still be money
    day_words: str = ""  # the last day named so far: "Yesterday:" over a list dates the list
    first_day_words: str = ""


class HeuristicParser:
    """Reads expenses the way Cambodian teams write them; deterministic, fast and offline."""

    def __init__(self, limits: AmountLimits | None = None, max_entries: int = MAX_ENTRIES) -> None:
        self._limits = limits or AmountLimits()
        self._max_entries = max_entries

    def parse(self, text: str) -> ParseResult:
        """Decide what a message is: expenses, an amount without purpose, chatter, or unclear."""
        text = spell_out_numbers(normalize_message(text[: MAX_MESSAGE_LENGTH * 2]))
        if says_the_amount_is_unsure(text):  # "35 or 36, will check the receipt": asked, never guessed
            return ParseResult.unclear(Problem.AMBIGUOUS)
        if tells_of_spending_without_its_amount(text):  # "paid the mechanic, same as last time": how much?
            return ParseResult.unclear(Problem.AMBIGUOUS)
        text = without_aside(without_unit_price_aside(without_receipt_aside(text)))
        if not text.strip():
            return ParseResult.ignore()
        if (change := change_given(text)) is not None:  # "gave 50000 for petrol, got back 5000 change"
            return net_of_change(self.parse(change[0]), change[1])
        reading = _Reading(found=[], spare_lines=[], most_found=self._max_entries + 1)
        for raw_line in text.split("\n"):
            _read_line(_LIST_MARKER.sub("", raw_line, count=1), reading)
            if reading.too_many:
                return ParseResult.unclear(Problem.TOO_MANY)
        if reading.first_day_words:
            # "taxi 5$ / lunch 3$ / (yesterday)": a day named below the entries dates them too.
            reading.found = [
                item if item.day_words else replace(item, day_words=reading.first_day_words)
                for item in reading.found
            ]
            return replace(self._decide(text, reading), day_words=reading.first_day_words)
        return self._decide(text, reading)

    def _decide(self, text: str, reading: _Reading) -> ParseResult:
        words = {bare_word(word) for word in text.split()}
        money_back = tells_of_money_back_in(text, words)
        if money_back and refunded_out_of_the_box(text, words):
            money_back = False  # "refunded the parent 10$ from the box": the team paid it out
        elif money_back and (reading.found or reading.ambiguous) and came_back_to_the_team(text):
            # "the supplier refunded 15$", "the refund came in", "Dara returned the 5$": money in.
            return ParseResult.ignore(certain=False)
        # A bill due, money in, a price, a plan: not spent; in romanised Khmer too, read as its Khmer
        # ("luy nov knong prob 45$", លុយនៅក្នុងប្រអប់ 45$).
        if (
            (reading.found or reading.ambiguous)
            and not money_back
            and (tells_of_money_not_spent(text, words) or not_spent_in_khmer(text))
        ):
            return ParseResult.ignore(certain=False)
        if reading.ambiguous:
            return ParseResult.unclear(Problem.AMBIGUOUS)
        found = _without_total_lines(reading.found)
        if len(found) > self._max_entries:
            return ParseResult.unclear(Problem.TOO_MANY)
        if not found:
            return ParseResult.ignore(certain=not reading.unexplained_number)
        # "paid the rent 300$. next month it goes up to 320$": a sentence of its own telling of money
        # not spent is left out, and the rest is saved for a check, never confidently.
        if len(found) > 1 and len({item.clause for item in found}) > 1:
            spent = [item for item in found if not tells_of_money_not_spent(item.clause)]
            if not spent:
                return ParseResult.ignore(certain=False)
            reading.uncertain |= len(spent) < len(found)
            found = spent
        if any(item.mention.negative for item in found):
            return ParseResult.unclear(Problem.NEGATIVE, tuple(_entry(item) for item in found))
        if money_back or romanised.paid_back_by_someone(text) is None:
            # "Sophal sang 10$": paid back, or fuel? The member is told it was not saved, and why.
            return ParseResult.unclear(Problem.MONEY_BACK, tuple(_entry(item) for item in found))
        if "?" in text:
            if bare_word(text.split()[0]) in QUESTION_WORDS:
                return ParseResult.ignore(certain=False)
            return ParseResult.unclear(Problem.QUESTION)
        if len(found) == 1 and not found[0].purpose and reading.spare_lines:
            found = [replace(found[0], purpose=clean_purpose(" ".join(reading.spare_lines)))]

        entries = tuple(_entry(item) for item in found)
        if any(_riel_written_short(item) for item in found):
            return ParseResult.unclear(Problem.AMBIGUOUS, entries)  # "ice 5": 5$, or 5,000 riel?
        for entry in entries:
            if problem := problem_with_amount(entry.money, self._limits):
                return ParseResult.unclear(problem, entries)
        if len(entries) == 1 and not entries[0].purpose:
            return ParseResult(ParseStatus.PURPOSE_MISSING, entries)
        if not all(entry.purpose for entry in entries):
            return ParseResult.unclear(Problem.PURPOSES_MISSING, entries)
        certain = (
            not reading.uncertain
            and all(item.sure for item in found)
            and all(len(entry.purpose.split()) <= MAX_WORDS_OF_A_CERTAIN_PURPOSE for entry in entries)
        )
        return ParseResult(ParseStatus.EXPENSE, entries, certain=certain)


def _read_line(line: str, reading: _Reading) -> None:
    room = reading.most_found - len(reading.found)
    mentions = scan_line(line, most_money=room)
    if sum(mention.money_like for mention in mentions) > room:
        reading.too_many = True
        return
    if dates := find_dates(line, mentions):
        line = _without(line, dates)  # "Dec 3" is neither an amount nor part of the purpose
        mentions = [m for m in mentions if not any(d.start < m.end and m.start < d.end for d in dates)]
        reading.day_words = dates[0].words
        reading.first_day_words = reading.first_day_words or dates[0].words
    in_a_list_of_money = any(m.money_like for m in mentions)
    amounts = [
        m for m in mentions if m.money_like or (in_a_list_of_money and _is_listed_bare_amount(line, m))
    ]
    if not amounts and (listed := bare_list(line, mentions)):
        reading.found.extend(replace(found, day_words=reading.day_words) for found in listed)
        return
    if not amounts:
        bare = bare_amount(line, mentions)
        if bare is None:
            reading.spare_lines.append(line)
            reading.unexplained_number |= not all(is_not_money(line, m) for m in mentions)
        else:
            reading.found.append(replace(bare, day_words=reading.day_words) if reading.day_words else bare)
        return
    line, amounts = _without_written_products(line, amounts)  # "4 ppl x 7$ = 28$": the total was paid
    if _has_alternatives(line, amounts):
        reading.ambiguous = True
        return
    first_word = line.split(maxsplit=1)[:1]
    is_total = bool(first_word) and bare_word(first_word[0]) in TOTAL_WORDS
    for mention, purpose in zip(amounts, _purposes(line, amounts, reading), strict=True):
        currency = mention.currency or currency_by_size(mention)
        if currency is None:
            reading.spare_lines.append(line)
            continue
        reading.found.append(
            Found(
                mention,
                currency,
                mention.currency is None,
                purpose,
                is_total,
                reading.day_words,
                clause=_clause_around(line, mention) if len(amounts) > 1 else "",
            )
        )


def _clause_around(line: str, mention: Mention) -> str:
    """The words between the sentence breaks (; . ! ? ។ before a space) around the amount."""
    start = max((match.end() for match in _CLAUSE_BREAK.finditer(line, 0, mention.start)), default=0)
    following = _CLAUSE_BREAK.search(line, mention.end)
    return line[start : following.start() if following else len(line)]


def _without(line: str, dates: list[DateMention]) -> str:
    """The line with its dates blanked out, every other character where it was."""
    pieces, kept_from = [], 0
    for mention in dates:
        pieces += [line[kept_from : mention.start], " " * (mention.end - mention.start)]
        kept_from = mention.end
    pieces.append(line[kept_from:])
    return "".join(pieces)


# What an amount paid for, after it: "6$ for the padlock", "23$ on meat".
_PURPOSE_AFTER = re.compile(r"\s*(?:for|on)\s+\S", re.IGNORECASE)


def _purposes(line: str, amounts: list[Mention], reading: _Reading) -> list[str]:
    """Each amount's purpose: the words before it ('coffee 3$, cake 2$'), or after ('$3 coffee')."""
    gaps = [line[: amounts[0].start]]
    gaps += [line[a.end : b.start] for a, b in pairwise(amounts)]
    gaps.append(line[amounts[-1].end :])
    if len(amounts) == 1:
        return [clean_purpose(gaps[0].rstrip(_JOINING_PUNCTUATION) + " " + gaps[1])]
    cleaned = [clean_purpose(gap) for gap in gaps]
    said_before = gaps[0].split()[-1:]
    paying = bool(said_before) and bare_word(said_before[0]) in PAYING
    if paying and all(_PURPOSE_AFTER.match(gap) for gap in gaps[1:]):
        return cleaned[1:]  # "sok paid 6$ for the padlock and 2$ for copying keys": who paid is no purpose
    if cleaned[0]:
        if cleaned[-1]:
            reading.uncertain = True  # words after the last amount belong to no one for sure
        return cleaned[:-1]
    return cleaned[1:]


def _without_written_products(line: str, amounts: list[Mention]) -> tuple[str, list[Mention]]:
    """'bus 4 ppl x 7$ = 28$', 'lunch: 3 plates x $4.50 = $13.50, plus drinks $4': a count times a unit
    price, then their product after '=', is the product alone: the line with the count, the unit price
    and the '=' blanked out (every other character where it was), and the amounts without the unit
    price. Unchanged unless the sum is right."""
    unit_prices: list[Mention] = []
    skip_to = -1
    for index, (unit, total) in enumerate(pairwise(amounts)):
        if index <= skip_to or "=" not in line[unit.end : total.start]:
            continue
        times = _TIMES_BEFORE.search(line, max(0, unit.start - NEARBY), unit.start)
        if times is None or unit.currency != total.currency:
            continue
        if int(times.group(1)) * unit.value != total.value:
            continue
        line = line[: times.start()] + " " * (total.start - times.start()) + line[total.start :]
        unit_prices.append(unit)
        skip_to = index + 1  # the total is no unit price of a product after it
    return line, [amount for amount in amounts if amount not in unit_prices]


def _has_alternatives(line: str, amounts: list[Mention]) -> bool:
    """'3$ or 4$', '3-4$', 'around 10$', '1$ each', '500៛/page': no one exact amount that was paid."""
    for amount in amounts:
        nearby = max(0, amount.start - NEARBY)
        if _RANGE_BEFORE.search(line, nearby, amount.start) or _UNIT_PRICE_BEFORE.search(
            line, nearby, amount.start
        ):
            return True
        preceding = bare_word(word_before(line, amount.start))
        if preceding in APPROXIMATE_WORDS or preceding.endswith(_KHMER_APPROXIMATE):  # ខែនេះប្រហែល ១២០$
            return True
        if line[nearby : amount.start].rstrip().endswith("~"):
            return True
        following = bare_word(word_after(line, amount.end))
        if following in UNIT_PRICE_WORDS or _MULTIPLIED.fullmatch(following):
            return True
        per_unit = _PER_UNIT_AFTER.match(line, amount.end)
        if per_unit and per_unit.group(1).lower() not in PERIOD_WORDS:
            return True
        measure = _A_MEASURE_AFTER.match(line, amount.end)
        if measure and is_a_measure(measure.group(1).lower()):
            return True
    for left, right in pairwise(amounts):
        if any(bare_word(word) in ALTERNATIVE_WORDS for word in line[left.end : right.start].split()):
            return True
    return False


def _is_listed_bare_amount(line: str, mention: Mention) -> bool:
    """'coffee 3$, cake 2': a bare number ending an item of a list whose amounts are marked."""
    if mention.marked or not _LIST_SEPARATOR_AFTER.match(line, mention.end):
        return False
    before = word_before(line, mention.start)
    return bool(before) and is_purpose_word(before, mention)


def _riel_written_short(found: Found) -> bool:
    """'ice 5': a bare single digit paying for a cheap thing, dollars or thousands of riel."""
    mention = found.mention
    if not found.guessed or mention.currency is not None or mention.scaled or mention.decimals:
        return False
    return may_be_riel_written_short(found.purpose, int(mention.value))


def _entry(found: Found) -> ExpenseEntry:
    amount = found.mention.value
    if found.currency is Currency.KHR and not found.mention.scaled:
        amount = khr_from_dotted_thousands(amount, found.mention.decimals)
    return ExpenseEntry(Money(amount, found.currency), found.purpose, found.guessed, found.day_words)


def _without_total_lines(found: list[Found]) -> list[Found]:
    """A 'total' line under a list repeats the entries above it."""
    if len(found) < 2:
        return found
    return [item for item in found if not item.is_total] or found
