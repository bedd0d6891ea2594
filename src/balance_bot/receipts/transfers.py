"""A bank app's screen of a payment (ABA, ACLEDA, Wing, any KHQR payment) read from its OCR'd lines.

Every bank's screen is a list of label / value pairs under the amount: the transaction ID under a label
(Trx. ID, Transaction ID, Reference, Hash, លេខប្រតិបត្តិការ), the other side (To, Paid to, ទៅកាន់), a note,
the date. The value stands right of its label (one OCR line) or under it (the next line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from balance_bot.domain.money import Money
from balance_bot.receipts.ocr_words import Amount, amounts_in, moment_in, without_moments
from balance_bot.receipts.reading import Doubt, ImageKind, ImageReading, Sureness

# The transaction's own ID first: a screen that shows it and a reference is keyed by the ID, as the
# bank's notice of the same payment is.
_ID_LABELS = (
    # OCR reads "Trx. ID" as "Tx. ID", "Irx. 1D": the I of ID as 1 or l, the T as I.
    r"[til1]?r?x\.?\s*[il1|]d|trans(?:action)?\.?\s*[il1|]d|txn\.?\s*[il1|]d|transaction\s*no\.?|"
    r"លេខ\s*ប្រតិបត្តិការ",
    r"ref(?:erence)?\.?\s*(?:id|no\.?|number|#)?|លេខ\s*យោង",
    r"(?:transaction\s*)?hash(?:\s*id)?",
)
_LABEL_END = r"\s*[:#.：]?\s*"
_ID_PATTERNS = tuple(
    re.compile(rf"(?<![A-Za-z])(?:{label}){_LABEL_END}", re.IGNORECASE) for label in _ID_LABELS
)
_ID_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "L": "1"})
_ID_TOKEN = re.compile(r"#?([A-Za-z0-9]{3,40})")
# What a transfer screen says that a receipt does not.
_TRANSFER_CUES = re.compile(
    r"transfer|success|paid\s+to|sent\s+to|khqr|bakong|beneficiary|recipient|from\s+account|"
    r"ផ្ទេរ|ជោគជ័យ|ទៅកាន់|បានទទួល|received\s+from",
    re.IGNORECASE,
)
_RECEIVED = re.compile(r"received\s+from|you\s+received|credited|បានទទួល|ទទួលពី", re.IGNORECASE)
_SENT = re.compile(r"transfer(?:red)?\s+to|paid\s+to|sent\s+to|ផ្ទេរ\s*ទៅ|ទៅកាន់|បង់\s*ទៅ", re.IGNORECASE)
# Banks by the names their apps print; the key of a payment names its bank as the notices do.
_BANKS = (
    ("ABA", r"\bABA\b|advanced\s+bank\s+of\s+asia"),
    ("ACLEDA", r"ACLEDA|toanchet"),
    ("Wing", r"\bwing\b"),
    ("Canadia", r"canadia"),
    ("Prince", r"prince\s+bank"),
    ("Sathapana", r"sathapana"),
    ("Chip Mong", r"chip\s*mong"),
    ("Vattanac", r"vattanac"),
    ("AMK", r"\bAMK\b"),
    ("PRASAC", r"prasac"),
    ("CP Bank", r"\bCP\s*bank"),
    ("Hong Leong", r"hong\s*leong"),
    ("TrueMoney", r"true\s*money"),
)
_PAYEE_LABELS = re.compile(
    r"^(?:transferred\s+to|transfer\s+to|paid\s+to|sent\s+to|beneficiary(?:\s+name)?|"
    r"recipient(?:\s+name)?|receiver(?:\s+name)?|merchant(?:\s+name)?|to\s+account\s+name|to|"
    r"ទៅកាន់|ផ្ទេរទៅ|ទៅ(?=\s)|អ្នកទទួល|ឈ្មោះអ្នកទទួល)(?![A-Za-z])\s*[:：]?\s*",
    re.IGNORECASE,
)
_PAYER_LABELS = re.compile(
    r"^(?:received\s+from|sender(?:\s+name)?|from|ពី|អ្នកផ្ញើ)(?![A-Za-z])\s*[:：]?\s*", re.IGNORECASE
)
_NOTE_LABELS = re.compile(
    r"^(?:remarks?|notes?|purpose|description|memo|កំណត់\s*សម្គាល់|ខ្លឹមសារ|គោលបំណង|ការពិពណ៌នា)\s*[:：]?\s*",
    re.IGNORECASE,
)
_AMOUNT_LABEL = re.compile(r"amount|ចំនួន\s*ទឹក\s*ប្រាក់|ចំនួនទឹកប្រាក់", re.IGNORECASE)
_NOT_THE_PAYMENT = re.compile(
    r"fee|charge|balance|rate|original|limit|cashback|points|ថ្លៃ\s*សេវា|សមតុល្យ|អត្រា", re.IGNORECASE
)
_NOT_A_NAME = re.compile(r"\d{4}|(?:\d\D*){6}|[:：]$|^\W*$|^account\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _FoundId:
    value: str
    line: int
    rank: int
    trx_label: bool = False  # labelled "Trx. ID", as ABA labels it


def looks_like_transfer(lines: list[str]) -> bool:
    """Whether the lines are a bank's screen of a payment: a transaction ID under its label, and a
    word only such a screen says."""
    text = "\n".join(lines)
    return _transaction_id(lines) is not None and _TRANSFER_CUES.search(text) is not None


def read_transfer(lines: list[str]) -> ImageReading:
    """The payment a bank screen shows; sure with its ID and one amount."""
    text = "\n".join(lines)
    found = _transaction_id(lines)
    money = _payment(lines, {found.line} if found else set())
    day, when = moment_in(lines)
    received = _RECEIVED.search(text) is not None and _SENT.search(text) is None
    purpose = _note(lines) or _labelled_value(lines, _PAYER_LABELS if received else _PAYEE_LABELS)
    reading = ImageReading(
        ImageKind.TRANSFER,
        Sureness.SURE,
        money,
        purpose,
        day,
        when,
        _bank(text, found),
        found.value if found else "",
        received,
    )
    if money is None:
        first = _first_amount(lines)  # the big number at the top: proposed, never saved as is
        return _unsure(replace(reading, money=first), Doubt.CANDIDATES if first else Doubt.NO_TOTAL)
    if found is None:
        return _unsure(reading, Doubt.NO_ID)
    return reading


def _unsure(reading: ImageReading, doubt: Doubt) -> ImageReading:
    return replace(reading, sureness=Sureness.UNSURE, doubt=doubt)


def _transaction_id(lines: list[str]) -> _FoundId | None:
    """The best-ranked ID the screen labels: on its label's line, or alone on the next one."""
    best: _FoundId | None = None
    for number, line in enumerate(lines):
        for rank, pattern in enumerate(_ID_PATTERNS):
            match = pattern.search(line)
            if match is None:
                continue
            value = _id_value(line[match.end() :])
            if value is None and number + 1 < len(lines):
                value = _id_value(lines[number + 1])
            if value is not None and (best is None or rank < best.rank):
                trx = re.match(r"[til1]?r?x\b", match[0], re.IGNORECASE) is not None
                best = _FoundId(value, number, rank, trx)
            break
    return best


