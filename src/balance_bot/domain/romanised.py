"""Khmer typed in Latin letters, as members write it on a phone without a Khmer keyboard ("tlai 22$ te
bong", "som luy 10$"): the words of money, prices, asking, owing, paying back and money coming in, as
regex branches for not_spending, for lower-case text. Spelling varies from writer to writer: each word is
given in the spellings people use, always as a whole word, and grouped by what it means."""

from __future__ import annotations

import re

from balance_bot.domain.alternation import any_of


def _word(*spellings: str) -> str:
    """One word in its spellings, as a group that must stand alone (an English word may hold it)."""
    return rf"\b(?:{'|'.join(spellings)})\b"


MONEY = _word("luy", "lui", "loy", "louy", "luey", "luoy", "prak", "brak")  # លុយ, ប្រាក់
# ថ្លៃ, តម្លៃ
PRICE = _word("tlai", "thlai", "tlay", "thlay", "tlei", "thlei", "tomlai", "tamlai", "tomlay", "domlai")
_BUY_OR_SPEND = ("tinh", "tenh", "ting", "jay", "chay", "chai", "jai", "chaiy")  # ទិញ, ចាយ
_PAY = ("bong", "bang", "borng")  # បង់; "bong" is also the elder one (បង) addressed, so never alone
_SEND = ("pheu", "phnheu", "pher", "phger", "phnher", "ph'er", "ptea", "pdae", "ao", "aoy", "oy", "ouy")
_TRANSFER = ("pter", "ptae", "ptey", "pdae", "ptea", "phter", "phtae")  # ផ្ទេរ
_GOT = ("ban", "baan", "bann")  # បាន: got, or the past of the verb after it
_DONE = _word("hoy", "hz", "hx", "haey", "heuy", "hery", "haeuy", "ruoch", "rouch", "ruch")  # ហើយ, រួច
_BACK = _word("vinh", "vin", "vign", "veng")  # វិញ
_PAY_BACK = _word("sang", "song", "sorng")  # សង; "sang" is also fuel (សាំង): only beside money or វិញ
# ប្រអប់, កាបូប, ថត (the drawer), and the tin as members call it in English
_BOX = _word(
    *("prob", "brob", "pro'ob", "praob", "proab", "kabob", "kabop", "kaboub", "kabaob"),
    *("thot", "thort", "tin"),
)
# Said of a price: up, down, than, cheap, too (dear), how much, now, at a place.
THAN = ("jieng", "jeang", "chieng", "cheang", "jiang")  # ជាង: the questions' reader's too
_CHEAP = ("thok", "thoak", "tok")  # ថោក
_OF_A_PRICE = _word(
    *("laeng", "leng", "lerng", "laeung", "loeng", "lern"),  # ឡើង
    *("jos", "chos", "chhos", "joh", "choh"),  # ចុះ
    *THAN,
    *_CHEAP,
    *("pek", "peik"),  # ពេក
    *("ponman", "bonman", "ponmann", "bunman", "ponma"),  # ប៉ុន្មាន
    *("eylov", "eylouv", "ylov", "elov", "eyluv", "ilov", "eylow", "ey lov", "ei lov", "ey louv"),  # ឥឡូវ
    "nouv",  # នៅ; not "nov" (November), nor psar: "tlai psar 20$" is a note of the market's cost
)
_VERY = _word("nas", "nah", "nass", "klang", "khlang", "mentaen", "menten")  # ណាស់, ខ្លាំង, មែនទែន
# The words of a price talked about, either way round ("tlai 22$ jieng", "sang laeng tlai"), cheaper or
# dearer said alone ("hang nis thok jieng"), very dear ("tlai nas"); a purchase names its buying ("jay tlai
# tuk tuk 15000r"), which _spent_or_bought tells.
_PRICE_TALK = any_of(
    rf"{PRICE}[^\n]*{_OF_A_PRICE}",
    rf"{_OF_A_PRICE}[^\n]*{PRICE}",
    rf"{_word(*_CHEAP)}\s+(?:{_word(*THAN)}|{_VERY})",
    rf"{PRICE}\s+{_VERY}",
)
_SPENT_OR_BOUGHT = re.compile(_word(*_BUY_OR_SPEND))
# A price by the unit: "5100 riel muy litre", "1.2$ mouy kilo" (មួយ, one), said of now (ឥឡូវ, ថ្ងៃនេះ).
_ONE = _word("muy", "mouy", "muoy", "moy", "mui")
_MEASURE = _word(
    *("litre", "liter", "lit", "kilo", "kg", "bav", "bao", "bau", "dom", "keo", "kes", "dorb", "dob"),
    *("kanh?chob", "kbal", "neak", "nak", "pel", "dong", "metre", "meter", "met", "ton", "kaboung"),
)
_NOW = re.compile(  # ឥឡូវ, នេះ
    _word(
        "eylov",
        "eylouv",
        "ylov",
        "elov",
        "eyluv",
        "ilov",
        "eylow",
        "ey lov",
        "ei lov",
        "ey louv",
        "nis",
        "nih",
    )
)
# ...or each, closing its clause: "kon chrouk ey lov 50$ mouy, cham sen".
_PRICED_BY_THE_UNIT = re.compile(rf"[$0-9](?:\s*(?:riels?|r|usd))?\s+{_ONE}(?:\s+{_MEASURE}|\s*(?:[,.!;]|$))")

