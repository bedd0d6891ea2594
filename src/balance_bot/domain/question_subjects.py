"""The subject a question asks about: the words left once its question words, days and members are
gone, the alternatives it names ('coffee and tea'), or the category it names by one of its names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from balance_bot.domain.category_names import name_forms, singular
from balance_bot.domain.item_words import KHMER_PLAIN, KNOWN_KHMER, khmer_words, same_thing, terms
from balance_bot.domain.qualities import only_qualities, quality
from balance_bot.domain.question_words import KHMER_STOPS, STOP

# A question word with its verb joined on ("who's", "what're", "we've"): the question word alone.
_JOINED_ON = re.compile(r"'(?:s|re|ve|ll|d|m)$")
# "coffee and tea", "fuel or taxi", "សាំង និង តាក់ស៊ី": entries about any of them.
# នឹង (and, as often typed) never under a subscript: ហ្នឹង is 'that', said at a question's end; '&'
# between two letters is a name's own ('J&T', 'AT&T'), no joiner
_ALTERNATIVES = re.compile(r",|/|\+|(?<![a-z0-9])&|&(?![a-z0-9])|\(|\)|\band\b|\bor\b|និង|(?<!\u17d2)នឹង|ឬ")
_YET = re.compile(r"(?:ហើយ)?ឬ(?:នៅ|អត់|ទេ)")  # "... yet?": not an alternative
_LATIN_WORD = re.compile(r"[a-z][a-z0-9&'-]*")
_KHMER_RUN = re.compile(r"[\u1780-\u17ff]+")
_KHMER_LETTERS = re.compile(r"[\u1780-\u17dd]+")  # no Khmer digit: a count is no word of a thing
_SHORTEST_OWN_WORD = 3  # letters of a word of the items' own: a shorter piece is a sign or a syllable
# "per trip", "tuk tuk rides", "the veg run", "ice shopping": a journey or a purchase of the thing
# before it counted, no thing of its own.
_JOURNEYS = frozenset(("ride", "trip", "run", "shopping", "errand"))
# "laundry bill", "the ice payment": what the thing cost, unless items name a bill ("water bill").
_BILLS = frozenset(("bill", "payment"))
# Work done to things, which a member says once for two ('repair the fan and the chair').
_WORK = frozenset(("#repair", "#delivery", "#cleaning", "#printing", "#laundry", "#photocopy"))
_FOR = re.compile(r"\bfor\b|សម្រាប់")
_WHOSE = re.compile(r"[a-z](?:'s|s')(?=\s)")
_KHMER_AND = re.compile(r"និង|\s")
# "take a tuk tuk", "took the bus": a way of going, no purchase; "take out" stays what was bought.
_TAKING = re.compile(r"\b(?:take|takes|taking|took|taken)\s+(?=(?:a|an|the|our|my)\b)")
_EVENTS = frozenset(("event", "program", "programme", "កម្មវិធី", "ពិធី"))
_RIDES = re.compile(r"\b(?:rides?|trips?)\b|ជិះ")
# "gas tanks for the kitchen", "paper for the office", "ទឹកសម្រាប់ការិយាល័យ": the place the team works
# in, which every expense is for; its name tells no row apart ('Gas refill (kitchen)' and 'ហ្គាស').
_THE_PLACE = re.compile(
    r"\b(?:for|at|in)\s+(?:the\s+|our\s+)?(?:kitchen|office|site|shop|store|restaurant|cafe|clinic|school"
    r"|guesthouse|hotel|workshop|garage)\b"
    r"|(?:សម្រាប់|នៅ)\s*(?:ផ្ទះបាយ|ការិយាល័យ|ការដ្ឋាន|ហាង|ភោជនីយដ្ឋាន|គ្លីនិក|សាលា|ផ្ទះសំណាក់|សណ្ឋាគារ|យានដ្ឋាន)"
)


def without_the_place(rest: str, known: frozenset[str] = frozenset()) -> str:
    """The words without the place the team works in said as what a thing was for, when a thing is
    left ('gas tanks for the kitchen' is the gas tanks; 'for the office' alone stays the office)."""
    left = _THE_PLACE.sub(" ", rest)
    return left if left != rest and subject_words(left, known) else rest


def khmer_names(categories: Sequence[tuple[str, str]]) -> frozenset[str]:
    """The Khmer words of the categories' names (សម្ភារៈការិយាល័យ, កម្មវិធី): words of their own, so a
    question word is never read inside one (លើស, over, in ចំណាយលើសម្ភារៈ...; លើក in លើកម្មវិធី)."""
    return frozenset(
        form for name, khmer in categories for form in name_forms(name, khmer) if _KHMER_RUN.fullmatch(form)
    )


def words_of_items(items: Iterable[str]) -> frozenset[str]:
    """The Khmer words the month's items are written with that no known word reads (ស៊ីម៉ងត៍, as this
    team spells cement): words of the team's own, so a question saying one is split as the rows are,
    never into the question words it holds the letters of (ស៊ី, ម៉ង). A question word written onto
    one is left off it (ទិញស្រូវ is ស្រូវ), and a run of question words, units or joiners alone is
    none (ចាយលើ, ដាក់ធុង); nor is a count (១០បាវ, ថ្ងៃ១៥)."""
    found: set[str] = set()
    for run in (run for item in items for run in _KHMER_LETTERS.findall(item)):
        for piece in khmer_words(run):
            if piece in KNOWN_KHMER or len(piece) < _SHORTEST_OWN_WORD:
                continue
            parts = khmer_words(piece, KHMER_PLAIN)
            while parts and parts[0] in KHMER_PLAIN:
                parts = parts[1:]
            while parts and parts[-1] in KHMER_PLAIN:
                parts = parts[:-1]
            own = "".join(parts)
            if len(own) >= _SHORTEST_OWN_WORD:
                found.add(own)
            elif own:
                found.add(piece)  # ស៊ី|ម៉ង|ត៍: question words' letters inside a word, which is whole
    return frozenset(found)


def subject_words(rest: str, known: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The words the question is about: what is left once question words, days and members are gone.
    Khmer is split into words first, so a question word never cuts a word it is part of (អី in កៅអី),
    nor one of the `known` words."""
    latin: list[str] = []
    written = _LATIN_WORD.findall(_TAKING.sub(" ", rest))
    things = _in_things_named(written)
    for at, word in enumerate(written):
        if at in things:
            latin.append(word)  # 'top' of 'top up': a word of a thing's name, no question word here
            continue
        named = singular(word.strip("'"))
        named = named.removesuffix("s") if named.removesuffix("s") in _JOURNEYS else named  # 'runs'
        # "per trip", "tuk tuk rides", "veg run": a journey counted; "the field trip": a journey's name
        if named in _JOURNEYS:
            if latin and not terms(" ".join(latin))[-1].startswith("#"):
                latin.append(named)
        elif word not in STOP and _JOINED_ON.sub("", word) not in STOP:
            latin.append(named)
    khmer = [
        word
        for run in _KHMER_RUN.findall(rest)
        for word in khmer_words(run, KHMER_STOPS | known)
        if word not in KHMER_STOPS and _KHMER_RUN.fullmatch(word)
    ]
    found = [*latin, *khmer]
    # a letter alone is no word, unless it names a colour (ក្រណាត់ស, white fabric: not all the fabric)
    return tuple(word for word in found if (len(word) > 1 or quality(word)) and not word.isdigit())


