"""The days a question to the ledger names: today, last week, a month, a year, a range; in English
and Khmer, with the parser's reading of dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from balance_bot.domain.dates import (
    ENGLISH_MONTHS,
    KHMER_MONTHS,
    MONTH_NUMBERS,
    DateMention,
    day_named,
    find_dates,
)
from balance_bot.domain.ledger import Period
from balance_bot.domain.month_parts import month_part
from balance_bot.domain.months import month_named
from balance_bot.domain.text import either


@dataclass(frozen=True, slots=True)
class Span:
    """The days a question is about, both ends included."""

    first: date
    last: date
    # The days just beyond a span said loosely ('the end of last month'), which may be meant too.
    near: tuple[date, date] | None = None

    def periods(self) -> list[Period]:
        """The months the days fall in, in order."""
        months, period = [], Period.of(self.first)
        while period <= Period.of(self.last):
            months.append(period)
            period = period.next()
        return months

    def whole_months(self) -> bool:
        """Whether the span is made of whole months (so rows without a date still count)."""
        return self.first.day == 1 and (self.last + timedelta(days=1)).day == 1


_WEEKDAYS_BACK = {"this week": 0, "last week": 1}
_YEARS_BACK = {"this year": 0, "ឆ្នាំនេះ": 0, "last year": 1, "ឆ្នាំមុន": 1, "ឆ្នាំទៅ": 1}
_RELATIVE = {  # the longer first: "the day before yesterday" is not yesterday
    "the day before yesterday": 2,
    "day before yesterday": 2,
    "ម្សិលម៉្ងៃ": 2,
    "today": 0,
    "ថ្ងៃនេះ": 0,
    "yesterday": 1,
    "ម្សិលមិញ": 1,
}
_KHMER_SPANS = {
    "សប្តាហ៍នេះ": "this week",
    "សប្ដាហ៍នេះ": "this week",
    "អាទិត្យនេះ": "this week",
    "សប្តាហ៍មុន": "last week",
    "សប្ដាហ៍មុន": "last week",
    "អាទិត្យមុន": "last week",
    "ខែនេះ": "this month",
    "ខែមុន": "last month",
}
_RANGE = re.compile(
    r"\b(?:from|between)\s+(?P<a>.+?)\s+(?:to|and|until|till)\s+(?P<b>.+?)(?:$|\s+(?:for|on|by)\b)"
)
_ORDINAL = re.compile(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)")
_ISO_MONTH = re.compile(r"\b(?P<year>20\d\d)-(?P<month>0[1-9]|1[0-2])\b(?!-)")
_SINCE = re.compile(r"\b(?:since|after)\s+(?P<a>.+?)\s*$")
_YEAR = re.compile(r"\b(?:in\s+|during\s+|for\s+)?(?P<year>20\d\d)\b")
# "the last 10 days", "past two weeks", "១០ថ្ងៃចុងក្រោយ", "២សប្តាហ៍កន្លងមក": the days up to today.
_LAST_DAYS = re.compile(
    r"\b(?:last|past|previous)\s+(?P<n>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<unit>days?|weeks?)\b"
    r"|(?:រយៈពេល\s*)?(?P<km>\d{1,3})\s*(?P<km_unit>ថ្ងៃ|សប្តាហ៍|សប្ដាហ៍|អាទិត្យ)\s*(?:ចុងក្រោយ|កន្លងមក|កន្លងទៅ)"
)
_COUNT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "ពីរ": 2, "បី": 3, "បួន": 4, "ប្រាំ": 5,
}  # fmt: skip
# "2 weeks ago", "២ខែមុន", "ពីរសប្តាហ៍មុន": that week or month, not the last one.
_AGO = re.compile(
    r"\b(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>weeks?|months?)\s+ago\b"
    r"|(?<!ទី)(?<!ទី )(?<!\d)(?P<km>\d{1,2}|ពីរ|បី|បួន|ប្រាំ)\s*(?P<km_unit>សប្តាហ៍|សប្ដាហ៍|អាទិត្យ|ខែ)\s*មុន"
)
_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_MONTH_WORDS = re.compile(
    r"\b(?:in\s+|during\s+|for\s+)?(?P<month>january|february|march|april|may|june|"
    r"july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"(?:\s+(?P<year>20\d\d))?\b"
)
_KHMER_RANGE = re.compile(
    r"(?:ចាប់)?ពី\s*ថ្ងៃ(?:ទី)?\s*(?P<a>\d{1,2})\s*(?:ដល់|ទៅ|-|–)\s*(?:ថ្ងៃ(?:ទី)?)?\s*(?P<b>\d{1,2})(?!\d)"
)
_ORDINAL_RANGE = re.compile(
    r"\b(?:the\s+)?(?P<a>\d{1,2})(?:st|nd|rd|th)\s*(?:-|–|to|till|until|through)\s*(?:the\s+)?"
    r"(?P<b>\d{1,2})(?:st|nd|rd|th)\b"
)
# "ចាប់ពីថ្ងៃទី១៥", and "ពីថ្ងៃទី១៥មក" (from the 15th hither): since the 15th.
_KHMER_SINCE = re.compile(
    r"(?:ចាប់ពី|តាំងពី|ចាប់តាំងពី)\s*ថ្ងៃ(?:ទី)?\s*(?P<a>\d{1,2})(?!\d)"
    r"|ពី\s*ថ្ងៃ(?:ទី)?\s*(?P<hither>\d{1,2})\s*មក"
)
_KHMER_SO_FAR = re.compile(r"(?:គិត)?(?:មក)?(?:ដល់|ត្រឹម)\s?(?:ថ្ងៃនេះ|ពេលនេះ)|រហូតដល់(?:ថ្ងៃនេះ|ពេលនេះ)")
_KHMER_DAY = re.compile(r"ថ្ងៃទី\s*(?P<day>\d{1,2})(?!\d)")  # "ថ្ងៃទី៥": the 5th
_KHMER_MONTH_NUMBER = re.compile(r"ខែ\s*(?:ទី\s*)?(?P<month>\d{1,2})(?!\d)")  # "ខែ១០": October
# "last weekend", "on the weekend", "ចុងសប្តាហ៍មុន": a Saturday and its Sunday (the last ones begun).
_WEEKEND = re.compile(
    r"\b(?:(?P<which>last|this|past|previous)\s+)?week-?ends?\b"
    r"|ចុង(?:សប្តាហ៍|សប្ដាហ៍|អាទិត្យ)\s?(?P<km>មុន|នេះ)?"
)
_SATURDAY = 5
# "since the start of the month", "ពីដើមខែមក": the month so far.
_MONTH_BEGUN = re.compile(
    r"\b(?:since|from)\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+month\b"
    r"|(?:ចាប់)?(?:ពី|តាំងពី)\s?ដើមខែ(?:នេះ)?(?:\s?មក)?"
)
_KHMER_WEEKDAY = r"ថ្ងៃ(?:ច័ន្ទ|អង្គារ|ពុធ|ព្រហស្បតិ៍|សុក្រ|សៅរ៍|អាទិត្យ)(?:មុន)?"
# "ពីថ្ងៃច័ន្ទ ដល់ថ្ងៃពុធ": Monday to Wednesday; "តាំងពីថ្ងៃច័ន្ទ", "ពីថ្ងៃច័ន្ទមក" (from Monday
# hither): since Monday.
_KHMER_WEEKDAY_RANGE = re.compile(
    rf"(?:ចាប់)?ពី\s*(?P<a>{_KHMER_WEEKDAY})\s*(?:ដល់|ទៅ|រហូតដល់|-|–)\s*(?P<b>{_KHMER_WEEKDAY})"
)
_KHMER_SINCE_WEEKDAY = re.compile(
    rf"(?:ចាប់តាំងពី|ចាប់ពី|តាំងពី)\s*(?P<a>{_KHMER_WEEKDAY})|ពី\s*(?P<hither>{_KHMER_WEEKDAY})\s*មក"
)
_KHMER_MONTH_NAMES = r"(?:មករា|កុម្ភៈ|មីនា|មេសា|ឧសភា|មិថុនា|កក្កដា|សីហា|កញ្ញា|តុលា|វិច្ឆិកា|ធ្នូ)"
# "ថ្ងៃទី៨ ខែតុលា": the 8th of October, not the 8th and October.
_KHMER_DAY_AND_MONTH = re.compile(rf"ថ្ងៃ(?:ទី)?\s*(?P<day>\d{{1,2}})\s*ខែ\s*(?P<month>{_KHMER_MONTH_NAMES})")
# "since november", "ចាប់ពីខែវិច្ឆិកា", "តាំងពីខែ១១មក": from the month's first day up to today;
# "after october": from the next month's.
_SINCE_MONTH = re.compile(
    r"\b(?:since|(?P<after>after))\s+(?:the\s+(?:start|beginning)\s+of\s+)?"
    rf"(?P<month>{either(ENGLISH_MONTHS)})(?:\s+(?P<year>20\d\d))?\b"
    rf"|(?:ចាប់តាំងពី|ចាប់ពី|តាំងពី)\s*ខែ\s*(?:(?P<km_month>{either(KHMER_MONTHS)})|(?P<km_number>\d{{1,2}})(?!\d))"
    r"(?:\s*មក)?"
)
# "8 and 9 nov", "3-5 nov": a day's number before a date, which says the month once for both.
_DAY_BEFORE = re.compile(r"(?<![\d/.-])(?P<day>\d{1,2})\s*(?P<joined>and|&|to|-|–|,|និង|ដល់)\s*$")
_THROUGH = ("to", "-", "–", "ដល់", "until", "till", "through")
_MONTH_SAID = (
    r"(?:the|this|last|previous)\s+month|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
    r"(?:\s+20\d\d)?"
)
_KHMER_MONTH_SAID = rf"ខែ\s*(?:នេះ|មុន|{_KHMER_MONTH_NAMES}|\d{{1,2}}(?!\d))"
# "the first week of March", "2nd week", "the last week of the month", "សប្តាហ៍ទី១ ខែមីនា",
# "អាទិត្យដំបូង": the days 1 to 7 of the month (8 to 14 the second...), the last seven its last week;
# "last week" alone is the week before this one.
_WEEK_OF_MONTH = re.compile(
    r"\b(?:the\s+)?(?:(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th)\s+week"
    rf"|(?P<last>last|final)\s+week(?=\s+of\b))(?:\s+(?:of|in)\s+|\s+)?(?P<month>{_MONTH_SAID})?\b"
    r"|(?:សប្តាហ៍|សប្ដាហ៍|អាទិត្យ)\s*(?:ទី\s*(?P<km_nth>[1-5]|មួយ|ពីរ|បី|បួន|ប្រាំ)|(?P<km_first>ដំបូង)"
    rf"|(?P<km_last>ចុងក្រោយ|ចុង)(?=\s*(?:នៃ|របស់|ក្នុង)?\s*ខែ))\s*(?:(?:នៃ|របស់|ក្នុង)\s*)?"
    rf"(?P<km_month>{_KHMER_MONTH_SAID})?"
)
_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
        "5th": 5, "មួយ": 1, "ពីរ": 2, "បី": 3, "បួន": 4, "ប្រាំ": 5, "ដំបូង": 1}  # fmt: skip
_KHMER_MONTHS = re.compile(r"ខែ\s*(?:មករា|កុម្ភៈ|មីនា|មេសា|ឧសភា|មិថុនា|កក្កដា|សីហា|កញ្ញា|តុលា|វិច្ឆិកា|ធ្នូ)")


def days_named(said: str, today: date) -> tuple[Span | None, str]:
    """The days a question names, and its text without those words; (None, the text) when it names none."""
    span, rest = _days_named(said, today)
    if span is None:
        return None, rest
    # 'saturday the 15th': the day named twice, its number as well as its name
    if span.first == span.last:
        rest = _ORDINAL.sub(lambda day: " " if int(day.group(1)) == span.first.day else day.group(), rest)
    return span, _ORDINAL_LEFT.sub(" ", rest)  # an ordinal's ending left alone names nothing


_ORDINAL_LEFT = re.compile(r"(?<![\w])(?:st|nd|rd|th)\b")


def _days_named(said: str, today: date) -> tuple[Span | None, str]:
    if by_number := _days_of_this_month(said, today):
        return by_number
    if (week := _WEEK_OF_MONTH.search(said)) and (weekly := _week_of_month(week, today)) is not None:
        return weekly, said.replace(week.group(), " ")
    if so_far := _KHMER_SO_FAR.search(said):  # "up to today": the month so far, not today alone
        rest = re.sub(r"(?:ក្នុង)?ខែនេះ", " ", said.replace(so_far.group(), " "))  # said twice, one span
        return month_span(Period.of(today)), rest
    if weekdays := _khmer_weekdays(said, today):
        return weekdays
    if begun := _MONTH_BEGUN.search(said):
        return month_span(Period.of(today)), re.sub(
            r"(?:this month|ខែនេះ)", " ", said.replace(begun.group(), " ")
        )
    if (part := month_part(said, today)) is not None:  # 'the end of last month', 'ដើមខែ'
        loosely, rest = part
        return Span(loosely.first, loosely.last, (loosely.near_first, loosely.near_last)), rest
    if weekend := _WEEKEND.search(said):
        return _weekend(weekend, today), said.replace(weekend.group(), " ")
    if ago := _AGO.search(said):
        return _ago(ago, today), said.replace(ago.group(), " ")
    for khmer, english in _KHMER_SPANS.items():
        if khmer in said and not re.search(f"ថ្ងៃ\\s?{khmer}", said):  # ថ្ងៃអាទិត្យមុន is last Sunday
            return _named_span(english, today), said.replace(khmer, " ")
    for words, back in _RELATIVE.items():
        if re.search(rf"(?<!\w){words}(?!\w)", said):
            day = today - timedelta(days=back)
            return Span(day, day), said.replace(words, " ")
    for words in (*_WEEKDAYS_BACK, "this month", "last month"):
        if words in said:
            return _named_span(words, today), said.replace(words, " ")
    for words, back in _YEARS_BACK.items():
        if words in said:
            return _year_span(today.year - back, today), said.replace(words, " ")
    if last_days := _LAST_DAYS.search(said):
        count = last_days.group("n") or last_days.group("km")
        unit = last_days.group("unit") or last_days.group("km_unit")
        days = (int(count) if count.isdigit() else _COUNT_WORDS[count]) * (
            1 if unit.startswith(("day", "ថ")) else 7
        )
        return Span(today - timedelta(days=max(days - 1, 0)), today), said.replace(last_days.group(), " ")
    if (since_month := _SINCE_MONTH.search(said)) and (began := _month_began(since_month, today)) <= today:
        return Span(began, today), said.replace(since_month.group(), " ")
    if since := _SINCE.search(said):
        first = _day_of(since.group("a"), today)
        if first is not None and first <= today:
            return Span(first, today), said.replace(since.group(), " ")
    if ranged := _RANGE.search(said):
        first, last = _day_of(ranged.group("a"), today), _day_of(ranged.group("b"), today)
        if first is not None and last is not None and first <= last:
            return Span(first, last), said.replace(ranged.group(), " ")
    if iso := _ISO_MONTH.search(said):
        iso_period = Period(int(iso.group("year")), int(iso.group("month")))
        if iso_period <= Period.of(today):
            return month_span(iso_period), said.replace(iso.group(), " ")
    if (dated := _KHMER_DAY_AND_MONTH.search(said)) and (period := month_named(f"ខែ{dated['month']}", today)):
        of_month = _day_in(period, int(dated["day"]))
        if of_month is not None and of_month <= today:
            return Span(of_month, of_month), said.replace(dated.group(), " ")
    if khmer_month := _KHMER_MONTHS.search(said):
        period = month_named(khmer_month.group(), today)
        if period is not None:
            return month_span(period), said.replace(khmer_month.group(), " ")
    if (found := find_dates(said)) and (on_days := _days_found(said, found, today)) is not None:
        return on_days
    if khmer_day := _KHMER_DAY.search(said):
        ordinal = _day_of(f"{khmer_day.group('day')}th", today)
        if ordinal is not None:
            return Span(ordinal, ordinal), said.replace(khmer_day.group(), " ")
    if (numbered := _KHMER_MONTH_NUMBER.search(said)) and 1 <= int(numbered.group("month")) <= 12:
        period = Period(today.year, int(numbered.group("month")))
        period = period if period <= Period.of(today) else Period(today.year - 1, period.month)
        return month_span(period), said.replace(numbered.group(), " ")
    if month := _MONTH_WORDS.search(said):
        number = _MONTH_NUMBERS[month.group("month")[:3]]
        year = int(month.group("year")) if month.group("year") else today.year
        period = Period(year, number)
        if not month.group("year") and period > Period.of(today):
            period = Period(year - 1, number)  # a month without its year is the latest one
        if period <= Period.of(today):
            return month_span(period), said.replace(month.group(), " ")
    if (named_year := _YEAR.search(said)) and int(named_year.group("year")) <= today.year:
        return _year_span(int(named_year.group("year")), today), said.replace(named_year.group(), " ")
    return None, said


def _week_of_month(week: re.Match[str], today: date) -> Span | None:
    """The days of the week of the month said (this month when none is said); None when the month
    words name no one month."""
    month = week["month"] or week["km_month"]
    period = Period.of(today)
    if month and month != "the month":
        named, _ = days_named(month, today)
        if named is None or not named.whole_months() or len(named.periods()) != 1:
            return None
        period = Period.of(named.first)
    whole = month_span(period)
    if week["last"] or week["km_last"]:
        return Span(whole.last - timedelta(days=6), whole.last)
    nth = week["nth"] or week["km_nth"] or week["km_first"]
    first = whole.first + timedelta(days=7 * ((int(nth) if nth.isdigit() else _NTH[nth]) - 1))
    return Span(first, min(first + timedelta(days=6), whole.last)) if first <= whole.last else None


def _days_of_this_month(said: str, today: date) -> tuple[Span, str] | None:
    """'ពីថ្ងៃទី១ ដល់ថ្ងៃទី១០', 'the 1st to the 10th', 'ចាប់ពីថ្ងៃទី១៥': days of the month by number."""
    if ranged := _KHMER_RANGE.search(said) or _ORDINAL_RANGE.search(said):
        first = _day_of(f"{ranged.group('a')}th", today)
        last = _day_of(f"{ranged.group('b')}th", today)
        if first is not None and last is not None and first <= last <= today:
            return Span(first, last), said.replace(ranged.group(), " ")
    if since := _KHMER_SINCE.search(said):
        first = _day_of(f"{since.group('a') or since.group('hither')}th", today)
        if first is not None and first <= today:
            return Span(first, today), said.replace(since.group(), " ")
    return None


def _days_found(said: str, found: list[DateMention], today: date) -> tuple[Span, str] | None:
    """The days the dates found name: by number over a weekday ('ថ្ងៃសៅរ៍ ៨ ឧសភា'); two side by
    side, or a range, as one span ('monday and tuesday', '8 and 9 nov', '3-5 nov'); two apart as
    the first, with the text keeping the second, so the question names two spans, which no figure answers."""
    numbered = [mention for mention in found if any(char.isdigit() for char in mention.words)]
    named = [(mention, day) for mention in numbered or found if (day := day_named(mention.words, today))]
    if not named:
        return None
    cuts = [(mention.start, mention.end) for mention in found]
    first_mention, first = named[0]
    days = sorted({day for _, day in named})
    through = len(named) > 1 and said[first_mention.end : named[1][0].start].strip() in _THROUGH
    if through and named[1][1] < first:  # "monday to wednesday" on a Wednesday: up to today
        days = [first, min(named[1][1] + timedelta(days=7), today)]
    if len(days) == 1 and (before := _DAY_BEFORE.search(said[: first_mention.start])):
        other = _day_in(Period.of(first), int(before["day"]))
        if other is not None:
            days, through = sorted({other, first}), before["joined"] in _THROUGH
            cuts.append((before.start(), before.end()))
    if len(days) > 2 or (len(days) == 2 and not through and days[1] - days[0] > timedelta(days=1)):
        return Span(first, first), said[: first_mention.start] + " " + said[first_mention.end :]
    rest = said
    for start, end in sorted(cuts, reverse=True):
        rest = rest[:start] + " " + rest[end:]
    return Span(days[0], days[-1]), rest


def _khmer_weekdays(said: str, today: date) -> tuple[Span, str] | None:
    """'ពីថ្ងៃច័ន្ទ ដល់ថ្ងៃពុធ', 'តាំងពីថ្ងៃច័ន្ទ': the days from one weekday to another, or to today."""
    if ranged := _KHMER_WEEKDAY_RANGE.search(said):
        first, last = _day_of(ranged["a"], today), _day_of(ranged["b"], today)
        if first is not None and last is not None:
            last = min(last + timedelta(days=7), today) if last < first else last
            return Span(first, last), said.replace(ranged.group(), " ")
    since = _KHMER_SINCE_WEEKDAY.search(said)
    if since and (first := _day_of(since["a"] or since["hither"], today)) is not None:
        return Span(first, today), said.replace(since.group(), " ")
    return None


def _day_in(period: Period, day: int) -> date | None:
    try:
        return date(period.year, period.month, day)
    except ValueError:
        return None  # the 31st of a month of 30


def _ago(ago: re.Match[str], today: date) -> Span:
    """The week (Monday to Sunday) or the month so many back."""
    count = ago.group("n") or ago.group("km")
    back = int(count) if count.isdigit() else _COUNT_WORDS[count]
    if (ago.group("unit") or ago.group("km_unit")) in ("month", "months", "ខែ"):
        period = Period.of(today)
        for _ in range(back):
            period = period.previous()
        return month_span(period)
    monday = today - timedelta(days=today.weekday() + 7 * back)
    return Span(monday, monday + timedelta(days=6))


def _weekend(said: re.Match[str], today: date) -> Span:
    """This week's Saturday and Sunday once begun (up to today); else, or when the last is asked,
    the week before's."""
    saturday = today - timedelta(days=today.weekday() - _SATURDAY)
    last = (said.group("which") or said.group("km") or "") in ("last", "past", "previous", "មុន")
    if last or saturday > today:
        saturday -= timedelta(days=7)
    return Span(saturday, min(saturday + timedelta(days=1), today))