# Those who pay the team: a guest, a parent, a student, a buyer, a client; a body sending money.
_PAYING_PERSONS = (
    *("pnhiev", "phnhiev", "pnhieu", "phnhieu", "pnhiew", "pnhev", "phnhev", "phniev", "pnhiv"),  # ភ្ញៀវ
    *("mdai", "mday", "m'dai", "m'day", "madai", "ovpuk", "ov puk", "ovpok", "pukmdai"),  # ម្ដាយ, ឪពុក
    *("mae", "mea", "m'ae", "mak", "m'ak", "anapyabal", "anak pyabal", "neak pyabal"),  # ម៉ែ, ម៉ាក់, អាណាព្យាបាល
    *("seus", "sers", "ses"),  # សិស្ស
    *("neak tinh", "nek tinh", "anak tinh", "neak tenh"),  # អ្នកទិញ, the buyer
    *("client", "clients", "khliyen", "atithijun", "atetheyjun", "customer", "customers"),
    *("patient", "patients", "neak chomngu", "nak chomngu", "neak jomngu", "anak chomngu", "neak chamngu"),
)
_BODIES = ("kariyalai", "kariyalay", "angkar", "angka", "krosuong", "krosuang", "krumhun", "kromhun")
_PAYERS = _word(*_PAYING_PERSONS, *_BODIES)
# What a buyer pays with is sold: "lok chek 300 kg ban 240$", "luk trey dach os" (លក់បាន, លក់ដាច់); "lok" is
# also Mr (លោក: "lok kru", "lok Dara ban tinh…"), and "neak lok" the seller the team buys from, so the sale
# needs its getting (បាន) with no verb of buying, paying or giving after it, or its selling out (ដាច់).
_SELL = r"\b(?<!neak )(?<!nek )(?<!anak )(?:lok|luk|lork|louk|loak|lak)\b"
_NOT_MR = r"(?!\s+(?:kru|kru'|ta|srey|yay|yiey|chumteav|pu|oknha|krou|neak|nak)\b)"
# Buying, paying, giving, paying out (ចេញ), filling (ចាក់), taking (យក), hiring (ជួល), repairing (ជួសជុល).
_REPAIR = ("chuos", "jusjul", "jousjul", "chuosjul")
_DEEDS = "|".join((*_BUY_OR_SPEND, *_PAY, *_SEND, "chenh", "chak", "yok", "chuol", "juol", *_REPAIR))
_NOT_A_DEED = rf"(?!\s+(?:{_DEEDS})\b)"
# The buyer may be named, given to (ឲ្យ): "luk angkor 3 bav oy Ta Chan ban 240000r"; after what was sold,
# so "lok Dara oy luy…" (Mr Dara gave money) is no sale.
_TO_THE_BUYER = (
    rf"(?:\s+{_word('oy', 'ao', 'aoy', 'ouy', 'tov', 'tou')}(?:\s+(?!(?:{_DEEDS})\b|{MONEY})\S+){{1,3}}?)?"
)
SOLD = (
    rf"{_SELL}{_NOT_MR}(?:\s+(?!(?:{_DEEDS})\b)\S+){{1,5}}?{_TO_THE_BUYER}\s+(?:{_word(*_GOT)}{_NOT_A_DEED}|"
    rf"{_word('dach', 'ach')})"
    rf"|{_SELL}\s+{_word(*_GOT)}{_NOT_A_DEED}"
)
_BANKS = _word("aba", "wing", "acleda", "bakong", "khqr")
_HERE = _word("mok", "mao", "mork")  # មក, towards the team
_IN = _word("chol", "chaul", "choul", "jol", "chul")  # ចូល
# Money coming in: someone who pays the team paying or sending, money given back (sang luy, luy vinh),
# money got (ban luy; not from the box, which the team spends), received, coming in (luy chol), sent
# here (pheu luy mok), something sold, a loan.
MONEY_IN = (
    rf"{_PAYERS}[^\n]{{0,30}}?{_word(*_PAY, *_SEND, *_TRANSFER, 'paid', 'sent', 'transferred')}",
    rf"{_PAY_BACK}\s+(?:{MONEY}|{_BACK})",  # សង, paying back; "tinh sang" is fuel (សាំង)
    rf"{MONEY}\s+{_BACK}",
    rf"{_word(*_GOT)}\s+{MONEY}(?!\s+(?:pi|pi\s+knong|knong)\s+{_BOX})",
    # Money from a person who pays the team; money "from the office" may be the team's own, spent.
    rf"{MONEY}\s+pi\s+{_word(*_PAYING_PERSONS)}",
    rf"{_PAYERS}[^\n]{{0,20}}?{_word('kok', 'kork')}",  # a guest's deposit (កក់); "tek kok" is ice
    rf"{_word('kok', 'kork')}[^\n]{{0,20}}?\bpi\s+{_PAYERS}",  # a deposit from one: "kok 50$ pi customer"
    rf"{MONEY}\s+{_IN}",  # លុយចូល
    rf"{_BANKS}\s+{_IN}",
    # Money that came or arrived (លុយមកដល់, លុយមកហើយ).
    rf"{MONEY}\s+(?:ban\s+)?(?:{_HERE}\s+)?(?:{_word('dol', 'dal', 'doll')}|{_HERE}\s+{_DONE})",
    rf"{_word(*_SEND, *_TRANSFER)}\s+{MONEY}\s+{_HERE}",  # ផ្ញើលុយមក
    _word("tetuol", "totuol", "tetuel", "ttuol", "tt luy", "tatuol", "totuel", "tetoul", "totoul", "tutuol"),
    SOLD,
    # The boss or the owner giving or sending money (the box topped up), money put into the box.
    rf"{_word('boss', 'thaokae', 'taokae', 'thao kae', 'tao kae')}\s+(?:{_word(*_SEND, *_TRANSFER)}\s+)?"
    rf"{MONEY}",
    rf"{_word('dak', 'dac', 'dakh')}\s+(?:{MONEY}\s+)?[^\n]{{0,20}}?{_word('knong', 'khnong', 'chol')}\s+"
    rf"{_BOX}",
    _word("khchey", "kchey", "kh'chey", "kchei", "khchei", "k'chey", "khjey", "kjey", "khchai", "kchhey"),
)
# A debt, owed either way (ជំពាក់: "bong Vanna jompeak 15,000 riel", "yeung nov chumpeak hang"), or money
# short (ខ្វះ: "khvah luy 3$"): no money went.
OWED = (
    r"\b(?:j|ch)[ou]m[\s'-]?ph?(?:eak|eah|ek|iek|ak)\b",
    _word("bomnol", "bamnol", "bomnul", "bamnul", "bomnuol", "bamnuol"),  # បំណុល, a debt
    rf"{_word('khvah', 'kvah', 'khvas', 'kvas')}\s+(?:{MONEY}|[$0-9])",
)
# Money that is not the team's, or no money at all: for oneself (សម្រាប់ខ្លួនឯង, ញ៉ាំខ្លួនឯង), not the
# team's or the box's (មិនមែនលុយក្រុម), money changed (ដូរលុយ), no money (អត់មានលុយ).
NOT_THE_TEAMS = (
    rf"{_word('samrab', 'somrab', 'sam rab', 'som rab', 'oy', 'ao', 'nham', 'nyam', 'hob', 'phek', 'prer')}"
    r"\s+"
    rf"{_word('khluon eng', 'khluoneng', 'kluon eng', 'khlun eng', 'klun eng', 'khloun eng')}",
    rf"{_word('min', 'men', 'mun')}\s*{_word('men', 'mene', 'mein')}\s+(?:{MONEY}\s+)?"
    rf"{_word('krom', 'krum', 'kariyalai', 'angkar', 'prob', 'brob')}",
    rf"{_word('dor', 'dou', 'doh', 'dur', 'pdor', 'bdor')}\s+{MONEY}",
    rf"{_word('ot', 'ort', 'min')}\s+{_word('mean', 'mian', 'mien')}\s+{MONEY}",
    # Cash withdrawn (ដកលុយ), unless to buy with it: "dork luy 50$ pi aba", not "dork luy … tinh sang".
    rf"{_word('dork', 'dok', 'dorg')}\s+{MONEY}(?![^\n]*\b(?:{_DEEDS})\b)",
    # Money given to me, or give me money (ឲ្យលុយខ្ញុំ): a member's money, or a request.
    rf"{_word(*_SEND)}\s+(?:{MONEY}\s+)?{_word('khnhom', 'knhom', 'khnom', 'kjom', 'nhom', 'khjom')}",
)
# What is left in the box or the purse: "luy knong prob nov sal 85$", "sal luy 20$" (សល់, ប្រអប់, កាបូប,
# រាប់លុយ); "sal" stands only beside money, a box or នៅ ("still"), not alone.
_LEFT = _word("sal", "sall", "sol", "sul")
LEFT = (
    rf"{MONEY}[^\n]{{0,30}}?{_LEFT}",
    rf"{_LEFT}\s+{MONEY}",
    rf"{_BOX}[^\n]{{0,20}}?{_LEFT}",
    rf"{_word('nov', 'nouv', 'neuv', 'nau', 'nuv')}\s+{_LEFT}",
    rf"{_LEFT}\s+[$0-9][^\n]{{0,20}}{_BOX}",
    # The box's money told as it stands, opening the message: "luy knong prob nov 45$".
    rf"^\s*{MONEY}\s+(?:nov\s+)?{_word('knong', 'khnong', 'knung')}\s+{_BOX}(?![^\n]*\b(?:{_DEEDS})\b)",
    rf"{_word('roap', 'rob', 'reap', 'roab')}\s+{MONEY}",
    _word("roap", "roab"),  # counted (រាប់), whatever: "roap hoy, luy 55$"
    # The box counted or checked: "roap prob", "check luy prob"; not "chek" (a banana, ចេក).
    rf"{_word('roap', 'reap', 'roab', 'check', 'checked')}\s+(?:{MONEY}\s+)?(?:knong\s+)?{_BOX}",
    # It matches (ត្រូវគ្នា), or matches the book (ត្រូវនឹងសៀវភៅ): the box checked against the book.
    rf"\btrov\s+(?:{_word('knea', 'kna', 'khnea', 'knia')}|{_word('nung', 'neung', 'tam')}\s+"
    rf"{_word('sievphov', 'sievpho', 'siev phov', 'sievphor', 'book', 'banhji', 'banchi', 'bonchi')})",
)
# A payment not made yet: "ort torn bong", "min ton ban tinh" (មិនទាន់/អត់ទាន់), "ot ban bong" (អត់បានបង់),
# "ot tinh te"; not "ot bong", which is "no, bong".
_NOT = ("ort", "ot", "at", "min", "men")
NOT_PAID = (
    rf"{_word(*_NOT, 'mun')}\s+{_word('ton', 'torn', 'tan', 'toan', 'tom')}\s+"
    rf"(?:ban\s+)?{_word(*_PAY, *_BUY_OR_SPEND, *_SEND, *_TRANSFER, 'sang', 'song', 'lok', 'luk')}",
    # Not buying yet, not buying at all: "min tinh sen" (មិនទិញសិន), "min tinh te".
    rf"{_word(*_NOT)}\s+{_word(*_BUY_OR_SPEND)}\s+{_word('sen', 'sin', 'sinh', 'te', 'tee', 'dae')}",
    rf"{_word(*_NOT)}\s+{_word(*_GOT)}\s+{_word(*_PAY, *_BUY_OR_SPEND, *_SEND, *_TRANSFER)}",
    rf"{_word('ort', 'ot')}\s+{_word(*_BUY_OR_SPEND)}",
)
# A sentence denied, closing on its particle (មិន…ទេ, អត់…ទេ): "1000 riel men ban ey te" (it gets you
# nothing), "ot mean luy te": talk, not a report. Not a receipt missing ("ot mean vikayabat te"), nor a
# price called fair ("ot tlai te"), nor "no problem" ("ot ey te"), which may close a report.
_NOT_SAID_OF = _word(
    *("vikayabat", "vikaybat", "vekayabat", "receipt", "bill", "invoice", "photo", "rup"),
    *("tlai", "thlai", "tlay", "thok"),
)
_NO_PROBLEM = _word("ey", "ei", "avei", "panha")
NEGATED = (
    rf"{_word('min', 'men', 'mun', 'ot', 'ort', 'aot')}(?!\s+{_NO_PROBLEM}\s)"
    rf"(?:\s+(?!{_NOT_SAID_OF})\S+){{1,4}}?\s+{_word('te', 'tee', 'teh', 'dte')}(?!\s*\?)",
)
# Paid, said so: "ban bong" (បានបង់), "bong ruoch" (បង់រួច); "bong hoy" may be the elder addressed.
PAID = (rf"{_word(*_GOT)}\s+{_word(*_PAY)}(?![,.!?])", rf"{_word(*_PAY)}\s+{_word('ruoch', 'rouch', 'ruch')}")
# Still to pay: an invoice (វិក្កយបត្រ), must pay (ត្រូវបង់), waiting to pay (ចាំបង់), don't forget (កុំភ្លេច).
DUE = (
    r"\bv[ie]k+a?y?a?[\s-]?bat\b",
    rf"{_word('trov', 'trouv', 'trauv')}\s+(?:tae\s+)?{_word(*_PAY, *_TRANSFER, 'sang')}",
    # Not "cham bong, tinh…" ("wait, bong: bought…"): the elder addressed.
    rf"{_word('cham', 'jam', 'chaam')}\s+(?:{MONEY}|{_word(*_PAY)}(?=\s)(?!\s+(?:{_DEEDS})\b))",
    rf"{_word('kom', 'kum')}\s+{_word('plech', 'bhlech', 'plic', 'pleich', 'phlech', 'plech')}",
)
# Asking for money or to buy (សុំ, not សុំទោស "sorry"), needing (ត្រូវការ), wanting to (ចង់), tomorrow, a
# later day (ខែក្រោយ), the future (នឹង), asking for help to buy (ជួយទិញ), don't (កុំ) buy or pay.
_A_DEED = _word(*_PAY, *_BUY_OR_SPEND, *_SEND, *_TRANSFER, "yok", "tov", "dork", "dok")
REQUEST = (
    rf"\bsom\s+(?:{MONEY}|{_word(*_PAY, *_BUY_OR_SPEND, 'yok', 'dork', 'dok', 'ban')})",  # not Som, a name
    r"\btr(?:o|ov|ouv|uv)\s*kar?\b",
    rf"{_word('jong', 'chong', 'jorng', 'chorng')}\s+{_word(*_PAY, *_BUY_OR_SPEND, 'ban', 'yok')}",
    rf"{_word('trov', 'trouv', 'trauv')}\s+{_word(*_BUY_OR_SPEND, 'chuol', 'juol')}",  # ត្រូវទិញ, must buy
    _word("saek", "sa'ek", "s'aek", "sa-ek", "sa ek", "s'ek", "sa'aek", "saaek", "sa aek", "s-aek"),  # ស្អែក
    rf"{_word('khae', 'kae', 'arthit', 'atit', 'atet', 'sabdah', 'pel', 'tngai', 'thngai')}\s+"
    rf"{_word('kroy', 'kraoy', 'krao', 'moh', 'muk', 'mukh', 'mouk')}",  # ខែក្រោយ, ខែមុខ: next month
    rf"{_word('nung', 'nerng', 'nueng', 'neung')}\s+{_A_DEED}",  # not Neng, a name
    rf"{_word('kom', 'kum')}\s+{_A_DEED}",
    rf"{_word('cham', 'jam', 'chaam')}\s+{_word('sen', 'sin', 'sinh', 'mer', 'meul')}",  # ចាំសិន: wait first
)
# Talk of money rather than a report of it: a pay rate by the day, the hour or the head ("chhnuol 10$ muy
# tngai"), leave to spend with a cap (កុំលើស) or approved (យល់ព្រម), a payment planned at the month's end or
# start (ចុងខែ, ដើមខែ), a question closing on its particle (…ទេ? …អត់? …ឬនៅ?).
TALK = (
    rf"{_word('chhnuol', 'chnuol', 'chnoul', 'chhnoul', 'chhnual', 'prak khae', 'prakhae')}[^\n]*{_ONE}\s+"
    rf"{_word('tngai', 'thngai', 'maong', 'mong', 'meong', 'neak', 'nak', 'dong')}",
    rf"{_word('kom', 'kum', 'min', 'ot')}\s+(?:(?:oy|ao)\s+)?"
    rf"{_word('leus', 'lers', 'leurs', 'lerse', 'huos', 'hous')}",
    _word("yol prom", "yolprom", "yul prom", "yol prorm"),
    _word("atra", "atrak", "attra", "atraa"),  # អត្រា, the exchange rate
    rf"{_word('chong', 'chung', 'jong', 'deum', 'derm', 'doeum')}\s+{_word('khae', 'kae')}\s+"
    rf"(?:{_word('nung', 'nerng')}\s+)?{_A_DEED}",
    rf"{_word('te', 'ot', 'ort', 'nov', 'nouv')}\s*\?+\s*$",  # after "reu" (ឬ) or not
)
# Asking someone to help buy or pay (ជួយទិញ), or to buy, please (…ផង closing the message), unless it is
# told as done ("jouy tinh tek kork hoy"); "pong" is also an egg (ពង), never last.
_HELP_TO = re.compile(rf"{_word('jouy', 'chuoy', 'juoy', 'chuay', 'jhuoy', 'chuoi', 'juay')}\s+{_A_DEED}")
_PLEASE_LAST = re.compile(rf"{_word('phong', 'phorng', 'pong')}\s*(?:bong|na)?[\s!.]*$")
_DEED = re.compile(_A_DEED)
_DONE_OR_GOT = re.compile(rf"{_DONE}|{_word(*_GOT)}")
# Paying back a member who bought or paid first is spending: "sang luy bong Dara 6$ del kat chenh tinh
# tek kork" (សងលុយ … ដែលគាត់ចេញទិញ); "Dara sang luy vinh" (a subject first) is money coming back. Money or
# a person follows សង: "sang moto" is the moto's fuel.
REIMBURSING = re.compile(
    rf"\s*(?:{_word(*_GOT)}\s+)?{_PAY_BACK}\s+(?:{MONEY}|{_word(*_SEND, *_PAY, 'neak', 'pu', 'ming', 'lok')})"
    rf"[^\n]{{0,40}}?"
    rf"(?:{_word('chenh', 'chhenh', 'chenj')}|{_word(*_BUY_OR_SPEND)}|{_word(*_PAY)}\s+"
    rf"{_word('mun', 'chomnuos', 'chomnous', 'jomnuos')})",
    re.IGNORECASE,
)
PAYING_BACK = rf"(?i:{_PAY_BACK}(?:\s+{MONEY})?)"


