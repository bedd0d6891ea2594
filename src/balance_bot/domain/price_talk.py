"""Talk of prices rather than money paid: what a thing costs now, elsewhere, by the unit or should cost;
a price raised; the dollar's rate. Regex branches for not_spending, in English and Khmer, for lower-case
text."""

from __future__ import annotations

import re

from balance_bot.domain.text import either
from balance_bot.domain.vocabulary import MEASURE_WORDS

# Talk of prices: what a thing costs now, elsewhere, or should cost; an exchange rate.
PRICE_TALK = (
    r"\b(?:price|prices|priced|went up|gone up|going up|increased|too expensive|so expensive|"
    r"cheaper|pricier|exchange rate|at the exchange|normal price|is it normal|how much is|"
    r"only [$0-9][^ ]* there)\b",
    r"\b1\s*(?:usd|dollar)\s*=\s*[0-9]",
    r"(?<![0-9.,])1\s*\$\s*=\s*[0-9០-៩]",
    r"\bhow much (?:is|are|does|do|for)\b",
    r"ថ្លៃប៉ុន្មាន|តម្លៃប៉ុន្មាន|ប៉ុន្មានដែរ",
    r"\blast time\b",
    r"\bnow (?:it'?s|they)\b",
    r"\bsells? (?:it|them) for\b",
    r"\bis \$?[0-9][^ ]*(?: usd| riel|\$)? there\b",
    r"\bat [a-z]+(?: [a-z]+)? (?:it'?s|they'?re|is|are)\b",
    r"លើកមុន|ឥឡូវគេ|គេយក|សព្វថ្ងៃ|មែនអត់|មែនទេ|ឡើងឈ្នួល",
    r"ហាង\S{0,12}\s*ដាក់",
    r"ឲ្យតែ|តថ្លៃ|ក្នុងមួយដង|កំណត់|ឡើងថ្លៃ|ថ្លៃពេក|ថោកជាង|ថ្លៃជាង|ថ្លៃម្លេះ|តម្លៃ|ធម្មតាទេ|ម៉េចដែរ",
    r"អត្រា|ប្តូរប្រាក់|ប្ដូរប្រាក់",
    # A price then and now, or at another shop: "now 10$, before only 7$", "the other shop 38$".
    r"\b(?:used to (?:be|cost)|was only|before it was|another shop|other shop|other store|other one)\b",
    r"ឥឡូវ[^\n]{0,40}ពីមុន|ពីមុន[^\n]{0,40}ឥឡូវ|ពីមុនត្រឹមតែ|ពីមុនតែ",
    r"ហាងមួយទៀត|ហាងផ្សេង|ហាងម្ខាងទៀត|កន្លែងផ្សេង",
    # A price raised or lowered, whoever did it: "the landlord bumped the rent 30$", "fares up to 2$".
    r"\b(?:bumped|raised|raises|hiked|hikes|jacked|put)\s+(?:up\s+)?(?:the\s+|my\s+|our\s+|his\s+|her\s+|"
    r"their\s+|its\s+)?(?:price|rent|fee|rate|fare|cost|tuition|charge)s?\b",
    r"\b(?:price|rent|fee|rate|fare|cost|tuition)s?\s+(?:is\s+|are\s+|has\s+|have\s+)?(?:up|down|rose|"
    r"risen|rising|dropped|fell|hike)\b",
    r"ថ្លៃឡើង|ឡើងដល់|ចុះថ្លៃ|ថ្លៃចុះ",
    # Up or down from another time: "ឡើងពីខែមុន", "ចុះពីម្សិលមិញ", "up from last week".
    r"(?:ឡើង|ចុះ)\s*ពី\s*(?:ខែ|អាទិត្យ|សប្តាហ៍|ឆ្នាំ|ម្សិល|មុន|លើក)",
    r"\b(?:up|down)\s+from\s+(?:last|yesterday|before|the\s+last)\b",
    # The dollar's rate: "4,080 riel/$", "today's rate", "rate now 4100".
    r"\b(?:riels?|khr)\s*(?:/|per|a|for\s+(?:a|one|1|each))\s*(?:\$|usd|dollars?|ដុល្លារ)",
    r"(?:៛|រៀល)\s*(?:/|per|a|for\s+(?:a|one|1|each))\s*(?:\$|usd|dollars?|ដុល្លារ)",
    r"\b(?:today'?s|the|bank|nbc|exchange|dollar|usd)\s+rate\b|\brate\s+(?:today|now|is|at)\b",
)
# A price per measure said of now or of a place: "fuel 4,650 riel a litre today", "cement 7$ per bag at
# Heng Ly", "ស៊ីម៉ង់ត៍ ឥឡូវ ៦.៥$ មួយបាវ". A purchase gives what was paid, not the price of one.
_PER_MEASURE = re.compile(
    r"(?:[$៛0-9០-៩]|usd|riels?|ដុល្លារ|រៀល)\s*(?:(?:/\s*|\bper\s+|\ban?\s+|មួយ\s*|ក្នុងមួយ\s*)"
    rf"(?:{either(MEASURE_WORDS)})(?![a-z])|(?:each|apiece|ea)\b)"
)
# The price of one unit, a measure named before it: "ស្រូវ ១តោន ថ្លៃ ១១០ម៉ឺន", "one sack costs 80,000", or
# said of a place or of now as _PER_MEASURE is ("១គីឡូ ២ម៉ឺន នៅហាង…"): a price, unless the message tells of
# buying or paying ("ទិញអង្ករ ១បាវ ថ្លៃ ៨ម៉ឺន" is a purchase).
_ONE_UNIT = rf"(?<![0-9០-៩.,])(?:1|១|មួយ|\bone|\ban?)\s*(?:{either(MEASURE_WORDS)})(?![a-z])\s*"
_ONE_UNIT_PRICED = re.compile(
    _ONE_UNIT + r"(?:ថ្លៃ|តម្លៃ|costs?\b|is\b|goes for\b|sells? (?:at|for)\b)\s*[$៛0-9០-៩]"
)
_ONE_UNIT_THEN_AMOUNT = re.compile(_ONE_UNIT + r"[$៛0-9០-៩]")
# A Khmer measure standing alone, with no count before it, is one of it: "ក្រណាត់ ម៉ែត្រ 2.5$ នៅផ្សារ" (a
# metre of the cloth), "សាច់ គីឡូ ១៨០០០៛ ថ្ងៃនេះ"; a count glued to it ("៦នាក់ ៩០០០០៛") is a quantity.
_KHMER_MEASURES = either(word for word in MEASURE_WORDS if not word.isascii())
_KHMER_UNIT_THEN_AMOUNT = re.compile(rf"(?<!\S)(?:{_KHMER_MEASURES})\s+(?:ថ្លៃ\s*|តម្លៃ\s*)?[$៛0-9០-៩]")
_KHMER = re.compile("[\u1780-\u17ff]")
_BUYING_OR_PAYING = re.compile(r"\b(?:bought|buy|paid|pay|spent|got|purchased)\b|ទិញ|បង់|ចាយ|ចំណាយ|ជួល")
_NOW_OR_THERE = re.compile(r"\b(?:now|nowadays|these days|currently|today|at|in)\b|ឥឡូវ|សព្វថ្ងៃ|ថ្ងៃនេះ|នៅ")
# Said of a unit, "today" dates a purchase as often as a price: "gloves 1 box $6 today".
_NOW_OR_A_PLACE = re.compile(r"\b(?:now|nowadays|these days|currently|at|in)\b|ឥឡូវ|សព្វថ្ងៃ|នៅ")


