"""Whether an item's text says a word: whole words and their forms, the same thing in English or Khmer,
Khmer split into words, a typo of one letter in a long word; never a word inside another word."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from balance_bot.domain.categories import JOINING_WORD
from balance_bot.domain.category_names import singular
from balance_bot.domain.category_roles import KIND_WORDS, held_by_holders, swapped
from balance_bot.domain.khmer_sounds import written_in_khmer
from balance_bot.domain.qualities import same_quality
from balance_bot.domain.question_words import KHMER_STOPS, STOP
from balance_bot.domain.same_things import KINDS, NO_GOODS, SAME_THING, SENSES
from balance_bot.domain.slips import doubled_letter_dropped, one_letter_off, one_sign_off
from balance_bot.domain.team_meals import may_be_the_team_meal, says_the_meal
from balance_bot.domain.term_marks import COUNT_JOINED, COUNTED, unit_of, unrepeated
from balance_bot.domain.text import DIGITS_TO_ASCII

# Khmer words that only join ("for", "and", "of", "the one that"): no subject of a purchase.
_KHMER_JOINERS = frozenset(("ឲ្យ", "អោយ", "ឱ្យ", "សម្រាប់", "និង", "នៃ", "ដែល", "របស់", "ៗ", "ទៅ", "ពី", "នៅ", "មួយ"))
# Joiners members write on the front of the next word ('ទៅផ្សារ', to the market): a word no known word
# reads is the same word without them ('ទៅសំឡូត' is សំឡូត), when a word of its own is left.
_KHMER_LEADING_JOINERS = ("សម្រាប់", "ទៅ", "ពី", "នៅ", "ឲ្យ", "អោយ", "ឱ្យ")
_SHORTEST_LEFT = 3
# English words that only join, which say nothing of what was bought ('tuk tuk guest to the pier').
_LATIN_JOINERS = frozenset(
    ("to", "for", "the", "a", "an", "of", "and", "at", "in", "on", "with", "from", "by"))  # fmt: skip
_TYPO_LENGTH = 6  # a typo of one letter is forgiven in words this long or longer, never in short ones
_TYPO_IN_PHRASE = 4  # or this long, when the other words of the phrase are there
_SWAP_LENGTH = 4  # two letters swapped are told apart from another word in words this long
# A sign slipped (left out, added, another one) in a known Khmer word this long, in characters:
# the marks over a consonant members drop most (slips.KHMER_SIGNS), never a consonant or a vowel.
_KHMER_SLIP_LENGTH = 5
_LATIN = re.compile(r"[a-z0-9][a-z0-9'&-]*")
_KHMER_RUN = re.compile(r"[\u1780-\u17dd]+")
_KHMER_DIGITS = re.compile(r"[\u17e0-\u17e9]+")
_COUNT = re.compile(r"\d+(?:[.,]\d+)?(?:kg|g|l|ml|m|pcs|x)?")
# What a count came in, after the thing counted: a load, a container, a measure ('sand 1 truck').
_UNITS = frozenset((
    "#truck", "#car", "#bag", "bag", "sack", "box", "case", "bottle", "can", "pack", "packet", "tray", "roll",
    "bucket", "dozen", "piece", "pc", "pcs", "set", "kg", "kilo", "litre", "liter", "carton", "bundle",
    "sheet", "ream", "load", "cup", "glass", "#parcel", "បាវ", "កេស", "ដប", "ថង់", "ដើម", "សន្លឹក",
    "ប្រអប់", "កំប៉ុង", "ដុំ", "គីឡូ", "លីត្រ", "ការ៉ុង", "ធុង", "កែវ", "ចង្កោម", "ថាស",
))  # fmt: skip

# Khmer words written beside the things bought that name none ('ដាក់', to put in; a unit; a joiner):
# letters they read are a word of their own, so a thing's word beside them is seen whole.
KHMER_PLAIN = KHMER_STOPS | _KHMER_JOINERS | {unit for unit in _UNITS if _KHMER_RUN.fullmatch(unit)} | {
    "ដាក់", "ធុង", "ថ្មី", "ចាស់", "តូច", "ធំ", "សម្រាប់", "ជួល", "ថែទាំ", "ផ្លាស់", "ប្ដូរ", "ប្តូរ", "បន្ថែម",
}  # fmt: skip
# Water before another word names a liquid of its own, never water: ទឹកត្រី fish sauce, ទឹកស៊ីអ៊ីវ soy
# sauce, ទឹកម្ទេស chili sauce. The compound is one word; a known thing in it is said at most maybe.
_LIQUID_OF = "ទឹក"
# ...but water and power are written together as one pair of bills (ទឹកភ្លើង), each itself.
_BESIDE_WATER = frozenset(("ភ្លើង",))
_KINDS = {
    "#" + general.replace(" ", "_"): frozenset("#" + kind.replace(" ", "_") for kind in kinds)
    for general, kinds in KINDS.items()
}
GENERAL_OF = {kind: general for general, kinds in _KINDS.items() for kind in kinds}
# A known Khmer word written after letters no word reads is marked so: it may be inside a longer
# word (សាំង, fuel, in វ៉ាក់សាំង, vaccine), which says it at most maybe.
_INSIDE = "~"


def _canonical_table() -> tuple[dict[tuple[str, ...], str], frozenset[str]]:
    names: dict[tuple[str, ...], str] = {}
    khmer: set[str] = set()
    for same in SAME_THING:
        canonical = "#" + same[0].replace(" ", "_")
        for said in same:
            if _KHMER_RUN.fullmatch(said):
                khmer.add(said)
                names[(said,)] = canonical
            else:
                names[tuple(_form(word) for word in said.split())] = canonical
    return names, frozenset(khmer)


def _form(word: str) -> str:
    """The word in the singular, short ones too: 'tuks', 'kids', 'pens'; 'gas', 'bus' and 'this' stay."""
    if len(word) == 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return singular(word)


_NAMES, KNOWN_KHMER = _canonical_table()
_KNOWN_KHMER_LONG = frozenset(word for word in KNOWN_KHMER if len(word) >= _KHMER_SLIP_LENGTH)
_LONGEST_PHRASE = max(len(words) for words in _NAMES)
# The Khmer words of each thing, which a Latin spelling may sound like together (ទឹកកក, ...).
_SAME_KHMER = tuple(frozenset(word for word in same if _KHMER_RUN.fullmatch(word)) for same in SAME_THING)
KNOWN_LATIN = frozenset(word for words in _NAMES for word in words if not _KHMER_RUN.fullmatch(word))


@lru_cache(maxsize=64)
def _vocabulary(known: frozenset[str]) -> tuple[frozenset[str], int]:
    """The Khmer words a run is split into, with the caller's own, and the longest one's length."""
    words = KNOWN_KHMER | known
    return words, max((len(word) for word in words), default=1)


def khmer_words(run: str, known: Iterable[str] = ()) -> list[str]:
    """A run of Khmer split into the known words it is made of, leaving as few letters as can be
    outside a known word (ថ្លៃ|ទឹកកក, not ថ្លៃទឹក|កក), then in as few words as can be; the letters
    between known words kept together as one word of their own."""
    words, longest = _vocabulary(frozenset(known))
    # best[at]: (letters outside known words, known words, the pieces) for the run up to `at`
    best: list[tuple[int, int, tuple[str, ...]] | None] = [None] * (len(run) + 1)
    best[0] = (0, 0, ())
    for at in range(len(run)):
        here = best[at]
        if here is None:
            continue
        unknown, count, pieces = here
        _keep(best, at + 1, (unknown + 1, count, (*pieces, "\0" + run[at])))
        if _joined(run, at):
            continue  # no word starts on a sign or under a subscript
        for size in range(min(longest, len(run) - at), 0, -1):
            word = run[at : at + size]
            if word in words and not _joined(run, at + size):
                _keep(best, at + size, (unknown, count + 1, (*pieces, word)))
    found: list[str] = []
    whole = best[len(run)]
    for piece in whole[2] if whole is not None else ():
        if piece.startswith("\0") and found and found[-1].startswith("\0"):
            found[-1] += piece[1:]
        else:
            found.append(piece)
    for at in range(len(found) - 1, 0, -1):  # ទឹក|ស៊ីអ៊ីវ is ទឹកស៊ីអ៊ីវ, soy sauce; ទឹក|ដប stays water
        if found[at - 1] == _LIQUID_OF and found[at].startswith("\0") and not _plain_first(found[at][1:]):
            found[at - 1 : at + 1] = ["\0" + _LIQUID_OF + found[at][1:]]
    return [piece.removeprefix("\0") for piece in found]


def _plain_first(letters: str) -> bool:
    """Whether the letters begin with a word that names no thing (a unit, a joiner: ដប, a bottle)."""
    return khmer_words(letters, KHMER_PLAIN)[0] in KHMER_PLAIN


def _keep(
    best: list[tuple[int, int, tuple[str, ...]] | None], at: int, way: tuple[int, int, tuple[str, ...]]
) -> None:
    current = best[at]
    if current is None or way[:2] < current[:2]:
        best[at] = way


def _joined(run: str, at: int) -> bool:
    """Whether the letter at `at` belongs to the one before it (a vowel sign, a subscript): no word
    ends there."""
    return at < len(run) and ("\u17b6" <= run[at] <= "\u17d3" or run[at - 1] == "\u17d2")


@lru_cache(maxsize=16384)
def terms(text: str, corrected: bool = False, apart: bool = False) -> tuple[str, ...]:
    """The text's words as they are matched: lower case, singular, Khmer split into words, and every
    way of writing one thing (in either language) as that thing's one name; `corrected`: a long word
    one letter off a known one read as it ('genarator'); `apart`: a known Khmer word after letters
    no word reads marked as maybe inside a longer word, not read as its thing."""
    said = COUNT_JOINED.sub("'", text.casefold().translate(DIGITS_TO_ASCII))
    words: list[str] = []
    counted = False
    for piece in _romanised_read(re.findall(r"[\u1780-\u17dd]+|[a-z0-9][a-z0-9'&-]*", said)):
        if _KHMER_RUN.fullmatch(piece):
            found = _khmer_terms(piece, corrected, apart)  # 'ពងមាន់ ២ទឹក': the eggs' unit, no water
            words += unit_of(found, KNOWN_KHMER) if counted and any((w,) in _NAMES for w in words) else found
        else:
            word = _form(piece.strip("'"))
            words.append(_corrected(word) if corrected else word)
        counted = piece[:1].isdigit() and piece.endswith("'")
    named: list[str] = []
    at = 0
    while at < len(words):
        for size in range(min(_LONGEST_PHRASE, len(words) - at), 0, -1):
            canonical = _NAMES.get(tuple(words[at : at + size]))
            if canonical is not None:
                named.append(canonical)
                at += size
                break
        else:
            named.append(words[at])
            at += 1
    return tuple(_in_their_sense(named))


def _romanised_read(pieces: list[str]) -> list[str]:
    """The pieces, with runs of Latin words no English word of the vocabulary reads that sound like a
    known Khmer word ('tek kork', 'tek sot') written as that word: Khmer typed on a phone."""
    named = _in_phrases(pieces)
    may_be = [at not in named and _maybe_romanised(piece) for at, piece in enumerate(pieces)]
    unread = [(_form(piece),) not in _NAMES for piece in pieces]
    return written_in_khmer(pieces, may_be, KNOWN_KHMER, _SAME_KHMER, unread)


def typed_in_khmer(text: str) -> bool:
    """Whether Latin words of the text were read by their sound as a Khmer word ('tek khmao printer'):
    Khmer typed on a phone, in Khmer's order of words, which names the thing first."""
    pieces = re.findall(r"[\u1780-\u17dd]+|[a-z0-9][a-z0-9'&-]*", text.casefold().translate(DIGITS_TO_ASCII))
    return _romanised_read(pieces) != pieces


