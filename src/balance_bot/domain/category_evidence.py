"""What makes a purpose's words thin evidence of a named category: people hosted beside food, a stock
bought in bulk or for sale, a thing the tab has no word for, things listed beside it."""

from __future__ import annotations

import re
from collections.abc import Collection

from balance_bot.domain.same_things import SAME_THING

# People a team hosts (guests, clients, donors, monks, the commune's chief), and a visit of them: food
# or drink for them is hosting as much as a meal, as food for an occasion is ('coffee for the guest
# speaker', 'ទឹកសុទ្ធសម្រាប់ភ្ញៀវ', 'buyer visit lunch', a festival's water 'tek sot 10 kes bon', a meal
# with the commune chief). Staff, workers and drivers are the team's own: no hosting.
_HOSTED = re.compile(
    r"\b(?:guests?|visitors?|vips?|delegations?|donors?|monks?|clients?|customers?|buyers?)\b"
    r"|\b(?:partners?|officials?)\s+visits?\b|\b(?:commune|village|district)\s+chiefs?\b|\bgovernors?\b"
    r"|\b(?:bon|bonn|bun|pithi|pithy|phithi|mekhum|me khum|mephum|me phum)\b"
    r"|ភ្ញៀវ|ព្រះសង្ឃ|លោកសង្ឃ|សង្ឃ|ម្ចាស់ជំនួយ|អតិថិជន|ពិធី|បុណ្យ|ប្រជុំ|ជប់លៀង|មេឃុំ|មេភូមិ|អភិបាល|ឯកឧត្តម"
)


def hosted(text: str) -> bool:
    """Whether the (lower-case) words name people a team hosts or an occasion of theirs."""
    return _HOSTED.search(text) is not None


# A stock bought in bulk, or to sell or make things from: 'flour 2 sacks', 'eggs 3 trays', ម្សៅ ២បាវ,
# live animals (កូនជ្រូក, piglets; ជ្រូក ៥ក្បាល, pigs by the head), 'cakes for sale', flowers by the
# hundred stems. What a team eats or uses comes by the kilo, the case or the pack; a sack or a tray of
# food is a business's stock, which one reader files as food and another as the business's cost: a
# wrong named category is worse.
_BULK = re.compile(
    "|".join((
        r"\d\s*(?:sacks?|trays?|tons?|tonnes?|bales?)\b",  # by the sack, the tray, the ton
        r"\b(?:sacks?|trays?|tons?|tonnes?) of\b",
        r"\b(?:for sale|to sell|for resale|to resell|raw materials?|livestock|piglets?|chicks|ducklings?)\b",
        r"[0-9០-៩]\s*(?:បាវ|តោន)",  # by the sack, the ton
        r"កូន(?:ជ្រូក|មាន់|ទា|គោ|ត្រី)",  # the young of an animal: piglets, chicks
        r"(?:ជ្រូក|មាន់|ទា|គោ|ក្របី)\s*[0-9០-៩]+\s*ក្បាល",  # animals by the head
        r"(?:សម្រាប់|ដើម្បី|យកមក|យកទៅ)\s*លក់|វត្ថុធាតុដើម|គ្រឿងផ្សំ",  # to sell; raw materials, ingredients
        # flowers by the hundred stems, a decorator's stock (ផ្កាកុលាប ៥០០ទង); not pieces, which office
        # things come in by the hundred too ('binding rings 100pcs')
        r"(?<![0-9០-៩.,])[1-9១-៩][0-9០-៩]{2,}\s*(?:stems?\b|ទង)",
    ))
)  # fmt: skip


def bulk_stock(text: str) -> bool:
    """Whether the (lower-case) purpose tells of a stock bought in bulk, to sell or to make things."""
    return _BULK.search(text) is not None


# Things listed side by side ('gloves + boots'); '&' inside a name ('J&T') lists nothing.
LISTED = re.compile(r",|;|\+|\s&\s|\band\b|និង")
# Words that name no thing: joiners, paying, money, and the words a count comes in.
_NO_THING = frozenset((
    "a", "an", "the", "and", "or", "of", "for", "to", "at", "by", "in", "on", "with", "from", "via", "w",
    "buy", "bought", "pay", "paid", "payment", "fee", "fees", "cost", "price", "charge", "money", "cash",
    "new", "old", "extra", "more", "some", "x", "pcs", "pc", "kg", "g", "l", "ml", "tinh", "bong", "dinh",
    "staff", "team", "crew", "worker", "student", "teacher", "kid", "boss", "me", "us", "everyone",
))  # fmt: skip
_KHMER_NO_THING = frozenset((
    "ទិញ", "បង់", "ចាយ", "ថ្លៃ", "លុយ", "ប្រាក់", "ថ្មី", "ចាស់", "បន្ថែម", "ឲ្យ", "អោយ", "ឱ្យ", "សម្រាប់",
))  # fmt: skip
_LATIN = re.compile(r"[a-z][a-z&']*")
# A word of Khmer in Latin letters: one to three syllables, each consonants, vowels and one closing
# sound (ng, nh, ch, or a consonant a syllable ends on).
ROMANISED_SHAPE = re.compile(r"(?:[bcdfghjklmnprstvwyz]{0,3}[aeiouy]+(?:ng|nh|ch|[kgtdpbmnlshyvwrc])?){1,3}")


def unread_latin(
    words: Collection[tuple[int, str]], read: Collection[int], names: Collection[str], listed: bool = False
) -> bool:
    """Whether any of the (place, word) English words, none read at its place, names a thing: not a
    joiner, a count or a member's name ('lunch Visal + Nak'); of things `listed` together, not a word
    that may be Khmer typed in Latin letters, which a market's list is full of ('trey 1kg + bonle')
    and the tab's words read in part only."""
    return any(
        at not in read
        and _LATIN.fullmatch(word)
        and word not in _NO_THING
        and word not in names
        and not (listed and ROMANISED_SHAPE.fullmatch(word) and word not in _ENGLISH_THINGS)
        for at, word in words
    )


# The English words of the things the project knows ('boot', 'sandpaper'): no Khmer typed in Latin letters.
_ENGLISH_THINGS = frozenset(
    word for same in SAME_THING for said in same if said.isascii() for word in said.split()
)


def khmer_no_thing(word: str) -> bool:
    """Whether a Khmer word of a purpose names no thing: paying, money, a joiner."""
    return word in _KHMER_NO_THING


def names_in(purpose: str) -> frozenset[str]:
    """The (lower-case) words of a purpose written as a name, capitalised after its first word ('lunch
    Visal + Nak'): a member's or a place's, no thing bought."""
    words = re.findall(r"[A-Za-z][a-z]*", purpose)
    return frozenset(word.lower() for word in words[1:] if word[0].isupper() and len(word) > 1)


# The vehicles of the tab's words: a thing bought for one that the tab files elsewhere than repairs or
# fuel is a part of it or its upkeep to one reader ('battery for the tuk tuk').
VEHICLES = frozenset((
    "moto", "motorbike", "car", "truck", "van", "minivan", "bus", "boat", "tuk tuk", "tuktuk", "remork",
    "remorque", "romork", "tractor", "ឡាន", "ម៉ូតូ", "ទូក", "តុកតុក", "ទុកទុក", "រ៉ឺម៉ក", "ម៉ូតូកង់បី",
))  # fmt: skip
