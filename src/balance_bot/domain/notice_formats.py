"""How each bank's Telegram bot words a payment received: its field labels, in their order.

A format is written as a template: a space stands for any run of spaces or line breaks (banks pad
names, and some put fields on lines of their own), and <NAME>-like blocks stand for the fields.
The patterns run on text whose Khmer digits are already ASCII, so one pattern reads both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from balance_bot.domain.dates import MONTH_NUMBERS
from balance_bot.domain.text import either

_KHMER_MONTHS = [name for name in MONTH_NUMBERS if not name.isascii()]
# A field is kept to one line and a bounded length, so a long message that almost matches fails fast.
_BLOCKS = {
    "AMOUNT": r"(?P<amount>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,12}(?:\.\d{1,2})?)",
    "CODE": r"(?P<currency>USD|KHR)",
    "SIGN": r"(?P<currency>[$៛])",
    "KHMER_CURRENCY": r"(?P<currency>ដុល្លារ|រៀល)",
    # The payer: the shortest run of text up to the label that follows it in the notice.
    "PAYER": r"(?P<payer>[^\n]{1,80}?)",
    "PAYER_LINE": r"(?P<payer>[^\n]{1,80}?)[ ]*(?:\n|$)",
    # A bank or merchant the notice names between two fields, on the same line.
    "ANY": r"[^\n]{0,200}?",
    "ONE_PART": r"[^,\n]{1,80}?",
    # ACLEDA writes the payer's phone number before the name: 089 536 367, 097 9841 404.
    "PHONE": r"(?:0\d{2}[ ]\d{3,4}[ ]\d{3}\s+)?",
    "ID": r"(?P<id>[A-Za-z0-9]{4,40})",
    "DAY": r"(?P<day>\d{1,2})",
    "MONTH": r"(?P<month>\d{1,2})",
    "MONTH_NAME": r"(?P<month_name>[A-Za-z]{3,9})",
    "KHMER_MONTH": "(?P<month_name>" + either(_KHMER_MONTHS) + ")",
    "YEAR": r"(?P<year>\d{4})",
    "SHORT_YEAR": r"(?P<year>\d{2})",
    "HOUR": r"(?P<hour>\d{1,2})",
    "MINUTE": r"(?P<minute>\d{2})",
    "SECOND": r"(?P<second>\d{2})",
    "AM_PM": r"(?P<period>[AaPp][Mm])",
    # Khmer's morning and evening, as ACLEDA writes AM and PM.
    "KHMER_AM_PM": r"(?P<period>ព្រឹក|ល្ងាច)",
}
_BLOCK = re.compile(r"<([A-Z_]+)>")


@dataclass(frozen=True, slots=True)
class NoticeFormat:
    """One bank's wording of a payment received: a cue every such notice holds, and its pattern."""

    bank: str
    cue: str
    pattern: re.Pattern[str]


def _format(bank: str, cue: str, template: str) -> NoticeFormat:
    spaced = template.replace(" ", r"\s+")
    return NoticeFormat(bank, cue, re.compile(_BLOCK.sub(lambda block: _BLOCKS[block[1]], spaced)))