def _in_phrases(pieces: list[str]) -> set[int]:
    """The places of the pieces that make a thing's name of several words ('top up', 'teuk kork')."""
    forms = [_form(piece.strip("'")) for piece in pieces]
    return {
        place
        for size in range(2, _LONGEST_PHRASE + 1)
        for at in range(len(forms) - size + 1)
        if tuple(forms[at : at + size]) in _NAMES
        for place in range(at, at + size)
    }


def _maybe_romanised(piece: str) -> bool:
    """Whether a piece may be a word of Khmer in Latin letters: letters only, no joiner, unit or
    question word."""
    return (
        piece.isascii()
        and piece.isalpha()
        and piece not in _LATIN_JOINERS
        and piece not in _UNITS
        and piece not in STOP  # 'cost per': English, the words questions are asked in
    )


def _in_their_sense(words: list[str]) -> list[str]:
    """The words, each whose thing the others tell ('gas' beside a moto) read as that thing."""
    near = set(words)
    return [
        next((thing for thing, beside in SENSES[word] if beside & near), word) if word in SENSES else word
        for word in words
    ]


def _khmer_terms(run: str, corrected: bool, apart: bool) -> list[str]:
    split = khmer_words(run)
    found: list[str] = []
    for at, word in enumerate(split):
        if word in _KHMER_JOINERS or (word == _LIQUID_OF and _liquid_of(split, at)):
            continue
        read = _corrected_khmer(_unjoined(word)) if corrected else _unjoined(word)
        if apart and word in KNOWN_KHMER and (_after_letters(split, at) or _liquid_of(split, at - 1)):
            read = _INSIDE + read
        found.append(read)
    return found