def _in_things_named(written: Sequence[str]) -> set[int]:
    """Where question words are part of a thing's name of two or three words ('top' and 'up' of 'phone
    top up', 'fill up'): the places of that name's words."""
    kept: set[int] = set()
    for size in (3, 2):
        for at in range(len(written) - size + 1):
            phrase = written[at : at + size]
            if kept & set(range(at, at + size)) or not any(word in STOP for word in phrase):
                continue
            named = terms(" ".join(phrase))
            if len(named) == 1 and named[0].startswith("#"):
                kept |= set(range(at, at + size))
    return kept


def alternatives(rest: str, known: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The subjects asked about, each as its words: 'coffee and tea' is two, 'water bill' one; work
    said once for two things is done to each ('ជួសកង្ហារ នឹង កៅអី', 'fan and chair repairs')."""
    parts = [_named_event(subject_words(part, known)) for part in _parts(rest)]
    parts = _qualities_of_things([words for words in parts if words])
    found = (_without_bill(words) for words in _shared_work(parts))
    return tuple(dict.fromkeys(subject for subject in found if subject))


def _qualities_of_things(parts: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The subjects with each said only as colours ('fabric, white and navy'; 'white and navy fabric')
    read as those colours of the thing named beside it, before it or else after it: which of the
    thing, never a thing of its own ('thread white' is no white fabric)."""
    things = [at for at, words in enumerate(parts) if not only_qualities(words)]
    if not things or len(things) == len(parts):
        return parts
    found: list[tuple[str, ...]] = []
    coloured: set[int] = set()
    for at, words in enumerate(parts):
        if at in things:
            continue
        thing = max((place for place in things if place < at), default=min(things))
        coloured.add(thing)
        found.append((*words, *(word for word in parts[thing] if not quality(word))))
    # a thing of its own colour stays ('white and navy fabric'); one said with none is the colours said
    kept = [
        words
        for at, words in enumerate(parts)
        if at in things and (at not in coloured or any(quality(word) for word in words))
    ]
    return [*kept, *found]


def heads(rest: str, known: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Each subject's thing without whom or what it was for: 'snack' of 'snacks for guests', which
    rows may say with another word for the guests ('snacks for parents meeting')."""
    found = []
    for part in _parts(rest):
        for joined in _FOR.finditer(part):
            thing = subject_words(part[: joined.start()], known)
            if thing and subject_words(part[joined.end() :], known):
                found.append(_without_bill(thing))
                break
        else:  # "the workers' lunches": the lunches, whoever's a row says they were
            whose = _WHOSE.search(part)
            thing = subject_words(part[whose.end() :], known) if whose else ()
            if whose and thing and subject_words(part[: whose.end()], known):
                found.append(_without_bill(thing))
    return tuple(dict.fromkeys(found))


def asks_rides(rest: str) -> bool:
    """Whether the question counts rides or trips: people carried, which a delivery may not be."""
    return _RIDES.search(rest) is not None


def _named_event(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words without 'event' (កម្មវិធី) beside the words that name it, which name no thing the
    vocabulary knows ('the concert event', 'កម្មវិធី concert'): rows name the event, not its kind."""
    name = [word for word in words if word not in _EVENTS]
    if not name or len(name) == len(words) or any(term.startswith("#") for term in terms(" ".join(name))):
        return words
    return tuple(name)


def _parts(rest: str) -> list[str]:
    """The things named apart; what the last says they were for ('the tent and chairs for the forum')
    said of each before it that says no purpose of its own: the narrower reading, whose rows of a
    thing for something else are set aside by its head, never counted."""
    parts = _ALTERNATIVES.split(_YET.sub(" ", rest))
    named = [at for at, part in enumerate(parts) if subject_words(part)]
    last = parts[named[-1]] if len(named) > 1 else ""
    purpose = _FOR.search(last)
    if purpose is None or not subject_words(last[: purpose.start()]):
        return parts
    shared = last[purpose.start() :]
    return [
        f"{part} {shared}" if at in named[:-1] and not _FOR.search(part) else part
        for at, part in enumerate(parts)
    ]


def _shared_work(parts: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The subjects with the work the first says before its thing, or the last after its own, said
    for each that names none ('repair fan and chair': the chair's repair too)."""
    if len(parts) < 2:
        return parts
    first, last = parts[0], parts[-1]
    if len(first) > 1 and _work(first[0]):
        return [first, *((first[0], *part) if not _says_work(part) else part for part in parts[1:])]
    if len(last) > 1 and _work(last[-1]):
        return [*((*part, last[-1]) if not _says_work(part) else part for part in parts[:-1]), last]
    return parts


def _work(word: str) -> bool:
    named = terms(word)
    return len(named) == 1 and named[0] in _WORK


def _says_work(words: tuple[str, ...]) -> bool:
    return any(term in _WORK for term in terms(" ".join(words)))


def _without_bill(words: tuple[str, ...]) -> str:
    """The subject without a bill or payment of it ('laundry bill'), unless items name that bill."""
    read = terms(" ".join(words))
    kept = [word for word in words if word not in _BILLS or word not in read]
    return " ".join(kept or words)


def category_named(words: Sequence[str], categories: Sequence[tuple[str, str]]) -> str | None:
    """The category the words name by its English or Khmer name ('fuel', 'food & drinks', 'ប្រេងឥន្ធនៈ'),
    or by the head of a name of two ('food', 'repairs', 'អាហារ'); 'phone' stays a word of items."""
    said = " ".join(words).removesuffix("s")
    if not said:
        return None
    for name, khmer in categories:
        if said in {form.removesuffix("s") for form in name_forms(name, khmer)}:
            return name
    if len(words) < 2 or not all(_KHMER_RUN.fullmatch(word) for word in words):
        return None  # ម្ហូប alone may be the meals, not the drinks: a word of items
    # A whole Khmer name said in everyday words (ម្ហូប និង ភេសជ្ជៈ for អាហារ និងភេសជ្ជៈ), or its words
    # spaced apart (សម្ភារៈ ការិយាល័យ); និង, and, is a joiner of either.
    spoken = [part for word in words for part in _KHMER_AND.split(word) if part]
    for name, khmer in categories:
        if khmer and _KHMER_AND.sub("", khmer) == "".join(spoken):
            return name  # the whole name only: ទឹក និង ភ្លើង is no ទឹកភ្លើង និងទូរស័ព្ទ, which holds the phone
        for form in name_forms(name, khmer):
            named = [part for part in _KHMER_AND.split(form) if part]
            if len(named) == len(spoken) and all(
                word == part or same_thing(word, part) for word, part in zip(spoken, named, strict=True)
            ):
                return name
    return None
