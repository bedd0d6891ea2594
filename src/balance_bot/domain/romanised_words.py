"""The everyday Khmer words of spending talk, each with one or two usual Latin spellings, known by their
sound (romanised_sounds): 'khae nih oss ponnman' is read as ខែនេះអស់ប៉ុន្មាន however it is spelled. A word
whose sound is no word's here stays as typed, and the reader is not sure of it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from balance_bot.domain.romanised_sounds import sound_key

NUMBER = "#"  # in a spelling: any number ('thngai ti 8', the 8th)
# Each Khmer word or phrase with its usual spellings; a phrase is read before the words in it. A word two
# everyday words sound alike in is a phrase only: គេ ('ke') in ជាងគេ, for ខែ is 'khe' alone; ជា in ជាមធ្យម,
# for ចាយ is 'chay'; ទាំង in ទាំងអស់. តើ is left out: it sounds as ទេ does, and either carries nothing. Words
# read one by one are written together ('khe' 'nis': ខែនេះ), so a phrase of words here needs no entry.
QUESTION_WORDS = {  # how much, who, what, which, the most, the least, an average, each time
    "មុខ": ("muk",),  # things ('ប៉ុន្មានមុខ', how many things)
    "ប៉ុន្មាន": ("ponman", "bonman", "ponma", "pnman"),
    "អ្នកណា": ("neak na", "nak na"),
    "អីខ្លះ": ("avey klah", "ey klah"),
    "អី": ("avey", "ey"),
    "ខ្លះ": ("klah",),
    "មួយ": ("muoy",),
    "ពេល": ("pel",),
    "ណា": ("na",),
    "ជាងគេ": ("jeang ke", "jeng ke"),
    "ជាង": ("jeang",),  # than: a comparison, which no one figure answers
    "ធំ": ("thom",),
    "តូច": ("touch",),
    "ជាមធ្យម": ("chea mathyum", "chea mathyom"),
    "មធ្យម": ("mathyum", "mathyom"),
    "សរុប": ("sarob", "sorob"),
    "ទាំងអស់": ("teang os", "tang os"),
    "ម្ដងៗ": ("mdong mdong",),
    "ម្ដង": ("mdong",),
    "ដង": ("dong",),
    "លើក": ("lerk",),
    "មួយពេល": ("muoy pel",),
    "ម្នាក់": ("mneak",),
    "ច្រើន": ("chraen", "chran"),
    "តិច": ("tech",),
    "ថ្លៃ": ("thlai", "tlai"),
    "ថោក": ("thok",),
}
PERIODS = {  # today, yesterday, this and last week, month and year, the days, the months
    "ចុង": ("chong",),
    "ដើម": ("daem",),
    "ខែ": ("khe",),
    "នេះ": ("nis", "neh"),
    "មុន": ("mun", "mon"),
    "ថ្ងៃទី": (f"thngai ti {NUMBER}", f"ti {NUMBER}", f"thngai {NUMBER}"),
    "ថ្ងៃ": ("thngai",),
    "ម្សិលមិញ": ("msel minh", "mosel minh"),
    "អាទិត្យ": ("atit", "ath"),
    "សប្តាហ៍": ("sabda", "saptah"),
    "ឆ្នាំ": ("chnam",),
    "ថ្ងៃច័ន្ទ": ("thngai chan",),
    "ថ្ងៃអង្គារ": ("thngai angkea",),
    "ថ្ងៃពុធ": ("thngai put",),
    "ថ្ងៃព្រហស្បតិ៍": ("thngai prohos",),
    "ថ្ងៃសុក្រ": ("thngai sok",),
    "ថ្ងៃសៅរ៍": ("thngai sao",),
    "ថ្ងៃអាទិត្យ": ("thngai atit",),
    "មករា": ("makara",),
    "កុម្ភៈ": ("kompheak",),
    "មីនា": ("mina",),
    "មេសា": ("mesa",),
    "ឧសភា": ("osaphea",),
    "មិថុនា": ("mithona",),
    "កក្កដា": ("kakada",),
    "សីហា": ("seiha",),
    "កញ្ញា": ("kanha",),
    "តុលា": ("tola",),
    "វិច្ឆិកា": ("vichika",),
    "ធ្នូ": ("thnu",),
}
VERBS = {  # buy, spend, pay, fill, repair, hire, send, give, take, put, record
    "ទិញ": ("tinh", "teng"),
    "ចាយ": ("chay",),
    "ចំណាយ": ("chomnay", "chamnay"),
    "អស់": ("os", "ass", "ob"),
    "អត់": ("ot",),  # not; or អស់ mistyped: either carries nothing
    "បាន": ("ban",),
    "បង់": ("bong tlai",),  # paying (alone 'bong' is the elder addressed)
    "សងលុយ": ("sang luy", "song luy"),  # paying back: 'sang' alone is fuel (សាំង)
    "ចាក់": ("chak",),
    "ជួសជុល": ("chuos chul", "chuosjul"),
    "ជួល": ("chuol", "jul"),
    "ឲ្យ": ("oy",),
    "យក": ("yok",),
    "ដាក់": ("dak",),
    "ចេញ": ("chenh",),
    "កត់": ("kot",),
    "ជិះ": ("chih",),
    "ត្រូវ": ("trov",),
    "នៅ": ("nov",),
    "សល់": ("sal",),
    "មាន": ("mean",),
    "ហើយ": ("hery", "hoy", "hz"),
}
PEOPLE_AND_FILLERS = {  # I, we, the elder and the younger addressed, teacher, the question's particles
    "ខ្ញុំ": ("knhom",),
    "យើង": ("yerng",),
    "បង": ("bong",),
    "អូន": ("oun",),
    "លោកគ្រូ": ("lok kru",),
    "ទេ": ("te",),
    "ដែរ": ("dae",),
    "សុំសួរ": ("som suor",),
    "លុយ": ("luy",),
    "ក្នុង": ("knong",),
    "ប្រអប់": ("pro ob", "prob"),
    "លើ": ("leu",),
}
ITEMS = {  # the things bought most, for questions about them
    "ទឹកកក": ("tek kork",),
    "ទឹកសុទ្ធ": ("tek sot",),
    "ទឹកខ្មៅ": ("tek khmao",),
    "ទឹករដ្ឋ": ("tek rot",),
    "ទឹកត្រី": ("tek trey",),
    "អង្ករ": ("angkor",),
    "បាយថ្ងៃត្រង់": ("bay thngai trong", "bay trong"),
    "បាយ": ("bay",),
    "សាំង": ("sang",),
    "ម្ហូប": ("mhob",),
    "បន្លែ": ("bonle", "banle"),
    "សាច់មាន់": ("sach moan", "sach mon"),  # not 'mon' alone: មុន
    "សាច់គោ": ("sach ko",),
    "សាច់ជ្រូក": ("sach chrouk",),
    "សាច់": ("sach",),
    "ត្រី": ("trey",),
    "ពងមាន់": ("pong moan",),
    "ស្ករ": ("skor",),
    "អំបិល": ("ambel",),
    "ធ្យូង": ("thyoung",),
    "ក្រដាស": ("krodas", "kradas", "kdas"),
    "សាប៊ូ": ("sabu",),
    "ប៊ិច": ("bic",),
    "ប្រេង": ("preng", "breng"),
    "ភ្លើង": ("phleung",),
    "ម៉ូតូ": ("moto",),
    "កង់ម៉ូតូ": ("kong moto",),
    "ឡាន": ("lan",),
    "ដែកគោល": ("dek koul",),
    "ស៊ីម៉ង់": ("simong",),
    "កាហ្វេ": ("kafe",),
    "តុកតុក": ("tuk tuk", "tok tok"),  # not ថោក ('thok') twice
}
# The words of money talked about rather than spent (money back, got, counted, owed, asked for, planned,
# a salary), for reading a message as its Khmer (khmer_reading). ណាស់ is left out: it sounds as ណា does;
# so are មិន, also ម៉ឺន ('min', 'mern': ten thousand), នឹង, also និង ('nung': and), ចង់, also ចុង
# ('chong'), and សុំ alone, also a name ('Som').
MONEY_TALK = {
    "មក": ("mok",),
    "វិញ": ("vinh",),
    "ប្រាក់ខែ": ("prak khe",),
    "ប្រាក់": ("prak", "brak"),
    "ដក": ("dok",),
    "ពី": ("pi",),
    "សម្រាប់": ("samrab", "somrab"),
    "ខ្លួនឯង": ("khluon eng",),
    "ខ្ចី": ("khchey",),
    "ជំពាក់": ("chompeak",),
    "រាប់": ("roap", "rab", "reap"),
    "ផ្សារ": ("psar",),
    "ទទួល": ("totuol", "tetuol"),
    "ស្អែក": ("saek",),
    "ត្រូវការ": ("trov ka",),
    "តម្លៃ": ("tomlai",),
    "ឡើង": ("laeng",),
    "ពេក": ("pek",),
    "មិនមែន": ("min men",),
    "មិនទាន់": ("min ton",),
    "អត់ទាន់": ("ot ton",),
    "ចាំ": ("cham",),
    "កុំ": ("kom",),
    "ភ្លេច": ("plech",),
    "ទៅ": ("tov", "tou", "dtov", "teuv"),
    "សុំលុយ": ("som luy",),
    "ចូល": ("chol",),
    "ក្រុម": ("krom",),
    "ដល់": ("dol",),
    "ហាង": ("hang",),
    "ថ្មី": ("thmey",),
    "បានបង់": ("ban bong",),
    # paying out (បើក): 'bek' alone is a pen (ប៊ិច, 'bic'), never before money, a salary or a day
    "បើកលុយ": ("bek luy",),
    "បើកប្រាក់ខែ": ("bek prak khe",),
    "បើកថ្ងៃ": ("bek thngai",),  # paid: 'bong' alone is the elder addressed (បង)
    "បងៗ": ("bong bong",),
}
# The words of a purpose, for writing one typed in Latin letters back in Khmer script (romanised_purposes):
# what a cost is of (water, power, the state's mains, carrying goods, a ticket, a bus, a house, guests, a
# pack, paper, documents, a meeting, garbage, a phone, electricity, a bulb). A spelling the sound key does
# not place ('phnhiev', 'eyvan') is read as typed.
PURPOSE_WORDS = {
    "ទឹក": ("tek", "tuk", "dteuk"),
    "រដ្ឋ": ("rodth", "roth", "rath"),
    "ដឹក": ("deuk", "doek", "derk", "duek"),  # not 'dek' by its sound: ដែក, iron ('dek koul')
    "ឥវ៉ាន់": ("eivan", "eivorn", "eyvan", "eyvann", "eywan", "aivan"),
    "ផ្ញើ": ("phnhae", "pheu", "phnhoeu"),
    "សំបុត្រ": ("sombot", "sombuot", "sambot", "sambuot"),
    "ក្រុង": ("krong", "krung"),
    "ផ្ទះ": ("ptes", "ptas"),
    "ភ្ញៀវ": ("phnheav", "phnhiev", "pnhiev", "phnhieu", "pnhieu", "phnhiv", "pnhiv", "phnhiew", "pnhiew"),
    "តាម": ("tam",),
    "កញ្ចប់": ("kanhchab", "kanhchob", "kanchab"),
    "ឯកសារ": ("eksar", "ekasar"),
    "ប្រជុំ": ("prochum", "brochum"),
    "សំរាម": ("somram", "samram", "somrom"),
    "ទូរស័ព្ទ": ("turosap", "toursab", "tursap", "tourasap"),
    "អគ្គិសនី": ("akisany", "akkisanei"),
    "អំពូល": ("ampoul", "ampol", "ompoul", "ampoule", "ampaul"),
}
_ALL = {**QUESTION_WORDS, **PERIODS, **VERBS, **PEOPLE_AND_FILLERS, **ITEMS, **MONEY_TALK, **PURPOSE_WORDS}
_LONGEST = max(len(spelling.split()) for spellings in _ALL.values() for spelling in spellings)
_VOWELS = re.compile("[aeiouy]")
_SYLLABLE = re.compile("[a-z]*[aeiouy][a-z]*")  # a half of a word typed in two, each a syllable
_SHORT = "="  # a key that is a word's consonants only


def key_of(spelling: str) -> tuple[str, ...]:
    """A spelling's words by their sound, a number as NUMBER."""
    return tuple(NUMBER if word.isdigit() or word == NUMBER else sound_key(word) for word in spelling.split())