# A price called dear or cheap, with no word of buying or paying: "…១គីឡូ ឥឡូវ ៤ម៉ឺន ថ្លៃណាស់".
_CALLED_DEAR_OR_CHEAP = re.compile(r"(?:ថ្លៃ|ថោក)\s*(?:ណាស់|ខ្លាំង|មែនទែន|ហួសហេតុ|ម្ល៉េះ)")
# A price met with outrage or disbelief, with no word of buying or paying: "that shop is crazy", "what a
# rip-off", "20k for one coffee?", "២ម៉ឺនសម្រាប់កាហ្វេមួយកែវ? ហាងនោះឆ្កួតហើយ".
_PRICE_DISBELIEVED = re.compile(
    r"\b(?:rip[- ]?off|ripoff|daylight robbery|scam|outrageous)\b|ប្លន់|ហួសហេតុ|ថ្លៃអី|ថ្លៃម៉េះ"
    r"|\b(?:shop|store|seller|price|prices|guy|driver|they|that|this|he|she)\s*(?:is|are|was|were|'s|’s|'re)?\s*"
    r"(?:so\s+|too\s+|just\s+|literally\s+)?(?:crazy|insane|ridiculous|nuts|mad)\b"
    r"|(?:ហាង|គេ|តម្លៃ|ថ្លៃ)[^\n]{0,12}ឆ្កួត"
    r"|(?:[$៛0-9០-៩]|usd|riels?|k|ម៉ឺន|ពាន់|រៀល|ដុល្លារ)\s*for\s+(?:a|one|1|just\s+a|only\s+a)\s+[^\n?]{1,25}\?"
    r"|សម្រាប់[^\n?]{1,25}(?:មួយ|១)\s*\S{0,6}\s*\?"
)


def _priced_now(said: str) -> bool:
    return _PER_MEASURE.search(said) is not None and _NOW_OR_THERE.search(said) is not None


def _priced_by_the_unit(said: str) -> bool:
    priced = _ONE_UNIT_PRICED.search(said) is not None or (
        _NOW_OR_A_PLACE.search(said) is not None
        and (
            _ONE_UNIT_THEN_AMOUNT.search(said) is not None
            or (_KHMER.search(said) is not None and _KHMER_UNIT_THEN_AMOUNT.search(said) is not None)
        )
    )
    return priced and _BUYING_OR_PAYING.search(said) is None


def is_priced(said: str) -> bool:
    """Whether the (lower-case) message gives a price per measure of now or of a place, the price of one
    unit, or a price called dear or cheap or met with disbelief, with no word of buying: a price, not a
    purchase."""
    if (
        _CALLED_DEAR_OR_CHEAP.search(said) is not None or _PRICE_DISBELIEVED.search(said) is not None
    ) and _BUYING_OR_PAYING.search(said) is None:
        return True
    return _priced_now(said) or _priced_by_the_unit(said)
