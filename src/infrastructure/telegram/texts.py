"""Every text the bot says, in one place, and how outcomes are rendered into them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal

from babel.numbers import format_currency

from balance_bot.balances import Balance, BalanceOutcome, BalanceUnavailable, FutureMonth, UnknownMonth
from balance_bot.capture import TOP_UP_PREFIX
from balance_bot.connect import Connected, ConnectOutcome, NotASheet, SheetsNotConfigured
from balance_bot.domain.balances import ZERO, PeriodBalance
from balance_bot.domain.expenses import ExpenseEntry
from balance_bot.domain.ledger import Period, SavedLine
from balance_bot.domain.money import AmountLimits, Currency, Money
from balance_bot.domain.numerals import OVERSIZED
from balance_bot.outcomes import (
    ON_THE_DAY_POSTED,
    ActionRefusal,
    ActionRefused,
    AskPurpose,
    AskRephrase,
    DateRefusal,
    DateRefused,
    Dating,
    Edited,
    ForwardedNotSaved,
    Held,
    LedgerProblem,
    Outcome,
    Queued,
    Refusal,
    Refused,
    RepeatedTooOften,
    Saved,
    Silent,
    StorageProblem,
    Switched,
    TooManyEntries,
    TopUpUnclear,
    Voided,
)
from balance_bot.ports import (
    LedgerAccessDenied,
    LedgerApiDisabled,
    LedgerError,
    LedgerKeyRefused,
    LedgerNotConnected,
    LedgerNotFound,
    MonthUsage,
    QueuedMessage,
    SavedMessage,
)
from infrastructure.llm.expense_parser_client import BudgetReached

HELP = (
    "I log this group's petty cash in the monthly sheet.\n\n"
    "Post an expense the way you usually write it:\n"
    "• coffee 3$\n"
    "• ទឹកកក ៥០០០៛\n"
    "• taxi 15000 riel\n"
    "• a list, one expense per line\n"
    "• posted late? say the day: yesterday taxi 5$, Dec 3 printer ink 12$, ម្សិលមិញ ទឹកកក ៥០០០៛\n\n"
    "If you post only an amount, I ask what it was for; just answer in your next message.\n"
    "Tap Undo under my confirmation (or reply /undo to your message) to take it back.\n"
    "Edit your message to correct it; I update the sheet.\n\n"
    "Admins: /balance shows where the cash stands (/balance November, /balance last month); "
    "/topup 200$ from the office records money put in; /quiet on confirms with a 👍 instead of a "
    "message; /usage shows this month's model calls and cost; /connect <link> connects the group "
    "to its Google Sheet.\n"
    "/id shows this group's chat id and your user id, for the bot's settings."
)
COMMANDS = (
    ("help", "How to post expenses"),
    ("connect", "Admins: connect this group to its Google Sheet (/connect <link>)"),
    ("undo", "Reply to your expense message to take it back"),
    ("quiet", "Admins: confirm with a reaction instead of a message (on/off)"),
    ("usage", "Admins: this month's LLM calls, fallbacks and cost"),
    ("balance", "Admins: where the cash stands this month, or /balance November, /balance last month"),
    ("topup", "Admins: record money put in, e.g. /topup 200$ from the office"),
    ("id", "This group's chat id and your user id, for the bot's settings"),
)
ASK_PURPOSE = "I saw an amount of {amount}. What is this for?"
REPHRASE = "I'm not sure about this expense. Please rephrase with amount + purpose."
FORWARDED = (
    "This was forwarded from a message of {day}, so I did not save it: a forward may be someone "
    "else's expense or an old one. If it is yours to log, post it yourself with its day, "
    "e.g. “{example}”."
)
TOO_MANY_ENTRIES = (
    "That message lists more than {most} expenses, so I saved none of them. "
    "Please post them in messages of at most {most}."
)
REFUSALS = {
    Refusal.OVER_LIMIT: "{amount} is more than the {limit} allowed for one expense, so I did not save it. "
    "If it is right, ask a bookkeeper to add it to the sheet.",
    Refusal.NOT_POSITIVE: "An expense needs an amount above zero; I did not save {amount}.",
    Refusal.TOO_PRECISE: "{amount} has more decimals than its currency has (dollars have cents, riel are "
    "whole), so I did not save it. Please post it again.",
    Refusal.PURPOSE_TOO_SHORT: "What was the {amount} for? Please post it again with a few words, "
    "e.g. “coffee 3$”.",
    Refusal.NEGATIVE: "I did not save −{amount}: I record money spent and money put in, never a negative "
    "amount. To take back an entry, tap Undo under its confirmation (or reply /undo to your message); "
    "to correct an older one, ask an admin or the bookkeeper.",
    Refusal.MONEY_BACK: "That reads as money coming back or taken out of the box ({amount}), not money "
    "spent, so I did not save it. If an expense was cancelled, tap Undo under its confirmation (or "
    "reply /undo to your message); otherwise an admin or the bookkeeper corrects the sheet.",
}
DATE_REFUSALS = {
    DateRefusal.FUTURE: "{day} is still ahead, so I did not save that. Post it on the day it is paid.",
    DateRefusal.TOO_OLD: "{day} is more than {limit} days ago, so I did not save that. "
    "Please ask a bookkeeper to add it to the sheet.",
    DateRefusal.NO_SUCH_DAY: "There is no {words}, so I did not save that. "
    "Please post it again with the right day, e.g. “Dec 3 taxi 5$” or “3/12 taxi 5$”.",
    DateRefusal.MONTHS_MIXED: "These expenses are in different months, so I did not save them. "
    "Please post each month's expenses in a message of their own.",
}
# A confirmation listing more than this many characters gives the count, rows and totals instead:
# Telegram takes 4,096 characters in a message, and the link and notes come on top.
LONGEST_LIST = 3500
CLOSED_MONTH = "{closed} is closed, so this went into {month}'s sheet with its own date."
HELD = (
    "Saved: {items}{guess}. You posted more than {count} expenses in a minute, so it goes to the sheet "
    "in about {seconds} seconds."
)
REPEATED_TOO_OFTEN = (
    "You posted the same expense again within a minute, after {count} others, so I did not save this "
    "copy. If you really paid it again, post it with a word more (e.g. “2nd coffee 3$”) in a minute."
)
ACTION_REFUSALS = {
    ActionRefusal.NOT_ALLOWED: "Only the person who posted it or an admin can change this.",
    ActionRefusal.TOO_LATE: "It is too late to change this here; please ask a bookkeeper to fix the sheet.",
    ActionRefusal.UNKNOWN: "I have nothing to change for that message.",
}
NOT_CONNECTED = (
    "This group has no sheet yet, so I did not save that. "
    "An admin can connect one with /connect followed by the link to the Google Sheet."
)
NO_ACCESS = "I cannot write to the sheet, so I did not save that. Share the sheet with {email} as Editor."
NOT_FOUND = (
    "I cannot find this group's sheet any more, so I did not save that. "
    "An admin can connect one with /connect followed by the link to the Google Sheet."
)
STORAGE_PROBLEM = (
    "I could not save that: the bot cannot write its own records right now (its server's disk may be "
    "full). Nothing was saved; please post it again later. An admin can tell the bot's operator."
)
UNAVAILABLE = (
    "Google Sheets is not answering right now, so I did not save that. Please post it again in a few minutes."
)
PLEASE_CHECK = "I was not sure I read this right: please check, and edit your message or tap Undo if not."
UNDO_HOW = "Reply /undo to the expense message you want to take back."
IDS_IN_A_GROUP = (
    "This group's chat id is {chat_id} (for ALLOWED_CHAT_IDS and BALANCE_SHEET_BY_CHAT); "
    "your user id is {user_id} (for ADMIN_USER_IDS)."
)
IDS_IN_PRIVATE = "Your user id is {user_id} (for ADMIN_USER_IDS)."
UNDO_BUTTON = "Undo"
SWITCH_BUTTON = "Switch to {currency}"
QUIET_ON = "I will confirm expenses with a 👍 reaction from now on, and write only when I need to ask."
QUIET_OFF = "I will confirm every expense with a message again."
QUIET_HOW = "Use /quiet on or /quiet off."
ADMINS_ONLY = "Only the group's admins can do that."
GROUP_ADMINS = "Group admins"  # "Posted by" of an expense an admin posted anonymously
OPERATORS_ONLY = "Send /usage in your group (admins), or ask the bot's operator."
USAGE_OFF = "No LLM is configured (PARSER_LLM=none): I read every message with my own rules."
CONFIRM_REACTION = "👍"
GREETING = (
    "Hello! I log this group's petty cash in the monthly sheet: post expenses as you write them, "
    "e.g. “coffee 3$” or “ទឹកកក ៥០០០៛”, one per line for a list.\n"
    "An amount alone gets a question, Undo is under each confirmation, and /help shows the rest."
)
CANNOT_READ = (
    "I cannot read ordinary messages here yet, so I would see no expenses: an admin can make me a "
    "group admin, or turn my privacy mode off in @BotFather (/setprivacy → Disable) and add me again."
)
PRIVACY_WARNING = (
    "The bot cannot read ordinary group messages (privacy mode is on), so it will see no expenses. "
    "In @BotFather: /setprivacy → choose the bot → Disable; then remove and re-add the bot to each "
    "group. Making the bot a group admin also works."
)


def amount(money: Money) -> str:
    """'3.00 USD', '25,000 KHR'; 'that amount' for a number longer than any expense."""
    if money.amount >= OVERSIZED:
        return "That amount"
    counted_as = Currency.KHR if money.currency is Currency.KHR else Currency.USD
    return f"{Decimal(Money(money.amount, counted_as).canonical()):,} {money.currency.value}"


def ask_purpose(entry: ExpenseEntry) -> str:
    """The follow-up question for an amount without purpose."""
    return ASK_PURPOSE.format(amount=amount(entry.money))


def day_text(day: date) -> str:
    """'Sat 21 Nov', as the confirmations name a day."""
    return f"{day:%a} {day.day} {day:%b}"


def forwarded(day: date, entry: ExpenseEntry) -> str:
    """Why a forwarded expense was not saved, with the original's day and how to post it."""
    purpose = entry.purpose or "taxi"
    example = f"{day:%b} {day.day} {purpose} {amount(entry.money)}"
    return FORWARDED.format(day=f"{day_text(day)} {day.year}", example=example)


