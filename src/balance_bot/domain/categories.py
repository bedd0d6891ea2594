"""Categories of spending, and which one a purpose's words name: English words, Khmer written
without spaces, plurals and misspellings."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import Enum

from rapidfuzz import fuzz, process

from balance_bot.domain.category_evidence import (
    LISTED,
    VEHICLES,
    bulk_stock,
    hosted,
    names_in,
)
from balance_bot.domain.category_matches import (
    COMPETING,
    FUZZY_SCORE,
    FUZZY_SHORTEST,
    KHMER_RUN,
    LATIN_WORD,
    UNNAMED,
    TabWords,
    WordMatch,
)
from balance_bot.domain.category_names import name_forms, purpose_key, singular
from balance_bot.domain.category_roles import (
    CARRIER_WORDS,
    COURIERS,
    HOLDER_WORDS,
    HOSTING_WORDS,
    KNOWN_KHMER,
    LONGEST_KNOWN_KHMER,
    OCCASION_WORDS,
    PLACE_WORD,
    SAME_IN_KHMER,
    SENDING_WORDS,
    SENT_BY,
    SEVERAL,
    SHORT_GUESS,
    SPENDING_KINDS,
    THIN,
    carries_goods,
    held_by_holders,
    official_visit,
    sent_by_bus_company,
    unread_words,
    without_measures,
)
from balance_bot.domain.romanised_purposes import in_khmer_script, may_be_typed
from balance_bot.domain.text import KHMER_SYLLABLE, normalize_message

OTHER = "Other"
TOTAL = "Total"  # a tab's row of budgets for all the month's spending together
# The words after which a purpose says where the thing went or what it was for.
JOINING_WORD = re.compile(r"\s(?:to|for|from|at|of|into|with|by|via)\s|សម្រាប់")
# ...and the words the book reads as 'for' besides: Khmer 'to give' (ឲ្យ), romanised 'for' (samrab).
_FOR = ("for", "with", "សម្រាប់", "ឲ្យ", "អោយ", "ឱ្យ", "samrab", "somrab", "samrap")
_JOINING = re.compile(rf"{JOINING_WORD.pattern}|ឲ្យ|អោយ|ឱ្យ|\s(?:samrab|somrab|samrap)\s")


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


@dataclass
class CategoryBook(TabWords):
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
        latin = tuple(singular(part) for part in LATIN_WORD.findall(word.lower().replace("-", " ")))
        return self._phrases.get(latin) if len(latin) > 1 else self._latin.get(latin[0]) if latin else None

    def _index(self, word: str, index: int) -> None:
        """A word of the tab: Khmer by its syllables, English by its words (a phrase if several)."""
        text = normalize_message(word).lower().strip()
        for khmer in KHMER_RUN.findall(text):
            self._khmer.setdefault(khmer, index)
            self._longest_khmer = max(self._longest_khmer, len(KHMER_SYLLABLE.findall(khmer)))
        latin = tuple(singular(word) for word in LATIN_WORD.findall(text.replace("-", " ")))
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
        text = self._typed_in_khmer(normalize_message(purpose).lower())
        best = self._best_match(text, names_in(purpose))
        if best is not None and not best.kind and bulk_stock(text):
            best = COMPETING  # a stock bought in bulk, to sell or to make things from: thin evidence
        if best is None or best is COMPETING:
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

    def _best_match(self, text: str, names: Collection[str]) -> WordMatch | None:
        """What was bought names the kind of spending, not where or for what: 'taxi to the market' is
        transport, 'water for the office' a drink. So the words before a joining word decide first;
        but food for an occasion ('snacks for the donor visit') is as much the occasion's, a thing
        sent with a carrier ('documents by bus') or a carrier of a delivery ('tuk tuk for the piano
        delivery') is the delivery, and a vehicle that measures the thing ('sand 1 truck load') is no
        ride. A thing the tab has no word for is no kind its modifiers name ('raincoats for drivers')."""
        text = without_measures(f" {text}")  # a joining word may open it: 'to the market by tuk tuk'
        if carries_goods(text) and self._names_any(text, CARRIER_WORDS):
            return self._sending()  # a carrier's load to a customer: 'grab bring cake to customer house'
        joining = _JOINING.search(text)
        if joining is None and (sent := SENT_BY.search(text)) is not None:
            joining = sent  # 'ឯកសារតាមឡានក្រុង', documents by bus
        head = text[: joining.start()] if joining is not None else text
        if joining is None or (in_head := self._decided(head, names)) is None:
            if (
                joining is not None
                and self._unread(head, names)
                and not self._occasion(text[joining.end() :])
            ):
                return None  # a thing the tab has no word for, bought for what is no occasion
            return self._hosting(self._decided(text, names), text)
        if in_head is not COMPETING and not in_head.kind and sent_by_bus_company(text):
            return self._sending()  # a thing sent by a bus company: 'docs to Kampot via Capitol'
        rest = PLACE_WORD.sub(" ", text[joining.end() :])
        for_what = self._decided(rest, names)
        bought_for = joining.group().strip() in _FOR
        if bought_for and in_head is not COMPETING and self._hosts(in_head, for_what, rest):
            # Food or chairs for an occasion or for guests ('snacks for the donor visit') are the thing
            # bought to one reader and hosting to another: a wrong named category is worse than Other.
            return COMPETING
        if in_head is COMPETING or for_what is None or for_what is COMPETING:
            return in_head
        if not in_head.kind and for_what.category == self._other_index:
            # A thing bought for what the tab files under Other ('ice for the vaccine cooler') may be
            # of either: a wrong named category is worse than Other.
            return COMPETING
        upkeep = {self._word_category("repair"), self._word_category("fuel"), for_what.category}
        if bought_for and not in_head.kind and for_what.word in VEHICLES and in_head.category not in upkeep:
            return COMPETING  # a part for a vehicle ('battery for the tuk tuk'): its upkeep to another
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

    def _hosts(self, thing: WordMatch, for_what: WordMatch | None, rest: str) -> bool:
        """Whether food, or a thing of hosting, was bought for an occasion or for people hosted."""
        return (
            not thing.kind
            and (thing.category == self._word_category("food") or thing.word in HOSTING_WORDS)
            and (for_what is None or for_what is COMPETING or thing.category != for_what.category)
            and (self._occasion(rest) or hosted(rest))
        )

    def _occasion(self, text: str) -> bool:
        """Whether the text names an occasion ('the donor visit', ពិធី): what is bought for it is hosting."""
        return self._names_any(text, OCCASION_WORDS) or official_visit(text)

    def _hosting(self, decided: WordMatch | None, text: str) -> WordMatch | None:
        """Food beside people hosted or their occasion ('buyer visit lunch') is hosting to one reader."""
        if decided is None or decided is COMPETING or decided.kind or not hosted(text):
            return decided
        return COMPETING if decided.category == self._word_category("food") else decided

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
        # 'for' typed in Latin letters joins, as English joiners do: 'kafe samrab phnhiev' is read on
        kept |= {at for at, word in enumerate(LATIN_WORD.findall(text.replace("-", " "))) if word in _FOR}
        return in_khmer_script(text, kept) or text

    def _sending(self) -> WordMatch:
        """The tab's category of deliveries, as a thing sent is; Other's choice when it has none."""
        category = self._word_category("delivery")
        return COMPETING if category is None else WordMatch(category, 0, 0, kind=True, word="delivery")

    def _decided(self, text: str, names: Collection[str] = ()) -> WordMatch | None:
        """The word that names the kind: the longest where words overlap ('printer ink', not 'ink');
        where words of two categories meet, the one that says what the money paid for ('printer
        repair', 'fuel moto'), else the compound's head. Things listed side by side compete ('soap
        and rice'): a wrong named category is worse than Other."""
        latin = [singular(word) for word in LATIN_WORD.findall(text.replace("-", " "))]
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
        if any(match.category == UNNAMED for match in kept):
            head = min((match for match in kept if match.khmer), key=lambda match: match.start)
            kept = [match for match in kept if match.category != UNNAMED]
            if head.category == UNNAMED and kept and not any(match.kind for match in kept):
                return COMPETING  # the head is a thing the tab does not name: the rest only tells it apart
        if not kept:
            return None
        if LISTED.search(text) and any(self._unread_piece(piece, names) for piece in LISTED.split(text)):
            return COMPETING  # a thing the tab has no word for, listed beside one ('gloves + boots')
        if len({match.category for match in kept}) == 1:
            return kept[0]
        if SEVERAL.search(text):
            return COMPETING
        vehicle = next((match for match in kept if match.word in VEHICLES), None)
        if vehicle is not None and not any(match.kind for match in kept):
            # A vehicle beside a thing says whose it is ('tyre moto', 'car battery'): its repair or fuel, or
            # a thing the tab files elsewhere, which is its part to another reader.
            things = {match.category: match for match in kept if match.category != vehicle.category}
            upkeep = {self._word_category("repair"), self._word_category("fuel")}
            if len(things) != 1 or not things.keys() <= upkeep:
                return COMPETING
            among = tuple(sorted({match.category for match in kept}))
            return replace(next(iter(things.values())), among=among)  # a guess still ('engine oil truck')
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
        said = sorted((match for match in kept if match.kind), key=lambda match: match.start)
        first = said[0] if said and all(match.khmer for match in said) else None
        if (
            first is not None
            and first.word not in OCCASION_WORDS
            and first.category != self._word_category("taxi")
        ):
            # Khmer names what was paid for first: ប្តូរប្រេង|ម៉ាស៊ីន|ឡានដឹក, an oil change of a truck
            return said[0]
        if kinds or len({match.khmer for match in kept}) > 1:
            return COMPETING
        if any(match.category == self._other_index for match in kept):
            # A thing the tab files under Other beside a named one ('rice seed', 'latex gloves'): the
            # compound's head is no surer than its other word, and a wrong named category is worse.
            return COMPETING
        # A compound of things names its kind by its head: last in English ('phone charger'), first
        # in Khmer (ម៉ាស៊ីនព្រីន).
        among = tuple(sorted({match.category for match in kept}))
        if kept[0].khmer:
            return replace(min(kept, key=lambda match: match.start), among=among)
        return replace(max(kept, key=lambda match: match.end), among=among)


def default_category_book(categories: Sequence[Category]) -> CategoryBook:
    """The book of the given categories, with Other added when the tab has none."""
    if any(category.name.casefold() == OTHER.casefold() for category in categories):
        return CategoryBook(tuple(categories))
    return CategoryBook((*categories, Category(OTHER, "ផ្សេងៗ")))
