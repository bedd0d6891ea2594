"""Fonts and number formats shared by the image set's drawings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PIL import ImageFont

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
KHMER = Path("/usr/share/fonts/truetype/khmeros")
KHMER_MONTHS = ("មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ")
EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    """A font by file name, from DejaVu's folder or Khmer OS's."""
    folder = KHMER if name.startswith("Khmer") else DEJAVU
    return ImageFont.truetype(str(folder / name), size)


def has_khmer(text: str) -> bool:
    """Whether the text holds Khmer script (then Khmer OS draws it: DejaVu has no Khmer glyphs)."""
    return any("\u1780" <= char <= "\u17ff" for char in text)


def money(amount: Decimal, currency: str) -> str:
    """An amount as the apps print it: 1,234.50 for dollars, 51,300 for riel."""
    return f"{amount:,.2f}" if currency == "USD" else f"{amount:,.0f}"


def fit_font(name: str, text: str, size: int, width: int) -> ImageFont.FreeTypeFont:
    """The largest size up to `size` at which the text fits in `width` pixels."""
    chosen = font(name, size)
    while size > 12 and chosen.getlength(text) > width:
        size -= 1
        chosen = font(name, size)
    return chosen