def date_refusal(refused: DateRefused) -> str:
    """Why an expense with a named day was not saved."""
    day = f"{day_text(refused.day)} {refused.day.year}" if refused.day else ""
    return DATE_REFUSALS[refused.reason].format(day=day, limit=refused.max_days_back, words=refused.words)


def refusal(reason: Refusal, entry: ExpenseEntry, limits: AmountLimits) -> str:
    """Why an expense was not saved."""
    limit = Money(limits.maximum_for(entry.money.currency), entry.money.currency)
    return REFUSALS[reason].format(amount=amount(entry.money), limit=amount(limit))


TOPUP_HOW = "Say one amount with its currency: /topup 200$ from the office, or /topup 800000៛ for November."
BALANCE_UNKNOWN_MONTH = (
    "I don't know which month “{words}” is. Try /balance, /balance November, /balance 2026-10 "
    "or /balance last month."
)
BALANCE_FUTURE = "{month} has not started yet."
BALANCE_NO_SHEET = (
    "This group has no sheet I can read. An admin can connect one with /connect followed by the link "
    "to the Google Sheet."
)
BALANCE_NO_ACCESS = "I cannot read the sheet: share it with {email} as Editor."
BALANCE_UNAVAILABLE = (
    "Google Sheets is not answering right now, so I cannot tell the balance. "
    "Please ask again in a few minutes."
)
MAX_MEMBERS_SHOWN = 10
STILL_OPEN = "{month} still takes expenses posted late until {day}, then it closes."
OPENING_PROVISIONAL = (
    "The opening may still change: {month} takes expenses posted late until {day}, then it closes."
)


