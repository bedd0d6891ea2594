"""The team's cash counted, or checked against the book: regex branches for not_spending.

A count tells what the box, the tin or the drawer holds ("counted the tin: 76$ and 41,500 riel", "cash in
the drawer matches the book 95$", លុយក្នុងថត ត្រូវគ្នានឹងសៀវភៅ); no money went. Written for lower-case text.
"""

from __future__ import annotations

# Where the team keeps its cash: a box, a tin, a till, a drawer; "petty cash" and "cash" name it too.
_HOLDER = r"(?:tin|till|drawer|box|cash\s*box|petty\s*cash|cash|kitty|float|money)"
_BOOK = r"(?:books?|ledger|sheet|records?|list|log|count|system|app|receipts?|what\s+(?:i|we)\s+\w+)"

CASH_COUNTED = (
    # Counted, and what was counted: "counted the tin: 76$", "recounted the drawer", "tin counted".
    rf"\b(?:counted|counting|recount(?:ed)?|re-count(?:ed)?)\s+(?:\S+\s+){{0,3}}?(?:the\s+|our\s+)?{_HOLDER}\b",
    # A count or a tally told of, whatever of: "Counted: 45$ + 30,000r", "end of week count 140$"; not a
    # counting machine, count sheets, a tally counter or a headcount.
    r"\b(?<!head )(?:counted|recounted|count|tally|tallied)\b"
    r"(?!\s+(?:machine|sheets?|books?|pads?|paper|printing|counter)\b)",
    r"\bcheck(?:ed|ing)?\s+(?:the\s+)?(?:cash|box|tin|till|drawer|float|kitty|money)\b",
    r"\b(?:box|tin|till|drawer|cash)\s+(?:and|&|\+)\s+(?:the\s+)?(?:book|books|ledger|sheet)\b",
    r"\b(?:tin|till|drawer|box|petty\s*cash|cash|kitty|float)\s+(?:was\s+|is\s+)?(?:counted|checked|"
    r"count|check)\b",
    # The day's count: "end of day count 66$", "count tonight 84$", "eod count".
    r"\b(?:end\s+of\s+(?:the\s+)?day|eod|daily|nightly|evening|night|closing)\s+(?:cash\s+)?count\b",
    r"^\s*(?:cash\s+)?count\s+(?:tonight|today|this\s+\w+|now|done|again)\b",
    r"\bcash\s+(?:on|in)\s+hand\b",
    # What a tin, a till or a drawer holds: "money in tin = 35$", "the drawer has 52$".
    r"\b(?:money|cash|total)\s+in\s+(?:the\s+)?(?:tin|till|drawer)\b",
    r"^\s*(?:the\s+)?(?:tin|till|drawer)\s+(?:now\s+|still\s+)?(?:has|holds|had)\b",
    # Checked against the book: "matches the ledger", "same as the book", "balanced", "book says 110$".
    rf"\b(?:match(?:es|ed|ing)?|agrees?\s+with|same\s+as)\s+(?:the\s+|our\s+|my\s+)?(?:\w+\s+)?{_BOOK}\b",
    # Not "box of matches 1500".
    r"\b(?:tin|till|drawer|box|cash|kitty|float)\b[^\n]{0,60}(?<!of )(?<!of the )\b(?:matches|matched|"
    r"balanced|balances|tallies|tallied|all\s+good)\b",
    r"\b(?:all|everything|it|cash|count)\s+(?:matches|tallies|balances)\b",
    r"\b(?:book|books|ledger|sheet)\s+(?:says|same|ok|correct|agrees)\b",
    r"\breconcil(?:e|ed|ing|iation)\b",
    # The holder and its amount opening the message, or counted after: "Tin: $54 + 23,000៛. Counted
    # twice.", "cash box = $212.50", "till at close: $88".
    r"^\s*(?:the\s+)?(?:tin|till|drawer|float|kitty|(?:cash|money)\s*box|petty\s*cash|box)\s*(?:(?:at|after|before)\s+"
    r"clos(?:e|ing)|now|today|tonight|total|balance|count)?\s*[:=]\s*[$៛]?\s*[0-9]",
    r"\b(?:tin|till|drawer|float|kitty|cash\s*box|petty\s*cash)\b[^\n]{0,60}\b(?:counted|recounted)\b",
    r"\b(?:tin|till|drawer|box|float|cash)\s+(?:at|after|before)\s+clos(?:e|ing)\b",
    r"\b(?:receipts|slips)\s+add\s+up\b",
    # Khmer: the drawer (ថត), matching (ត្រូវគ្នា, ត្រូវនឹង… ត្រូវតាម…), checked (ផ្ទៀងផ្ទាត់, ពិនិត្យលុយ).
    r"^\s*(?:លុយ|ប្រាក់)\s*(?:នៅ\s*)?ក្នុង\s*ថត",
    r"ថតលុយ|ថតប្រាក់",
    r"រ(?<!្រ)ាប់\s*(?:រួច|ហើយ|បាន|លុយ|ប្រាក់|ប្រអប់|ថត)",
    r"(?:ប្រអប់|ថត)[^\n]{0,20}(?:សៀវភៅ|បញ្ជី)[^\n]{0,10}ដូចគ្នា",
    r"ត្រូវគ្នា|ត្រូវ\s*(?:នឹង|តាម)\s*(?:បញ្ជី|សៀវភៅ|ការកត់ត្រា)|ផ្ទៀងផ្ទាត់|ពិនិត្យ\s*(?:មើល\s*)?(?:លុយ|ប្រាក់|ប្រអប់)",
)