def _liquid_of(split: list[str], at: int) -> bool:
    """Whether the word at `at` is water written before a thing, whose liquid the two name (ទឹក|ម្ទេស)."""
    return (
        0 <= at < len(split) - 1
        and split[at] == _LIQUID_OF
        and split[at + 1] not in _KHMER_JOINERS
        and split[at + 1] not in _BESIDE_WATER
        and not _plain_first(split[at + 1])
    )


def _after_letters(split: list[str], at: int) -> bool:
    """Whether the known word at `at` comes after letters no word reads: the end of a longer word it
    may be part of (វ៉ាក់|សាំង, vaccine), not a word of its own (ដាក់|សាំង). Letters after it leave
    it the word: Khmer puts what tells a thing apart after it (ស្ករ|ស, white sugar, is sugar)."""
    return at > 0 and _loose_end(split[at - 1])


def _loose_end(piece: str) -> bool:
    if piece in KNOWN_KHMER or piece in KHMER_PLAIN:
        return False
    last = khmer_words(piece, KHMER_PLAIN)[-1]
    return last not in KHMER_PLAIN and last not in KNOWN_KHMER


def _unjoined(word: str) -> str:
    """A Khmer word no known word reads, without a joiner written on its front."""
    if word in KNOWN_KHMER:
        return word
    for joiner in _KHMER_LEADING_JOINERS:
        rest = word.removeprefix(joiner)
        if rest != word and len(rest) >= _SHORTEST_LEFT and not _joined(rest, 0):
            return rest
    return word


