"""Categories of spending, and which one a purpose's words name: English words, Khmer written
without spaces, plurals and misspellings."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import Enum

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from balance_bot.domain.category_names import name_forms, purpose_key, singular
from balance_bot.domain.category_roles import (
    CARRIER_WORDS,
    COURIERS,
    HOLDER_WORDS,
    HOSTING_WORDS,
    KHMER_THINGS,
    KNOWN_KHMER,
    LIQUID_OF,
    LONGEST_KNOWN_KHMER,
    OCCASION_WORDS,
    PLACE_WORD,
    PLAIN_KHMER,
    SAME_IN_KHMER,
    SENDING_WORDS,
    SENT_BY,
    SEVERAL,
    SHORT_GUESS,
    SPENDING_KINDS,
    THIN,
    carries_goods,
    held_by_holders,
    khmer_split,
    kind_phrase,
    official_visit,
    sent_by_bus_company,
    slip_index,
    swapped,
    unread_words,
    without_measures,
    word_forms,
)
from balance_bot.domain.romanised_purposes import in_khmer_script, may_be_typed
from balance_bot.domain.text import KHMER_SYLLABLE, normalize_message

OTHER = "Other"
TOTAL = "Total"  # a tab's row of budgets for all the month's spending together
# A misspelt English word counts when it is this similar (0-100) to a category's word, and long
# enough that a similarity means something ("gaz" is not "gas", "tax" is not "taxi").
FUZZY_SCORE = 85
FUZZY_SHORTEST = 5
_SLIP_SHORTEST = 3  # a swapped pair or a dropped double letter is told apart in shorter words too
_KHMER_RUN = re.compile(f"(?:{KHMER_SYLLABLE.pattern})+")
_LATIN_WORD = re.compile(r"[a-z0-9&]+")
JOINING_WORD = re.compile(r"\s(?:to|for|from|at|of|into|with|by|via)\s|សម្រាប់")


@dataclass(frozen=True, slots=True)
class Category:
    """A kind of spending, as the Categories tab names it, with the words that mean it."""

    name: str
    name_km: str = ""
    words: tuple[str, ...] = ()
    budget_usd: Decimal | None = None
    budget_khr: Decimal | None = None


class DecidedBy(Enum):
    """What chose an entry's category."""

    LEARNED = "learned"  # a correction made in this spreadsheet before
    WORDS = "words"  # the Categories tab's words
    NOTHING = "nothing"  # no word matched: Other, or the model's choice


@dataclass(frozen=True, slots=True)
class Categorised:
    """An entry's category, and what decided it."""

    name: str
    decided_by: DecidedBy
    # The other categories whose things the purpose names, where the compound's head chose between
    # them ('engine oil truck'): a guess, which a question about one of them does not count as sure.
    also: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Match:
    category: int  # the category's place in the tab
    start: int  # where the word starts and ends: English in words, Khmer in characters
    end: int
    khmer: bool = False
    guessed: bool = False  # a misspelling's nearest word: it loses to any word written right
    kind: bool = False  # the word says what the money paid for (SPENDING_KINDS)
    among: tuple[int, ...] = ()  # the categories a compound's head chose between
    word: str = ""  # the tab's word, as matched

    def inside(self, other: _Match) -> bool:
        """Whether another word of the same script covers this one and more ('ink' in 'printer ink')."""
        return (
            other.khmer == self.khmer
            and other.start <= self.start
            and self.end <= other.end
            and other.end - other.start > self.end - self.start
        )


_COMPETING = _Match(-1, 0, 0)
_UNNAMED = -2  # the category of a Khmer thing the tab has no word for


