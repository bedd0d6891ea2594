"""What a question measures (a total, a count, the largest, an average a day or of each purchase,
each member's, a share...), told by the words members type for it, in English and in Khmer."""

from __future__ import annotations

import re
from enum import Enum

from balance_bot.domain.money import Currency


class Measure(Enum):
    """What a question asks of the entries it selects."""

    TOTAL = "total"
    COUNT = "count"
    LIST = "list"
    LARGEST = "largest"
    BALANCE = "balance"  # the cash left: admins only
    LATEST = "latest"  # the last entry
    BY_MEMBER = "by_member"  # the total of each member
    BY_CATEGORY = "by_category"  # the total of each category
    POSITION = "position"  # what a member holds of the team's cash, or is owed
    BUDGET = "budget"  # the month's spending against the categories' budgets
    AVERAGE = "average"  # the total spent a day, over the days so far
    AVERAGE_EACH = "average_each"  # what one purchase costs on average ("per tuk tuk ride")
    SMALLEST = "smallest"
    SHARE = "share"  # what part of all the spending of the days the entries asked about make


# Receipts, bills, slips: what members count their entries by ('ប៉ុន្មានវិក្កយបត្រ', how many receipts).
RECEIPTS_KM = "វិក្កយបត្រ|វិក័យបត្រ|វិក្ក័យបត្រ|បង្កាន់ដៃ"
# The receipts a count counts, and the sheets they are on: no subject ("មានវិក្កយបត្រប៉ុន្មានសន្លឹក").
COUNTED_KM = re.compile(rf"(?:{RECEIPTS_KM})(?:\s?ប៉ុន្មាន)?\s?(?:សន្លឹក)?")
LATEST = (
    r"\b(?:last|latest|newest|most recent)\s+(?:expense|entry|purchase|one|item|row|thing)s?\b"
    r"|\bwhat was the last\b|\bwhen did\b.*\blast\b|\blast time\b|ចុងក្រោយ|ថ្មីបំផុត"
)
MEASURES = (
    (Measure.BUDGET, r"\bbudgets?\b|ថវិកា"),
    (
        Measure.SHARE,
        r"%|\bpercent(?:age)?\b|\bshare\b|\bproportion\b|\bfraction\b|\bportion\b|\bwhat part\b|ភាគរយ"
        r"|\bhow much of (?:the|this|that|our|all|last|[a-z]+'s)\b|ប៉ុន្មានភាគ",
    ),
    (
        Measure.AVERAGE,
        r"\b(?:average|on avg|per day|a day|each day|every day|daily|typical(?:ly)?|usually|normally)\b"
        r"|\bmean (?:daily|spend\w*|cost|amount|per)\b|មធ្យម|មួយថ្ងៃ|ថ្ងៃមួយៗ|ប្រចាំថ្ងៃ|ជាធម្មតា|ជាទូទៅ",
    ),
    (
        Measure.POSITION,
        r"\b(?:owe|owes|owed|hold|holding|advance|advances|advanced)\b|\bmy balance\b|ជំពាក់|បុរេប្រទាន"
        r"|លុយកក់|ខ្ញុំនៅសល់|នៅសល់លុយខ្ញុំ",
    ),
    (
        Measure.BALANCE,
        r"\b(?:balance|left|remain\w*|cash (?:in|on) hand|in the box)\b|នៅសល់|សមតុល្យ|លុយក្នុងប្រអប់",
    ),
    (Measure.LATEST, LATEST),
    (
        Measure.BY_MEMBER,
        r"\bwho\b.*\b(?:spen[dt]s?|paid|pays|bought|buys|most|least)\b|\b(?:biggest|top) spenders?\b"
        r"|\bwhich (?:of us|one of us|member|person|staff)\b|\b(?:by|per|each)\s+"
        r"(?:member|person|people|staff|user)s?\b|\beach of us\b|អ្នកណា|នរណា|ម្នាក់|តាមសមាជិក|តាមបុគ្គល",
    ),
    (
        Measure.BY_CATEGORY,
        r"\b(?:by|per|each|which|what)\s+(?:category|categories|kind|type)\b|\bcategories\b|\bbreakdown\b"
        r"|\bbroken down\b|តាមប្រភេទ|ប្រភេទនីមួយៗ|ប្រភេទណា",
    ),
    (
        Measure.COUNT,
        r"\bhow many\b(?!\s+(?:dollars?|bucks|usd|riels?|khr)\b"
        r"(?!\s+(?:payment|expense|entr|purchase|receipt)))"  # 'how many dollar payments' are counted
        r"|\bcount\b|\b(?:number|no\.?|num) of\b"
        r"|ប៉ុន្មាន\s?(?:ដង|មុខ|លើក|ជួរ)|ចំនួន\s?(?:ចំណាយ|មុខ|ដង|លើក|វិក្កយបត្រ)"
        # "ប៉ុន្មានវិក្កយបត្រ", "វិក្កយបត្រប៉ុន្មាន": how many receipts, where "សាំងប៉ុន្មាន" is how much fuel
        rf"|ប៉ុន្មាន\s?(?:{RECEIPTS_KM})|(?:{RECEIPTS_KM})\s?ប៉ុន្មាន",
    ),
    (
        Measure.SMALLEST,
        r"\b(?:smallest|cheapest|least expensive|lowest|minimum)\b"
        r"|\b(?:the )?least (?:money )?on\b|\b(?:cost|costs|paid|spent)\s+(?:us\s+)?(?:the\s+)?least\b"
        r"|(?:ថោក|តូច|តិច|ទាប)\s?(?:លុយ\s?)?(?:ជាងគេ|បំផុត)",
    ),
    (
        Measure.LARGEST,
        r"\b(?:biggest|largest|most expensive|priciest|dearest|costliest|highest|max(?:imum)?)\b"
        r"|\btop\b(?![\s-]*up\b)"  # 'top up' is the phone's credit bought
        r"|\bthe most\b|\bmost (?:money )?on\b"
        r"|(?:ធំ|ថ្លៃ|ច្រើន|ខ្ពស់)\s?(?:លុយ\s?)?(?:ជាងគេ|បំផុត)|ធំៗ",
    ),
    (
        Measure.LIST,
        r"\b(?:list|show|which|entries|items|what did|what were|details)\b|បញ្ជី|អ្វីខ្លះ|អីខ្លះ|មានអ្វី"
        # 'what we buy', 'what they got': the things, however the verb is said
        r"|\bwhat\s+(?:(?:we|i|you|they|he|she|[a-z]+)\s+){1,2}(?:buy|bought|get|got|purchased?)\b"
        r"|\b(?:anything|any expenses?|any purchases?)\b"
        r"|បង្ហាញ|រាយ"
        r"|^(?:did|have|has)\s+(?:\w+\s+)?(?:pay|paid|buy|bought)\b|ហើយឬនៅ|ហើយឬអត់",
    ),
    (
        Measure.TOTAL,
        r"\b(?:how much|total|spent|spend|spending|cost|sum|how many (?:dollars?|bucks|riels?))\b"
        r"|ប៉ុន្មាន|សរុប|ចំណាយ|ចាយ|អស់|ប្រើលុយ",
    ),
)
# What one purchase is counted in: "per trip", "each time", "per meal".
UNITS = "time|purchase|buy|order|trip|ride|run|visit|meal|delivery|fill|fill-up|refill"
# "the average cost per tuk tuk ride", "how much is one delivery on average", "ម្តងៗ ជាមធ្យម": an
# average of each purchase, not a day's.
EACH = re.compile(
    r"\b(?:per|each|every|a|one)\s+(?:\w+\s+){0,2}?(?:ride|trip|time|purchase|item|order|visit|one|bottle|bag"
    r"|meal|delivery|fill)s?\b"
    r"|\baverage (?:cost|price|amount) of (?:a|an|one|each)\b|ម្តង|ម្ដង|មួយដង|លើកៗ|មួយលើក|មួយពេល|ពេលមួយៗ"
    # what entries are counted as: 'average per receipt', 'per entry', 'ក្នុងមួយវិក្កយបត្រ' is of one entry
    r"|\b(?:per|each|every)\s+(?:receipt|entry|expense|payment|transaction|record|bill|slip)s?\b"
    rf"|(?:មួយ\s?(?:{RECEIPTS_KM})|(?:{RECEIPTS_KM})\s?(?:មួយ|នីមួយៗ))"
)
# "each time", "per purchase", "ម្តងៗ": what one purchase of the thing asked about costs, not their total.
EACH_TIME = re.compile(
    rf"\b(?:per|each|every)\s+(?:{UNITS})\b|ម្តងៗ|ម្ដងៗ|មួយដងៗ|លើកៗ|មួយពេលៗ|ពេលមួយៗ"
    # "បាយថ្ងៃត្រង់ មួយពេលអស់ប៉ុន្មាន", "ចាក់សាំងម្ដងអស់ប៉ុន្មាន": one meal's, one filling's cost
    r"|(?:ម្តង|ម្ដង|មួយដង|មួយពេល|មួយលើក)\s?(?:អស់|ចាយ|ត្រូវ|ថ្លៃ)"
)
# "how much per meal do we spend on lunch": the unit one purchase is counted in, no subject of its own.
PER_UNIT = re.compile(rf"\b(?:per|each|every)\s+(?:{UNITS})s?\b")
# "how much does ice cost", "the price of cement", "តម្លៃទឹកកក": what one costs, not the total.
PRICE = re.compile(r"\bprices?\b|\b(?:does|do)(?:\s+[\w']+){1,4}\s+cost\b|តម្លៃ")
A_DAY = re.compile(r"\b(?:day|days|daily|a day|per day)\b|ថ្ងៃ")

