"""The words the parser knows: filler, labels and sentence words, in English and Khmer."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that open or close a message without being part of what was bought.
GREETINGS = _words(
    """hi hello hey hiya dear good morning evening afternoon thanks thank thx tks ty ok okay
    pls plz please fyi note update sorry noted done bong boss sir madam
    សួស្តី ជំរាបសួរ អរគុណ បាទ ចាស បង"""
)
# "hi all", "good morning": the word after a greeting that only says who or when.
GREETED = _words(
    "all everyone everybody team guys folks bong boss sir madam you morning afternoon evening day"
)

# Verbs and glue around a purpose: "paid 30$ for the cleaning lady", "bought markers"; in romanised Khmer
# too, "tinh" (ទិញ), "jay" (ចាយ), "ban" (បាន), "oy" (ឲ្យ), "chenh" (ចេញ), and "out" as members write it:
# "jay 20k", "ban chay 30000 riel hoy", "out 18$" name no purpose.
FILLER = _words(
    """paid pay paying bought buy buying spent spend spending purchased purchase got get
    cost costs costing for on of the a an to at and & + with just already also total amount took
    expense expenses is was i we i've we've i'll we'll
    that's thats another gone pd blew blown ទូទាត់ អស់លុយ
    ទិញ បង់ ចំណាយ សម្រាប់ និង ហើយ ចាយ អស់ ចាយអស់ បង់អស់ ទិញអស់ ចំណាយអស់ ចេញលុយ លុយ ចាយលុយ
    បង់ហើយ បង់រួច បង់រួចហើយ ទិញហើយ ទិញរួច ទិញរួចហើយ បានបង់ បានទិញ រួចហើយ រួច ចេញ ពីប្រអប់ ពីលុយប្រអប់
    tinh tenh jay chay luy lui os ban baan out chenh chhenh oy aoy ouy transferred used
    ទើបតែ ទើប ទើបតែបង់ ទើបបង់ ទើបតែចាយ ទើបចាយ"""
)
# A verb of spending closing the words before an amount: who or when spent it came before it, and what it
# bought is unsaid ("Sophal ចាយ 8$", "Dara spent 8$", "ព្រឹកមិញ ចាយ ៥ម៉ឺន"). Not "paid": "jerseys paid 162$"
# names what was paid for; nor អស់ ('os'), which closes the thing bought as often ("tinh tek kork os 6000").
SPENDING_LAST = _words("spent spend ចាយ ចាយអស់ ចាយលុយ jay chay")
# When it was spent is no purpose: "spent 45k riel this morning", "ចាយ ២ម៉ឺន ព្រឹកមិញ" (not ថ្ងៃត្រង់, which
# names the lunch in បាយថ្ងៃត្រង់, nor a night alone, which a room is paid by).
TIMES_OF_DAY = (
    r"(?:this|last|yesterday|tomorrow|early|late|in\s+the)\s+(?:morning|afternoon|evening)",
    r"last\s+night|tonight|this\s+(?:am|pm)|at\s+noon|earlier(?:\s+today)?|just\s+now|a\s+while\s+ago",
    # "paid $18 just now": the "just" is gone as filler by then; "a minute ago", "right now".
    r"(?:right\s+)?now|(?:a\s+|[0-9]+\s*)?(?:few\s+)?(?:minute|minutes|min|mins|moment|second|sec|secs)\s+ago",
    r"[0-9០-៩]{1,2}(?:[:.][0-9០-៩]{2})?\s*(?:am|pm|h)",
    r"(?:ពេល\s*)?(?:ព្រឹក|ល្ងាច|យប់|រសៀល)\s*(?:មិញ|នេះ|ម្សិលមិញ)?|អម្បាញ់មិញ|មិញ",
    r"(?:prek|pruk|preuk|prik|lngeach|langeach|yub|yup)\s+(?:minh|mign|menh|nis|nih|ne)",
)
# Filler that may also close a purpose ("coffee 3$ thanks", "taxi 2$ pls"), "already" in romanised Khmer.
TRAILING_FILLER = _words(
    """thanks thank you thx tks ty pls plz please ok okay and & + for on the a an also too
    na la ya bong boss sir madam bro sis guys everyone នឹង ណា ហើយ និង បាទ ចាស បង រួចហើយ
    paid pd បង់ហើយ បង់រួច បង់រួចហើយ ទិញហើយ ទិញរួច ទិញរួចហើយ បងណា ណាបង ហ្នឹង ពីប្រអប់
    ហើយបង ហើយណា ហើយណាបង រួចរាល់ hz hx heuy haey hoy hoey haeuy hery ruoch rouch"""
)

# A total line repeats the entries above it.
TOTAL_WORDS = _words("total sum subtotal សរុប =")

# The days of the week, which label a day of the month after them ("Mon 5"); romanised Khmer writes
# some of them for other words ("pong mon", eggs; "sat", an animal).
DAY_NAMES = _words(
    """mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday
    sun sunday"""
)
# A word right before a bare number that makes the number a label, a count or a time,
# never a price: "room 204", "page 3", "grade 6", "in 10", "is 12345678"; an address's parts too
# ("ផ្ទះលេខ ២៤ ផ្លូវ ១៣៦", "phum 3", "apt 12").
LABELS = (
    _words(
        """room rm page pg p lesson grade level lvl class chapter ch unit floor fl version ver v
    top number no num nr code pin password pass passcode otp id step week day days year years
    term semester part session table gate seat rank score line ext extension phone tel mobile
    call contact whatsapp telegram gr building block house street st road
    at in on by until till from to of about around after before within every per x than over
    under since between for is was are were be me us him her them it give wait need only
    more next last first second third the a an approx approximately maybe
    jan january feb february mar march apr april may jun june jul july aug august sep sept
    september oct october nov november dec december
    apt apartment flat villa lot bed route km kilometre kilometer zone sector phum plov phlov pteah
    ptes phteah
    ម៉ោង លេខ បន្ទប់ ថ្នាក់ ទំព័រ ទី ថ្ងៃទី ឆ្នាំ ខែ កម្រិត មេរៀន ជាន់ ផ្លូវ ផ្ទះ ភូមិ គ្រែ"""
    )
    | DAY_NAMES
)
# Khmer labels are often written glued to the number that follows: ម៉ោង៣, ថ្ងៃទី១២.
KHMER_LABEL_ENDINGS = (
    "ម៉ោង",
    "លេខ",
    "បន្ទប់",
    "ថ្នាក់",
    "ទំព័រ",
    "ទី",
    "ឆ្នាំ",
    "ខែ",
    "កម្រិត",
    "មេរៀន",
    "ជាន់",
)

# Words that join a number to what follows without counting anything: "15 for the driver".
CONNECTIVES = _words("and or for to from with of by plus & + - និង ឬ សម្រាប់ ពី ទៅ")

# Words of a sentence rather than a ledger note: a bare number in such a line is not a price.
SENTENCE_WORDS = _words(
    """i i'm im i'll i've we we're we'll we've you you're you'll he she they it it's its is
    are was were will would be been being am do does did don't doesn't didn't can can't could
    should have has had let's lets me my our your their there here what when where who whom
    why how which not no yes please pls see meet meeting wait come go going left students
    people teachers minutes minute hours hour days weeks months mins hrs times happy birthday
    congratulations congrats welcome
    ខ្ញុំ យើង គាត់ គេ នាក់ ម៉ោង នាទី ជួប មក ទៅ"""
)
# Question words: a question that mentions an amount is asking, not reporting.
QUESTION_WORDS = _words(
    """how who what when where why which did does do is are was were can could should anyone
    anybody any much many ប៉ុន្មាន ណា អ្វី"""
)
# Money that came in or is still there is not an expense: "received 100$", "balance 50$". A deposit
# is money in unless the team paid it (not_spending).
NOT_SPENT_WORDS = _words(
    """received receive receiving reimbursed topup top-up
    income balance left remaining remain owe owes owed lent lend borrowed borrow loan
    repaid repay repays repaying sold sell sells selling earned earn collected collect
    ទទួល សល់ ខ្ចី លក់"""
)
# Money coming back or taken out of the box: never spending, never a top-up of the other sign.
MONEY_BACK_WORDS = _words(
    """refund refunds refunded refunding returned cancel cancelled canceled cancellation void
    withdraw withdrew withdrawn withdrawal withdrawing"""
)
# "took 20$ out of the box", "got 5$ back", "money back": taking, or money, with "out" or "back".
TAKING_WORDS = _words("took take taken taking got get gave give given money cash")
OUT_OR_BACK_WORDS = _words("out back")
# Khmer is written without spaces between words: these are looked for inside the text.
MONEY_BACK_KHMER = ("ដកប្រាក់", "ដកលុយ", "ប្រាក់វិញ", "លុយវិញ", "សងវិញ", "បង្វិលសង", "លុបចោល")
# Words that make a sentence about money something other than a report of money spent:
# a plan, a doubt, a negation ("I will pay 20$ tomorrow", "didn't buy it", "5$ doesnt even buy a coffee": as
# typed on a phone, without the apostrophe).
HEDGE_WORDS = _words(
    """will would should could might if but not didn't don't doesn't won't wasn't isn't
    didnt dont doesnt wont wasnt isnt can't cant cannot aint ain't
    going want wants wanted plan planning need needs tomorrow later
    price prices costs usually normally cheaper expensive increased decreased"""
)
# A top-up of a phone, a SIM or data is spending; a top-up alone is the box's ("topup 100$").
TOP_UP_WORDS = _words("topup top-up")
PHONE_WORDS = _words(
    """phone phones mobile sim card credit data internet wifi line smart metfone cellcard seatel
    ទូរស័ព្ទ កាត"""
)
# Words after an amount that make it a unit price, not what was paid: "1$ each", "@ 1.5$".
UNIT_PRICE_WORDS = _words("each ea apiece per-piece /each /pc /pcs x ×")
# What a price is counted in: "4650 riel a litre", "6.5$ a bag", "៦.៥$ មួយបាវ" (after the amount; before
# it, "1 bag 6.5$" is the quantity bought).
MEASURE_WORDS = _words(
    """litre liter ltr l kg kilo kilos kilogram bag sack box case pack packet piece pc pcs bottle can tin
    meter metre m m2 m3 sqm ton tonne dozen bunch cup glass plate bowl roll sheet page set pair unit
    head person pax ream load rod bar stick bao karung kes
    លីត្រ គីឡូ គីឡូក្រាម បាវ ប្រអប់ កេស កញ្ចប់ ដុំ ដប កំប៉ុង ម៉ែត្រ តោន ចង ក្បាល គ្រាប់ ផ្លែ កែវ ចាន សន្លឹក ឈុត
    គូ នាក់ ម្នាក់ ដើម បន្ទះ ការុង"""
)
# "per month", "/month": a period, which makes a price no less the amount paid.
PERIOD_WORDS = _words("month mo year yr week wk day night hour hr ខែ ឆ្នាំ សប្តាហ៍ ថ្ងៃ")
# Words before an amount that say the member does not know it exactly: "around 10$".
APPROXIMATE_WORDS = _words("about around approx approximately roughly almost nearly estimated ~ ប្រហែល")

# A message opening with one of these and a person asks or proposes: "can you buy ice for 2$".
REQUEST_OPENERS = _words("can shall")  # would, will, could, should: HEDGE_WORDS already
REQUEST_PERSONS = _words("you u we i someone somebody anyone anybody he she they")
# Phrases of money earned, or of a price of another time, rather than spent: "got paid 100$".
NOT_SPENT_PHRASES = ("got paid", "get paid", "last year", "went up", "went down", "used to")

# Words that join two amounts as alternatives: "3$ or 4$".
ALTERNATIVE_WORDS = _words("or ឬ either maybe")