def balance_reply(outcome: BalanceOutcome, khr_per_usd: Decimal) -> str:
    """The answer to /balance."""
    match outcome:
        case Balance(balance, current, settles_on, open_until):
            text = balance_text(balance, khr_per_usd, current=current)
            if open_until is not None:
                return f"{text}\n" + STILL_OPEN.format(
                    month=_period_name(balance.period), day=day_text(open_until)
                )
            if settles_on is None:
                return text
            previous = _period_name(balance.period.previous())
            return f"{text}\n" + OPENING_PROVISIONAL.format(month=previous, day=day_text(settles_on))
        case UnknownMonth(words):
            return BALANCE_UNKNOWN_MONTH.format(words=words)
        case FutureMonth(period):
            return BALANCE_FUTURE.format(month=_period_name(period))
        case BalanceUnavailable(error):
            return balance_problem(error)
    raise AssertionError("unreachable")


def balance_text(balance: PeriodBalance, khr_per_usd: Decimal, *, current: bool = True) -> str:
    """Per currency the opening, top-ups, spending and what is left; the combined figure; who spent what."""
    left = "left" if current else "closing"
    title = f"Balance for {_period_name(balance.period)}"
    lines = [title if current else f"{title} (as the sheet stands now)"]
    for currency, month in balance.currencies.items():
        lines.append(
            f"{currency.value}: opening {money_text(month.opening, currency)} · "
            f"top-ups {money_text(month.topups, currency)} · spent {money_text(month.spent, currency)} · "
            f"{left} {money_text(month.closing, currency)}"
        )
    rate = money_text(khr_per_usd, Currency.KHR)
    together = money_text(balance.combined_usd(khr_per_usd), Currency.USD)
    lines.append(f"Together at {rate} a dollar: {together} {left}")
    figures = balance.figures
    lines.append(
        f"{figures.entries:,} expense{'' if figures.entries == 1 else 's'}, "
        f"{figures.topup_count:,} top-up{'' if figures.topup_count == 1 else 's'}"
    )
    if figures.by_member:

        def in_dollars(spent: Mapping[Currency, Decimal]) -> Decimal:
            return spent.get(Currency.USD, ZERO) + spent.get(Currency.KHR, ZERO) / khr_per_usd

        ranked = sorted(figures.by_member.items(), key=lambda item: -in_dollars(item[1]))
        lines.append("Spent by member:")
        for member, spent in ranked[:MAX_MEMBERS_SHOWN]:
            parts = [money_text(amount, currency) for currency, amount in spent.items() if amount]
            lines.append(f"• {member}: {' + '.join(parts)}")
        if len(ranked) > MAX_MEMBERS_SHOWN:
            lines.append(f"• and {len(ranked) - MAX_MEMBERS_SHOWN} more")
    return "\n".join(lines)


