"""The roles words play in a purpose beside the thing bought (what the money paid for, an occasion,
a carrier, a load, a holder), the Khmer words the tab's words are told apart from, and a word's forms."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from balance_bot.domain.question_words import KHMER_STOPS
from balance_bot.domain.same_things import SAME_THING
from balance_bot.domain.text import KHMER_SYLLABLE

# Things named by what they hold or make: 'lunch box', 'rice cooker', 'water pump' are none of those.
HOLDER_WORDS = frozenset((
    "box", "cooker", "pot", "cup", "tank", "pump", "machine", "maker", "holder", "rack", "stand", "case",
    "cover", "container", "kettle", "bucket", "bin", "tray", "jug", "flask", "heater", "filter",
    "dispenser", "bowl", "plate", "spoon", "jar", "mold", "mould", "grinder", "blender", "scoop", "sack",
))  # fmt: skip


# A quantity of a liquid or by weight, written as one word ('5l', '10kg'): no holder is bought by it.
_MEASURED = re.compile(r"\d+(?:[.,]\d+)?(?:l|lit|litre|liter|litres|liters|ml|kg|kgs|kilo|g)")


def held_by_holders(words: Sequence[str], wanted: Iterable[str] = ()) -> set[int]:
    """The places of the words that only say what a holder is for, and of the holder: 'lunch boxes',
    'egg tart molds' (a count between breaks it: 'milk 6 boxes' is milk)."""
    held: set[int] = set()
    for at, word in enumerate(words):
        if at + 1 < len(words) and _MEASURED.fullmatch(words[at + 1]):
            continue  # 'diesel pump 5L': litres or kilos of what is before it, bought for the pump
        if word in HOLDER_WORDS and word not in wanted:
            held.add(at)
            before = at - 1
            while before >= at - 2 and before >= 0 and _names_a_thing(words[before]):
                held.add(before)
                before -= 1
    return held


def _names_a_thing(word: str) -> bool:
    return not any(char.isdigit() for char in word) and word not in _NO_THINGS


# Joiners, and verbs of a service: 'deliver rice sacks' delivered the sacks, no sack holds the delivery.
# Couriers too: 'lalamove boxes' are boxes a courier carried, no courier a box holds.
_NO_THINGS = frozenset((
    "and", "or", "with", "for", "of", "&", "deliver", "send", "ship", "bring", "carry", "repair", "fix",
    "clean", "wash", "courier", "lalamove", "grab", "j&t", "jnt", "dhl", "ems", "kerry", "fedex", "express",
))  # fmt: skip
# A verb of carrying a thing, not people, to a customer: beside a carrier it says goods were sent ('grab
# bring cake to customer house', 'tuk tuk carry goods to the buyer'), which the tab files as delivery.
# A load carried for the team ('truck carry fertilizer') is a ride hired or a delivery: either.
_CARRYING_GOODS = re.compile(
    r"\b(?:bring|brings|brought|carry|carries|carried|deliver|delivers|delivered|drop\s+off|dropped\s+off)\s+"
    r"(?!(?:the\s+|our\s+)?(?:staff|me|us|him|her|them|team|guests?|kids?|children|students?|teachers?|"
    r"trainers?|workers?|boss|visitors?|people|family|friends?|patients?)\b)\S"
)
_TO_A_CUSTOMER = re.compile(r"\b(?:customer|client|buyer)s?\b|អតិថិជន|អ្នកទិញ")


def carries_goods(text: str) -> bool:
    """Whether the (lower-case) purpose tells of a thing carried to a customer: 'grab bring cake …'."""
    return _CARRYING_GOODS.search(text) is not None and _TO_A_CUSTOMER.search(text) is not None


# Words that say what the money paid for (a service, an occasion) rather than the thing it concerns:
# in 'printer repair', 'fuel moto' or 'birthday cake' they, not the object, name the kind of spending.
KIND_WORDS = frozenset((
    "repair", "fix", "fixing", "service", "servicing", "maintenance", "oil change", "tuning", "mechanic",
    "fuel", "refuel", "petrol", "gasoline", "diesel", "gas", "delivery", "shipping", "courier",
    "postage", "cleaning", "wash", "washing", "laundry", "birthday", "party", "wedding", "funeral",
    "ceremony", "event", "celebration", "workshop", "training", "meeting", "catering", "gift",
    "parking", "fare", "ticket", "fee", "bill", "top up", "topup", "rent", "rental", "taxi", "tuk tuk",
    "tuktuk", "remork", "motodop", "moto taxi", "grab", "passapp", "ferry", "welcome", "farewell",
    "transport", "transportation", "sang", "preng sang",
    "ជួសជុល", "ជួស", "ថែទាំ", "សាំង", "ប្រេងសាំង", "ម៉ាស៊ូត", "ចាក់សាំង", "ដឹក", "ថ្លៃដឹក",
    "សម្អាត", "បោកខោអាវ", "ខួបកំណើត", "ពិធី", "ជប់លៀង", "មង្គលការ", "បុណ្យ", "ប្រជុំ", "ចំណត", "ថ្លៃ",
    "តាក់ស៊ី", "តុកតុក", "ទុកទុក", "រ៉ឺម៉ក", "ម៉ូតូឌុប", "ថ្លៃជិះ", "កម្មវិធី", "លាង", "ចាក់ប្រេង", "ជួលឡាន",
    "ប្តូរប្រេង", "ប្ដូរប្រេង",
))  # fmt: skip
# An occasion a thing was bought for: in 'snacks for the workshop' or 'chairs for the concert' the
# spending is the thing bought to one reader and the occasion's (hosting) to another. Guests alone
# are no occasion ('lunch for guests' is lunch), a visit of them is.
OCCASION_WORDS = frozenset((
    "donor visit", "ministry visit", "guest visit", "official visit", "event", "party", "birthday",
    "celebration", "ceremony", "wedding", "funeral", "workshop", "meeting", "training", "seminar",
    "conference", "concert", "performance", "recital", "festival", "graduation", "farewell", "welcome",
    "opening", "launch", "khmer new year", "pchum ben", "water festival", "ពិធី", "ជប់លៀង", "ខួបកំណើត",
    "កម្មវិធី", "ប្រជុំ", "វគ្គបណ្តុះបណ្តាល", "មង្គលការ", "បុណ្យ", "ប្រគុំតន្ត្រី", "ការសម្តែង", "ចូលឆ្នាំ",
    "បុណ្យចូលឆ្នាំ", "ភ្ជុំបិណ្ឌ", "បុណ្យអុំទូក", "សិក្ខាសាលា",
))  # fmt: skip
# Places the tab may file under Other: 'for the clinic' says where a thing is used, not what it is for.
PLACE_WORD = re.compile(
    r"\b(?:clinic|hospital|pharmacy|pagoda|health (?:centre|center|post))s?\b|គ្លីនិក|មន្ទីរពេទ្យ|វត្ត"
)
# Several things bought in one purpose ('soap and rice'): their categories compete.
SEVERAL = re.compile(r",|;|&|\+|\band\b|និង")
# Visitors of an office or an organisation are an official visit, an occasion: 'coffee for visitors
# from the ministry', 'snacks for NGO visitors'; guests alone are not ('coffee for guests').
_ORGANISATION = (
    r"(?:ministry|ngo|donor|partner|government|embassy|province|provincial|district|commune|un|head office)"
)
_OFFICIAL_VISIT = re.compile(
    rf"\b{_ORGANISATION}\s+(?:visitor|guest|delegation|team)s?\b"
    rf"|\b(?:visitor|guest|delegation)s?\s+(?:from|of)\s+(?:the\s+)?{_ORGANISATION}\b"
    r"|\bdelegations?\b|ភ្ញៀវ(?:មកពី)?(?:ក្រសួង|ខេត្ត|ស្រុក|ឃុំ|ម្ចាស់ជំនួយ|អង្គការ|ដៃគូ)"
)


def official_visit(text: str) -> bool:
    """Whether the (lower-case) words name visitors of an office or an organisation, an occasion."""
    return _OFFICIAL_VISIT.search(text) is not None


# What is bought to host an occasion: its food and drinks (the category of 'food'), and these.
HOSTING_WORDS = frozenset((
    "chair", "table", "tent", "chair rental", "table rental", "sound system", "decoration", "flower",
    "banner", "កៅអី", "តុ", "តង់",
))  # fmt: skip
# The rides and vehicles that carry people or things: beside a delivery, or after 'by' a thing was
# sent with, they are how it went, not what was paid for ('tuk tuk for the piano delivery').
CARRIER_WORDS = frozenset((
    "taxi", "tuk tuk", "tuktuk", "remork", "remorque", "romork", "motodop", "moto taxi", "moto", "bus",
    "truck", "van", "car", "minivan", "grab", "passapp", "pass app", "boat", "ferry", "train", "cyclo",
    "taxi fare", "bus fare", "moto fare", "ride", "driver", "តាក់ស៊ី", "ទុកទុក", "តុកតុក", "រ៉ឺម៉ក",
    "ម៉ូតូឌុប", "ម៉ូតូកង់បី", "ឡានក្រុង", "ឡាន", "ថ្លៃឡាន", "ថ្លៃជិះ", "ជិះ", "កាណូត", "ទូក", "រថភ្លើង",
    "ថ្លៃម៉ូតូ", "ឡានតាក់ស៊ី", "ស៊ីក្លូ",
))  # fmt: skip
# What says a thing was sent or carried for the team: it, not the carrier, names the spending.
SENDING_WORDS = frozenset((
    "delivery", "deliver", "courier", "shipping", "ship", "postage", "send", "sending", "send parcel",
    "package delivery", "parcel", "express", "ដឹក", "ថ្លៃដឹក", "ដឹកជញ្ជូន", "ផ្ញើ", "ផ្ញើអីវ៉ាន់", "ផ្ញើកញ្ចប់",
    "ផ្ញើឡាន", "ផ្ញើឥវ៉ាន់", "phnheu", "phnhoe",
))  # fmt: skip
# Couriers by their brand: beside a thing they carried it ('DHL docs to PP'), and after 'via' a thing
# went with them ('documents via J&T').
COURIERS = frozenset((
    "dhl", "j&t", "jnt", "ems", "kerry", "fedex", "lalamove", "vireak buntham", "virak buntham", "larryta",
    "ce express", "vet express", "capitol express", "giant ibis express",
))  # fmt: skip
# Services beyond KIND_WORDS that say what the money paid for, over the thing they were done to or
# with: a flat tyre mended ('pak kong moto'), a thing sent ('grab express documents').
SERVICE_WORDS = frozenset((
    "pak kong", "bek kong", "pah kong", "poh kong", "bom kong", "pom kong", "flat tyre", "flat tire",
    "puncture", "chuos chul", "chuoh chul", "chuos", "dor preng", "dou preng",
    "send", "sending", "ship", "deliver", "grab express", "express", "send parcel", "phnheu", "ផ្ញើ",
    "ផ្ញើឯកសារ", "ផ្ញើឥវ៉ាន់", "ផ្ញើអីវ៉ាន់", "ផ្ញើកញ្ចប់", "ប៉ះកង់",
)) | COURIERS  # fmt: skip
# Every word that says what the money paid for.
SPENDING_KINDS = KIND_WORDS | SERVICE_WORDS
# 'documents by bus', 'ឯកសារតាមឡានក្រុង': the words after say how a thing went.
SENT_BY = re.compile(r"\s(?:by|via)\s|តាម")
# Bus companies that carry parcels as well as people: a thing sent by one ('docs via Capitol') went as a
# parcel; the company alone may be a ride. Not VET alone, a vet too.
_BY_BUS_COMPANY = re.compile(
    r"(?:\s(?:by|via|on|with)\s+(?:the\s+)?|តាម\s*(?:ឡាន\s*)?)(?:capitol|sorya|mekong express|giant ibis|"
    r"larryta|vireak buntham|virak buntham|rith mony|ponhea lay|bayon vip|kampot express|cambotra)\b"
)


def sent_by_bus_company(text: str) -> bool:
    """Whether the (lower-case) purpose says a thing went by a bus company ('docs via Capitol')."""
    return _BY_BUS_COMPANY.search(text) is not None


_VEHICLE = (
    r"(?:truck|lorry|lorrie|pick ?-?up|van|car|tuk ?-?tuk|remork|cart|trailer|boat)(?:e?s)?"
    r"|ឡានដឹក|ឡានបែន|ឡាន|រ៉ឺម៉ក|រទេះ|ទូក"
)
# A vehicle after a count, or before 'load', measures what was bought: 'sand 1 truck load' is sand,
# 'ខ្សាច់ ១ឡាន' sand by the truck; said after the thing, never alone ('2 trucks' is the trucks).
_MEASURE = re.compile(
    rf"(?<=\S)(\s*)(?:([0-9០-៩]+(?:[.,][0-9]+)?)\s*(?:{_VEHICLE})(?:\s*loads?)?|(?:{_VEHICLE})\s*loads?)"
    r"(?![a-z])"
)
# ...unless the vehicles were what was hired ('rent 2 vans', 'ជួល ២ឡាន').
_HIRED = re.compile(r"(?:\b(?:hire|hired|hiring|rent|rented|renting|book|booked)|ជួល)\s*$")


# A Khmer unit after a count measures the thing before it ('ក្រដាស A4 ២កញ្ចប់', paper in 2 packs): a pack
# is no parcel sent, a bag or a bottle no thing of its own. Longest first; never part of a syllable.
_COUNTED_UNIT = re.compile(
    r"(?<=[0-9០-៩])\s*(?:កញ្ចប់|ប្រអប់|កំប៉ុង|ការ៉ុង|ចង្កោម|សន្លឹក|ម៉ែត្រ|ក្បាល|ផ្ទាំង|គ្រាប់|គីឡូ|លីត្រ|"
    r"ថង់|កេស|ដប|ដុំ|ធុង|កែវ|បាវ|រាម|ដើម|ឈុត|ថាស|យួរ)(?![\u17b6-\u17d3])"
)


def without_measures(text: str) -> str:
    """The purpose without the vehicles it measures its thing in ('sand 1 truck load' -> 'sand 1'), nor
    the Khmer units after a count ('ក្រដាស ២កញ្ចប់' -> 'ក្រដាស ២')."""
    text = _COUNTED_UNIT.sub("", text)
    if not _MEASURE.search(text):
        return text

    def measured(found: re.Match[str]) -> str:
        if _HIRED.search(text[: found.start()]):
            return found.group()
        return f"{found.group(1)}{found.group(2) or ''} "

    return _MEASURE.sub(measured, text)


# Khmer words no thing of the tab (units, joiners, time and question words) and the things the
# project knows by name: a run of Khmer is split into these too, so a word of the tab inside one of
# them is not that word (ភ្លើង in ភ្លើងមុខ, a headlight; ទឹកកក in ទូទឹកកក, a fridge).
_PLAIN_KHMER = frozenset((
    "បាវ", "កេស", "ដប", "ថង់", "ដើម", "សន្លឹក", "ប្រអប់", "កំប៉ុង", "ដុំ", "គីឡូ", "លីត្រ", "ការ៉ុង", "ធុង",
    "កែវ", "ចង្កោម", "ថាស", "ម៉ែត្រ", "ក្បាល", "គ្រាប់", "ឈុត", "ដង", "ខែ", "ថ្ងៃ", "ឆ្នាំ", "ដាក់", "ថ្មី",
    "ចាស់", "តូច", "ធំ", "ផ្លាស់", "ប្ដូរ", "ប្តូរ", "បន្ថែម", "បុគ្គលិក",
    "ការិយាល័យ", "សាលា", "ហាង", "ផ្ទះ", "ការដ្ឋាន", "កសិដ្ឋាន", "ថ្ងៃត្រង់", "ពេលព្រឹក", "ពេលល្ងាច",
))  # fmt: skip
_KHMER_ONLY = re.compile(r"[\u1780-\u17dd]+")
PLAIN_KHMER = KHMER_STOPS | _PLAIN_KHMER
KNOWN_KHMER = frozenset(
    {said for same in SAME_THING for said in same if _KHMER_ONLY.fullmatch(said)} | PLAIN_KHMER
)
LONGEST_KNOWN_KHMER = max(len(KHMER_SYLLABLE.findall(word)) for word in KNOWN_KHMER)  # in syllables
# Each thing's Khmer words beside its other ways of writing: a Khmer word of a thing the tab names
# another way (បាយថ្ងៃត្រង់, lunch) is that thing's.
SAME_IN_KHMER = tuple(
    (khmer, tuple(said for said in same if said not in khmer))
    for same in SAME_THING
    if (khmer := tuple(said for said in same if _KHMER_ONLY.fullmatch(said)))
)
# The Khmer words of things (not of a place or a person the thing was for): a thing the tab does not
# name at the head of a Khmer compound (ភ្លើងមុខម៉ូតូ, a moto's headlight) is not the moto's.
_WHO_OR_WHERE = frozenset((
    "worker", "guest", "kid", "teacher", "cook", "staff meal", "kitchen", "office", "market", "airport",
    "bus station", "police", "room", "toilet", "meeting", "party",
))  # fmt: skip
KHMER_THINGS = frozenset(
    said
    for same in SAME_THING
    if same[0] not in _WHO_OR_WHERE
    for said in same
    if _KHMER_ONLY.fullmatch(said)
)
# Water before letters no word reads, or before a thing, names a liquid of its own, never water:
# ទឹកខ្មៅ ink, ទឹកស៊ីអ៊ីវ soy sauce, ទឹកថ្នាំលាប liquid paint; before a unit or a joiner it is water.
LIQUID_OF = "ទឹក"


# A misspelling's guess of a word this short ('bok', 'book') decides only where fewer words than
# THIN are left that no word reads: romanised Khmer is full of short words a letter off English.
SHORT_GUESS = 3
THIN = 2
_JOINERS = frozenset(("a", "an", "the", "and", "or", "of", "for", "to", "at", "by", "in", "on", "with"))


def unread_words(words: Sequence[str], covered: set[int]) -> int:
    """How many of the English words none at the places covered is, counts and joiners aside."""
    return sum(
        1 for at, word in enumerate(words) if at not in covered and word.isalpha() and word not in _JOINERS
    )


def slip_index(words: Iterable[str]) -> dict[str, list[str]]:
    """The tab's words by their letters sorted (a word with two letters swapped has the same), and
    by each way of writing them with one of a double letter left out ('-cofee')."""
    index: dict[str, list[str]] = {}
    for word in words:
        index.setdefault("".join(sorted(word)), []).append(word)
        for written in (word, word + "s"):
            for at in range(1, len(written)):
                if written[at] == written[at - 1]:
                    index.setdefault("-" + written[:at] + written[at + 1 :], []).append(word)
    return index


def word_forms(raw: str, singular: str) -> tuple[str, ...]:
    """The ways a word may stand in the tab: as written, singular, or without its last 's' or 'es'
    ('taxis', 'buses')."""
    if len(raw) <= 3 or not raw.endswith("s"):
        return (raw, singular)
    return (raw, singular, raw[:-1], raw[:-2]) if raw.endswith("es") else (raw, singular, raw[:-1])


def swapped(one: str, other: str) -> bool:
    """Whether two letters side by side trade places ('feul', 'fuel'): a slip of the thumb."""
    differ = [at for at, (a, b) in enumerate(zip(one, other, strict=False)) if a != b]
    return (
        len(one) == len(other)
        and len(differ) == 2
        and differ[1] == differ[0] + 1
        and one[differ[0]] == other[differ[1]]
        and one[differ[1]] == other[differ[0]]
    )


def kind_phrase(phrase: Sequence[str], written: Sequence[str]) -> bool:
    """Whether a phrase says what the money paid for, whole or by a word of it ('delivery fee')."""
    return (
        " ".join(phrase) in SPENDING_KINDS
        or " ".join(written) in SPENDING_KINDS
        or any(word in SPENDING_KINDS for word in (*phrase, *written))
    )


def khmer_split(
    syllables: Sequence[str], known: Iterable[Collection[str]], longest: int
) -> list[tuple[int, int]]:
    """The known words in a run of Khmer syllables as (first syllable, past the last), by the split
    with the fewest letters outside them, then the fewest words; no known word is over `longest`
    syllables, so a long run costs in proportion to its length."""
    vocabularies = tuple(known)
    # best[at]: (letters outside known words, words, their places) for the first `at` syllables
    best: list[tuple[int, int, tuple[tuple[int, int], ...]]] = [(0, 0, ())]
    for at in range(1, len(syllables) + 1):
        unknown, count, places = best[at - 1]
        options = [(unknown + len(syllables[at - 1]), count, places)]
        for start in range(max(0, at - longest), at):
            piece = "".join(syllables[start:at])
            if any(piece in words for words in vocabularies):
                unknown, count, places = best[start]
                options.append((unknown, count + 1, (*places, (start, at))))
        best.append(min(options, key=lambda option: option[:2]))
    return list(best[-1][2])