# An average over weeks or months: the reader averages over days only.
NOT_A_DAY = re.compile(
    r"\b(?:per|a|each|every) (?:week|month|year)\b|\b(?:weekly|monthly|yearly)\b|ក្នុងមួយសប្តាហ៍|ក្នុងមួយខែ"
)
# The entries of one currency: "the biggest riel payment", "paid in dollars", "ចាយជាលុយរៀល".
ONE_CURRENCY = re.compile(
    r"\b(?:riel|khr|dollar|usd)\s+(?:payments?|expenses?|entries|entry|purchases?|ones?|bills?|receipts?)\b"
    r"|\b(?:in|with)\s+(?:riels?|khr|dollars?|usd|cash dollars?)\b"
    r"|ជា\s?(?:លុយ\s?)?(?:រៀល|ដុល្លារ)|(?:ចាយ|បង់|ទិញ)\s?(?:លុយ\s?)?(?:រៀល|ដុល្លារ)"
)
# Measures of entries one currency's entries answer as well as all do: the biggest riel payment is the
# biggest of the riel entries; a share or a member's total of one currency would be a figure of another kind.
OF_ONE_CURRENCY = frozenset((
    Measure.LARGEST, Measure.SMALLEST, Measure.COUNT, Measure.LIST, Measure.LATEST, Measure.AVERAGE_EACH,
))  # fmt: skip
_CURRENCY_WORD = re.compile(r"\b(?:riels?|khr|dollars?|usd)\b|រៀល|ដុល្លារ")
_RIEL = re.compile(r"riel|khr|រៀល")


def one_currency(said: str) -> Currency | None:
    """The currency whose entries the question is about ('the biggest riel payment'); None when it
    names no one currency, or both ('the biggest dollar or riel payment')."""
    if not ONE_CURRENCY.search(said):
        return None
    named = {_currency(found.group()) for found in _CURRENCY_WORD.finditer(said)}
    return named.pop() if len(named) == 1 else None


def _currency(said: str) -> Currency:
    return Currency.KHR if _RIEL.search(said) else Currency.USD