def monthly_summary(balance: PeriodBalance, khr_per_usd: Decimal) -> str:
    """Posted once a month has closed: its balance, under the chart of spending per day."""
    return f"{_period_name(balance.period)} is closed.\n" + balance_text(balance, khr_per_usd, current=False)


def money_text(amount: Decimal, currency: Currency) -> str:
    """Amounts for people, by CLDR: $1,234.50 with cents; 45,000៛ whole."""
    if currency is Currency.KHR:
        whole = amount.quantize(Decimal(1))
        return format_currency(whole, "KHR", format="#,##0¤", locale="km_KH", currency_digits=False)
    return format_currency(amount, "USD", locale="en_US")


def _period_name(period: Period) -> str:
    return period.title("%B %Y")


def budget_reached(reached: BudgetReached) -> str:
    """The once-a-month notice that paid LLM calls stopped."""
    return (
        f"The LLM budget for {_month_name(reached.month)} is spent: {_usd(reached.spent_usd)} of "
        f"{_usd(reached.budget_usd)}. Until next month I read unclear messages with the local model "
        "and my own rules only. /usage shows the details; LLM_MONTHLY_BUDGET_USD sets the budget."
    )


def usage(report: MonthUsage) -> str:
    """/usage: the month's messages, LLM calls per provider, fallbacks and cost."""
    whose = "this group" if report.chat_id is not None else "all groups"
    lines = [f"LLM use in {_month_name(report.month)}, {whose}"]
    if report.messages:
        share = Decimal(100 * report.messages_without_llm) / report.messages
        lines.append(
            f"Messages read: {report.messages:,}; {share:.1f}% decided without an LLM "
            f"({report.messages_without_llm:,})"
        )
    else:
        lines.append("Messages read: none counted yet")
    calls = sum(provider.calls for provider in report.providers)
    for provider in report.providers:
        parts = [f"{provider.calls:,} call{'' if provider.calls == 1 else 's'}"]
        if provider.failed:
            parts.append(f"{provider.failed:,} failed")
        if provider.fallbacks:
            parts.append(f"{provider.fallbacks:,} as fallback")
        if provider.median_latency_ms is not None:
            parts.append(f"median {provider.median_latency_ms:,} ms")
        parts.append(f"{provider.input_tokens + provider.output_tokens:,} tokens")
        if provider.cost_usd:
            parts.append(_usd(provider.cost_usd, precise=True))
        lines.append(f"• {provider.provider}: {', '.join(parts)}")
    if calls:
        fallbacks = sum(provider.fallbacks for provider in report.providers)
        lines.append(
            f"Fallback rate: {fallbacks:,} of {calls:,} calls ({Decimal(100 * fallbacks) / calls:.1f}%)"
        )
    else:
        lines.append("No LLM calls this month.")
    paid, budget = _usd(report.cost_usd, precise=True), _usd(report.budget_usd)
    if report.chat_id is None:
        lines.append(f"Paid calls: {paid} of the {budget} monthly budget")
    else:
        lines.append(f"Paid calls: {paid} (the monthly budget of {budget} is shared by all groups)")
    return "\n".join(lines)


