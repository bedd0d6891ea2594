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
