"""Till receipts drawn as an 80 mm thermal printer prints them (shops, items and totals made up)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from PIL import Image, ImageDraw
from tests.corpus.images.draw_fonts import fit_font, font, has_khmer, money


@dataclass
class Receipt:
    """What a till receipt shows."""

    shop: str
    address: str
    language: str
    items: list[tuple[str, int, Decimal]]
    currency: str  # the currency of the prices
    day: tuple[int, int, int]
    clock: tuple[int, int]
    number: str
    total_label: str
    vat: bool
    rate: int | None  # KHR per USD, when the receipt shows both totals
    paid_in: str  # the currency the cash was given in


def receipt_lines(r: Receipt) -> tuple[list[tuple[str, str, str]], Decimal, str]:
    """The receipt's lines (style, left, right) top to bottom; the amount paid and its currency."""
    km = r.language == "km"
    y, m, d = r.day
    hh, mm = r.clock
    lines: list[tuple[str, str, str]] = [
        ("shop", r.shop, ""),
        ("centre", r.address, ""),
        (
            "centre",
            f"Tel: 0{r.clock[1] % 9 + 10} {r.day[2] * 31337 % 900 + 100} {r.clock[0] * 77 % 900 + 100}",
            "",
        ),
    ]
    lines.append(("centre", "វិក្កយបត្រ" if km else "RECEIPT", ""))
    lines.append(
        ("pair", ("លេខ" if km else "No.") + f" {r.number}", f"{d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d}")
    )
    lines.append(("pair", "អ្នកគិតលុយ: Dara" if km else "Cashier: Dara", "Table 4" if "Cafe" in r.shop else ""))
    lines.append(("rule", "", ""))
    subtotal = Decimal(0)
    for name, quantity, price in r.items:
        line_total = price * quantity
        subtotal += line_total
        lines.append(("pair", f"{quantity} x {name}", money(line_total, r.currency)))
    lines.append(("rule", "", ""))
    unit = "$" if r.currency == "USD" else "៛"
    vat = (subtotal * Decimal("0.10")).quantize(Decimal("0.01") if r.currency == "USD" else Decimal(1))
    total = subtotal + vat if r.vat else subtotal
    if r.vat:
        lines.append(("pair", "សរុបរង" if km else "Subtotal", f"{money(subtotal, r.currency)} {unit}"))
        lines.append(("pair", "អតប 10%" if km else "VAT 10%", f"{money(vat, r.currency)} {unit}"))
    lines.append(("total", r.total_label, f"{money(total, r.currency)} {unit}"))
    paid_amount, paid_currency = total, r.currency
    if r.rate:
        riel = (total * r.rate / 100).quantize(Decimal(1)) * 100 if r.currency == "USD" else total
        lines.append(("pair", ("សរុប (រៀល)" if km else "Total KHR"), f"{money(riel, 'KHR')} ៛"))
        lines.append(("pair", ("អត្រាប្តូរប្រាក់" if km else "Exchange rate"), f"1$ = {r.rate:,} ៛"))
        if r.paid_in == "KHR":
            paid_amount, paid_currency = riel, "KHR"
    given = paid_amount + (Decimal(5) if paid_currency == "USD" else Decimal(10000))
    given = (given // (5 if paid_currency == "USD" else 10000)) * (5 if paid_currency == "USD" else 10000)
    paid_unit = "$" if paid_currency == "USD" else "៛"
    lines.append(
        (
            "pair",
            ("ប្រាក់ទទួល" if km else "Cash") + f" ({paid_currency})",
            f"{money(given, paid_currency)} {paid_unit}",
        )
    )
    lines.append(
        ("pair", ("ប្រាក់អាប់" if km else "Change"), f"{money(given - paid_amount, paid_currency)} {paid_unit}")
    )
    lines.append(("rule", "", ""))
    lines.append(("centre", "សូមអរគុណ!" if km else "Thank you! Please come again", ""))
    return lines, paid_amount, paid_currency


def draw_receipt(r: Receipt) -> tuple[Image.Image, Decimal, str]:
    """A till receipt as a flat scan, 576 pixels wide (an 80 mm roll at 203 dpi)."""
    lines, amount, currency = receipt_lines(r)
    width, step = 576, 34
    image = Image.new("L", (width, 60 + step * (len(lines) + 4)), 250)
    pen = ImageDraw.Draw(image)
    mono, mono_bold, khmer = "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf", "KhmerOS.ttf"
    y = 40
    for style, left, right in lines:
        if style == "rule":
            pen.text((width // 2, y + step // 2), "-" * 40, font=font(mono, 22), fill=20, anchor="mm")
        elif style in ("shop", "centre"):
            size = 32 if style == "shop" else 21
            name = khmer if has_khmer(left) else (mono_bold if style == "shop" else mono)
            pen.text(
                (width // 2, y + step // 2),
                left,
                font=fit_font(name, left, size, width - 40),
                fill=10,
                anchor="mm",
            )
            if style == "shop":
                y += 14
        else:
            size = 26 if style == "total" else 21
            left_font = font(khmer if has_khmer(left) else (mono_bold if style == "total" else mono), size)
            right_font = font(khmer if has_khmer(right) else (mono_bold if style == "total" else mono), size)
            pen.text((22, y + step // 2 + 8), left, font=left_font, fill=10, anchor="ls")
            pen.text((width - 22, y + step // 2 + 8), right, font=right_font, fill=10, anchor="rs")
            if style == "total":
                y += 10
        y += step
    return image.crop((0, 0, width, y + 40)), amount, currency


SHOPS_EN = [
    ("Lucky Supermarket", "#160 Sihanouk Blvd, Phnom Penh"),
    ("Brown Coffee Riverside", "St 19, Daun Penh"),
    ("Lim Hardware", "#45 St 271, Toul Kork"),
    ("Sovannaphum Printing", "#12 St 110, Phnom Penh"),
    ("Amazon Cafe", "Caltex Russian Blvd"),
    ("Chip Mong Mart", "#88 Monivong Blvd"),
    ("Kampot Fresh Water", "Kampot Province"),
    ("Phnom Penh Office Supply", "#7 St 63, BKK1"),
]
SHOPS_KM = [
    ("ហាងលក់គ្រឿងទេស សុខា", "ផ្សារថ្មី ភ្នំពេញ"),
    ("ភោជនីយដ្ឋាន មង្គល", "ផ្លូវ ២៧១ ទួលគោក"),
    ("ហាងកាហ្វេ ដារ៉ា", "ផ្សារដើមគរ"),
    ("បណ្ណាគារ ពន្លឺ", "ផ្លូវ ១១០ ភ្នំពេញ"),
]
ITEMS_EN = [
    ("Drinking water 20L", Decimal("1.50")),
    ("Iced latte", Decimal("2.75")),
    ("Paper A4 500", Decimal("4.20")),
    ("Printer ink black", Decimal("12.00")),
    ("Dish soap", Decimal("1.85")),
    ("Coffee beans 1kg", Decimal("15.50")),
    ("Trash bags", Decimal("2.10")),
    ("Light bulb LED", Decimal("3.40")),
    ("Cable ties", Decimal("0.90")),
    ("Fried rice", Decimal("3.50")),
    ("Noodle soup", Decimal("2.50")),
    ("Orange juice", Decimal("1.75")),
    ("Screws 4mm box", Decimal("2.30")),
    ("Extension cord", Decimal("6.80")),
    ("Tissue box", Decimal("1.20")),
    ("Stapler", Decimal("3.95")),
    ("Sugar 1kg", Decimal("1.10")),
    ("Milk 1L", Decimal("2.05")),
]
ITEMS_KM = [
    ("ទឹកសុទ្ធ", Decimal(2500)),
    ("កាហ្វេទឹកដោះគោ", Decimal(6000)),
    ("បាយឆា", Decimal(8000)),
    ("គុយទាវ", Decimal(7000)),
    ("ក្រដាស A4", Decimal(17000)),
    ("ស្ករស", Decimal(4500)),
    ("ប៊ិច", Decimal(1500)),
    ("តែទឹកកក", Decimal(3000)),
    ("សាប៊ូ", Decimal(5500)),
]


def receipts(rng: random.Random) -> Iterator[Receipt]:
    """20 receipts: English and Khmer, USD and KHR, with and without VAT and a riel total, some long."""
    en_labels = ["TOTAL", "Grand Total", "Amount due", "TOTAL", "Grand Total"]
    for index in range(14):
        shop, address = SHOPS_EN[index % len(SHOPS_EN)]
        count = rng.randint(28, 40) if index in (3, 9) else rng.randint(2, 8)
        items = [(name, rng.randint(1, 3), price) for name, price in rng.sample(ITEMS_EN * 3, count)]
        dual = index % 3 != 2
        yield Receipt(
            shop,
            address,
            "en",
            items,
            "USD",
            (2026, rng.randint(1, 12), rng.randint(1, 28)),
            (rng.randint(7, 21), rng.randint(0, 59)),
            f"R{rng.randint(10, 99)}-{rng.randint(100000, 999999)}",
            en_labels[index % len(en_labels)],
            index % 2 == 0,
            rng.choice([4000, 4050, 4100]) if dual else None,
            "KHR" if dual and index % 4 == 1 else "USD",
        )
    for index in range(6):
        shop, address = SHOPS_KM[index % len(SHOPS_KM)]
        count = rng.randint(24, 30) if index == 4 else rng.randint(2, 6)
        items = [(name, rng.randint(1, 4), price) for name, price in rng.sample(ITEMS_KM * 4, count)]
        yield Receipt(
            shop,
            address,
            "km",
            items,
            "KHR",
            (2026, rng.randint(1, 12), rng.randint(1, 28)),
            (rng.randint(7, 21), rng.randint(0, 59)),
            f"{rng.randint(1000, 9999)}",
            "សរុប",
            index % 3 == 0,
            None,
            "KHR",
        )