def _corrected(word: str) -> str:
    if word in KNOWN_LATIN:
        return word
    doubled = {known for known in KNOWN_LATIN if doubled_letter_dropped(word, known)}  # 'egs', 'cofee'
    if len(doubled) == 1:
        return doubled.pop()
    if len(word) < _SWAP_LENGTH:
        return word
    close = [known for known in KNOWN_LATIN if swapped(word, known)]  # 'fliter'
    if len(word) >= _TYPO_LENGTH:
        close += [known for known in KNOWN_LATIN if one_letter_off(word, known)]
    elif len(word) == _TYPO_LENGTH - 1:  # a letter left out of a long word: 'cemnt', 'disel'
        close += [
            known for known in KNOWN_LATIN if len(known) == _TYPO_LENGTH and one_letter_off(word, known)
        ]
    return close[0] if len(set(close)) == 1 else word


def _corrected_khmer(word: str) -> str:
    """A Khmer word with one sign left out, added or changed (ម៉ាសូត for ម៉ាស៊ូត): the one known
    word it is a slip of; signs only, so no other letter and no vowel makes two words one."""
    if word in KNOWN_KHMER or len(word) < _KHMER_SLIP_LENGTH - 1:
        return word
    close = {known for known in _KNOWN_KHMER_LONG if one_sign_off(word, known)}
    return close.pop() if len(close) == 1 else word


@lru_cache(maxsize=16384)
def search_words(item: str) -> tuple[str, ...]:
    """The words a search may start: the item's own (Khmer split into words), and the names of the
    things it says in either language ('ice' for ទឹកកក), so a search finds whole words, never
    one inside another ('rice' is not in 'price')."""
    said = _KHMER_DIGITS.sub(" ", item.casefold())
    words: list[str] = []
    for piece in re.findall(r"[\u1780-\u17dd]+|[a-z0-9][a-z0-9'&-]*", said):
        words += khmer_words(piece) if _KHMER_RUN.fullmatch(piece) else [piece, _form(piece)]
    for term in terms(item):
        if term.startswith("#"):
            named = term[1:].replace("_", " ")
            words += [named, *named.split()]
    return tuple(dict.fromkeys(word for word in words if word))


