"""A message typed in Khmer with Latin letters ("luy nov knong prob 45$", "Dara ban oy luy 10$ mok vinh")
read as its Khmer: the words the sound layer places (romanised_words) written in Khmer script, the rest
(numbers, currency signs, English words, words no Khmer word sounds like) as typed. The parser asks the
checks it has for Khmer script of that reading too, so an idea known in Khmer is known however it is
typed. A word that is two everyday words is read only in a phrase that tells which: this reading may only
tell that money was not spent, and a guessed word must never make chatter of an expense."""

from __future__ import annotations

import re

from balance_bot.domain import romanised_words
from balance_bot.domain.item_words import KNOWN_LATIN
from balance_bot.domain.not_spending import tells_of_money_not_spent
from balance_bot.domain.question_words import STOP
from balance_bot.domain.text import bare_word

# Words read alone as Khmer only where no other word sounds the same: 'bong' is the elder addressed or
# paying (បង់); 'sang' fuel (សាំង) or paying back (សង); 'kot' noting (កត់) or he (គាត់); 'mun' before
# (មុន) or not (មិន); 'bek' a pen (ប៊ិច, 'bic') or paying out (បើក); 'na' which (ណា), or very (ណាស់,
# 'nas'). In a phrase that tells which ('sang luy', 'ban bong', 'bong2', 'neak na') they are read as it
# says, and មុន after a period ('khe mun', last month).
_TWO_WORDS = frozenset(("បង", "សាំង", "កត់", "មុន", "ប៊ិច", "ណា"))
_BEFORE = "មុន"
_PERIODS = ("ខែ", "ថ្ងៃ", "អាទិត្យ", "សប្តាហ៍", "ឆ្នាំ")
_NOVEMBER = "នៅ"  # 'nov' beside a number is a month: '12 nov'
# English words typed in messages that sound like a Khmer word of the dictionary ('or' អស់, 'now' នៅ, 'he'
# ហើយ, 'sick' ស្អែក): read only in a phrase.
_ENGLISH = frozenset((
    "or", "ors", "now", "he", "her", "be", "they", "their", "the", "near", "class", "chairs", "bring", "pick",
    "too", "loan", "trays", "big", "wing", "tie", "thurs", "com", "dark", "keys", "sick", "less", "th",
    "bay", "bank", "cam", "chip", "dock", "dole", "hung", "king", "mock", "mean", "mine", "pay", "pie",
    "peak", "pool", "sell", "some", "song", "tea", "top", "trip", "ten", "tin", "nice", "nay", "me",
    "may", "back", "cool", "doll", "pen", "keep", "sale", "main", "mon", "pro", "rob", "pet", "she",
))  # fmt: skip
_PIECE = re.compile(r"(?P<word>[a-z][a-z']*)(?P<again>2(?![0-9]))?|(?P<number>[0-9]+)|(?P<other>[^a-z0-9]+)")
_LATIN_WORD = re.compile(r"[a-z]{2}")
_BETWEEN_KHMER = re.compile(r"(?<=[\u1780-\u17ff])[ \t]+(?=[\u1780-\u17ff])")
_SPACES = re.compile(" {2,}")
_AGAIN = "ៗ"  # '2' after a word says it twice: 'bong2', everyone
_FEWEST = 2  # words placed, for a message to be Khmer typed in Latin letters, not an English one


def not_spent_in_khmer(text: str) -> bool:
    """Whether the message, read as its Khmer, tells of money not spent as Khmer script would: money
    given back, counted in the box, a salary to pay, a plan. Not money back alone: "dork luy pi prob
    tinh sang" (ដកលុយ…ទិញ) is cash taken out to buy with."""
    khmer = khmer_reading(text)
    return khmer is not None and tells_of_money_not_spent(khmer, {bare_word(word) for word in khmer.split()})


def khmer_reading(text: str) -> str | None:
    """The lower-case message with its romanised Khmer words in Khmer script, written together as Khmer
    is; None when fewer than two of its words are read so, or no more than its English words (Khmer
    script, an English message, a word or two)."""
    said = text.lower()
    if _LATIN_WORD.search(said) is None:
        return None  # Khmer script, numbers and signs: nothing to read
    pieces = list(_PIECE.finditer(said))
    spots = [at for at, piece in enumerate(pieces) if piece["word"] or piece["number"]]
    words = [pieces[at].group("word") or pieces[at].group("number") for at in spots]
    leave = [word in STOP or word in KNOWN_LATIN or word in _ENGLISH for word in words]
    runs: list[tuple[int, int, str]] = []
    for start, end, khmer in romanised_words.read(words, leave):
        after_a_period = (
            khmer == _BEFORE and bool(runs) and runs[-1][1] == start and runs[-1][2].endswith(_PERIODS)
        )
        if after_a_period or not _another_word(start, end, khmer, words, [pieces[at] for at in spots]):
            runs.append((start, end, khmer))
    placed = {at for start, end, _ in runs for at in range(start, end)}
    english = sum(word in STOP or word in _ENGLISH for at, word in enumerate(words) if at not in placed)
    if len(runs) < _FEWEST or len(runs) <= english:
        return None  # an English message with a word or two that sound Khmer
    written = [piece.group() for piece in pieces]
    for start, end, khmer in runs:
        first, last = spots[start], spots[end - 1]
        number = pieces[last]["number"] if words[end - 1].isdigit() else ""
        again = _AGAIN if pieces[last]["again"] and not khmer.endswith(_AGAIN) else ""
        written[first] = f" {khmer}{again} {number}"
        for at in range(first + 1, last + 1):
            written[at] = ""
    return _SPACES.sub(" ", _BETWEEN_KHMER.sub("", "".join(written))).strip()


def _another_word(start: int, end: int, khmer: str, words: list[str], pieces: list[re.Match[str]]) -> bool:
    """Whether a word read alone may as well be another word: one of two that sound alike, unless said
    twice ('bong2', everyone), or 'nov' beside a number (November)."""
    if end - start > 1:
        return False
    if khmer in _TWO_WORDS:
        return not pieces[start]["again"]
    if khmer == _NOVEMBER:
        return any(0 <= at < len(words) and _a_day(pieces[at]) for at in (start - 1, start + 1))
    return False


def _a_day(piece: re.Match[str]) -> bool:
    """Whether the piece is a number a month is dated by ('12 nov', 'nov 2025'), not an amount ('40ពាន់',
    '5$')."""
    number = piece["number"] or ""
    after = piece.string[piece.end() : piece.end() + 1]
    return (len(number) <= 2 or len(number) == 4) and bool(number) and (not after or after in " ,.\n")
