"""Spending told without its amount: "paid the mechanic, same as last time", "bought fuel, forgot how
much, will check the bill", "paid him, amount is on the photo", "filled the tank". The bot asks how much,
rather than stay silent or save a guess."""

from __future__ import annotations

import re

from balance_bot.domain.bare_amounts import is_a_measure
from balance_bot.domain.not_spending import tells_of_money_not_spent
from balance_bot.domain.text import bare_word
from balance_bot.domain.unsure_amounts import forgets_how_much, without_doubts_of_the_amount
from balance_bot.domain.vocabulary import QUESTION_WORDS, SENTENCE_WORDS

# "doch" (ដូច, like) as members romanise it: doch, dorch, dauch, douch, doj.
_LIKE = r"(?:doch|dorch|dauch|douch|dooch|doj)"
# An amount named only as the one paid before: "same as last time", "as usual", "the usual price",
# ដូចលើកមុន, ថ្លៃដដែល, romanised "doch mun".
_SAME_AS_BEFORE = re.compile(
    r"\b(?:(?:the\s+)?same(?:\s+(?:price|amount|money))?|like)\s+(?:as\s+)?(?:last\s+(?:time|week|month|one)|"
    r"usual|always|before|yesterday|(?:the\s+)?(?:last|previous|other)\s+(?:time|one|day)|every\s+(?:time|month))\b"
    r"|\bas\s+(?:usual|always|before)\b|\b(?:the\s+)?(?:usual|same)\s+(?:price|amount)\b"
    r"|ដូច\s*(?:លើក|ដង|ខែ|អាទិត្យ|សប្តាហ៍)?\s*(?:មុន|មិញ)|ដូច\s*(?:ពីមុន|ម្សិលមិញ|សព្វដង|សព្វមួយដង|ធម្មតា|ចាស់|រាល់ដង)"
    r"|(?:ថ្លៃ|តម្លៃ|លុយ)\s*ដដែល"
    rf"|\b{_LIKE}(?:\s+pel)?\s+(?:mun|moun|muon|msel\s*minh|tomada|dadael|real\s+dong)\b"
    rf"|\b(?:tlai|thlai|tley|thley)\s+(?:dadael|{_LIKE}\s+(?:mun|moun|muon))\b"
    # Or shown elsewhere: "amount is on the photo", "price in the receipt", "see pic", មើលក្នុងរូប.
    r"|\b(?:the\s+)?(?:amount|price|total|cost|how\s+much)\s+(?:is\s+|are\s+|'s\s+)?(?:on|in)\s+(?:the\s+)?"
    r"(?:photo|pic|picture|image|receipt|bill|slip|invoice|screenshot)s?\b"
    r"|\bsee\s+(?:the\s+)?(?:photo|pic|picture|image|screenshot)s?\b"
    r"|(?:តម្លៃ|ចំនួន|លុយ|ប្រាក់)\s*(?:នៅ\s*)?(?:ក្នុង|លើ)\s*(?:រូប|វិក្កយបត្រ|បង្កាន់ដៃ)|មើល\s*(?:ក្នុង|លើ)?\s*រូប",
    re.IGNORECASE,
)
# A deed of paying or buying, in English, Khmer and romanised Khmer.
_SPENT = re.compile(
    r"\b(?:paid|bought|spent|purchased|settled|filled\s+up|topped\s+up|gave)\b|ទិញ|បង់|ចាយ|ចំណាយ|ចាក់សាំង|ជួសជុល"
    r"|\b(?:tinh|tenh|ting|jay|chay|ban\s+bong|bong\s+(?:hoy|heuy|ruoch|rouch)|chak\s+sang)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"[0-9០-៩]")
# A count and what it counts, which is no amount: "2 bao", "៣ការុង", "2 sacks".
_COUNT = re.compile(r"[0-9០-៩]+\s*([^\s0-9០-៩]+)")
# A purchase told done and nothing more, with no amount: "ចាក់សាំងពេញធុងហើយ" (filled the tank), "ទិញស្ករ
# ហើយ", "filled up the tank", "chak sang pen tong hoy"; not "ទិញហើយ" (done) alone, an answer with no thing.
_DONE_WITHOUT_AMOUNT = re.compile(
    r"^\s*(?:បាន\s*)?(?:ចាក់សាំង|(?:ទិញ|បង់ថ្លៃ|ជួសជុល)(?!\s*(?:រួច|ហើយ|បាន|អស់)))[^\n?]{0,40}?"
    r"(?:ហើយ|រួច(?:ហើយ|រាល់)?)\s*(?:(?:បង|ណា|ណាបង)\s*)?(?:[.!។៕]+\s*)?$"
    r"|^\s*(?:(?:i|we|just|already)\s+)*(?:filled|topped)\s+(?:up\s+)?(?:the\s+)?(?:tank|car|moto|motorbike|"
    r"truck|van|generator|fuel)\b[^\n?]{0,30}$"
    r"|^\s*(?:ban\s+)?chak\s+(?:sang|sing)\b[^\n?]{0,30}\b(?:hoy|heuy|haey|ruoch|rouch)\s*(?:[.!]+\s*)?$",
    re.IGNORECASE,
)


# A note whose number was left off: "generator diesel $", "ទឹកកក ៛": one currency sign closing a note of a
# few words ("$$$" is a mood, "I love $ haha" a joke).
_SIGN_WITHOUT_NUMBER = re.compile(r"(?<![$៛])[$៛][\s.!,:;]*$")
_WORD = re.compile(r"[^\W\d_]{2,}")
_MOST_WORDS_OF_A_NOTE = 8
_NOT_A_THING = frozenset(("lol", "haha", "hehe", "omg", "sorry", "ok", "okay", "oops", "ugh", "bong", "boss"))


def tells_of_spending_without_its_amount(text: str) -> bool:
    """Whether the (normalized) message, in which no amount was found, tells of money paid or a thing
    bought and says the amount only as the one paid before, or as forgotten or still to be checked, or
    leaves it off after its currency sign. A question, a plan, money coming in and the like are still no
    spending."""
    if "?" in text:
        return False
    if _names_a_thing_with_a_bare_sign(text):
        return not tells_of_money_not_spent(text)
    if _DONE_WITHOUT_AMOUNT.search(text) and not _DIGIT.search(text):
        return not tells_of_money_not_spent(text)
    said = _SAME_AS_BEFORE.sub(" ", without_doubts_of_the_amount(text))
    if said == text or _DIGIT.search(_without_counts(said)):
        return False
    if not _SPENT.search(said) and not (forgets_how_much(text) and _opens_on_a_thing(said)):
        return False  # "ink cartridge, forgot how much": a thing and an amount forgotten, bought too
    return not tells_of_money_not_spent(said)


def _without_counts(text: str) -> str:
    """The text without its counts of things: "tinh ongkor 2 bao" counts the sacks, names no amount."""
    return _COUNT.sub(lambda count: " " if _is_a_measure(bare_word(count[1])) else count[0], text)


def _is_a_measure(word: str) -> bool:
    return is_a_measure(word) or is_a_measure(word.removesuffix("s"))


def _names_a_thing_with_a_bare_sign(text: str) -> bool:
    """'generator diesel $': a short note with one currency sign, no number at all, and words before it."""
    if _DIGIT.search(text) or "$$" in text or _SIGN_WITHOUT_NUMBER.search(text) is None:
        return False
    return len(text.split()) <= _MOST_WORDS_OF_A_NOTE and _WORD.search(text) is not None


def _opens_on_a_thing(said: str) -> bool:
    """'ink cartridge …', 'ស្ករ ១គីឡូ …': a note opening on what was bought, not 'i …', 'lol …', 'how …'."""
    words = said.split(maxsplit=1)
    first = bare_word(words[0]) if words else ""
    return (
        _WORD.match(first) is not None
        and first not in SENTENCE_WORDS
        and first not in QUESTION_WORDS
        and first not in _NOT_A_THING
    )