def unnamed_words(item: str) -> tuple[str, ...]:
    """The item's words that name no thing the vocabulary knows and are no joiner, count or unit
    ('bank' of 'tuk tuk guest to the bank'): words of its own for what it was."""
    return tuple(
        word
        for word in terms(item, corrected=True)
        if not word.startswith(("#", _INSIDE, COUNTED))
        and word not in _LATIN_JOINERS
        and word not in KHMER_PLAIN
        and word not in _UNITS
        and not _COUNT.fullmatch(word)
    )


def thing_names(item: str) -> tuple[str, ...]:
    """The English names of the things the item says in either language ('spark plug' for ប៊ូហ្ស៊ី)."""
    return tuple(term[1:].replace("_", " ") for term in terms(item, corrected=True) if term.startswith("#"))


def same_thing(one: str, other: str) -> bool:
    """Whether two words are one thing's names (ម្ហូប and អាហារ, food)."""
    named = terms(one)
    return len(named) == 1 and named[0].startswith("#") and named == terms(other)


def says(item: str, subject: str) -> bool:
    """Whether the item says every word of the subject, each as a whole word (a Khmer one not maybe
    inside a longer word)."""
    return _says(item, subject, apart=True)


def _says(item: str, subject: str, apart: bool) -> bool:
    wanted = unrepeated(terms(subject, corrected=True))
    if not wanted:
        return False
    have = things_held(terms(item, corrected=True, apart=apart), wanted)
    # 'lunch staff' says lunch: the team's meal, of the day its words name
    missing = [
        t for t in wanted if not any(_same(t, held) for held in have) and not says_the_meal(t, have, item)
    ]
    if not missing:
        return True
    # Beside the words it shares, one word of four letters or more a letter off: 'guitar strngs'.
    return (
        len(missing) == 1
        and len(wanted) > 1
        and len(missing[0]) >= _TYPO_IN_PHRASE
        and any(one_letter_off(missing[0].lstrip("#"), held) for held in have if len(held) >= _TYPO_IN_PHRASE)
    )


def maybe_says(item: str, subject: str) -> bool:
    """Whether the item, not saying the subject, may still be it: it names a thing whose name, or
    the words it is written with, end in the subject's one word ('engine oil' for oil, 'toilet paper'
    for paper, 'staff dinner' for dinner); or it says some of the subject's words, and those it
    misses, which the vocabulary knows in no other language, may be its words of the other language
    that no known word reads ('tuk tuk guest pier' and 'តុកតុក ភ្ញៀវ ទៅកំពង់ផែ'); or it says the
    subject's Khmer word only after letters no word reads, maybe inside a longer one."""
    if says(item, subject):
        return False
    inside = _says(item, subject, apart=False)  # សាំង (fuel) asked, វ៉ាក់សាំង (vaccine) written
    return (
        inside
        or may_be_the_team_meal(terms(subject, corrected=True), terms(item, corrected=True))
        or _named_with_the_word(item, subject)
        or _rest_in_other_language(item, subject)
        or _one_of_the_things_alone(item, subject)
        or _said_in_general(item, subject)
    )


def _said_in_general(item: str, subject: str) -> bool:
    """Whether the item says, where the subject names a kind of thing, the general word that covers
    it ('meat 2kg' for pork, 'parts for the honda' for brake pads): it may be that kind, unsaid."""
    held = set(terms(item, corrected=True, apart=True))
    missing = [term for term in terms(subject, corrected=True) if term not in held]
    return bool(missing) and all(GENERAL_OF.get(term) in held for term in missing)


def _one_of_the_things_alone(item: str, subject: str) -> bool:
    """Whether the subject names several things ('moto fuel', 'សាំងម៉ូតូ') and the item says the one
    they tell apart, and no other thing ('gasoline for the outreach trip'): the fuel may be the
    moto's, unsaid. That thing is the last one named in English, the first in Khmer, which puts what
    tells a thing apart after it; a room cleaned is no room repaired ('ជួសជុលបន្ទប់')."""
    wanted = [term for term in terms(subject, corrected=True) if term.startswith("#")]
    if len(set(wanted)) < 2:
        return False
    first_word = re.search(r"[\u1780-\u17dd]|[a-z]", subject.casefold())
    head = wanted[0] if first_word and _KHMER_RUN.match(first_word.group()) else wanted[-1]
    services = [term for term in wanted if term[1:].replace("_", " ") in KIND_WORDS]
    if len(set(services)) == 1:
        head = services[0]  # what the money paid for heads it: 'fill up moto', 'gas moto' are fuel
    # a kind of the thing is that thing here ('inner tube' for 'moto parts'); what it was for, after a
    # joining word, tells nothing apart ('gasoline for pickup parts'), nor does a service beside it
    # ('fuel deliver'): another thing of its own does ('generator fuel')
    said = terms(JOINING_WORD.split(item.casefold(), maxsplit=1)[0], corrected=True, apart=True)
    held = {GENERAL_OF.get(term, term) for term in said if term.startswith("#")}
    beside = {term for term in held - set(wanted) if term[1:].replace("_", " ") in KIND_WORDS}
    return head in held and held - beside < set(wanted)