def talks_of_a_price(said: str) -> bool:
    """Whether the (lower-case) message talks of a price in romanised Khmer, buying nothing."""
    if _PRICE_TALK.search(said) is None and (
        _PRICED_BY_THE_UNIT.search(said) is None or _NOW.search(said) is None
    ):
        return False
    return _SPENT_OR_BOUGHT.search(said) is None


def asks_for_help_to_pay(said: str) -> bool:
    """Whether the (lower-case) message asks someone to help buy or pay ("bong jouy tinh …", "… phong")."""
    asks = _HELP_TO.search(said) is not None or (
        _PLEASE_LAST.search(said) is not None and _DEED.search(said) is not None
    )
    return asks and _DONE_OR_GOT.search(said) is None


# Someone paying back (សង), told by who paid first: "Sophal sang 10$ hoy nhe", "kat sang 10$ hoy", "bong
# Srey sang 15000 riel hoy". "sang" is also fuel (សាំង), which a note says with its filling or its vehicle
# ("chak sang 4$", "sang moto 5$", "Dara chak sang 5$"): a name, then sang, then the amount, is money paid
# back when told as done or given back (ហើយ, វិញ, មក, to me), and unsure otherwise. Read on the text as
# typed: a capital letter tells a name.
_ELDER_OR_TITLE = r"(?i:bong|b'|pu|ming|lok|neak|nak|oun|p'oun|ta|yay|mr|ms|mrs)"
# Not a verb opening the note: "Ban sang 5$ hoy" (got fuel), "Jay sang 5$".
_NOT_A_VERB = r"(?!(?i:ban|baan|jay|chay|os|yok|tov|tou|dak|pheu|ao|oy|chenh)\b)"
_PRONOUN = r"(?i:kat|keat|ke|gae|pouk\s+ke|neak|nak)"  # គាត់, គេ, អ្នក: he, she, they, someone
_WHO = rf"(?:(?<![^\s,:;(]){_NOT_A_VERB}(?:{_ELDER_OR_TITLE}\s+\S+|[A-Z][a-z]+|{_PRONOUN}))"
_SANG_AFTER_SOMEONE = re.compile(rf"{_WHO}\s+(?i:sang|song|sorng)\s+[$៛]?[0-9]")
_FILLING_OR_VEHICLE = re.compile(
    _word(
        *("chak", "jak", "chaak", "bompenh", "bampenh", "tinh", "tenh", "ting", "litre", "liter", "lit", "l"),
        *("moto", "motor", "lan", "laan", "ka", "kar", "car", "truck", "tuk", "tuktuk", "remork", "kuyun"),
        *("yun", "machine", "masin", "mashin", "generator", "boat", "touk", "diesel", "petrol", "fuel"),
    ),
    re.IGNORECASE,
)
_REPAID_TOLD = re.compile(
    rf"{_DONE}|{_BACK}|{_HERE}|{_word('khnhom', 'knhom', 'khnom', 'kjom', 'nhom', 'khjom', 'me')}|{_BOX}",
    re.IGNORECASE,
)


def paid_back_by_someone(text: str) -> bool | None:
    """Whether someone's "sang" and an amount tell of a debt paid back: True when told as done or given
    back ("Sophal sang 10$ hoy"), None when it may as well be fuel ("Sophal sang 10$"), False when the
    message has no such "sang" or names a filling or a vehicle."""
    lowered = text.lower()
    if "sang" not in lowered and "song" not in lowered and "sorng" not in lowered:
        return False  # most messages: no pattern needs trying
    found = _SANG_AFTER_SOMEONE.search(text)
    if found is None or _FILLING_OR_VEHICLE.search(text) is not None:
        return False
    return True if _REPAID_TOLD.search(text, found.end()) else None
