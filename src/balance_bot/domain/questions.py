"""Questions to the ledger in plain English or Khmer, read without a model: what to measure, over which
days, whose entries and which words; and the requests to change the ledger an admin may confirm."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from balance_bot.domain.category_roles import swapped
from balance_bot.domain.item_words import KNOWN_LATIN, khmer_words
from balance_bot.domain.ledger import Period
from balance_bot.domain.money import Currency
from balance_bot.domain.name_sounds import named_in_khmer
from balance_bot.domain.question_days import Span, days_named, month_span
from balance_bot.domain.question_measures import (
    A_DAY,
    COUNTED_KM,
    EACH,
    EACH_TIME,
    LATEST,
    MEASURES,
    NOT_A_DAY,
    OF_ONE_CURRENCY,
    ONE_CURRENCY,
    PER_UNIT,
    PRICE,
    one_currency,
)
from balance_bot.domain.question_measures import Measure as Measure
from balance_bot.domain.question_romanised import in_khmer_script
from balance_bot.domain.question_subjects import (
    alternatives,
    asks_rides,
    category_named,
    heads,
    khmer_names,
    subject_words,
    without_the_place,
    words_of_items,
)
from balance_bot.domain.question_words import FRAMING, KHMER_STOPS, MONEY_IN, STOP
from balance_bot.domain.slips import one_letter_off
from balance_bot.domain.text import DIGITS_TO_ASCII, normalize_message


@dataclass(frozen=True, slots=True)
class LedgerQuestion:
    """A question read: the measure, the days, whose entries (None: everyone's) and which words."""

    measure: Measure
    span: Span
    member: str | None = None
    about_me: bool = False
    words: tuple[str, ...] = ()  # alternatives ('coffee', 'tea'); each may be several words ('water bill')
    category: str | None = None
    category_said: str = ""  # the words that named the category ('guests'), which items may say too
    # Each subject's thing without whom it was for ('snack' of 'snacks for guests'): a row saying it
    # may say the rest in other words ('snacks for parents meeting'), so it is set aside as doubtful.
    heads: tuple[str, ...] = ()
    rides: bool = False  # rides or trips asked about: a row of a delivery may carry no one
    # A member's part of the thing asked about ('how much of the ice money did Sokun pay'): a share of
    # everyone's spending on it, not of all spending, nor of the member's.
    part_of_its_whole: bool = False
    currency: Currency | None = None  # one currency's entries only: 'the biggest riel payment'


@dataclass(frozen=True, slots=True)
class TopUpRequest:
    """'top up 200$ from the office': a /topup, done only once the admin confirms."""

    text: str


@dataclass(frozen=True, slots=True)
class UndoRequest:
    """'undo No 14': the row's message undone, only once the admin confirms."""

    number: int


WriteRequest = TopUpRequest | UndoRequest
Reading = LedgerQuestion | WriteRequest

_TOP_UP = re.compile(r"^(?:please\s+)?(?:top[\s-]?up|add)\s+(?P<rest>.+)$")
_UNDO = re.compile(
    r"^(?:please\s+)?(?:undo|void|delete|remove|cancel)\s+(?:row\s+|no\.?\s*|number\s+|#)?(?P<n>[0-9]{1,6})\b"
)
_KHMER_UNDO = re.compile(r"^(?:លុប|ដកវិញ)\s*(?:លេខ)?\s*(?P<n>[0-9]{1,6})(?![0-9])")

# "how much money do we have?": the cash, unless the question is about spending.
_CASH_HELD = re.compile(
    r"\b(?:money|cash|petty cash)\b.*\b(?:have|got|there)\b|\b(?:have|got)\b.*\b(?:money|cash)\b"
    r"|\bpetty cash\b|(?<!ប៉ុន្)មានលុយ|លុយមាន"
)  # ប៉ុន្មានលុយ, how much money, holds មានលុយ (has money): it asks a figure, not the cash held
_SPENDING = re.compile(r"\b(?:spen[dt]|spending|paid|pay|cost|bought|buy|expenses?|entries|used)\b|ចំណាយ|ទិញ")
_ENTRIES = re.compile(r"\b(?:expenses?|entries|purchases)\b")
_ASKING_ME = re.compile(r"\b(?:show|tell|give|let|send)\s+me\b")  # "show me the biggest": not about me
_ME = re.compile(r"\b(?:me|i|my|mine|myself)\b|ខ្ញុំ")
_FRAMING_SLIP = 5  # the shortest word read as a slip of a framing word
_LATIN_WORD = re.compile(r"[a-z][a-z0-9&'-]*")
# The days' and the framing words as thumbs type them without their vowels ("ystrdy", "ttl spnt ths
# mnth"): the first letter, then the letters after it that are no vowel.
_SHORTENED = (
    "yesterday", "today", "week", "month", "last", "this", "total", "spent", "spend", "much", "many", "how",
    "what",
)  # fmt: skip
_VOWELS = re.compile("[aeiou]")
# Short forms members type on a phone: "last wk", "this mnth", "yday".
_ABBREVIATIONS = {
    **{word[0] + _VOWELS.sub("", word[1:]): word for word in _SHORTENED},
    "wks": "weeks", "mth": "month", "yday": "yesterday", "yest": "yesterday", "2day": "today",
    "avg": "average", "wat": "what", "ystd": "yesterday", "tday": "today",
}  # fmt: skip
# Questions whose figure the rows do not hold, or not as the reader reads them: quantities ("how many
# kilos"), exclusions ("except fuel"), comparisons ("more than on food"), the future, advice.
_BEYOND_THE_ROWS = re.compile(
    r"\bhow many\s+(?:kg|kgs|kilos?|kilograms?|bags?|bottles?|boxes|cases?|lit(?:re|er)s?|pieces?|pcs"
    r"|packs?|cans?|sacks?|units?|grams?|cups?)\b"
    r"|ប៉ុន្មាន(?:គីឡូ|ដប|កេស|កញ្ចប់|បាវ|លីត្រ|ការ៉ុង|ដុំ|កំប៉ុង|កែវ|ថង់)"
    r"|\b(?:except|excluding|exclude|besides|other than|not counting|apart from|without)\b|ក្រៅពី|មិនគិត|ដកចេញ"
    r"|\b(?:more|less|fewer|cheaper|dearer)\b.*\bthan\b|\bcompared?\b|\bvs\b|\bversus\b|ធៀប"
    r"|\b(?:next (?:week|month|year)|tomorrow|will we|will i|going to)\b|ខែក្រោយ|សប្តាហ៍ក្រោយ|អាទិត្យក្រោយ"
    r"|ស្អែក|\b(?:why|should)\b|ហេតុអ្វី|ហេតុអី|គួរ"
    # judgments no figure makes: "too much", "did we overspend"; a time of day, which rows have none
    r"|\btoo (?:much|many|high|expensive|often)\b|\ba lot\b|\bover ?(?:spent|spend|spending|budget)\b"
    r"|\b(?:normal|afford)\b|\bwho (?:\w+ )?(?:usually|normally|typically|always)\b"
    r"|\b(?:this|yesterday|last|tomorrow) (?:morning|afternoon|evening|night)\b|\btonight\b"
    r"|\bhow many (?:people|members|persons|of us|staff)\b|ប៉ុន្មាននាក់|\bmost often\b|\bhow often\b|ញឹកញាប់"
    r"|\b(?:which|what) (?:day|date|week|month|weekday)s?\b.*\b(?:most|least|highest|lowest|biggest"
    r"|more|less)\b"
    r"|(?:ថ្ងៃ|សប្តាហ៍|ខែ)ណា.*(?:ច្រើន|តិច|ថ្លៃ)"
    r"|\b(?:over|above|under|below|more than|less than|at least|at most|greater than|bigger than)\s*"
    r"(?:\$|usd\s*|riel\s*)?\d|(?:លើស|ក្រោម|តិចជាង|ច្រើនជាង)\s*\d|\d+\s*(?:\$|ដុល្លារ|រៀល|៛)?\s*ឡើង"
    r"|\b(?:first|last) day of\b|(?:ច្រើន|តិច)ជាង(?!គេ)|\b(?:stock|inventory|in store)\b|ស្តុក|ស្ដុក"
    # a member's own money, which the team's sheet never holds: not the cash box's
    r"|\b(?:personal|private)\b|\bown (?:money|cash|savings|funds|pocket|account|wallet)\b|\bsavings\b"
    r"|ផ្ទាល់ខ្លួន|ខ្លួនឯង|ឯកជន|សន្សំ"
)
# Questions about something said before, which the bot never saw: "how much was it for the room",
# "that thing", "របស់ហ្នឹង"; "it" with days named is their spending ("how much was it yesterday").
_THAT_THING = re.compile(r"\b(?:that|this) (?:thing|one|stuff)\b|(?:របស់|អា|មួយ)(?:ហ្នឹង|នឹង|នុះ|នោះ|នេះ)")
_IT = re.compile(r"\b(?:was|is|were|are) (?:it|that|this|those|these)\b(?! (?:month|week|year|day|morning))")
# The same in Khmer, by whole words (លើស, over, is no word of លើសាំង, on fuel): a judgment alone
# (ពេក too, ហួស beyond), or a word with the one after it ("ច្រើនទេ", is it a lot; "ព្រឹកនេះ", this morning).
_KHMER_JUDGED = frozenset(("លើស", "ពេក", "ហួស"))
_KHMER_JUDGED_PAIRS = (
    (frozenset(("ច្រើន",)), frozenset(("ទេ", "អត់", "ឬទេ", "មែន"))),
    (frozenset(("ព្រឹក", "ល្ងាច", "រសៀល", "យប់")), frozenset(("នេះ", "មិញ"))),
)
_KHMER_JUDGING_WORDS = (
    KHMER_STOPS | _KHMER_JUDGED | {word for pair in _KHMER_JUDGED_PAIRS for words in pair for word in words}
)
# What a share is of: "what % of <the whole> went to ...", "ប៉ុន្មានភាគរយនៃ<the whole>".
_SHARE_OF = re.compile(
    r"(?:%|\bpercent(?:age)?|\bshare|\bproportion|\bfraction|\bpart)\s+of\s+(?P<whole>.+?)\s+"
    r"(?:was|were|went|is|are|goes|go)\b|ភាគរយ\s*(?:នៃ|របស់)\s*(?P<whole_km>\S+)"
)
# A share whose whole is a member's spending: "of Kosal's spending", "of my expenses", "នៃចំណាយរបស់...".
_WHOSE_WHOLE = re.compile(
    r"\bof\s+(?:the\s+)?(?:my|mine|[a-z]+'s|[a-z]+s')\s+(?!money\b)(?:\w+\s+)?(?:spending|expenses?|spend"
    r"|purchases|entries|total)\b|\bof\s+(?:what|everything)\s+\w+\s+(?:spent|paid|bought)\b"
    r"|នៃ(?:ការ)?(?:ចំណាយ|ចាយ)របស់"
)
# "how much was the last taxi": the latest of them, not their total ("last week" is read as days).
_LAST_ONE = re.compile(r"\b(?:the\s+)?last\s+(?!week|month|year|time|night|days?\b)[a-z]")
_ABBREVIATED = re.compile(rf"\b(?:{'|'.join(_ABBREVIATIONS)})\b")
_KHMER_RUN = re.compile(r"[\u1780-\u17ff]+")
# Things bought, said of no thing in particular (ទិញឥវ៉ាន់, bought stuff); carried goods stay (ដឹកឥវ៉ាន់).
_STUFF_BOUGHT = re.compile(r"ទិញ\s?(?:ឥវ៉ាន់|អីវ៉ាន់|អីវ៉ាន|ឥវ៉ាន|របស់របរ)")
_EARLY_IN_A_MONTH = 15  # days: a month's first half holds few purchases of any one thing, or member
_JOINED = re.compile(r"\band\b|&|\+|និង|(?<!\u17d2)នឹង|ហើយនិង")


def read_question(
    text: str,
    today: date,
    members: Sequence[str] = (),
    categories: Sequence[tuple[str, str]] = (),
    items: Sequence[str] = (),
) -> Reading | None:
    """The question the text asks, or the change it requests; None when it reads as neither.

    `members` are the names entries are posted by; `categories` the (English, Khmer) names; `items`
    the month's items, whose words are the team's own (its spelling of a thing the reader knows).
    """
    said = normalize_message(text).translate(DIGITS_TO_ASCII).strip().lower().rstrip("?!. ")
    said = in_khmer_script(re.sub(r"^/ask(?:@\w+)?\s*", "", said))
    if not said:
        return None
    if (topup := _TOP_UP.match(said)) and any(char.isdigit() for char in topup.group("rest")):
        return TopUpRequest(topup.group("rest"))
    if undo := _UNDO.match(said) or _KHMER_UNDO.match(said):
        return UndoRequest(int(undo.group("n")))
    said = _ABBREVIATED.sub(lambda short: _ABBREVIATIONS[short.group()], said)
    said = _LATIN_WORD.sub(lambda word: _framing_meant(word.group()), said)
    known = khmer_names(categories) | words_of_items(items)
    if _BEYOND_THE_ROWS.search(said) or MONEY_IN.search(said) or _judged_in_khmer(said, known):
        return None  # a figure the rows cannot give (or money in): the model or "not sure"
    span, said_without_days = days_named(said, today)
    if span is not None and (second := days_named(said_without_days, today))[0] is not None:
        both = _together(span, second[0], said)
        if both is None:
            return None  # "this week or last week", "in May and July": one figure would be a guess
        span, said_without_days = both, second[1]
    if _THAT_THING.search(said) or (span is None and _IT.search(said)):
        return None  # about something said before: no figure the reader can be sure of
    measure = next((measure for measure, pattern in MEASURES if re.search(pattern, said)), None)
    if measure is Measure.LATEST and not re.search(LATEST, said_without_days):
        # "១០ថ្ងៃចុងក្រោយ": the last ten days, not the last expense
        measure = next(
            (
                found
                for found, pattern in MEASURES
                if found is not Measure.LATEST and re.search(pattern, said)
            ),
            None,
        )
    if measure is Measure.AVERAGE and NOT_A_DAY.search(said):
        return None  # "on average per week": not an average a day, and not guessed as one
    currency = one_currency(said) if measure in OF_ONE_CURRENCY else None
    one_currencys = measure not in (
        None,
        Measure.TOTAL,
        Measure.LIST,
        Measure.BALANCE,
    ) and ONE_CURRENCY.search(said)
    if one_currencys and currency is None:
        return None  # "who spent the most in riel": a figure of one currency's entries of another kind
    if measure in (None, Measure.TOTAL) and PRICE.search(said):
        measure = Measure.AVERAGE_EACH
    if measure in (None, Measure.TOTAL) and _LAST_ONE.search(said_without_days):
        measure = Measure.LATEST
    if measure in (None, Measure.TOTAL) and _CASH_HELD.search(said) and not _SPENDING.search(said):
        measure = Measure.BALANCE
    if measure is None and _ENTRIES.search(said):
        measure = Measure.LIST  # "my expenses this month"
    member, as_said = _member_named(said, members, said_without_days)
    with_me = bool(_ME.search(_ASKING_ME.sub(" ", said)))
    if member is not None and with_me:
        return None  # "nary and i": two members' spending, which no one member's figure answers
    about_me = member is None and with_me
    rest = said_without_days
    if as_said is not None and _KHMER_RUN.fullmatch(as_said):
        rest = rest.replace(as_said, " ")
    elif as_said is not None:
        rest = re.sub(rf"\b{re.escape(as_said)}(?:'s)?\b", " ", rest)
    if (
        measure is Measure.SHARE
        and (whole := _SHARE_OF.search(rest))
        and subject_words(whole["whole"] or whole["whole_km"], known)
    ):
        return None  # a share of a part ("of the tuk tuks, the airport rides"): not of all the spending
    rest = _without_the_unit(without_the_place(rest, known), measure, known)
    subject = subject_words(rest, known)
    category = category_named(subject, categories)
    words = () if category is not None else alternatives(rest, known)
    if category is None and (named := _category_after_words(subject, categories)) is not None:
        category, words, subject = named  # 'moto repairs and maintenance': the moto's, of that category
    # "average price of coffee": of a purchase, unless a day is said ("on average per day").
    of_each = EACH.search(said) or (words and not A_DAY.search(said_without_days))
    if measure is Measure.AVERAGE and of_each:
        measure = Measure.AVERAGE_EACH
    elif measure is Measure.TOTAL and words and EACH_TIME.search(said):
        measure = Measure.AVERAGE_EACH  # "how much on ice each time", "ទិញទឹកកកម្តងៗអស់ប៉ុន្មាន"
    if measure is Measure.BY_CATEGORY and category is not None:
        measure = Measure.TOTAL  # "spent in the Fuel category"
    if measure is Measure.POSITION and member is None and not about_me and _of_someone(words):
        return None  # "how much do the customers owe us": someone's debt no row and no cash figure holds
    if measure is Measure.POSITION and member is None and not about_me:
        measure = Measure.BALANCE  # "how much is still advanced?": the cash and every member's
    elif measure is Measure.BALANCE and member is not None:
        measure = Measure.POSITION  # "how much has Dara got left": what Dara holds, not the cash box
    if measure is Measure.POSITION:
        words, category = (), None
    category_said = " ".join(subject) if category is not None else ""
    # 'what share of Kosal's spending went on repairs': of the member's; 'ទឹកកកខែនេះ Vuthy ចេញប៉ុន្មាន
    # ភាគរយ', 'how much of the ice money did Sokun pay': the member's part of everyone's on the thing
    part_of_its_whole = (
        measure is Measure.SHARE
        and (member is not None or about_me)
        and bool(words or category)
        and not _WHOSE_WHOLE.search(said)
    )
    if measure is Measure.BUDGET:  # its words name a category ('សាំង'): the use case's tab decides which
        span = month_span(Period.of(span.first if span is not None else today))  # budgets are monthly
    if measure is None and (span is None or not (words or member or category)):
        return None  # "hello", "thanks": no question
    return LedgerQuestion(
        measure or Measure.TOTAL,
        span or _no_days_said(today, bool(words or member or about_me or category)),
        member,
        about_me,
        words,
        category,
        category_said,
        heads(rest, known) if words else (),
        asks_rides(rest) and bool(words),
        part_of_its_whole,
        currency,
    )


def _no_days_said(today: date, narrowed: bool) -> Span:
    """The days a question naming none is about: this month; but in a month's first half a thing, a
    member or a category asked about ('how many times did we top up the phone', 'how much has Kosal
    spent in total') holds few of its rows in the days so far, which one figure would silently take
    for all of them: so from the first of last month to today, a span the reply says (as /recent shows
    last month's too early on). The team's own total stays the month's, as the sheet's balance is."""
    this_month = month_span(Period.of(today))
    if not narrowed or today.day > _EARLY_IN_A_MONTH:
        return this_month
    return Span(Period.of(today).previous().first_day(), today)


def _without_the_unit(rest: str, measure: Measure | None, known: frozenset[str]) -> str:
    """The words without the receipts a count counts ('ប៉ុន្មានវិក្កយបត្រ', how many receipts) and
    the unit an average of one purchase is of ('per meal' of 'how much per meal on lunch'), when a
    thing is left to ask about."""
    if measure is Measure.COUNT:
        rest = COUNTED_KM.sub(" ", rest)
    rest = _STUFF_BOUGHT.sub("ទិញ ", rest)  # "វិជ្ជាទិញឥវ៉ាន់ប៉ុន្មានដង": whatever Vichea bought
    left = PER_UNIT.sub(" ", rest)
    return left if subject_words(left, known) else rest


def _together(one: Span, other: Span | None, said: str) -> Span | None:
    """Two spans named together ("last month and this month", "ខែមុននិងខែនេះ សរុប"): the days of both,
    when one runs on from the other; None when days lie between them, which were not asked about. A
    span named in another, with no 'and', is that span ("ថ្ងៃទី៤ ខែនេះ")."""
    if other is not None and not _JOINED.search(said) and (within := _within(one, other)) is not None:
        return within  # 'ថ្ងៃទី៤ ខែនេះ', 'the 4th this month': the day, of the month it is in
    if other is None or not _JOINED.search(said):
        return None
    first, then = sorted((one, other), key=lambda span: span.first)
    if (then.first - first.last).days > 1:
        return None
    return Span(first.first, max(first.last, then.last), first.near or then.near)


def _within(one: Span, other: Span) -> Span | None:
    """The narrower of two spans when one lies within the other; None when neither does."""
    if other.first <= one.first and one.last <= other.last:
        return one
    if one.first <= other.first and other.last <= one.last:
        return other
    return None


def _judged_in_khmer(said: str, known: frozenset[str]) -> bool:
    """Whether the Khmer words judge the spending, or name a time of day."""
    words = [
        word for run in _KHMER_RUN.findall(said) for word in khmer_words(run, _KHMER_JUDGING_WORDS | known)
    ]
    return any(word in _KHMER_JUDGED for word in words) or any(
        one in first and other in then
        for one, other in pairwise(words)
        for first, then in _KHMER_JUDGED_PAIRS
    )


def _member_named(said: str, members: Sequence[str], without_days: str) -> tuple[str | None, str | None]:
    """The member the question names, and the words that name them: the whole name, else a first
    name only one member has ('Dara' for Dara Kim)."""
    whole = next((name for name in members if _names(said, name)), None)
    if whole is not None:
        return whole, whole.strip().lower()
    firsts = [(name, name.split()[0]) for name in members if len(name.split()) > 1]
    named = [(name, first) for name, first in firsts if _names(said, first)]
    if len({name for name, _ in named}) == 1 and sum(first == named[0][1] for _, first in firsts) == 1:
        return named[0][0], named[0][1].lower()
    # វណ្ណា for Vanna; never in the days' words (ឧសភា, May, is no Sopheap)
    in_khmer = named_in_khmer(_KHMER_RUN.findall(without_days), members, KHMER_STOPS)
    return in_khmer if in_khmer is not None else (None, None)


def _names(said: str, name: str) -> bool:
    wanted = name.strip().lower()
    if not wanted or wanted not in said:
        return False  # most names are not in the question: no pattern made for them
    if _KHMER_RUN.fullmatch(wanted.replace(" ", "")):
        return wanted in said
    return re.search(rf"(?<![\w]){re.escape(wanted)}(?:'s)?(?![\w])", said) is not None


def _category_after_words(
    subject: tuple[str, ...], categories: Sequence[tuple[str, str]]
) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """A category's whole name of two words or more after words that tell which of its rows: the
    category, those words, and the words that named it."""
    for cut in range(1, len(subject) - 1):
        named = category_named(subject[cut:], categories)
        if named is not None and not _KHMER_RUN.search(" ".join(subject)):
            return named, (" ".join(subject[:cut]),), subject[cut:]
    return None


def _framing_meant(word: str) -> str:
    """The framing word a slip of the thumb was meant as ('averge'), else the word as typed."""
    if len(word) < _FRAMING_SLIP or word in STOP or word in KNOWN_LATIN:
        return word
    # A letter left out is the likeliest slip, then two swapped, then one changed or added.
    for slip in (len(word) + 1, "swapped", len(word), len(word) - 1):
        meant = [
            framing
            for framing in FRAMING
            if (
                swapped(word, framing)
                if slip == "swapped"
                else len(framing) == slip and one_letter_off(word, framing)
            )
        ]
        if meant:
            return meant[0] if len(meant) == 1 else word
    return word


def _of_someone(words: tuple[str, ...]) -> bool:
    """Whether words beside a debt name whose it is ('អតិថិជន', customers), not the debt ('advanced')."""
    position = re.compile(dict(MEASURES)[Measure.POSITION])
    return any(position.sub("", word).strip() for word in words)