def _named_with_the_word(item: str, subject: str) -> bool:
    """Whether the item names a thing by a name, or words, that end in the subject's one word; or,
    when the vocabulary names no thing by that word ('staff'), that hold it anywhere ('staff lunch')."""
    latin = _LATIN.findall(subject.casefold())
    if len(latin) != 1 or _KHMER_RUN.search(subject):
        return False
    word = _corrected(_form(latin[0]))
    anywhere = not terms(word)[0].startswith("#")

    def named_by(parts: tuple[str, ...]) -> bool:
        return parts[-1] == word or (anywhere and word in parts)

    held = terms(item, corrected=True)
    if any(term.startswith("#") and named_by(tuple(term[1:].split("_"))) for term in things_held(held, ())):
        return True
    written = [_form(piece.strip("'")) for piece in _LATIN.findall(item.casefold())]
    return any(
        phrase in _NAMES and named_by(phrase)
        for size in range(2, _LONGEST_PHRASE + 1)
        for phrase in zip(*(written[at:] for at in range(size)), strict=False)
    )


def _rest_in_other_language(item: str, subject: str) -> bool:
    wanted = terms(subject, corrected=True)
    held = things_held(terms(item, corrected=True), wanted)
    missing = [term for term in wanted if not any(_same(term, have) for have in held)]
    if not missing or len(missing) == len(wanted) or any(term.startswith("#") for term in missing):
        return False
    in_khmer = {bool(_KHMER_RUN.fullmatch(term)) for term in missing}
    if len(in_khmer) != 1:
        return False
    other = not in_khmer.pop()
    return any(
        not have.startswith("#")
        and bool(_KHMER_RUN.fullmatch(have)) is other
        and have not in _LATIN_JOINERS
        and not _COUNT.fullmatch(have)
        for have in held
    )


def things_held(held: tuple[str, ...], wanted: tuple[str, ...]) -> list[str]:
    """The item's words that name what was bought: not a word that only says what a thing is for
    ('lunch' in 'lunch boxes', 'rice' in 'rice cooker'), unless the question names that thing too,
    nor the unit a count came in ('sand 1 truck', 'flour 25kg bag', 'ទឹកសុទ្ធ ៣កេស')."""
    holding = held_by_holders(held, wanted)
    units = {
        at
        for at in range(2, len(held))
        if held[at] in _UNITS and _COUNT.fullmatch(held[at - 1]) and not _COUNT.fullmatch(held[at - 2])
    }
    return [word for at, word in enumerate(held) if at not in holding and at not in units]


def _same(wanted: str, held: str) -> bool:
    if wanted == held or held in _KINDS.get(wanted, ()) or same_quality(wanted, held):
        return True  # 'meat' asked, 'pork' held; 'white' asked, ស held
    if wanted == "#goods" and held.startswith("#") and held[1:].replace("_", " ") not in NO_GOODS:
        return True  # ឥវ៉ាន់, goods, asked: any thing carried ('deliver banner')
    spelled = wanted.removeprefix("#")
    if not held.startswith("#") and "_" not in spelled and doubled_letter_dropped(held, spelled):
        return True  # 'egs' for eggs, 'cofee' for coffee
    if wanted.startswith("#") and not held.startswith("#") and swapped(wanted[1:], held):
        return True  # 'feul' for fuel
    if wanted.startswith("#") or held.startswith("#") or _KHMER_RUN.fullmatch(wanted):
        return False
    if swapped(wanted, held):
        return True
    return min(len(wanted), len(held)) >= _TYPO_LENGTH and one_letter_off(wanted, held)
