"""Pay rates and salaries talked about, not paid out of the box: regex branches for not_spending, in
English and Khmer, for lower-case text."""

from __future__ import annotations

# A rate by the day, the hour or the head: "a day", "/shift", ក្នុងម្នាក់, មួយថ្ងៃ.
_PER_HEAD = (
    r"(?:\b(?:per|a|an|each)\s*(?:day|hour|hr|person|head|worker|shift)\b|/\s*(?:day|hour|hr|person|head|"
    r"worker|shift)\b|ក្នុង\s*(?:មួយ|១)?\s*(?:ម្នាក់|នាក់|ថ្ងៃ|ម៉ោង|វេន)|ម្នាក់ៗ|(?:មួយ|១)\s*(?:ថ្ងៃ|ម៉ោង|នាក់|វេន))"
)
PAY_RATE = (
    r"\b(?:per hour|an hour|hourly|ot|class fee|room rate)\b",
    r"ម៉ោងមួយ|ក្នុងមួយម៉ោង|មួយយប់",
    # A wage by the day, the hour or the head: "workers' wage 25000៛ a day", "ថ្លៃឈ្នួល … ក្នុងម្នាក់".
    rf"\b(?:wage|salary|salaries|daily rate|day rate|pay rate)[^\n]*{_PER_HEAD}",
    rf"(?:ឈ្នួល|ប្រាក់ខែ)[^\n]*{_PER_HEAD}",
    # A wage compared, opening the message with no paying: "ប្រាក់ខែ 250$ ដូចអ្នកមុន", "salary same as…".
    r"^\s*(?:ប្រាក់ខែ|ឈ្នួល)[^\n]*(?:ដូច|ស្មើ)",
    r"^\s*(?:salary|wages?)\b[^\n]*\b(?:same as|like the|as before|as the (?:last|previous|old))\b",
)