@dataclass
class CategoryBook:
    """A spreadsheet's categories in the tab's order, indexed once for matching many purposes."""

    categories: tuple[Category, ...]
    _latin: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    _phrases: dict[tuple[str, ...], int] = field(default_factory=dict, init=False, repr=False)
    _khmer: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    _fuzzy_choices: list[str] = field(default_factory=list, init=False, repr=False)
    _longest_phrase: int = field(default=1, init=False, repr=False)
    _longest_khmer: int = field(default=1, init=False, repr=False)  # in syllables
    _khmer_known: frozenset[str] = field(default=frozenset(), init=False, repr=False)  # no word of the tab
    _khmer_same: dict[str, int] = field(default_factory=dict, init=False, repr=False)  # a tab word's thing
    _slips: dict[str, list[str]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for index, category in enumerate(self.categories):
            if category.name.casefold() == TOTAL.casefold():
                continue  # the budget for all spending together, never an expense's category
            for word in (category.name, *category.words):
                self._index(word, index)
        self._fuzzy_choices = [word for word in self._latin if len(word) >= FUZZY_SHORTEST]
        # A known word with a tab's word of a kind inside (ឡានដឹក, a truck, has ដឹក, carrying) is read
        # as its parts: what the money paid for is said.
        kinds = [word for word in self._khmer if word in SPENDING_KINDS]
        self._khmer_known = frozenset(
            word for word in KNOWN_KHMER - self._khmer.keys() if not any(kind in word for kind in kinds)
        )
        for khmer, others in SAME_IN_KHMER:
            named = {self._khmer[word] for word in khmer if word in self._khmer}
            named |= {found for word in others if (found := self._word_category(word)) is not None}
            if len(named) == 1:
                for word in khmer:
                    if word in self._khmer_known:
                        self._khmer_same.setdefault(word, next(iter(named)))
        self._longest_khmer = max(self._longest_khmer, LONGEST_KNOWN_KHMER)

    def _word_category(self, word: str) -> int | None:
        """The category the tab files an English word or phrase under, as a whole ('headlight' is no
        'light'); None when the tab has it not."""
        latin = tuple(singular(part) for part in _LATIN_WORD.findall(word.lower().replace("-", " ")))
        return self._phrases.get(latin) if len(latin) > 1 else self._latin.get(latin[0]) if latin else None

    def _slipped(self, word: str) -> str | None:
        """The one word of the tab the word is a slip of: two letters swapped ('feul'), or one of a
        double letter left out ('cofee', 'egs')."""
        if not self._slips:
            self._slips = slip_index(self._latin)
        found = {known for known in self._slips.get("".join(sorted(word)), []) if swapped(word, known)}
        found |= set(self._slips.get("-" + word, []))
        return found.pop() if len(found) == 1 else None

    def _index(self, word: str, index: int) -> None:
        """A word of the tab: Khmer by its syllables, English by its words (a phrase if several)."""
        text = normalize_message(word).lower().strip()
        for khmer in _KHMER_RUN.findall(text):
            self._khmer.setdefault(khmer, index)
            self._longest_khmer = max(self._longest_khmer, len(KHMER_SYLLABLE.findall(khmer)))
        latin = tuple(singular(word) for word in _LATIN_WORD.findall(text.replace("-", " ")))
        if len(latin) == 1:
            self._latin.setdefault(latin[0], index)
        elif latin:
            self._phrases.setdefault(latin, index)
            self._latin.setdefault("".join(latin), index)  # "tuk-tuk" written "tuktuk"
            self._longest_phrase = max(self._longest_phrase, len(latin))

    @property
    def names(self) -> list[str]:
        """The categories' English names, in the tab's order."""
        return [category.name for category in self.choices]

    @property
    def choices(self) -> list[Category]:
        """The categories an expense may have: all but the Total row."""
        return [category for category in self.categories if category.name.casefold() != TOTAL.casefold()]

    @property
    def budgeted(self) -> list[Category]:
        """The categories with a monthly budget, and the Total row if it has one."""
        return [category for category in self.categories if category.budget_usd or category.budget_khr]

    def named(self, name: str) -> Category | None:
        """The category of that name, in English or Khmer, whatever its case; None if there is none."""
        wanted = normalize_message(name).strip().casefold()
        for category in self.choices:
            if wanted in (category.name.casefold(), category.name_km.casefold()):
                return category
        return None

    def meant(self, said: str) -> Category | None:
        """The category a member means by a name typed by hand (/cat repair): its name in English or
        Khmer, the first part of a name of two ('repairs', 'ជួសជុល'), a name it starts, or one
        misspelt ('Fuell'); None when no one category is meant."""
        exact = self.named(said)
        wanted = normalize_message(said).strip().casefold()
        if exact is not None or len(wanted) < 3:
            return exact
        forms = {category.name: name_forms(category.name, category.name_km) for category in self.choices}
        wanted_one = wanted.removesuffix("s")
        for starts in (False, True):
            found = [
                category
                for category in self.choices
                if any(
                    form.startswith(wanted) if starts else form.removesuffix("s") == wanted_one
                    for form in forms[category.name]
                )
            ]
            if len(found) == 1:
                return found[0]
        names = {form: category for category in self.choices for form in forms[category.name]}
        guess = process.extractOne(wanted, list(names), scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
        return names[guess[0]] if guess is not None else None

    def categorise(self, purpose: str, learned: Mapping[str, str] | None = None) -> Categorised:
        """The category the purpose's words name: a correction learned for these words first, then
        the tab's words (the longest matched word wins, then the later word, then the earlier
        category), else Other."""
        key = purpose_key(purpose)
        if learned and key in learned and self.named(learned[key]) is not None:
            return Categorised(learned[key], DecidedBy.LEARNED)
        best = self._best_match(self._typed_in_khmer(normalize_message(purpose).lower()))
        if best is None or best is _COMPETING:
            return Categorised(self._other(), DecidedBy.NOTHING)
        also = tuple(self.categories[index].name for index in best.among if index != best.category)
        return Categorised(self.categories[best.category].name, DecidedBy.WORDS, also)

    @property
    def _other_index(self) -> int:
        """Where Other stands in the tab; -1 when the tab has none."""
        other = self.named(OTHER)
        return self.categories.index(other) if other is not None else -1

    def _other(self) -> str:
        other = self.named(OTHER)
        return other.name if other is not None else OTHER

    def _best_match(self, text: str) -> _Match | None:
        """What was bought names the kind of spending, not where or for what: 'taxi to the market' is
        transport, 'water for the office' a drink. So the words before a joining word decide first;
        but food for an occasion ('snacks for the donor visit') is as much the occasion's, a thing
        sent with a carrier ('documents by bus') or a carrier of a delivery ('tuk tuk for the piano
        delivery') is the delivery, and a vehicle that measures the thing ('sand 1 truck load') is no
        ride."""
        text = without_measures(text)
        if carries_goods(text) and self._names_any(text, CARRIER_WORDS):
            return self._sending()  # a carrier's load to a customer: 'grab bring cake to customer house'
        joining = JOINING_WORD.search(text)
        if joining is None and (sent := SENT_BY.search(text)) is not None:
            joining = sent  # 'ឯកសារតាមឡានក្រុង', documents by bus
        if joining is None or (in_head := self._decided(text[: joining.start()])) is None:
            return self._decided(text)
        if in_head is not _COMPETING and not in_head.kind and sent_by_bus_company(text):
            return self._sending()  # a thing sent by a bus company: 'docs to Kampot via Capitol'
        rest = PLACE_WORD.sub(" ", text[joining.end() :])
        for_what = self._decided(rest)
        if in_head is _COMPETING or for_what is None or for_what is _COMPETING:
            return in_head
        if not in_head.kind and for_what.category == self._other_index:
            # A thing bought for what the tab files under Other ('ice for the vaccine cooler') may be
            # of either: a wrong named category is worse than Other.
            return _COMPETING
        if (
            joining.group().strip() in ("for", "សម្រាប់")
            and not in_head.kind
            and (in_head.category == self._word_category("food") or in_head.word in HOSTING_WORDS)
            and in_head.category != for_what.category
            and (self._names_any(rest, OCCASION_WORDS) or official_visit(rest))
        ):
            # Food or chairs for an occasion ('snacks for the donor visit') are the thing bought to one
            # reader and hosting to another: they compete, and a wrong named category is worse than Other.
            return _COMPETING
        if in_head.word in CARRIER_WORDS and for_what.word in SENDING_WORDS:
            return for_what
        # with a carrier or a courier ('via J&T'), not a fee ('via foodpanda incl. delivery fee')
        courier = (
            not for_what.kind or for_what.word in COURIERS
        ) and for_what.category == self._word_category("delivery")
        sent_with = for_what.word in CARRIER_WORDS or courier
        if SENT_BY.fullmatch(joining.group()) and sent_with and not in_head.kind:
            if in_head.category == for_what.category or in_head.word in SENDING_WORDS:
                return in_head  # a ride by another ('bus ticket by ferry'), a delivery by a carrier
            return self._sending()
        return in_head

    def _names_any(self, text: str, words: frozenset[str]) -> bool:
        """Whether a word of the tab in the text, written right, is one of the words: an occasion
        ('guests for the meeting', ភ្ញៀវមកប្រជុំ), a carrier."""
        matches = (*self._khmer_matches(text), *self._latin_matches(text))
        return any(match.word in words for match in matches if not match.guessed)

    def _typed_in_khmer(self, text: str) -> str:
        """The text with Khmer typed in Latin letters ('luy tek rodth', 'tlai deuk cement') in Khmer
        script, but for the words the tab has as they are ('tuk tuk')."""
        if not may_be_typed(text):
            return text
        kept = {
            at
            for match in self._latin_matches(text)
            if not match.guessed
            for at in range(match.start, match.end)
        }
        return in_khmer_script(text, kept) or text

    def _sending(self) -> _Match:
        """The tab's category of deliveries, as a thing sent is; Other's choice when it has none."""
        category = self._word_category("delivery")
        return _COMPETING if category is None else _Match(category, 0, 0, word="delivery")

    def _decided(self, text: str) -> _Match | None:
        """The word that names the kind: the longest where words overlap ('printer ink', not 'ink');
        where words of two categories meet, the one that says what the money paid for ('printer
        repair', 'fuel moto'), else the compound's head. Things listed side by side compete ('soap
        and rice'): a wrong named category is worse than Other."""
        latin = [singular(word) for word in _LATIN_WORD.findall(text.replace("-", " "))]
        holding = held_by_holders(latin)
        matches = [
            match
            for match in (*self._khmer_matches(text), *self._latin_matches(text))
            if match.khmer
            or not holding.issuperset(range(match.start, match.end))
            or any(word in HOLDER_WORDS for word in latin[match.start : match.end])  # 'gas tank'
        ]
        written = [match for match in matches if not match.guessed] or matches
        if (
            all(match.guessed and match.end - match.start == 1 for match in written)
            and any(len(latin[match.start]) <= SHORT_GUESS for match in written if not match.khmer)
            and unread_words(latin, {at for match in written for at in range(match.start, match.end)}) >= THIN
        ):
            return None  # a short guess among words nothing reads ('tek bok ao'): no evidence
        kept = [match for match in written if not any(match.inside(other) for other in written)]
        if any(match.category == _UNNAMED for match in kept):
            head = min((match for match in kept if match.khmer), key=lambda match: match.start)
            kept = [match for match in kept if match.category != _UNNAMED]
            if head.category == _UNNAMED and kept and not any(match.kind for match in kept):
                return _COMPETING  # the head is a thing the tab does not name: the rest only tells it apart
        if not kept:
            return None
        if len({match.category for match in kept}) == 1:
            return kept[0]
        if SEVERAL.search(text):
            return _COMPETING
        kinds = {match.category for match in kept if match.kind}
        sent = [match for match in kept if match.kind and match.word in SENDING_WORDS]
        carried = all(match.word in CARRIER_WORDS for match in kept if match.kind and match not in sent)
        if len(kinds) > 1 and sent and carried:
            return sent[0]  # a carrier of a thing sent ('tuk tuk delivery', តុកតុកដឹកឥវ៉ាន់): the delivery
        # A service done at or for an occasion ('cleaning service meeting hall', 'meeting room repair') is
        # the service: the occasion says where or when.
        services = [match for match in kept if match.kind and match.word not in OCCASION_WORDS]
        if len(kinds) > 1 and len({match.category for match in services}) == 1:
            return services[0]
        if len(kinds) == 1:
            return next(match for match in kept if match.kind)
        if kinds or len({match.khmer for match in kept}) > 1:
            return _COMPETING
        if any(match.category == self._other_index for match in kept):
            # A thing the tab files under Other beside a named one ('rice seed', 'latex gloves'): the
            # compound's head is no surer than its other word, and a wrong named category is worse.
            return _COMPETING
        # A compound of things names its kind by its head: last in English ('phone charger'), first
        # in Khmer (ម៉ាស៊ីនព្រីន).
        among = tuple(sorted({match.category for match in kept}))
        if kept[0].khmer:
            return replace(min(kept, key=lambda match: match.start), among=among)
        return replace(max(kept, key=lambda match: match.end), among=among)

    def _khmer_matches(self, text: str) -> Iterable[_Match]:
        """Every word of the tab in the runs of Khmer: Khmer is written without spaces, so a run is
        split on syllables' edges, never inside one, into the tab's words and the other words the bot
        knows, the way that leaves the fewest letters outside them (ធុង|វ៉ាក់សាំង, a vaccine's box,
        has no សាំង in it), then in the fewest words; water before letters no word reads is a liquid
        of its own (ទឹកខ្មៅ, ink), not water."""
        for run in _KHMER_RUN.finditer(text):
            syllables = KHMER_SYLLABLE.findall(run.group())
            offsets = [run.start()]
            for syllable in syllables:
                offsets.append(offsets[-1] + len(syllable))
            places = khmer_split(syllables, (self._khmer, self._khmer_known), self._longest_khmer)
            ends = dict(places)
            for start, end in places:
                piece = "".join(syllables[start:end])
                category = self._khmer.get(piece, self._khmer_same.get(piece))
                if category is None and piece in KHMER_THINGS:
                    category = _UNNAMED  # a thing the bot knows, which the tab does not name
                elif category is None:
                    continue  # a word the bot knows that names no thing
                if piece == LIQUID_OF and end < len(syllables):
                    after = "".join(syllables[end : ends[end]]) if end in ends else ""
                    if after not in PLAIN_KHMER:
                        continue  # a liquid of its own
                yield _Match(
                    category,
                    offsets[start],
                    offsets[end],
                    khmer=True,
                    kind=piece in SPENDING_KINDS,
                    word=piece,
                )

    def _latin_matches(self, text: str) -> Iterable[_Match]:
        raws = _LATIN_WORD.findall(text.replace("-", " "))
        words = [singular(word) for word in raws]
        for start in range(len(words)):
            for size in range(min(self._longest_phrase, len(words) - start), 1, -1):
                phrase = tuple(words[start : start + size])
                last = start + size - 1
                if phrase not in self._phrases and words[last] == raws[last] and raws[last].endswith("s"):
                    phrase = (*phrase[:-1], raws[last][:-1])  # a short plural last: 'paper cups', 'bags'
                if phrase in self._phrases:
                    kind = kind_phrase(phrase, raws[start : start + size])
                    yield _Match(self._phrases[phrase], start, start + size, kind=kind, word=" ".join(phrase))
                joined = "".join(phrase)
                if joined in self._latin:
                    kind = joined in SPENDING_KINDS or kind_phrase(phrase, raws[start : start + size])
                    yield _Match(self._latin[joined], start, start + size, kind=kind, word=joined)
        for index, (raw, word) in enumerate(zip(raws, words, strict=True)):
            exact = next((form for form in word_forms(raw, word) if form in self._latin), None)
            if exact is not None:
                yield _Match(
                    self._latin[exact],
                    index,
                    index + 1,
                    kind=word in SPENDING_KINDS,
                    word=singular(exact),
                )
            elif len(word) >= _SLIP_SHORTEST and (slip := self._slipped(word)) is not None:
                yield _Match(
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
                    yield _Match(
                        self._latin[found[0]], index, index + 1, guessed=guessed, kind=kind, word=found[0]
                    )


def default_category_book(categories: Sequence[Category]) -> CategoryBook:
    """The book of the given categories, with Other added when the tab has none."""
    if any(category.name.casefold() == OTHER.casefold() for category in categories):
        return CategoryBook(tuple(categories))
    return CategoryBook((*categories, Category(OTHER, "ផ្សេងៗ")))
