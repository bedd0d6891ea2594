"""What a row paid for, read as the category book reads it: a compound of things is its head's ('rice
noodle' is noodle, rice only tells it apart), and a service's row is the service's ('tuk tuk bring
rice' paid the tuk tuk; the rice is what it carried)."""

from __future__ import annotations

import re
from enum import Enum
from itertools import pairwise

from balance_bot.domain.categories import JOINING_WORD
from balance_bot.domain.category_roles import HOLDER_WORDS, KIND_WORDS, OCCASION_WORDS
from balance_bot.domain.item_words import (
    GENERAL_OF,
    khmer_words,
    says,
    terms,
    things_held,
    typed_in_khmer,
    unnamed_words,
)
from balance_bot.domain.other_language import may_be_romanised
from balance_bot.domain.text import is_khmer, is_latin_letter

# Who or where a thing was for, written beside it; never what was bought.
_WHO_OR_WHERE = frozenset((
    "#worker", "#guest", "#kid", "#teacher", "#cook", "#staff_meal", "#kitchen", "#office", "#market",
    "#airport", "#bus_station", "#police", "#room", "#toilet", "#meeting", "#party",
))  # fmt: skip
# What a machine uses up to run, beside it: its upkeep ('moto oil change'), no other thing it tells apart.
_UPKEEP = frozenset(("#engine_oil", "#chain_oil", "#brake_fluid", "#coolant", "#gear_oil"))
# Words of the subject that name nothing of their own.
_LOOSE = frozenset(("the", "a", "an", "of", "for", "and"))
# Things listed side by side ('tea & coffee'): neither tells the other apart.
_SEVERAL = re.compile(r",|;|&|\+|\band\b|និង")
# Verbs of carrying, between a carrier and what it carried.
_CARRYING = frozenset((
    "bring", "brings", "brought", "carry", "carries", "carried", "take", "takes", "took", "deliver",
    "delivers", "delivered", "transport", "transported", "#delivery", "យក", "នាំ", "bok", "yok",
))  # fmt: skip
# The services that carry things: what they carry is not what was paid for.
_CARRIERS = frozenset(("#delivery", "#tuk_tuk", "#taxi", "#motodop", "#truck", "#bus"))
# What a thing was bought for, after it: 'ice for the cooler', ទឹកកក ដាក់ធុង (ice to put in the box),
# ម្សៅធ្វើនំ (flour to make cakes), 'tek kork dak thung' as typed in Latin letters.
_PURPOSE = re.compile(
    r"\s(?:for|to|into)\s|សម្រាប់|សំរាប់|ដាក់|ធ្វើ|\b(?:samrab|somrab|samrap|sam rab|dak|tver|thver|twer)\b"
)
# After a carrier, where it went, no purpose.
_TOWARDS = frozenset(("to", "into"))
# What Khmer holds things in, named before what it holds (ប្រអប់ដាក់នំ, a box for cakes): a thing bought.
_KHMER_HOLDERS = frozenset(("ប្រអប់", "ធុង", "ថង់", "ដប", "កំប៉ុង", "កែវ", "ថាស", "បាវ", "ការ៉ុង", "កន្ត្រក"))
# Words before a purpose that name no thing bought, only the paying: 'paid for sand', ទិញដាក់ស្តុក.
_PAYING = frozenset((
    "pay", "paid", "payment", "money", "cost", "price", "deposit", "buy", "bought", "extra", "balance",
    "advance", "cash", "transfer", "transferred", "send", "sent", "ទិញ", "បង់", "ចាយ", "លុយ", "ប្រាក់", "កក់",
    "ចាក់", "ផ្ទេរ", "ផ្ញើ", "tinh", "bong",
))  # fmt: skip
_NAME = re.compile(r"(?<=\s)[A-Z][a-z]+")
# A word an English item names a tool or a machine with ('mixer', 'cutter', 'grinder', 'protector',
# 'connector'): the thing before it only tells the tool apart ('cement mixer rental' hired the mixer,
# 'screen protector' is no screen); words of things and people that end alike are none.
_TOOL = re.compile(r"[a-z]{3,}(?:er|or)")
_NO_TOOL = frozenset((
    "order", "other", "liter", "litre", "meter", "after", "under", "over", "number", "september",
    "october", "november", "december", "poster", "sticker", "paper", "water", "supplier", "seller",
    "dealer", "driver", "worker", "teacher", "customer", "owner", "partner", "member", "farmer",
    "door", "floor", "indoor", "outdoor", "color", "colour", "flavor", "flavour", "mirror", "labor",
    "doctor", "visitor", "vendor", "contractor", "tutor", "sponsor", "tailor", "instructor", "director",
    "supervisor", "inspector", "donor", "operator", "counselor", "professor", "mentor", "major", "minor",
))  # fmt: skip
# The meals of the day, which the food after them only says what they were.
_MEALS = frozenset(("#lunch", "#dinner", "#breakfast", "#staff_meal"))
# Work done to a thing ('print poster') is the thing's, whatever tool the thing's word looks like.
_WORKS = frozenset(("#printing", "#photocopy", "#laundry", "#cleaning", "#repair", "#delivery"))


