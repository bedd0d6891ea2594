"""Transfer screenshots drawn in the layout of the Cambodian bank apps' success screens (names, amounts and
IDs made up)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from PIL import Image, ImageDraw
from tests.corpus.images.draw_fonts import EN_MONTHS, KHMER_MONTHS, fit_font, font, has_khmer, money


@dataclass
class Transfer:
    """What a transfer screen shows."""

    bank: str
    language: str
    amount: Decimal
    currency: str
    recipient: str
    note: str | None
    transaction_id: str
    day: tuple[int, int, int]
    clock: tuple[int, int]
    merchant: bool = False


BANK_STYLE = {
    # header colour, accent, app title
    "ABA": ((0, 83, 122), (226, 0, 26), "ABA Mobile"),
    "ACLEDA": ((18, 44, 102), (201, 160, 52), "ACLEDA mobile"),
    "Wing": ((120, 190, 32), (28, 28, 28), "Wing Bank"),
    "Chip Mong": ((0, 98, 65), (236, 112, 0), "Chip Mong Bank"),
}


def transfer_rows(t: Transfer) -> tuple[str, str, list[tuple[str, str]]]:
    """The screen's title, its big amount line and its label/value rows, in the bank's wording."""
    y, m, d = t.day
    hh, mm = t.clock
    shown = money(t.amount, t.currency)
    km = t.language == "km"
    if t.bank == "ABA":
        half_day = "PM" if hh >= 12 else "AM"
        when = (
            f"{d:02d} {KHMER_MONTHS[m - 1]} {y} {hh:02d}:{mm:02d}"
            if km
            else f"{EN_MONTHS[m - 1]} {d:02d}, {y} {(hh - 1) % 12 + 1:02d}:{mm:02d} {half_day}"
        )
        title = "ប្រតិបត្តិការជោគជ័យ" if km else ("Payment successful" if t.merchant else "Transfer successful")
        rows = [
            ("លេខប្រតិបត្តិការ" if km else "Trx. ID", t.transaction_id),
            ("ទៅកាន់" if km else ("Merchant" if t.merchant else "To account"), t.recipient),
            ("ពីគណនី" if km else "From account", "SOKHA CHAN  000 123 456"),
            ("កាលបរិច្ឆេទ" if km else "Transaction date", when),
        ]
        if t.note:
            rows.append(("កំណត់សម្គាល់" if km else "Remark", t.note))
        return title, f"-{shown} {t.currency}", rows
    if t.bank == "ACLEDA":
        when = f"{d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d}:{(hh * 7 + mm) % 60:02d}"
        title = "ការផ្ទេរប្រាក់ជោគជ័យ" if km else "Transfer Successful"
        rows = [
            ("ចំនួនទឹកប្រាក់" if km else "Amount", f"{shown} {t.currency}"),
            ("ថ្លៃសេវា" if km else "Fee", f"0.00 {t.currency}" if t.currency == "USD" else f"0 {t.currency}"),
            ("លេខយោង" if km else "Reference ID", t.transaction_id),
            ("អ្នកទទួល" if km else "Beneficiary", t.recipient),
            ("កាលបរិច្ឆេទ" if km else "Transaction Date", when),
        ]
        if t.note:
            rows.append(("ការពិពណ៌នា" if km else "Description", t.note))
        return title, f"{shown} {t.currency}", rows
    if t.bank == "Wing":
        when = f"{d:02d}-{EN_MONTHS[m - 1]}-{y} {hh:02d}:{mm:02d}"
        title = "ប្រតិបត្តិការជោគជ័យ" if km else "Transaction Successful"
        sign = "$" if t.currency == "USD" else "៛"
        rows = [
            ("លេខប្រតិបត្តិការ" if km else "Transaction ID", t.transaction_id),
            ("អ្នកទទួល" if km else "Receiver", t.recipient),
            ("ចំនួនទឹកប្រាក់" if km else "Amount", f"{shown} {t.currency}"),
            ("ថ្លៃសេវា" if km else "Fee", "0.00" if t.currency == "USD" else "0"),
            ("ពេលវេលា" if km else "Date", when),
        ]
        if t.note:
            rows.append(("ចំណាំ" if km else "Note", t.note))
        big = f"{sign}{shown}" if t.currency == "USD" else f"{shown}{sign}"
        return title, big, rows
    # Chip Mong, a KHQR payment through Bakong
    when = f"{y}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}"
    title = "ការទូទាត់ជោគជ័យ" if km else "Payment successful"
    rows = [
        ("ឈ្មោះអ្នកលក់" if km else "Merchant", t.recipient),
        ("Hash", t.transaction_id),
        ("តាមរយៈ" if km else "Via", "KHQR / Bakong"),
        ("កាលបរិច្ឆេទ" if km else "Date", when),
    ]
    if t.note:
        rows.append(("ចំណាំ" if km else "Note", t.note))
    return title, f"{shown} {t.currency}", rows


def draw_transfer(t: Transfer, rng: random.Random) -> Image.Image:
    """A phone screenshot (720 pixels wide) of the bank app's success screen."""
    width, height = 720, 1440
    header, accent, app = BANK_STYLE[t.bank]
    image = Image.new("RGB", (width, height), (246, 247, 249))
    pen = ImageDraw.Draw(image)
    sans, bold, khmer = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "KhmerOS.ttf"
    # status bar and the app's header
    pen.rectangle((0, 0, width, 190), fill=header)
    pen.text((28, 14), f"{rng.randint(7, 22)}:{rng.randint(0, 59):02d}", font=font(bold, 22), fill="white")
    pen.text((width - 110, 14), f"{rng.randint(20, 99)}%", font=font(sans, 22), fill="white")
    pen.text((28, 80), "<", font=font(bold, 40), fill="white")
    pen.text((80, 86), app, font=font(bold, 34), fill="white")
    title, big, rows = transfer_rows(t)
    # the card with the tick, the title and the amount
    pen.rounded_rectangle((30, 220, width - 30, 640), radius=24, fill="white")
    pen.ellipse((width // 2 - 50, 250, width // 2 + 50, 350), fill=accent if t.bank != "Wing" else header)
    pen.line((width // 2 - 24, 300, width // 2 - 6, 320, width // 2 + 28, 278), fill="white", width=10)
    title_font = font(khmer if has_khmer(title) else bold, 34)
    pen.text((width // 2, 400), title, font=title_font, fill=(30, 30, 30), anchor="mm")
    pen.text(
        (width // 2, 480), big, font=fit_font(bold, big, 64, width - 120), fill=(20, 20, 20), anchor="mm"
    )
    to_line = ("ទៅ " if t.language == "km" else "to ") + t.recipient
    to_font = fit_font(khmer if has_khmer(to_line) else sans, to_line, 28, width - 120)
    pen.text((width // 2, 570), to_line, font=to_font, fill=(90, 90, 90), anchor="mm")
    # the details, one label and value a row
    top = 680
    pen.rounded_rectangle((30, top, width - 30, top + 90 * len(rows) + 30), radius=24, fill="white")
    for index, (label, value) in enumerate(rows):
        y = top + 40 + 90 * index
        label_font = font(khmer if has_khmer(label) else sans, 25)
        pen.text((60, y + 9), label, font=label_font, fill=(120, 120, 120), anchor="ls")
        value_name = khmer if has_khmer(value) else bold
        value_font = fit_font(value_name, value, 26, width - 330)
        pen.text((width - 60, y + 9), value, font=value_font, fill=(25, 25, 25), anchor="rs")
        if index < len(rows) - 1:
            pen.line((60, y + 45, width - 60, y + 45), fill=(232, 232, 236), width=2)
    button_top = height - 150
    pen.rounded_rectangle((30, button_top, width - 30, button_top + 90), radius=45, fill=header)
    done = "រួចរាល់" if t.language == "km" else "Done"
    pen.text(
        (width // 2, button_top + 45),
        done,
        font=font(khmer if has_khmer(done) else bold, 30),
        fill="white",
        anchor="mm",
    )
    return image


RECIPIENTS = [
    "SOK DARA",
    "CHAN SREYNEANG",
    "KIM LONG",
    "Lucky Supermarket",
    "Brown Coffee",
    "VANNA TRAN",
    "PHEAP SOPHAL",
    "Tous Les Jours",
    "Chip Mong Mart",
    "Amazon Cafe",
    "Sovannaphum Printing",
    "RITH MAKARA",
    "Kampot Fresh Water",
    "Lim Hardware",
    "Metfone Topup",
]
NOTES = [
    "office water",
    "team lunch",
    "printer ink",
    "tuk tuk to client",
    "cleaning supplies",
    None,
    "electricity Nov",
    "ទឹកសុទ្ធ",
    "បាយថ្ងៃត្រង់",
    "internet bill",
    None,
    "ink cartridges",
]


def transaction_id(bank: str, rng: random.Random) -> str:
    """An ID shaped as the bank's (as in its notices, tests/corpus/bank-notices): ABA's 15 digits, ACLEDA's
    11-digit Ref.ID, Wing's letters and digits, a KHQR payment's 8-character Bakong hash."""
    if bank == "ABA":
        return f"17{rng.randint(0, 10**13 - 1):013d}"
    if bank == "ACLEDA":
        return f"5{rng.randint(0, 10**10 - 1):010d}"
    if bank == "Wing":
        return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ23456789") for _ in range(10))
    return "".join(rng.choice("0123456789abcdef") for _ in range(8))


def transfers(rng: random.Random) -> Iterator[Transfer]:
    """22 transfers: each bank in English and Khmer, dollars and riel."""
    plan = [
        ("ABA", "en", "USD", False),
        ("ABA", "en", "KHR", False),
        ("ABA", "en", "USD", True),
        ("ABA", "km", "USD", False),
        ("ABA", "km", "KHR", False),
        ("ABA", "en", "USD", False),
        ("ABA", "km", "KHR", True),
        ("ACLEDA", "en", "USD", False),
        ("ACLEDA", "en", "KHR", False),
        ("ACLEDA", "km", "USD", False),
        ("ACLEDA", "km", "KHR", False),
        ("ACLEDA", "en", "USD", False),
        ("Wing", "en", "USD", False),
        ("Wing", "en", "KHR", False),
        ("Wing", "km", "USD", False),
        ("Wing", "km", "KHR", False),
        ("Chip Mong", "en", "USD", True),
        ("Chip Mong", "en", "KHR", True),
        ("Chip Mong", "km", "USD", True),
        ("Chip Mong", "km", "KHR", True),
        ("Chip Mong", "en", "USD", True),
        ("ABA", "en", "KHR", True),
    ]
    for bank, language, currency, merchant in plan:
        if currency == "USD":
            amount = (
                Decimal(
                    rng.choice(
                        [rng.randint(1, 60) * 100 + rng.choice([0, 25, 50, 75]), rng.randint(100, 150_000)]
                    )
                )
                / 100
            )
        else:
            amount = Decimal(
                rng.choice([5, 8, 12, 15, 20, 35, 48, 100, 250, 1200]) * 1000 + rng.choice([0, 500])
            )
        yield Transfer(
            bank,
            language,
            amount,
            currency,
            rng.choice(RECIPIENTS),
            rng.choice(NOTES),
            transaction_id(bank, rng),
            (2026, rng.randint(1, 12), rng.randint(1, 28)),
            (rng.randint(7, 21), rng.randint(0, 59)),
            merchant,
        )
