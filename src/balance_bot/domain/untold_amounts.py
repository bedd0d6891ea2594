"""Spending told without its amount: "paid the mechanic, same as last time", "bought fuel, forgot how
much, will check the bill". The bot asks how much, rather than stay silent or save a guess."""

from __future__ import annotations

import re

from balance_bot.domain.not_spending import tells_of_money_not_spent
from balance_bot.domain.unsure_amounts import without_doubts_of_the_amount

# An amount named only as the one paid before: "same as last time", "as usual", "the usual price",
# ដូចលើកមុន, ថ្លៃដដែល, romanised "doch mun".
_SAME_AS_BEFORE = re.compile(
    r"\b(?:(?:the\s+)?same(?:\s+(?:price|amount|money))?|like)\s+(?:as\s+)?(?:last\s+(?:time|week|month|one)|"
    r"usual|always|before|yesterday|(?:the\s+)?(?:last|previous|other)\s+(?:time|one|day)|every\s+(?:time|month))\b"
    r"|\bas\s+(?:usual|always|before)\b|\b(?:the\s+)?(?:usual|same)\s+(?:price|amount)\b"
    r"|ដូច\s*(?:លើក|ដង|ខែ|អាទិត្យ|សប្តាហ៍)?\s*(?:មុន|មិញ)|ដូច\s*(?:ពីមុន|ម្សិលមិញ|សព្វដង|សព្វមួយដង|ធម្មតា|ចាស់|រាល់ដង)"
    r"|(?:ថ្លៃ|តម្លៃ|លុយ)\s*ដដែល"
    r"|\b(?:doch|dauch|douch|doch\s+pel|dauch\s+pel)\s+(?:mun|moun|msel\s*minh|tomada|dadael|real\s+dong)\b"
    r"|\b(?:tlai|thlai)\s+(?:dadael|doch\s+mun)\b",
    re.IGNORECASE,
)
# A deed of paying or buying, in English, Khmer and romanised Khmer.
_SPENT = re.compile(
    r"\b(?:paid|bought|spent|purchased|settled|filled\s+up|topped\s+up|gave)\b|ទិញ|បង់|ចាយ|ចំណាយ|ចាក់សាំង|ជួសជុល"
    r"|\b(?:tinh|tenh|ting|jay|chay|ban\s+bong|bong\s+(?:hoy|heuy|ruoch|rouch)|chak\s+sang)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"[0-9០-៩]")


def tells_of_spending_without_its_amount(text: str) -> bool:
    """Whether the (normalized) message, in which no amount was found, tells of money paid or a thing
    bought and says the amount only as the one paid before, or as forgotten or still to be checked. A
    question, a plan, money coming in and the like are still no spending."""
    if "?" in text:
        return False
    said = _SAME_AS_BEFORE.sub(" ", without_doubts_of_the_amount(text))
    if said == text or not _SPENT.search(said) or _DIGIT.search(said):
        return False
    return not tells_of_money_not_spent(said)