class Role(Enum):
    """How a row says a thing asked about."""

    HEAD = "head"  # the thing paid for, or no other thing named beside it
    MODIFIER = "modifier"  # it tells another thing apart, or a service was done to it: maybe
    CARGO = "cargo"  # a carrier was paid, the thing was what it carried: not the thing


def role(item: str, subject: str) -> Role:
    """How the item says the subject's things, which it says: a service in the subject ('moto fuel',
    'tuk tuk') is asked for itself, so the rule is read only of a subject naming things alone."""
    wanted = {term for term in terms(subject, corrected=True) if term.startswith("#")}
    if any(_is_kind(term) or term in _UPKEEP for term in wanted):
        return Role.HEAD  # a service or a machine's upkeep is what was paid for ('oil change kor yun')
    if for_another_thing(item, subject):
        # 'ice for the vaccine box' bought the ice: unless a carrier carried the thing, it is what the
        # thing bought was for, which one reader counts and another does not
        return Role.CARGO if _carried_after_the_join(item, wanted) else Role.MODIFIER
    head_part = JOINING_WORD.split(item.casefold(), maxsplit=1)[0]
    if _romanised_after_its_head(head_part, subject) or (not wanted and _before_a_tool(item, subject)):
        return Role.MODIFIER
    if not wanted:
        return Role.HEAD
    held = things_held(terms(head_part, corrected=True), tuple(wanted))
    said = [at for at, term in enumerate(held) if _wanted(term, wanted)]
    if not said:
        # said after a joining word, or only in the other words' reading: 'truck to carry fertilizer'
        # paid the truck; 'oil for paper cutter': the paper tells apart the thing the oil was for
        if _carried_after_the_join(item, wanted):
            return Role.CARGO
        return Role.MODIFIER if _tells_apart_what_it_was_for(item, wanted) else Role.HEAD
    carried = [at for at, term in enumerate(held) if term in _CARRIERS and not _wanted(term, wanted)]
    if carried and carried[0] < said[0] and _carrying(held[carried[0] : said[0]]):
        return Role.CARGO  # the carrier first, what it carried after: 'tuk tuk bring rice', ដឹកក្រណាត់
    if carried:
        return Role.MODIFIER  # 'water delivery': the water bought and brought, or only its bringing
    # Things listed side by side ('tea & coffee') tell no other apart; within one of them, one
    # language's order tells the head ('sand paper + masking tape': the sand tells the paper apart).
    return (
        Role.MODIFIER if any(_tells_apart(part, wanted) for part in _SEVERAL.split(head_part)) else Role.HEAD
    )


def _romanised_after_its_head(head_part: str, subject: str) -> bool:
    """Whether Khmer typed in Latin letters says the thing asked (a letter off, as typed: 'bal' for
    ball) after a word of its own that no vocabulary reads ('snab bom bal', the ball's pump): Khmer
    names the thing first, what comes after only tells it apart."""
    for part in _SEVERAL.split(head_part):
        if not may_be_romanised(part):
            continue
        held = terms(part, corrected=True)
        for at, word in enumerate(held):
            # the thing in a spelling no vocabulary reads ('bal'): no English word of a known thing
            typed = not word.startswith("#") and says(word, subject)
            if at and typed and not held[at - 1].startswith("#") and held[at - 1] not in _PAYING:
                return bool(unnamed_words(held[at - 1]))
    return False