def _usd(value: Decimal, *, precise: bool = False) -> str:
    """Dollars with cents; a paid call costs fractions of a cent, so precise keeps four places."""
    return f"{value.quantize(Decimal('0.0001') if precise else Decimal('0.01')):,} USD"


def _month_name(month: str) -> str:
    return datetime.strptime(month, "%Y-%m").strftime("%B %Y")


def unsure(text: str, is_unsure: bool) -> str:
    """A confirmation, with a request to check it when the reading was in doubt."""
    return f"{text}\n{PLEASE_CHECK}" if is_unsure else text


def confirmation(saved: SavedMessage, link: str | None, dating: Dating = ON_THE_DAY_POSTED) -> str:
    """'Logged: 3.00 USD – coffee. Saved as No 12 (December 2026).' for one message's rows;
    'Logged for Sat 21 Nov: ...' when the member named another day.
    """
    lines = saved.lines
    if not lines:
        return "Logged."
    guess = f" (assumed {lines[0].line.money.currency.value})" if saved.currency_guessed else ""
    days = {line.line.day for line in lines}
    when = f" for {day_text(lines[0].line.day)}" if dating.named and len(days) == 1 else ""
    if lines[0].line.topup:
        note = lines[0].line.purpose.removeprefix(f"{TOP_UP_PREFIX}: ")
        recorded = f"{amount(lines[0].line.money)} – {note}"
        text = f"Top-up recorded{when}: {recorded}. {_saved_as(lines[0])}"
    elif len(lines) == 1:
        text = f"Logged{when}: {_entry(lines[0])}{guess}. {_saved_as(lines[0])}"
    else:
        each_day = dating.named and len(days) > 1
        items = "\n".join(
            f"• {day_text(line.line.day) + ': ' if each_day else ''}{_entry(line)} — {entry_number(line)}"
            for line in lines
        )
        text = f"Logged {len(lines)} expenses{when}{guess} ({lines[0].worksheet}):\n{items}"
        if len(text) > LONGEST_LIST:
            totals = _totals([line.line.money for line in lines])
            text = (
                f"Logged {len(lines)} expenses{when}{guess} ({lines[0].worksheet}), "
                f"{_number_span(lines)}: {totals} in all."
            )
    text = _with_closed_month(text, dating, lines[0].worksheet)
    return f"{text}\n{link}" if link else text


