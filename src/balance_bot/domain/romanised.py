"""Khmer typed in Latin letters, as members write it on a phone without a Khmer keyboard ("tlai 22$ te
bong", "som luy 10$"): the words of money, prices, asking, paying back and money coming in, as regex
branches for not_spending, for lower-case text. Spelling varies from writer to writer: each word is
given in the spellings people use, always as a whole word."""

from __future__ import annotations

import re


def _word(*spellings: str) -> str:
    """One word in its spellings, as a group that must stand alone (an English word may hold it)."""
    return rf"\b(?:{'|'.join(spellings)})\b"


MONEY = _word("luy", "lui", "loy", "louy", "luey", "prak", "brak")  # លុយ, ប្រាក់
PRICE = _word("tlai", "thlai", "tlay", "thlay", "tlei", "thlei", "tomlai", "tamlai", "tomlay")  # ថ្លៃ, តម្លៃ
_BUY_OR_SPEND = ("tinh", "tenh", "ting", "jay", "chay", "chai", "jai")  # ទិញ, ចាយ
_PAY = ("bong", "bang", "borng")  # បង់; "bong" is also the elder one (បង) addressed, so never alone
_SEND = ("pheu", "phnheu", "pher", "phger", "phnher", "ph'er", "ptea", "pdae", "ao", "aoy", "oy", "ouy")
# Said of a price: up, down, than, cheap, too (dear), how much, now, at a place.
_OF_A_PRICE = _word(
    *("laeng", "leng", "lerng", "laeung", "loeng", "lern"),  # ឡើង
    *("jos", "chos", "chhos", "joh", "choh"),  # ចុះ
    *("jieng", "jeang", "chieng", "cheang", "jiang"),  # ជាង
    *("thok", "thoak", "tok"),  # ថោក
    *("pek", "peik"),  # ពេក
    *("ponman", "bonman", "ponmann", "bunman", "ponma"),  # ប៉ុន្មាន
    *("eylov", "eylouv", "ylov", "elov", "eyluv", "ilov", "eylow"),  # ឥឡូវ
    "nouv",  # នៅ; not "nov" (November), nor psar: "tlai psar 20$" is a note of the market's cost
)
# The words of a price talked about, either way round ("tlai 22$ jieng", "sang laeng tlai"); a purchase
# names its buying ("jay tlai tuk tuk 15000r"), which _spent_or_bought tells.
_PRICE_TALK = re.compile(rf"{PRICE}[^\n]*{_OF_A_PRICE}|{_OF_A_PRICE}[^\n]*{PRICE}")
_SPENT_OR_BOUGHT = re.compile(_word(*_BUY_OR_SPEND))

# Those who pay the team: a guest, a parent, a student.
_PAYERS = _word(
    *("pnhiev", "phnhiev", "pnhieu", "phnhieu", "pnhiew", "pnhev", "phnhev", "phniev", "pnhiv"),  # ភ្ញៀវ
    *("mdai", "mday", "m'dai", "m'day", "madai", "ovpuk", "ov puk", "ovpok", "pukmdai"),  # ម្ដាយ, ឪពុក
    *("seus", "sers", "ses"),  # សិស្ស
)
# Money coming in: someone who pays the team paying or sending, money given back (sang luy, luy vinh),
# money received, something sold, a loan.
MONEY_IN = (
    rf"{_PAYERS}[^\n]{{0,30}}?{_word(*_PAY, *_SEND, 'paid', 'sent', 'transferred')}",
    rf"\bsang\s+(?:{MONEY}|{_word('vinh', 'vin', 'vign')})",  # សង, paying back; "tinh sang" is fuel (សាំង)
    rf"{MONEY}\s+{_word('vinh', 'vin', 'vign')}",
    _word("tetuol", "totuol", "tetuel", "ttuol", "tt luy"),  # ទទួល
    r"\bluk\s+(?:ban|bann|dach|ach)\b",  # លក់បាន, លក់ដាច់
    _word("khchey", "kchey", "kh'chey", "kchei", "khchei", "k'chey"),  # ខ្ចី
)
# A payment not made yet: "ort torn bong", "min ton ban tinh" (មិនទាន់/អត់ទាន់).
NOT_PAID = (
    rf"{_word('ort', 'ot', 'at', 'min', 'men')}\s+{_word('ton', 'torn', 'tan', 'toan', 'tom')}\s+"
    rf"(?:ban\s+)?{_word(*_PAY, *_BUY_OR_SPEND, *_SEND)}",
)
# Asking for money or to buy (សុំ, not សុំទោស "sorry"), needing (ត្រូវការ), wanting to (ចង់), tomorrow.
REQUEST = (
    rf"\bsom\s+(?:{MONEY}|{_word(*_PAY, *_BUY_OR_SPEND, 'yok', 'dork', 'dok', 'ban')})",  # not Som, a name
    r"\btr(?:o|ov|ouv|uv)\s*kar?\b",
    rf"{_word('jong', 'chong', 'jorng')}\s+{_word(*_PAY, *_BUY_OR_SPEND, 'ban', 'yok')}",
    _word("saek", "sa'ek", "s'aek", "sa-ek"),
)


def talks_of_a_price(said: str) -> bool:
    """Whether the (lower-case) message talks of a price in romanised Khmer, buying nothing."""
    return _PRICE_TALK.search(said) is not None and _SPENT_OR_BOUGHT.search(said) is None
