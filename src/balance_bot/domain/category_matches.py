"""The words of a category tab found in a purpose: English words and phrases, their plurals and slips,
and Khmer split on syllables' edges into the tab's words and the other words the bot knows."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from balance_bot.domain.category_evidence import VEHICLES, khmer_no_thing, unread_latin
from balance_bot.domain.category_names import singular
from balance_bot.domain.category_roles import (
    KHMER_THINGS,
    LIQUID_OF,
    PLAIN_KHMER,
    SENDING_WORDS,
    SPENDING_KINDS,
    khmer_split,
    kind_phrase,
    slip_index,
    swapped,
    word_forms,
)
from balance_bot.domain.text import KHMER_SYLLABLE

# A misspelt English word counts when it is this similar (0-100) to a category's word, and long
# enough that a similarity means something ("gaz" is not "gas", "tax" is not "taxi").
FUZZY_SCORE = 85
FUZZY_SHORTEST = 5
_SLIP_SHORTEST = 3  # a swapped pair or a dropped double letter is told apart in shorter words too
KHMER_RUN = re.compile(f"(?:{KHMER_SYLLABLE.pattern})+")
LATIN_WORD = re.compile(r"[a-z0-9&]+")


@dataclass(frozen=True, slots=True)
class WordMatch:
    """A word of the tab in a purpose: its category, where it stands, and what it says."""

    category: int  # the category's place in the tab
    start: int  # where the word starts and ends: English in words, Khmer in characters
    end: int
    khmer: bool = False
    guessed: bool = False  # a misspelling's nearest word: it loses to any word written right
    kind: bool = False  # the word says what the money paid for (SPENDING_KINDS)
    among: tuple[int, ...] = ()  # the categories a compound's head chose between
    word: str = ""  # the tab's word, as matched

    def inside(self, other: WordMatch) -> bool:
        """Whether another word of the same script covers this one and more ('ink' in 'printer ink')."""
        return (
            other.khmer == self.khmer
            and other.start <= self.start
            and self.end <= other.end
            and other.end - other.start > self.end - self.start
        )


COMPETING = WordMatch(-1, 0, 0)
UNNAMED = -2  # the category of a Khmer thing the tab has no word for


class TabWords:
    """Finding a tab's words, as a CategoryBook indexes them, in a purpose's text."""

    _latin: dict[str, int]
    _phrases: dict[tuple[str, ...], int]
    _khmer: dict[str, int]
    _fuzzy_choices: list[str]
    _longest_phrase: int
    _longest_khmer: int  # in syllables
    _khmer_known: frozenset[str]
    _khmer_same: dict[str, int]
    _slips: dict[str, list[str]]

    def _slipped(self, word: str) -> str | None:
        """The one word of the tab the word is a slip of: two letters swapped ('feul'), or one of a
        double letter left out ('cofee', 'egs')."""
        if not self._slips:
            self._slips = slip_index(self._latin)
        found = {known for known in self._slips.get("".join(sorted(word)), []) if swapped(word, known)}
        found |= set(self._slips.get("-" + word, []))
        return found.pop() if len(found) == 1 else None

    def _names_any(self, text: str, words: frozenset[str]) -> bool:
        """Whether a word of the tab in the text, written right, is one of the words: an occasion
        ('guests for the meeting', ភ្ញៀវមកប្រជុំ), a carrier."""
        matches = (*self._khmer_matches(text), *self._latin_matches(text))
        return any(match.word in words for match in matches if not match.guessed)

    def _unread(self, text: str, names: Collection[str], listed: bool = False) -> bool:
        """Whether the text names a thing no word of the tab reads ('raincoats', អាល់កុល): not a joiner,
        paying or money, a count or a member's name."""
        latin = [singular(word) for word in LATIN_WORD.findall(text.replace("-", " "))]
        read = {
            at
            for match in self._latin_matches(text)
            if not match.guessed
            for at in range(match.start, match.end)
        }
        if unread_latin(list(enumerate(latin)), read, names, listed):
            return True
        plain = (self._khmer, self._khmer_same, PLAIN_KHMER)
        for run in KHMER_RUN.findall(text):
            syllables = KHMER_SYLLABLE.findall(run)
            places = khmer_split(syllables, plain, self._longest_khmer)
            covered = {at for start, end in places for at in range(start, end)}
            if any(at not in covered and not khmer_no_thing(s) for at, s in enumerate(syllables)):
                return True
        return False

    def _unread_piece(self, piece: str, names: Collection[str]) -> bool:
        """Whether one of things listed is a thing the tab has no word for: no word of it is the tab's."""
        matches = (*self._khmer_matches(piece), *self._latin_matches(piece))
        return not any(match.category >= 0 for match in matches) and self._unread(piece, names, listed=True)

    def _khmer_matches(self, text: str) -> Iterable[WordMatch]:
        """Every word of the tab in the runs of Khmer: Khmer is written without spaces, so a run is
        split on syllables' edges, never inside one, into the tab's words and the other words the bot
        knows, the way that leaves the fewest letters outside them (ធុង|វ៉ាក់សាំង, a vaccine's box,
        has no សាំង in it), then in the fewest words; water before letters no word reads is a liquid
        of its own (ទឹកខ្មៅ, ink), not water."""
        for run in KHMER_RUN.finditer(text):
            syllables = KHMER_SYLLABLE.findall(run.group())
            offsets = [run.start()]
            for syllable in syllables:
                offsets.append(offsets[-1] + len(syllable))
            places = khmer_split(syllables, (self._khmer, self._khmer_known), self._longest_khmer)
            ends = dict(places)
            before = {end: "".join(syllables[start:end]) for start, end in places}
            for start, end in places:
                piece = "".join(syllables[start:end])
                category = self._khmer.get(piece, self._khmer_same.get(piece))
                if category is None and piece in KHMER_THINGS:
                    category = UNNAMED  # a thing the bot knows, which the tab does not name
                elif category is None:
                    continue  # a word the bot knows that names no thing
                if piece == LIQUID_OF and end < len(syllables):
                    after = "".join(syllables[end : ends[end]]) if end in ends else ""
                    if after not in PLAIN_KHMER:
                        continue  # a liquid of its own
                if piece in SENDING_WORDS and end == len(syllables) and before.get(start, "") in VEHICLES:
                    continue  # a vehicle's name, carrying nothing said (ប្តូរប្រេងម៉ាស៊ីន|ឡានដឹក, a truck's)
                yield WordMatch(
                    category,
                    offsets[start],
                    offsets[end],
                    khmer=True,
                    kind=piece in SPENDING_KINDS,
                    word=piece,
                )

    def _latin_matches(self, text: str) -> Iterable[WordMatch]:
        raws = LATIN_WORD.findall(text.replace("-", " "))
        words = [singular(word) for word in raws]
        for start in range(len(words)):
            for size in range(min(self._longest_phrase, len(words) - start), 1, -1):
                phrase = tuple(words[start : start + size])
                last = start + size - 1
                if phrase not in self._phrases and words[last] == raws[last] and raws[last].endswith("s"):
                    phrase = (*phrase[:-1], raws[last][:-1])  # a short plural last: 'paper cups', 'bags'
                if phrase in self._phrases:
                    kind = kind_phrase(phrase, raws[start : start + size])
                    yield WordMatch(
                        self._phrases[phrase], start, start + size, kind=kind, word=" ".join(phrase)
                    )
                joined = "".join(phrase)
                if joined in self._latin:
                    kind = joined in SPENDING_KINDS or kind_phrase(phrase, raws[start : start + size])
                    yield WordMatch(self._latin[joined], start, start + size, kind=kind, word=joined)
        for index, (raw, word) in enumerate(zip(raws, words, strict=True)):
            exact = next((form for form in word_forms(raw, word) if form in self._latin), None)
            if exact is not None:
                yield WordMatch(
                    self._latin[exact],
                    index,
                    index + 1,
                    kind=word in SPENDING_KINDS,
                    word=singular(exact),
                )
            elif len(word) >= _SLIP_SHORTEST and (slip := self._slipped(word)) is not None:
                yield WordMatch(
                    self._latin[slip], index, index + 1, guessed=True, kind=slip in SPENDING_KINDS, word=slip
                )
            elif len(word) >= FUZZY_SHORTEST and not word.isdigit():
                found = process.extractOne(
                    word, self._fuzzy_choices, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE
                )
                if found is not None:
                    kind = found[0] in SPENDING_KINDS
                    # One letter off a long word that says what the money paid for ('gasolin') is
                    # as good as written: it still names the kind over a thing written right.
                    slight = kind and len(word) >= 6 and Levenshtein.distance(word, found[0]) <= 1
                    guessed = not slight
                    yield WordMatch(
                        self._latin[found[0]], index, index + 1, guessed=guessed, kind=kind, word=found[0]
                    )