def _saved_as(saved: SavedLine) -> str:
    return f"Saved as {entry_number(saved)} ({saved.worksheet})."


def entry_number(saved: SavedLine) -> str:
    """'No 12': an entry as bookkeepers name it, by the No in the sheet; the sheet row if it has none."""
    return f"No {saved.number}" if saved.number > 0 else f"sheet row {saved.row}"


def _number_span(lines: Sequence[SavedLine]) -> str:
    """'Nos 13–15' for a message's entries, numbered in a run as the bot writes them."""
    numbers = [line.number for line in lines]
    if all(numbers) and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        return f"Nos {numbers[0]}–{numbers[-1]}"
    return "Nos " + ", ".join(entry_number(line).removeprefix("No ") for line in lines)


def _totals(amounts: list[Money]) -> str:
    """'1,275.00 USD and 45,000 KHR': the sum per currency, in the order the currencies came."""
    sums: dict[Currency, Decimal] = {}
    for money in amounts:
        sums[money.currency] = sums.get(money.currency, Decimal(0)) + money.amount
    return " and ".join(amount(Money(total, currency)) for currency, total in sums.items())


def _with_closed_month(text: str, dating: Dating, worksheet: str) -> str:
    if dating.closed_month is None:
        return text
    return f"{text}\n" + CLOSED_MONTH.format(closed=_period_name(dating.closed_month), month=worksheet)


def queued(message: QueuedMessage, problem: LedgerError | None, dating: Dating = ON_THE_DAY_POSTED) -> str:
    """The expense is safe but not in the sheet yet: what was saved, and why it waits."""
    items, guess = _queued_items(message, dating)
    why = _waiting_because(problem)
    return _with_closed_month(
        QUEUED.format(items=items, guess=guess, why=why), dating, _period_name(message.period)
    )


def held(outcome: Held) -> str:
    """Over the rate limit: what was saved, and when it goes to the sheet."""
    items, guess = _queued_items(outcome.message, outcome.dating)
    text = HELD.format(items=items, guess=guess, count=outcome.per_minute, seconds=outcome.wait_seconds)
    return _with_closed_month(text, outcome.dating, _period_name(outcome.message.period))


def _queued_items(message: QueuedMessage, dating: Dating) -> tuple[str, str]:
    """'5.00 USD – taxi; 3.00 USD – lunch', and ' (assumed KHR)' when the currency was guessed."""
    items = "; ".join(
        f"{day_text(line.day) + ': ' if dating.named else ''}{amount(line.money)} – {line.purpose}"
        for line in message.lines
    )
    if len(items) > LONGEST_LIST:
        items = f"{len(message.lines)} expenses, {_totals([line.money for line in message.lines])} in all"
    guess = f" (assumed {message.lines[0].money.currency.value})" if message.currency_guessed else ""
    return items, guess


def merged_confirmation(parts: list[str]) -> str:
    """Several confirmations due together, as one message."""
    return "\n\n".join(parts)


def edited(saved: SavedMessage) -> str:
    """After an edit changed the rows."""
    rows = "; ".join(f"{_entry(line)} ({entry_number(line)})" for line in saved.lines)
    return f"Updated: {rows}."