@lru_cache(maxsize=1)
def index() -> dict[tuple[str, ...], str]:
    """Each key of a spelling, with its Khmer word."""
    keys = {key_of(spelling): khmer for khmer, spellings in _ALL.items() for spelling in spellings}
    return {key: khmer for key, khmer in keys.items() if all(key)}


@lru_cache(maxsize=1)
def _spelled() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """Each one-word spelling with its Khmer word; and the consonants a one-word spelling is shortened
    to ('ns' for 'nis'), with the words shortened so."""
    own: dict[str, str] = {}
    shortened: dict[str, set[str]] = {}
    for khmer, spellings in _ALL.items():
        for spelling in spellings:
            if " " not in spelling:
                own[spelling] = khmer
                shortened.setdefault(_VOWELS.sub("", spelling), set()).add(khmer)
    return own, {short: frozenset(words) for short, words in shortened.items()}


def _word_key(word: str) -> str:
    """A word's sound; for a word shortened to its consonants ('kh ns' for 'khe nis'), the one word
    shortened so, marked by _SHORT (none when two are)."""
    if word.isdigit():
        return NUMBER
    if _VOWELS.search(word):
        return sound_key(word)
    words = _spelled()[1].get(word, frozenset())
    return f"{_SHORT}{min(words)}" if len(words) == 1 and len(word) > 1 else ""


