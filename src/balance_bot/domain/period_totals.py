"""What a past period or the month so far cost, told as a summary: regex branches for not_spending.

A summary of spending already saved is no new spending ("we spent 300$ on fuel last month", "total spent
this month 1,230$", "Oct total = 1,245.60$", ចំណាយសរុប, ខែ១០ សរុប); a bill for a month paid now is ("paid
last month's internet", "rent for last month 300$", "October rent 300$"). Written for lower-case text.
"""

from __future__ import annotations

from balance_bot.domain.dates import ENGLISH_MONTHS, KHMER_MONTHS
from balance_bot.domain.text import either

_MONTH_NAMES = either(ENGLISH_MONTHS)
_KHMER_MONTHS = rf"[0-9០-៩]{{1,2}}|{either(KHMER_MONTHS)}|នេះ|មុន"
# The words of a summary after its period: "Oct total", "this week's expenses", "monthly spending sum".
_SUMMED = r"(?:(?:expenses?|spending|costs?)\s+)?(?:total|sum|grand\s+total|subtotal|expenses|spending)\b"

PERIOD_TOTALS = (
    r"\b(?:total|spent|spend|spending|expenses?)\b[^\n]*\b(?:this|last|previous|past)\s+"
    r"(?:month|week|year|term|quarter)\b(?!['’]s)",
    r"\b(?<!for )(?<!for the )(?:last|previous|past)\s+(?:month|week|year|term|quarter)\b(?!['’]s)[^\n]*"
    r"\b(?:total|spent|was|were|came to|cost)\b",
    r"\bso far\b",
    # A total for a month named, or a period: "total fuel july = 96$", "sum for March 230$", សរុបខែ៧.
    rf"^\s*(?:total|sum|grand total)\b[^\n]*\b(?:{_MONTH_NAMES}|month|week|year|quarter)\b",
    # The period first, then its total: "Oct total = 1,245.60$", "this month's expenses: 980$", "weekly
    # sum 212$"; not "Oct rent 300$", a month's bill.
    rf"^\s*(?:(?:the|our)\s+)?(?:(?:this|last|previous)\s+)?(?:{_MONTH_NAMES}|month|week|quarter|year|monthly|"
    rf"weekly|quarterly|yearly)\.?(?:['’]s?)?(?:\s*[:\-–])?\s*{_SUMMED}",
    r"^\s*សរុប[^\n]*(?:ខែ|សប្តាហ៍|ឆ្នាំ)",
    rf"^\s*(?:ចំណាយ\s*)?(?:ខែ|សប្តាហ៍|អាទិត្យ)\s*(?:{_KHMER_MONTHS})\s*(?:ចំណាយ\s*)?សរុប",
    r"ចំណាយសរុប|សរុបចំណាយ|(?:ចំណាយ|ចាយ)[^\n]*(?:ខែ|អាទិត្យ|សប្តាហ៍|ឆ្នាំ)(?:មុន|នេះ)"
    r"|(?:ខែ|អាទិត្យ|សប្តាហ៍|ឆ្នាំ)(?:មុន|នេះ)[^\n]*(?:ចំណាយ|ចាយ)",
)