def voided(saved: SavedMessage, by: str) -> str:
    """After Undo or an edit that removed the amount."""
    rows = ", ".join(f"{entry_number(line)} ({line.line.purpose})" for line in saved.lines)
    return f"Undone by {by}: {rows}."


def switched(saved: SavedMessage) -> str:
    """After a guessed currency was switched."""
    rows = "; ".join(f"{entry_number(line)} is now {_entry(line)}" for line in saved.lines)
    return f"Switched: {rows}."


def undo_button(saved: SavedMessage) -> str:
    """'Undo (No 12)': the button under a confirmation names the entries it takes back."""
    numbers = ", ".join(entry_number(line).removeprefix("No ") for line in saved.lines)
    return f"{UNDO_BUTTON} (No {numbers})" if saved.lines else UNDO_BUTTON


def switch_button(saved: SavedMessage) -> str:
    """The label of the one-tap currency switch."""
    current = saved.lines[0].line.money.currency
    return SWITCH_BUTTON.format(currency="USD" if current is Currency.KHR else "KHR")


def _entry(line: SavedLine) -> str:
    return f"{amount(line.line.money)} – {line.line.purpose}"


def reply_for(outcome: Outcome, member: str) -> str | None:
    """What the bot says for an outcome; None when it stays silent."""
    match outcome:
        case Silent():
            return None
        case Saved(saved, link, is_unsure, dating):
            return unsure(confirmation(saved, link, dating), is_unsure)
        case Queued(message, problem, is_unsure, dating):
            return unsure(queued(message, problem, dating), is_unsure)
        case AskPurpose(entry):
            return ask_purpose(entry)
        case AskRephrase():
            return REPHRASE
        case TooManyEntries(most):
            return TOO_MANY_ENTRIES.format(most=most)
        case ForwardedNotSaved(day, entries):
            return forwarded(day, entries[0])
        case TopUpUnclear():
            return TOPUP_HOW
        case Refused(reason, entry, limits):
            return refusal(reason, entry, limits)
        case DateRefused():
            return date_refusal(outcome)
        case Held():
            return unsure(held(outcome), outcome.unsure)
        case RepeatedTooOften(per_minute):
            return REPEATED_TOO_OFTEN.format(count=per_minute)
        case Edited(saved):
            return edited(saved)
        case Voided(saved):
            return voided(saved, member)
        case Switched(saved):
            return switched(saved)
        case ActionRefused(reason):
            return ACTION_REFUSALS[reason]
        case LedgerProblem(error):
            return ledger_problem(error)
        case StorageProblem():
            return STORAGE_PROBLEM
    return None


CONNECT_HOW = (
    "Send /connect followed by the link to the Google Sheet. "
    "Share the sheet with the bot's service account as Editor first."
)
CONNECTED = "Connected: this group's expenses now go to “{title}”.\n{link}"
NOT_A_SHEET = "That does not look like a Google Sheet link. Copy the link from the browser's address bar."
NO_SHEETS = "This bot keeps its ledger in a local workbook; the operator can switch it to Google Sheets."
CONNECT_NO_ACCESS = (
    "I cannot write to that sheet yet. Share it with {email} as Editor, then send /connect again."
)
CONNECT_NOT_FOUND = "I cannot find a sheet at that link. Check the link and send /connect again."


def connect_reply(outcome: ConnectOutcome) -> str:
    """The answer to /connect."""
    match outcome:
        case Connected(spreadsheet_id, title):
            return CONNECTED.format(
                title=title, link=f"https://docs.google.com/spreadsheets/d/{spreadsheet_id}"
            )
        case NotASheet():
            return NOT_A_SHEET
        case SheetsNotConfigured():
            return NO_SHEETS
        case LedgerProblem(LedgerAccessDenied() as denied):
            return CONNECT_NO_ACCESS.format(email=denied.share_with)
        case LedgerProblem(LedgerNotFound()):
            return CONNECT_NOT_FOUND
        case LedgerProblem(error):
            return ledger_problem(error)
    return UNAVAILABLE