def _id_value(rest: str) -> str | None:
    """The ID after its label: OCR may split a long number into groups ('1760 1529 1049 703')."""
    tokens = rest.split()
    if not tokens:
        return None
    first = _ID_TOKEN.fullmatch(tokens[0].strip(".,;"))
    if first is None or not any(char.isdigit() for char in first[1]):
        return None
    value = first[1]
    for token in tokens[1:]:
        token = token.strip(".,;")
        if not (value.isdigit() and token.isdigit()):
            break
        value += token
    return _repaired_id(value)


def _repaired_id(value: str) -> str:
    """An ID as the bank prints it: digits where OCR put their lookalikes in a number or a hex hash
    (0e1eb039 read 'OELEB039'); any other ID in capitals, as banks print them."""
    digits = value.translate(_ID_LOOKALIKES)
    if digits.isdigit():
        return digits
    if re.fullmatch(r"[0-9a-fA-F]{6,16}", digits) and any(char.isdigit() for char in value):
        return digits.lower()
    return value.upper()


def _payment(lines: list[str], id_lines: set[int]) -> Money | None:
    """The payment's amount: the one amount a labelled line gives, else the one amount in a currency the
    screen shows (the big number at the top), fees and balances aside; None for none or several."""
    labelled: list[Amount] = []
    marked: list[Amount] = []
    for number, line in enumerate(lines):
        if number in id_lines or _NOT_THE_PAYMENT.search(line):
            continue
        found = [amount for amount in amounts_in(without_moments(line)) if _is_payment(amount)]
        marked.extend(found)
        if _AMOUNT_LABEL.search(line):
            labelled.extend(found)
    for candidates in (labelled, marked):
        distinct = {amount.money() for amount in candidates}
        if len(distinct) == 1:
            return distinct.pop()
    return None


def _is_payment(amount: Amount) -> bool:
    return amount.currency is not None and not amount.percent and amount.value > 0


def _first_amount(lines: list[str]) -> Money | None:
    for line in lines:
        if _NOT_THE_PAYMENT.search(line):
            continue
        for amount in amounts_in(without_moments(line)):
            if _is_payment(amount):
                return amount.money()
    return None


def _bank(text: str, found: _FoundId | None) -> str:
    """The app's bank: named first on the screen (the other side's bank comes later, under To)."""
    named = []
    for bank, pattern in _BANKS:
        match = re.search(pattern, text, re.IGNORECASE)
        if match is not None:
            named.append((match.start(), bank))
    if not named:
        return _bank_by_its_label(found)
    if found is not None and found.rank == 0 and any(bank == "ABA" for _, bank in named):
        return "ABA"  # ABA's "Trx. ID", whichever bank the money went to
    return min(named)[1]


def _bank_by_its_label(found: _FoundId | None) -> str:
    """A screen whose bank's name was cut off (a photo of the phone) names it by how it labels its ID, as
    the bank's notices do: ABA's numeric "Trx. ID" (លេខប្រតិបត្តិការ), ACLEDA's "Reference" (លេខយោង)."""
    if found is not None and found.rank == 0 and found.value.isdigit() and found.trx_label:
        return "ABA"
    if found is not None and found.rank == 1:
        return "ACLEDA"
    return "Bank"


def _note(lines: list[str]) -> str:
    """The member's note on the payment (Remark, Purpose, កំណត់សម្គាល់)."""
    return _labelled_value(lines, _NOTE_LABELS)


def _labelled_value(lines: list[str], label: re.Pattern[str]) -> str:
    """The value of the first line the label starts (the other side's name after To, Paid to, From),
    or of the line under it."""
    for number, line in enumerate(lines):
        match = label.match(line.strip())
        if match is None:
            continue
        value = line.strip()[match.end() :].strip(" :-–")
        if not value and number + 1 < len(lines):
            value = lines[number + 1].strip(" :-–")
        if value and not _NOT_A_NAME.search(value) and not any(one.currency for one in amounts_in(value)):
            return " ".join(value.split())[:60]
    return ""