def _before_a_tool(item: str, subject: str) -> bool:
    """Whether, in English, a word of a thing the vocabulary does not know ('screen') comes right
    before a word naming a tool that the subject does not say ('screen protector'): the tool was bought."""
    plain = set(unnamed_words(subject))
    held = terms(JOINING_WORD.split(item.casefold(), maxsplit=1)[0], corrected=True)
    return any(
        term in plain and nxt not in plain and _TOOL.fullmatch(nxt) is not None and nxt not in _NO_TOOL
        for term, nxt in pairwise(held)
    ) and not typed_in_khmer(item)


def _tells_apart(part: str, wanted: set[str]) -> bool:
    """Whether, in one thing of a list written in one language, a thing asked about tells another
    thing beside it apart ('sand paper', 'rice cooker', មីអង្ករ)."""
    scripts = {is_khmer(char) for char in part if is_khmer(char) or is_latin_letter(char)}
    if len(scripts) != 1:
        return False
    held = things_held(terms(part, corrected=True), tuple(wanted))
    khmer = scripts.pop() or typed_in_khmer(part)  # 'tek khmao printer': printer ink
    return any(_modifies(held, at, khmer, wanted) for at, term in enumerate(held) if _wanted(term, wanted))


def for_another_thing(item: str, subject: str) -> bool:
    """Whether the item says the subject's things only after a purpose ('for', សម្រាប់, ដាក់, ធ្វើ) that
    follows another thing it names: what that thing was bought for, not what was bought ('ice for
    the vaccine cooler', ទឹកកក ដាក់ធុងវ៉ាក់សាំង, 'nails for the roof'). Who or where a thing was for
    is asked as such ('lunch for the workers'), as is an occasion ('ice for the concert'), and a
    service before it is the subject's own ('fuel for the generator', 'repair for the pump')."""
    wanted = [term for term in terms(subject, corrected=True) if term not in _LOOSE]
    if not wanted or all(term in _WHO_OR_WHERE or _occasion(term) for term in wanted):
        return False  # what is bought for a concert is the concert's spending
    text = item.casefold()
    purpose = _PURPOSE.search(text)
    if purpose is None:
        return False
    before = terms(text[: purpose.start()], corrected=True)
    after = terms(text[purpose.end() :], corrected=True)
    if purpose.group().strip() in _TOWARDS and _CARRIERS & set(before):
        return False  # 'bus to Kampot', 'tuk tuk to the market': where the ride went, asked as such
    if any(_loosely(term, before) for term in wanted) or not all(_loosely(term, after) for term in wanted):
        return False
    # read alone, an English word may read otherwise than in the whole item ('gas' of 'gas for
    # generator'); a Khmer one is read apart from the purpose written onto it (ស្បោង|ដាក់អង្ករ)
    whole = terms(text, corrected=True)
    # a name written with a capital after the first word is whom the money went to ('paid Dara for
    # sand'); Khmer words of paying run together are no thing either (ផ្ទេរលុយ)
    names = {name.casefold() for name in _NAME.findall(item)}
    own = {
        word
        for word in unnamed_words(text[: purpose.start()])
        if (is_khmer(word[0]) and not set(khmer_words(word, _PAYING)) <= _PAYING)
        or (word in whole and word not in names and f"{word}s" not in names)
    }
    return any(
        (term in own and term not in _PAYING)
        or (term in HOLDER_WORDS | _KHMER_HOLDERS and (term in whole or is_khmer(term[0])))
        or (
            term.startswith("#")
            and term not in _WHO_OR_WHERE
            and term not in _UPKEEP
            and GENERAL_OF.get(term) != "#spare_part"  # 'brake pads for the moto': the moto's own
            and (term in _CARRIERS or not _is_kind(term))
        )
        for term in before
    )


def _occasion(term: str) -> bool:
    return term.removeprefix("#").replace("_", " ") in OCCASION_WORDS


