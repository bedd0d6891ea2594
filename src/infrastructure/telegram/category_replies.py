"""What the bot says about categories: a row's new category, /cat's how-to, what was learned and forgotten."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from balance_bot.capture.outcomes import ActionRefused, LedgerProblem
from balance_bot.capture.reply_plan import category_names_in
from balance_bot.categories.cat_command import (
    AdminsOnly,
    CatAnswer,
    CatHow,
    Forgotten,
    Learned,
    NoRowNumbered,
)
from balance_bot.categories.categorising import NoSuchCategory, Recategorised, RecategoriseOutcome
from infrastructure.telegram import ask_texts, ledger_problems, texts
from infrastructure.telegram.wording import Wording


def learned_reply(replies: Wording, learned: Mapping[str, str]) -> str:
    """/cat learned: purpose words and the category learned for them, or that nothing was."""
    if not learned:
        return replies.say(texts.LEARNED_NONE)
    lines = "\n".join(f"• {words} → {category}" for words, category in sorted(learned.items()))
    return replies.say(texts.LEARNED, count=replies.formats.number(len(learned)), lines=lines)


def forgotten_reply(replies: Wording, forgotten: int) -> str:
    """/cat forget: how many learned categories were dropped."""
    return replies.count(texts.FORGOTTEN, forgotten)


class CategoryReplies:
    """Categories in the words of one chat's replies."""

    def __init__(self, words: Wording) -> None:
        self._words = words

    def recategorised(
        self, outcome: RecategoriseOutcome, name: str, shown: Mapping[str, str] | None = None
    ) -> str:
        """After /cat NAME or a category tapped: the rows and their new category, the tab's names
        when it has none called that, or why it was refused."""
        match outcome:
            case Recategorised(saved, category, numbers):
                changed = [line for line in saved.lines if not numbers or line.number in numbers]
                rows = ", ".join(
                    f"{self._words.entry_number(line)} ({line.line.purpose})" for line in changed
                )
                return self._words.say(
                    texts.RECATEGORISED, rows=rows, category=self._words.category(category.name, shown)
                )
            case NoSuchCategory(categories):
                names = ", ".join(self._words.category(category.name, shown) for category in categories)
                return self._words.say(texts.NO_SUCH_CATEGORY, name=name, names=names)
            case ActionRefused(reason):
                return self._words.say(texts.ACTION_REFUSALS[reason])
        raise AssertionError("unreachable")

    def cat_answer(self, answer: CatAnswer) -> str:
        """The answer to /cat, in the group's names for its categories."""
        words, book = self._words, answer.book
        shown = category_names_in(book, words.speech.language) if book is not None else {}
        match answer.outcome:
            case CatHow():
                names = [shown.get(name) or name for name in (book.names if book is not None else ())]
                return self.cat_how(names)
            case NoRowNumbered(typed, number):
                return words.say(
                    ask_texts.NO_SUCH_NUMBER,
                    number=words.formats.number(number) if number is not None else typed,
                )
            case Learned(learned):
                return learned_reply(words, learned)
            case Forgotten(count):
                return forgotten_reply(words, count)
            case AdminsOnly():
                return words.say(texts.ADMINS_ONLY)
            case LedgerProblem(error):
                return ledger_problems.ledger_problem(words.say, error)
            case outcome:
                return self.recategorised(outcome, answer.name, shown)

    def cat_how(self, names: Sequence[str]) -> str:
        """/cat without a name or not in reply to an expense."""
        return self._words.say(texts.CAT_HOW, names=", ".join(names))
