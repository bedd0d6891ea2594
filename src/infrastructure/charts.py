"""The monthly summary's chart: spending per day as bars and, when rows have categories, spending per
category below; a small PNG drawn with Pillow."""

from __future__ import annotations

import calendar
import io
from decimal import Decimal
from typing import TYPE_CHECKING

from balance_bot.domain.balances import PeriodBalance
from balance_bot.domain.day_rates import DayRates, Rates, dollars_by_day, khr_per_usd_on
from balance_bot.domain.money import Currency
from infrastructure.telegram.texts import CHART_NO_CATEGORY

if TYPE_CHECKING:
    from PIL import ImageDraw, ImageFont

WIDTH, HEIGHT = 900, 420
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 70, 20, 50, 40
BAR = (46, 117, 182)
INK = (40, 40, 40)
GRID = (225, 225, 225)
CATEGORY_PANEL_TOP, CATEGORY_BAR, CATEGORY_LABEL_WIDTH = 20, 28, 220
MAX_CATEGORY_BARS = 12


def spending_per_day_png(balance: PeriodBalance, khr_per_usd: Rates, title: str | None = None) -> bytes:
    """A bar per day of the month: what was spent, riel converted to dollars at the rate (of each day,
    with the rates of the days); the title above when there is one (Pillow's built-in font draws Latin
    script only)."""
    period = balance.period
    days = calendar.monthrange(period.year, period.month)[1]
    spent = [Decimal(0)] * (days + 1)
    for when, amounts in balance.figures.by_day.items():
        if period.contains(when):
            spent[when.day] += amounts.get(Currency.USD, Decimal(0)) + amounts.get(
                Currency.KHR, Decimal(0)
            ) / khr_per_usd_on(khr_per_usd, when)
    top = max(spent) or Decimal(1)
    by_category = _in_dollars(balance, khr_per_usd)
    shown = sorted(by_category.items(), key=lambda item: -item[1])[:MAX_CATEGORY_BARS]
    panel = CATEGORY_PANEL_TOP + CATEGORY_BAR * len(shown) if len(shown) > 1 or (shown and shown[0][0]) else 0
    # Imported here: Pillow costs the bot ~4 MB of memory, and only the month's summary draws.
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (WIDTH, HEIGHT + panel), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=14)
    if title:
        draw.text((MARGIN_LEFT, 15), title, fill=INK, font=font)
    plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    floor = HEIGHT - MARGIN_BOTTOM
    for step in range(5):
        y = floor - plot_height * step // 4
        draw.line([(MARGIN_LEFT, y), (WIDTH - MARGIN_RIGHT, y)], fill=GRID)
        draw.text((8, y - 8), f"${top * step / 4:,.0f}", fill=INK, font=font)
    slot = plot_width / days
    for day in range(1, days + 1):
        left = MARGIN_LEFT + slot * (day - 1) + slot * 0.15
        height = float(spent[day] / top) * plot_height
        if height:
            draw.rectangle([(left, floor - height), (left + slot * 0.7, floor)], fill=BAR)
        if day == 1 or day % 5 == 0:
            draw.text((left, floor + 8), str(day), fill=INK, font=font)
    if panel:
        _category_bars(draw, font, shown, top=HEIGHT + CATEGORY_PANEL_TOP)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def _in_dollars(balance: PeriodBalance, khr_per_usd: Rates) -> dict[str, Decimal]:
    """Each category's spending in dollars; at each day's rate with the rates of the days."""
    spent = balance.figures.by_category
    if isinstance(khr_per_usd, DayRates):
        return {
            name: dollars_by_day(balance.figures.spent_by_day(name), khr_per_usd)
            for name, amounts in spent.items()
            if any(amounts.values())
        }
    return {
        name: amounts.get(Currency.USD, Decimal(0)) + amounts.get(Currency.KHR, Decimal(0)) / khr_per_usd
        for name, amounts in spent.items()
        if any(amounts.values())
    }


def _category_bars(
    draw: ImageDraw.ImageDraw,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    shown: list[tuple[str, Decimal]],
    top: int,
) -> None:
    """A bar per category, longest first, labelled with its English name (the sheet's own word, drawn
    in the chart's Latin font) and its dollars."""
    largest = max((value for _, value in shown), default=Decimal(1)) or Decimal(1)
    plot_width = WIDTH - CATEGORY_LABEL_WIDTH - MARGIN_RIGHT - 90
    for index, (name, value) in enumerate(shown):
        y = top + index * CATEGORY_BAR
        draw.text((8, y + 4), (name or CHART_NO_CATEGORY)[:26], fill=INK, font=font)
        length = float(value / largest) * plot_width
        left = CATEGORY_LABEL_WIDTH
        if length:
            draw.rectangle([(left, y + 4), (left + length, y + CATEGORY_BAR - 6)], fill=BAR)
        draw.text((left + length + 8, y + 4), f"${value:,.2f}", fill=INK, font=font)
