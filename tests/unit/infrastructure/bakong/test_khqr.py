"""The KHQR the bot shows: what a bank app reads in it (account, amount, currency, merchant), its md5,
and its picture, module for module."""

import hashlib
import io
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
import segno
from PIL import Image

from balance_bot.domain.money import Currency, Money
from balance_bot.payments.qr_ports import BakongMerchant
from infrastructure.bakong.khqr import BakongKhqrMaker
from infrastructure.bakong.qr_image import BORDER, SCALE, qr_png
from tests.fakes.khqr_reader import NotAKhqr, read_khqr

TEAM = BakongMerchant("team_cash@aclb", "Petty Cash Team", "Phnom Penh")


@pytest.mark.parametrize(
    ("money", "written"),
    [
        (Money(Decimal("50.00"), Currency.USD), Decimal(50)),
        (Money(Decimal("12.34"), Currency.USD), Decimal("12.34")),
        (Money(Decimal(200000), Currency.KHR), Decimal(200000)),
    ],
)
def test_the_qrs_text_reads_as_one_payment_of_the_amount_in_its_currency_into_the_teams_account(
    money, written
):
    khqr = BakongKhqrMaker()(TEAM, money)
    read = read_khqr(khqr.text)
    assert read.dynamic
    assert (read.account_id, read.amount, read.currency) == ("team_cash@aclb", written, money.currency.value)
    assert (read.merchant_name, read.merchant_city, read.country) == ("Petty Cash Team", "Phnom Penh", "KH")
    assert abs(read.created_at - datetime.now(UTC)) < timedelta(minutes=1)
    assert read.expires_at is not None
    assert read.expires_at > read.created_at


def test_the_md5_bakong_knows_the_payment_by_is_the_md5_of_the_qrs_text():
    khqr = BakongKhqrMaker()(TEAM, Money(Decimal(5), Currency.USD))
    assert khqr.md5 == hashlib.md5(khqr.text.encode()).hexdigest()


def test_a_qr_with_a_changed_character_is_refused_by_its_checksum():
    text = BakongKhqrMaker()(TEAM, Money(Decimal(5), Currency.USD)).text
    with pytest.raises(NotAKhqr):
        read_khqr(text.replace("54015", "54019", 1))


def test_the_png_shows_exactly_the_modules_of_the_qrs_text():
    # No pure-Python QR decoder is at hand: the picture is read back module by module and compared with
    # the QR code of the text, so a picture of any other text (or a scaled, cropped one) fails.
    text = BakongKhqrMaker()(TEAM, Money(Decimal("7.50"), Currency.USD)).text
    image = Image.open(io.BytesIO(qr_png(text))).convert("L")
    matrix = segno.make_qr(text, error="m").matrix
    size = len(matrix)
    assert image.size == ((size + 2 * BORDER) * SCALE,) * 2
    shown = [
        [
            image.getpixel(((BORDER + x) * SCALE + SCALE // 2, (BORDER + y) * SCALE + SCALE // 2)) < 128
            for x in range(size)
        ]
        for y in range(size)
    ]
    assert shown == [[bool(module) for module in row] for row in matrix]
