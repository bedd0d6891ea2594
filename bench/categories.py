"""Categorising purposes: the time it adds per message at 200 categories of 20 words, and the share of
the dev corpus's purposes the words decide (a category other than Other, without a model)."""

from __future__ import annotations

import json
import random
import statistics
import time
from pathlib import Path

from balance_bot.domain.categories import OTHER, Category, CategoryBook, default_category_book
from balance_bot.domain.parser import HeuristicParser
from infrastructure.categories.tab import load_categories_csv

CATEGORIES, WORDS = 200, 20
ROUNDS = 9
_LATIN = "abcdefghijklmnopqrstuvwxyz"
_KHMER = "កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអ"
_SIGNS = "ាិីឹឺុូួើឿៀេែៃោៅំះ"


def _word(rng: random.Random, index: int) -> str:
    """A made-up word: English-like for most, Khmer (letters and vowel signs) for every third."""
    if index % 3 == 0:
        return "".join(rng.choice(_KHMER) + rng.choice(_SIGNS) for _ in range(rng.randint(1, 3)))
    return "".join(rng.choice(_LATIN) for _ in range(rng.randint(4, 9)))


def large_book() -> CategoryBook:
    """200 categories of 20 words: the defaults' words among made-up ones, so real purposes match."""
    rng = random.Random(20)
    real = [word for category in load_categories_csv() for word in category.words]
    categories = []
    for number in range(CATEGORIES):
        words = [_word(rng, number * WORDS + index) for index in range(WORDS - 2)]
        words += [real[(number * 2) % len(real)], real[(number * 2 + 1) % len(real)]]
        categories.append(Category(f"Category {number}", words=tuple(words)))
    return default_category_book(categories)


def corpus_purposes(corpus: Path) -> list[list[str]]:
    """Each expense message's purposes, as the parser reads them (an amount alone has none)."""
    parser = HeuristicParser()
    messages = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    purposes = [[entry.purpose for entry in parser.parse(text).entries if entry.purpose] for text in messages]
    return [message for message in purposes if message]


def per_message_ms(book: CategoryBook, messages: list[list[str]]) -> float:
    """Median milliseconds to categorise every entry of one message."""
    runs = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for purposes in messages:
            for purpose in purposes:
                book.categorise(purpose)
        runs.append((time.perf_counter() - started) * 1000 / len(messages))
    return statistics.median(runs)


def report(corpus: Path) -> None:
    """Print the categoriser's figures."""
    if not corpus.exists():
        print("categorising             skipped: the shared corpus is not beside this checkout")
        return
    messages = corpus_purposes(corpus)
    large = per_message_ms(large_book(), messages)
    defaults = default_category_book(load_categories_csv())
    default_ms = per_message_ms(defaults, messages)
    print(
        f"categorising            median {large:.3f} ms per message at {CATEGORIES} categories of {WORDS} "
        f"words ({default_ms:.3f} ms with the 10 default ones; {len(messages)} expense messages of the "
        "dev corpus)   goal < 0.2 ms"
    )
    purposes = [purpose for message in messages for purpose in message]
    decided = [purpose for purpose in purposes if defaults.categorise(purpose).name != OTHER]
    print(
        f"categorised by words    {len(decided)} of {len(purposes)} purposes "
        f"({100 * len(decided) / len(purposes):.1f}%) get a category other than Other without a model "
        "(the default categories; dev corpus)"
    )


PURPOSES = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "categories" / "purposes.jsonl"


def judged(
    book: CategoryBook, labelled: list[dict[str, str]]
) -> tuple[int, list[tuple[str, str]], list[tuple[str, str, str]]]:
    """How many purposes land in their category, those in Other instead, and those in a wrong named one."""
    right = 0
    other = []
    wrong = []
    for entry in labelled:
        got = book.categorise(entry["purpose"]).name
        if got == entry["category"]:
            right += 1
        elif got == OTHER:
            other.append((entry["purpose"], entry["category"]))
        else:
            wrong.append((entry["purpose"], entry["category"], got))
    return right, other, wrong


def fresh_report(path: Path = PURPOSES, show: bool = True) -> str:
    """Right, Other and wrong-named over purposes written fresh, with their default category."""
    labelled = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    right, other, wrong = judged(default_category_book(load_categories_csv()), labelled)
    total = len(labelled)
    lines = [
        f"categories ({path.parent.name}/{path.name}, {total} purposes): right {right} "
        f"({100 * right / total:.0f}%), Other {len(other)} ({100 * len(other) / total:.0f}%), wrong-named "
        f"{len(wrong)} ({100 * len(wrong) / total:.1f}%)   goal: wrong-named <= 2%"
    ]
    if show:
        lines += [f"  wrong {purpose!r}: {expected}, not {got}" for purpose, expected, got in wrong]
        lines += [f"  other {purpose!r}: {expected}, not Other" for purpose, expected in other]
    return "\n".join(lines)


def project_sets() -> list[Path]:
    """The project's own labelled purposes: every purposes*.jsonl beside PURPOSES."""
    return sorted(PURPOSES.parent.glob("purposes*.jsonl"), key=lambda path: (len(path.name), path.name))


if __name__ == "__main__":
    import sys

    for labelled_set in [Path(argument) for argument in sys.argv[1:]] or project_sets():
        print(fresh_report(labelled_set))
