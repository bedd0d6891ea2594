import io
from datetime import date
from decimal import Decimal

from PIL import Image

from balance_bot.domain.balances import balance_of, month_figures
from balance_bot.domain.ledger import Period, SheetRow
from infrastructure.charts import BAR, CATEGORY_BAR, CATEGORY_PANEL_TOP, HEIGHT, WIDTH, spending_per_day_png

FEBRUARY = Period(2027, 2)


def chart(rows):
    return Image.open(
        io.BytesIO(
            spending_per_day_png(balance_of(FEBRUARY, {}, month_figures(rows, "[void] ")), Decimal(4000))
        )
    )


def test_the_chart_is_a_png_of_the_set_size():
    rows = [SheetRow(1, date(2027, 2, 28), "ice", None, Decimal(8000), "Dara", "")]
    image = chart(rows)
    assert (image.format, image.size) == ("PNG", (WIDTH, HEIGHT))


def test_a_month_without_spending_still_draws():
    assert chart([]).size == (WIDTH, HEIGHT)


def test_rows_with_categories_add_a_bar_per_category_below_the_days():
    rows = [
        SheetRow(1, date(2027, 2, 3), "diesel", Decimal(30), None, "Dara", "", category="Fuel"),
        SheetRow(2, date(2027, 2, 4), "ice", None, Decimal(8000), "Dara", "", category="Food & drinks"),
        SheetRow(3, date(2027, 2, 5), "rent", Decimal(100), None, "Bookkeeper", ""),  # typed without one
    ]
    image = chart(rows)
    assert image.size == (WIDTH, HEIGHT + CATEGORY_PANEL_TOP + 3 * CATEGORY_BAR)
    below = image.crop((0, HEIGHT, WIDTH, image.size[1])).convert("RGB")
    assert BAR in {color for _, color in below.getcolors(maxcolors=100_000)}  # the bars are drawn


def test_each_days_bar_counts_its_riel_at_that_days_rate():
    from balance_bot.domain.day_rates import FIXED, NBC, DayRates, RateOfDay

    # The same 40,000៛ on the 3rd at 4,000 and on the 4th at 2,000 (an absurd rate, for a visible bar):
    # the 4th's bar is twice the 3rd's, and the highest, so it reaches the top of the plot.
    rows = [
        SheetRow(1, date(2027, 2, 3), "ice", None, Decimal(40000), "Dara", ""),
        SheetRow(2, date(2027, 2, 4), "ice", None, Decimal(40000), "Dara", ""),
    ]
    rates = DayRates(
        [RateOfDay(Decimal(4000), NBC, date(2027, 2, 3)), RateOfDay(Decimal(2000), NBC, date(2027, 2, 4))],
        RateOfDay(Decimal(4000), FIXED),
    )
    balance = balance_of(FEBRUARY, {}, month_figures(rows, "[void] "))
    image = Image.open(io.BytesIO(spending_per_day_png(balance, rates))).convert("RGB")

    def bar_height(day):
        from infrastructure.charts import MARGIN_LEFT, MARGIN_RIGHT

        slot = (WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / 28
        x = int(MARGIN_LEFT + slot * (day - 1) + slot * 0.5)
        return sum(1 for y in range(HEIGHT) if image.getpixel((x, y)) == BAR)

    assert bar_height(3) > 0
    assert abs(bar_height(4) - 2 * bar_height(3)) <= 1  # to the pixel
