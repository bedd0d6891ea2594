import io
from datetime import date
from decimal import Decimal

from PIL import Image

from balance_bot.domain.balances import balance_of, month_figures
from balance_bot.domain.ledger import Period, SheetRow
from infrastructure.charts import HEIGHT, WIDTH, spending_per_day_png

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