QUEUED = "Saved: {items}{guess}. It will be added to the sheet shortly{why}."
QUEUED_SLOW = ""
QUEUED_BECAUSE: dict[type[LedgerError], str] = {
    LedgerAccessDenied: ", once the sheet is shared with the bot again",
    LedgerNotFound: ", once an admin reconnects the sheet with /connect",
}
QUEUED_BECAUSE_DEFAULT = " (Google Sheets is not answering right now)"
QUEUED_KEY_REFUSED = ", once the bot's operator gives it a new Google key (the old one was refused)"
QUEUED_API_DISABLED = ", once the Google Sheets API is enabled for the bot: {link}"
KEY_REFUSED = (
    "Google refused the bot's key (it was deleted or revoked), so I cannot write to the sheet. "
    "Nothing is lost: the expenses wait and go to the sheet once the bot's operator gives it a new key."
)
API_DISABLED = (
    "The Google Sheets API is turned off for the bot's Google project, so I cannot write to the sheet. "
    "The bot's operator can enable it here: {link}"
)


def _waiting_because(problem: LedgerError | None) -> str:
    """Why an accepted expense is not in the sheet yet, in words someone can act on."""
    if problem is None:
        return QUEUED_SLOW
    if isinstance(problem, LedgerApiDisabled):
        return QUEUED_API_DISABLED.format(link=problem.enable_at)
    if isinstance(problem, LedgerKeyRefused):
        return QUEUED_KEY_REFUSED
    return QUEUED_BECAUSE.get(type(problem), QUEUED_BECAUSE_DEFAULT)


def balance_problem(error: LedgerError) -> str:
    """Why /balance has no answer: the sheet could not be read."""
    if isinstance(error, LedgerAccessDenied):
        return BALANCE_NO_ACCESS.format(email=error.share_with)
    if isinstance(error, LedgerNotConnected | LedgerNotFound):
        return BALANCE_NO_SHEET
    if isinstance(error, LedgerKeyRefused | LedgerApiDisabled):
        return ledger_problem(error)
    return BALANCE_UNAVAILABLE


def ledger_problem(error: LedgerError) -> str:
    """What the group is told when the sheet cannot be written."""
    if isinstance(error, LedgerAccessDenied):
        return NO_ACCESS.format(email=error.share_with)
    if isinstance(error, LedgerNotConnected):
        return NOT_CONNECTED
    if isinstance(error, LedgerNotFound):
        return NOT_FOUND
    if isinstance(error, LedgerKeyRefused):
        return KEY_REFUSED
    if isinstance(error, LedgerApiDisabled):
        return API_DISABLED.format(link=error.enable_at)
    return UNAVAILABLE


# `balance-bot try`: the terminal's own words around the bot's replies.
TRY_INTRO = (
    "balance-bot try: a group chat in your terminal, on the same use cases as the bot.\n"
    "Type expenses as a member would (coffee 3$, ទឹកកក ៥០០០៛). For a list on several lines, end its\n"
    "first line with ':' (Market today:) and finish with a blank line, or paste it at once.\n"
    "/as NAME switches member · /admin makes them an admin · /undo · /switch · /edit TEXT edits your\n"
    "last message · every command of /help works · /quit leaves."
)
TRY_WHERE = "Trying it never touches your team's sheet: rows go to {where}."
TRY_BUTTONS = "     buttons: {buttons}"
TRY_BUTTON = "[{label}] → {command}"
TRY_NO_GOOGLE = "In the terminal there is no Google Sheet to connect: {why}"
TRY_NO_SUCH_COMMAND = "There is no {command} here; /help lists the commands."


def try_admin(member: str, *, now: bool) -> str:
    """'Dara is now an admin.' after /admin in the terminal chat."""
    who = "You are" if member == "You" else f"{member} is"
    return f"{who} {'now' if now else 'no longer'} an admin."
