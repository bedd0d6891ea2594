"""What the bot says about a group's set-up: its language, its sheet, its model calls and their cost."""

from __future__ import annotations

from decimal import Decimal

from balance_bot.capture.outcomes import LedgerProblem
from balance_bot.capture.refusals import LedgerRefused
from balance_bot.domain.language import Language
from balance_bot.groups.connect import Connected, ConnectOutcome, NotASheet, SheetsNotConfigured
from balance_bot.groups.languages import LanguageChosen, LanguageOutcome
from balance_bot.ports import LedgerAccessDenied, LedgerNotFound, MonthUsage
from infrastructure.llm.cascade import BudgetReached
from infrastructure.telegram import balance_texts, ledger_problems, texts
from infrastructure.telegram.wording import Wording


class GroupReplies:
    """A group's set-up in the words and numbers of one chat's replies."""

    def __init__(self, words: Wording) -> None:
        self._words = words

    def language_chosen(self, outcome: LanguageOutcome) -> str:
        """The answer to /language, in the language just chosen."""
        if not isinstance(outcome, LanguageChosen):
            return self._words.say(texts.LANGUAGE_HOW)
        speech = outcome.speech
        khmer = speech.language is Language.KHMER
        return self._words.say(texts.LANGUAGE_CHOSEN[khmer, speech.khmer_digits])

    def budget_reached(self, reached: BudgetReached) -> str:
        """The once-a-month notice that paid LLM calls stopped."""
        return self._words.say(
            balance_texts.BUDGET_REACHED,
            month=self._words.month(reached.month),
            spent=self._words.formats.usd(reached.spent_usd),
            budget=self._words.formats.usd(reached.budget_usd),
        )

    def usage(self, report: MonthUsage) -> str:
        """/usage: the month's messages, LLM calls per provider, fallbacks and cost."""
        number = self._words.formats.number
        title = (
            balance_texts.USAGE_TITLE_GROUP if report.chat_id is not None else balance_texts.USAGE_TITLE_ALL
        )
        lines = [self._words.say(title, month=self._words.month(report.month))]
        if report.messages:
            share = Decimal(100 * report.messages_without_llm) / report.messages
            lines.append(
                self._words.say(
                    balance_texts.USAGE_MESSAGES,
                    messages=number(report.messages),
                    share=number(share, decimals=1),
                    without=number(report.messages_without_llm),
                )
            )
        else:
            lines.append(self._words.say(balance_texts.USAGE_NO_MESSAGES))
        calls = sum(provider.calls for provider in report.providers)
        for provider in report.providers:
            parts = [self._words.count(balance_texts.USAGE_CALLS, provider.calls)]
            if provider.failed:
                parts.append(self._words.say(balance_texts.USAGE_FAILED, count=number(provider.failed)))
            if provider.fallbacks:
                parts.append(
                    self._words.say(balance_texts.USAGE_AS_FALLBACK, count=number(provider.fallbacks))
                )
            if provider.median_latency_ms is not None:
                parts.append(
                    self._words.say(
                        balance_texts.USAGE_MEDIAN, milliseconds=number(provider.median_latency_ms)
                    )
                )
            tokens = provider.input_tokens + provider.output_tokens
            parts.append(self._words.say(balance_texts.USAGE_TOKENS, count=number(tokens)))
            if provider.cost_usd:
                parts.append(self._words.formats.usd(provider.cost_usd, precise=True))
            lines.append(f"• {provider.provider}: {', '.join(parts)}")
        if calls:
            fallbacks = sum(provider.fallbacks for provider in report.providers)
            lines.append(
                self._words.say(
                    balance_texts.USAGE_FALLBACK_RATE,
                    fallbacks=number(fallbacks),
                    calls=number(calls),
                    share=number(Decimal(100 * fallbacks) / calls, decimals=1),
                )
            )
            if report.category_calls:
                lines.append(self._words.count(balance_texts.USAGE_CATEGORY_CALLS, report.category_calls))
        else:
            lines.append(self._words.say(balance_texts.USAGE_NO_CALLS))
        paid = self._words.formats.usd(report.cost_usd, precise=True)
        budget = self._words.formats.usd(report.budget_usd)
        paid_line = balance_texts.USAGE_PAID_ALL if report.chat_id is None else balance_texts.USAGE_PAID_GROUP
        lines.append(self._words.say(paid_line, paid=paid, budget=budget))
        return "\n".join(lines)

    def connect_how(self, share_with: str | None) -> str:
        """The answer to /connect alone: the account of the pool to share the sheet with, when known."""
        if share_with is None:
            return self._words.say(texts.CONNECT_HOW)
        return self._words.say(texts.CONNECT_HOW_ACCOUNT, email=share_with)

    def connect_reply(self, outcome: ConnectOutcome) -> str:
        """The answer to /connect."""
        match outcome:
            case Connected(spreadsheet_id, title):
                link = f"https://docs.google.com/spreadsheets/d/{spreadsheet_id}"
                return self._words.say(texts.CONNECTED, title=title, link=link)
            case NotASheet():
                return self._words.say(texts.NOT_A_SHEET)
            case SheetsNotConfigured():
                return self._words.say(texts.NO_SHEETS)
            case LedgerProblem(LedgerAccessDenied() as denied):
                return self._words.say(texts.CONNECT_NO_ACCESS, email=denied.share_with)
            case LedgerProblem(LedgerNotFound()):
                return self._words.say(texts.CONNECT_NOT_FOUND)
            case LedgerProblem(LedgerRefused() as refused):
                return ledger_problems.connect_refused(self._words.say, refused)
            case LedgerProblem(error):
                return ledger_problems.ledger_problem(self._words.say, error)
        return self._words.say(texts.UNAVAILABLE)