FORMATS = (
    # $10.00 paid by NAME (*467) on Oct 11, 10:21 AM via ABA PAY at MERCHANT. Trx. ID: 176015291049703,
    # APV: 691804.
    _format(
        "ABA",
        "paid by",
        r"<SIGN>\s?<AMOUNT> paid by <PAYER> \(\*\d{1,6}\) on <MONTH_NAME> <DAY>, <HOUR>:<MINUTE> <AM_PM> "
        r"via <ANY>Trx\. ID: <ID>",
    ),
    # ៛10,400 ត្រូវបានបង់ដោយ NAME (*111) នៅថ្ងៃទី 11 ខែតុលា ឆ្នាំ 2025 ម៉ោង 10:15 តាម ... លេខប្រតិបត្តិការ: ID។
    _format(
        "ABA",
        "ត្រូវបានបង់ដោយ",
        r"<SIGN>\s?<AMOUNT> ត្រូវបានបង់ដោយ <PAYER> \(\*\d{1,6}\) នៅ\s*ថ្ងៃទី\s*<DAY>\s*ខែ\s*<KHMER_MONTH>"
        r"\s*ឆ្នាំ\s*<YEAR>\s*ម៉ោង\s*<HOUR>:<MINUTE> តាម <ANY>លេខប្រតិបត្តិការ:\s*<ID>",
    ),
    # Received 9.60 USD from 089 536 367 NAME, 11-Oct-2025 10:12AM. Ref.ID: 52841705680, at MERCHANT
    _format(
        "ACLEDA",
        "Ref.ID",
        r"Received <AMOUNT> <CODE> from <PHONE><PAYER>, <DAY>-<MONTH_NAME>-<YEAR> "
        r"<HOUR>:<MINUTE>\s?<AM_PM>\. Ref\.ID:\s*<ID>",
    ),
    # Received 26.00 USD from NAME,Wing Bank (Cambodia) Plc by KHQR,on 11-Dec-2025 03:46PM, at ...
    # (Hash. b818c4e3).
    _format(
        "ACLEDA",
        "by KHQR",
        r"Received <AMOUNT> <CODE> from <PAYER>,<ONE_PART> by KHQR,\s*on <DAY>-<MONTH_NAME>-<YEAR> "
        r"<HOUR>:<MINUTE>\s?<AM_PM>,<ANY>\(Hash\.\s*<ID>\)",
    ),
    # បានទទួល 21.15 ដុល្លារ ពី 097 8555 757 NAME, ថ្ងៃទី១១ តុលា ២០២៥ ១០:១៩ព្រឹក, លេខយោង 52841751197, នៅ ...
    _format(
        "ACLEDA",
        "លេខយោង",
        r"បានទទួល <AMOUNT> <KHMER_CURRENCY> ពី <PHONE><PAYER>, ថ្ងៃទី\s*<DAY>\s*<KHMER_MONTH>\s*<YEAR>"
        r"\s*<HOUR>:<MINUTE>\s*<KHMER_AM_PM>, លេខយោង\s*<ID>",
    ),
    # 1.50 USD was paid to your account: ... on 11 OCT 2025 at 10:08:53 from BANK Acc: NAME 001XXXXXXXX5870
    # with Ref: FT25284T1CZ3, Txn Hash: f12176a6
    _format(
        "Canadia",
        "was paid to your account",
        r"<AMOUNT> <CODE> was paid to your account: <ANY> on <DAY> <MONTH_NAME> <YEAR> at "
        r"<HOUR>:<MINUTE>:<SECOND> from <ANY> Acc: <PAYER> [0-9X*]{6,24} with Ref:\s*<ID>",
    ),
    # KHR 14,000.00 is paid to MERCHANT from NAME on 11-Oct-2025 @10:23:23. Transaction Hash is d6349c17.
    _format(
        "Hong Leong",
        "Transaction Hash is",
        r"<CODE> <AMOUNT> is paid to <ANY> from <PAYER> on <DAY>-<MONTH_NAME>-<YEAR> @\s?"
        r"<HOUR>:<MINUTE>:<SECOND>\. Transaction Hash is <ID>",
    ),
    # USD 16.50 is paid by NAME (ABA Bank) via KHQR on 04/10/2025 09:32 PM at MERCHANT
    # Trx. ID: 001FTRA252780212
    _format(
        "Vattanac",
        "via KHQR on",
        r"<CODE> <AMOUNT> is paid by <PAYER> \([^\n]{1,80}?\) via KHQR on <DAY>/<MONTH>/<YEAR> "
        r"<HOUR>:<MINUTE> <AM_PM> at <ANY> Trx\. ID:\s*<ID>",
    ),
    # You have received KHR 104,000 from NAME, bank name: ABA Bank ,account number: ... Transaction Hash:
    # 333986e5. Transaction Date: 11-10-2025 10:52:51 AM.
    _format(
        "CP Bank",
        "You have received",
        r"You have received <CODE> <AMOUNT> from <PAYER>, bank name: <ANY> Transaction Hash:\s*<ID>\. "
        r"Transaction Date: <DAY>-<MONTH>-<YEAR> <HOUR>:<MINUTE>:<SECOND> <AM_PM>",
    ),
    # Transaction amount KHR 2,000 is paid from NAME to MERCHANT on 29-09-2025 06:15:56 PM.
    # Transaction ID: CP2527208402
    _format(
        "CP Bank",
        "Transaction amount",
        r"Transaction amount <CODE> <AMOUNT> is paid from <PAYER> to <ANY> on <DAY>-<MONTH>-<YEAR> "
        r"<HOUR>:<MINUTE>:<SECOND> <AM_PM>\. Transaction ID:\s*<ID>",
    ),
    # The amount 55.50 USD is paid from NAME, BANK, Bill No.: ... on 2025-10-04 08.58.45 AM with
    # Transaction ID: 099QORT252770056, Hash: 9277630f, Shop-name: ...
    _format(
        "Sathapana",
        "Bill No.",
        r"The amount <AMOUNT> <CODE> is paid from <PAYER>, <ONE_PART>, Bill No\.: <ANY> on "
        r"<YEAR>-<MONTH>-<DAY> <HOUR>\.<MINUTE>\.<SECOND> <AM_PM> with Transaction ID:\s*<ID>",
    ),
    # KHR 6,500 is paid by ABA Bank via KHQR for purchase d0ab71cd. From NAME, at MERCHANT,
    # date Oct 11, 2025 11:28 AM
    _format(
        "Chip Mong",
        "for purchase",
        r"<CODE> <AMOUNT> is paid by <ANY> via KHQR for purchase <ID>\. From <PAYER>, at <ANY>, "
        r"date <MONTH_NAME> <DAY>, <YEAR> <HOUR>:<MINUTE> <AM_PM>",
    ),
    # Received Payment Amount 4.75 USD / - Paid by: NAME / ABA Bank / ... / - Transaction Date:
    # 11-Oct-25 09:43.44 AM (one field a line; no transaction ID)
    _format(
        "PRASAC",
        "Received Payment Amount",
        r"Received Payment Amount <AMOUNT> <CODE> - Paid by: <PAYER> / [^\n]{0,80}\n(?:[^\n]*\n){0,6}?"
        r"- Transaction Date: <DAY>-<MONTH_NAME>-<SHORT_YEAR> <HOUR>:<MINUTE>\.<SECOND> <AM_PM>",
    ),
    # AMK PAY / KHR 10,000 is paid from SURNAME, NAME to SURNAME, NAME on 15-09-2025 04:17 PM with
    # Transaction ID: 17579278527470001
    _format(
        "AMK",
        "with Transaction ID",
        r"<CODE> <AMOUNT> is paid from <PAYER> to <ANY> on <DAY>-<MONTH>-<YEAR> <HOUR>:<MINUTE> <AM_PM> "
        r"with Transaction ID:\s*<ID>",
    ),
    # Dear valued customer, you have received a payment: / Amount: USD 50.00 / Datetime: 2025/09/26,
    # 10:07 pm / Reference No: 794715018 / Merchant name: ... / Received from: NAME / ...
    _format(
        "Prince",
        "you have received a payment",
        r"you have received a payment: Amount: <CODE> <AMOUNT> Datetime: <YEAR>/<MONTH>/<DAY>, "
        r"<HOUR>:<MINUTE> <AM_PM> Reference No:\s*<ID> Merchant name:[^\n]* Received from: <PAYER_LINE>",
    ),
    # 105.00 USD is paid by NAME, ABA Bank *3961 on 31-October-2025, 08:35PM at MERCHANT with
    # Hash ID #865ecfef
    _format(
        "CCU",
        "Hash ID",
        r"<AMOUNT> <CODE> is paid by <PAYER>, <ONE_PART> \*\d{2,6} on <DAY>-<MONTH_NAME>-<YEAR>, "
        r"<HOUR>:<MINUTE>\s?<AM_PM> at <ANY> with Hash ID #<ID>",
    ),
    # 4,000 KHR was credited by NAME (ABA Bank) via KHQR to MERCHANT on 2025-10-11 10:08:57 Ref. No. 58489
    _format(
        "PLB",
        "was credited by",
        r"<AMOUNT> <CODE> was credited by <PAYER> \([^\n]{1,80}?\) via KHQR to <ANY> on <YEAR>-<MONTH>-<DAY> "
        r"<HOUR>:<MINUTE>:<SECOND> Ref\. No\.\s*<ID>",
    ),
    # QRPay: Received KHR 22900.00 on Jul 10, 2025 07:04:44 AM paid by NAME at MERCHANT with
    # Transaction Hash: 371f33fe.
    _format(
        "QRPay",
        "QRPay",
        r"QRPay: Received <CODE> <AMOUNT> on <MONTH_NAME> <DAY>, <YEAR> <HOUR>:<MINUTE>:<SECOND> <AM_PM> "
        r"paid by <PAYER> at <ANY> with Transaction Hash:\s*<ID>",
    ),
)