def _loosely(term: str, held: tuple[str, ...]) -> bool:
    return term in held or any(GENERAL_OF.get(other) == term for other in held)


def _khmer_word_first(held: list[str], at: int, wanted: set[str]) -> bool:
    """Whether a Khmer word no known word reads, naming no paying, comes right before the first thing
    asked about, which it names a thing of its own with (ម៉ាស៊ីនលាយ ស៊ីម៉ងត៍)."""
    other = held[at - 1]
    return (
        is_khmer(other[0])
        and other not in _PAYING
        and bool(unnamed_words(other))
        and held[at] not in _WORKS
        and not any(_wanted(term, wanted) for term in held[:at])
    )


def _carried_after_the_join(item: str, wanted: set[str]) -> bool:
    """Whether a carrier is named before the joining word and, after it, a verb of carrying before
    the thing asked about ('truck to carry fertilizer from Takeo')."""
    head, *rest = JOINING_WORD.split(item.casefold(), maxsplit=1)
    if not rest or not _CARRIERS & set(terms(head, corrected=True)):
        return False
    after = terms(rest[0], corrected=True)
    said = [at for at, term in enumerate(after) if _wanted(term, wanted)]
    return bool(said) and any(word in _CARRYING for word in after[: said[0]])


def _tells_apart_what_it_was_for(item: str, wanted: set[str]) -> bool:
    """Whether, after the joining word ('oil for paper cutter'), the thing asked about is written in
    English before a word of another thing, which it tells apart."""
    parts = JOINING_WORD.split(item.casefold(), maxsplit=1)
    if len(parts) < 2 or any(is_khmer(char) for char in parts[1]):
        return False
    held = terms(parts[1], corrected=True)
    return any(
        _wanted(term, wanted)
        and at + 1 < len(held)
        and not _wanted(held[at + 1], wanted)
        and held[at + 1] not in _WHO_OR_WHERE
        and (held[at + 1].startswith("#") or bool(unnamed_words(held[at + 1])))
        for at, term in enumerate(held)
    )


def _carrying(between: list[str]) -> bool:
    """Whether the words from a carrier to a thing say it was carried: the carrying itself (ដឹក, a
    delivery) or a verb of carrying ('tuk tuk bring rice'); 'truck sand' may be sand bought by the truck."""
    return between[0] == "#delivery" or any(word in _CARRYING for word in between)


def _wanted(term: str, wanted: set[str]) -> bool:
    return term in wanted or GENERAL_OF.get(term) in wanted


def _is_kind(term: str) -> bool:
    return term.startswith("#") and term[1:].replace("_", " ") in KIND_WORDS


def _modifies(held: list[str], at: int, khmer: bool, wanted: set[str]) -> bool:
    """Whether the thing at `at` tells apart another thing beside it: the one after it in English
    ('rice noodle'), the one before it in Khmer, which names the thing first (មីអង្ករ)."""
    beside = at - 1 if khmer else at + 1
    if not 0 <= beside < len(held):
        return False
    other = held[beside]
    if held[at] in _MEALS:
        return False  # 'lunch 🍚 rice + pork': what the meal paid for was, not a thing it tells apart
    tool = _TOOL.fullmatch(other) and other not in _NO_TOOL and not _wanted(other, wanted)
    if not khmer and tool and held[at] not in _WORKS:
        return True  # 'cement mixer', 'tile cutter': the tool the thing tells apart
    if khmer and _khmer_word_first(held, at, wanted):
        return True  # ម៉ាស៊ីនលាយ ស៊ីម៉ងត៍, a mixer of cement: a word of its own names the thing first
    # a person or a place beside it is who or where it was for ('iced tea workers'), a part beside it
    # is the thing's own ('moto tire repair' for the moto), and a service or its fuel is the thing's
    # upkeep (សាំងម៉ាស៊ីនភ្លើង, the generator's fuel)
    return (
        other.startswith("#")
        and not _wanted(other, wanted)
        and not any(GENERAL_OF.get(term) == other for term in wanted)  # 'lunch bay': the meal said twice
        and not _is_kind(other)
        and other not in _UPKEEP
        and other not in _WHO_OR_WHERE
        and GENERAL_OF.get(other) != "#spare_part"
    )