def _year_span(year: int, today: date) -> Span:
    """The whole year, so rows without a date count too (the months ahead have no rows yet)."""
    return Span(date(year, 1, 1), date(year, 12, 31))


def _named_span(words: str, today: date) -> Span:
    if words == "this week":
        monday = today - timedelta(days=today.weekday())
        return Span(monday, today)
    if words == "last week":
        monday = today - timedelta(days=today.weekday() + 7)
        return Span(monday, monday + timedelta(days=6))
    period = Period.of(today) if words == "this month" else Period.of(today).previous()
    return month_span(period)


def month_span(period: Period) -> Span:
    """Every day of the month."""
    return Span(period.first_day(), period.next().first_day() - timedelta(days=1))


def _month_began(since: re.Match[str], today: date) -> date:
    """'since november', 'ចាប់ពីខែ១១មក': the first day of the latest such month (or the year's);
    'after november': of the month after it."""
    said = since["km_month"] or since["month"]
    number = MONTH_NUMBERS[said] if said else int(since["km_number"])
    named = Period(int(since["year"]) if since["year"] else today.year, number)
    if not since["year"] and named > Period.of(today):
        named = Period(named.year - 1, named.month)  # a month without its year is the latest one
    return (named.next() if since["after"] else named).first_day()


def _day_of(words: str, today: date) -> date | None:
    if ordinal := _ORDINAL.fullmatch(words.strip()):
        return day_named(f"the {ordinal.group(1)}th", today)  # "the 3rd": this month's, or last month's
    found = find_dates(words)
    return day_named(found[0].words, today) if found else None