def one_word(word: str, *, by_sound: bool = True) -> str | None:
    """The Khmer word a (lower-case) Latin word is, one of its own spellings or (unless not `by_sound`)
    by its sound; None when none is."""
    own = _spelled()[0].get(word)
    return own if own or not by_sound else index().get((sound_key(word),))


def read(words: Sequence[str], leave: Sequence[bool] = ()) -> list[tuple[int, int, str]]:
    """The runs of Latin words (start, end, Khmer) that sound like a word or phrase here, longest
    first, none overlapping; a word `leave` marks (an English word) is read only in a phrase, or as
    one of this word's own spellings."""
    leave = list(leave) or [False] * len(words)
    keys = [_word_key(word) for word in words]
    known = index()
    own = _spelled()[0]
    found: list[tuple[int, int, str]] = []
    at = 0
    while at < len(words):
        for size in range(min(_LONGEST, len(words) - at), 0, -1):
            run = tuple(keys[at : at + size])
            if not all(run) or run[0] == NUMBER:
                continue
            short = size == 1 and run[0].startswith(_SHORT)
            khmer = run[0].removeprefix(_SHORT) if short else known.get(run)
            if khmer is None and size == 2 and all(_SYLLABLE.fullmatch(word) for word in words[at : at + 2]):
                khmer = known.get((sound_key(words[at] + words[at + 1]),))  # one word typed in two: 'pon man'
            alone = size == 1 and (leave[at] or len(words[at]) < 2)
            if khmer is None or (alone and own.get(words[at]) != khmer):
                continue
            found.append((at, at + size, khmer))
            at += size
            break
        else:
            at += 1
    return found
