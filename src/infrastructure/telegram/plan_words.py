"""A reply plan in words: the text and the buttons' labels every chat face shows alike."""

from __future__ import annotations

from balance_bot.capture.reply_plan import Button, Notices, ReplyPlan
from infrastructure.telegram import texts
from infrastructure.telegram.replies import Replies


def plan_text(plan: ReplyPlan, replies: Replies) -> str | None:
    """What the bot says for the plan; None when it stays silent."""
    return replies.reply_for(plan.outcome, plan.member, plan.category_names)


def button_label(plan: ReplyPlan, button: Button, replies: Replies) -> str:
    """A button's label under the plan's confirmation."""
    saved = plan.saved
    if button is Button.UNDO:
        return replies.undo_button(saved)
    if button is Button.SWITCH and saved is not None:
        return replies.switch_button(saved)
    if button is Button.CATEGORY and saved is not None:
        category = replies.category(saved.lines[0].line.category, plan.category_names)
        return replies.say(texts.CATEGORY_BUTTON, category=category)
    return replies.say(texts.THIS_MONTH_BUTTON)


def notice_texts(notices: Notices, replies: Replies) -> list[str]:
    """The notices after a confirmation, one message each."""
    return [replies.budget_crossed(crossed, notices.category_names) for crossed in notices.budgets_crossed]
