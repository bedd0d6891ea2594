"""Tests for reading a photo's OCR'd lines as a transfer screen or a receipt, and how sure each reading is."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from balance_bot.domain.money import Currency, Money
from balance_bot.ports.images import ImageText
from balance_bot.receipts.image_reading import read_image_text
from balance_bot.receipts.reading import Doubt, ImageKind, ImageReading, Sureness


def read(text: str) -> ImageReading:
    return read_image_text(ImageText(tuple(text.strip("\n").splitlines())))


def usd(amount: str) -> Money:
    return Money(Decimal(amount), Currency.USD)


def khr(amount: str) -> Money:
    return Money(Decimal(amount), Currency.KHR)


ABA_TRANSFER = """
ABA
Transfer successful
-25.00 USD
To
SOK DARA
Trx. ID: 176015291049703
Reference #: 100FT33231234
Transaction date: Oct 11, 2025 10:21 AM
Remark: office water
"""


def test_an_aba_transfer_screen_is_read_with_its_id_amount_note_and_time() -> None:
    reading = read(ABA_TRANSFER)
    assert reading.kind is ImageKind.TRANSFER
    assert reading.sureness is Sureness.SURE
    assert reading.money == usd("25.00")
    assert (reading.bank, reading.transaction_id) == ("ABA", "176015291049703")
    assert reading.purpose == "office water"
    assert reading.when == datetime(2025, 10, 11, 10, 21)
    assert not reading.received


def test_ocr_noise_in_a_transaction_id_is_repaired_letters_for_digits_and_spaces_inside() -> None:
    noisy = ABA_TRANSFER.replace("176015291049703", "1760 1529lO49 703")
    assert read(noisy).transaction_id == "176015291049703"


def test_the_recipient_is_the_purpose_when_the_transfer_has_no_note() -> None:
    plain = ABA_TRANSFER.replace("Remark: office water\n", "")
    assert read(plain).purpose == "SOK DARA"


def test_a_khmer_aba_screen_with_khmer_digits_is_read() -> None:
    reading = read(
        """
ប្រតិបត្តិការជោគជ័យ
-៤០,០០០ KHR
ទៅកាន់
ហេង សុភា
លេខប្រតិបត្តិការ: ១៧៦០១៥២៩១០៤៩៧០៤
កាលបរិច្ឆេទ: ១១ តុលា ២០២៥ ១០:២១
ABA Bank
"""
    )
    assert reading.sureness is Sureness.SURE
    assert reading.money == khr("40000")
    assert (reading.bank, reading.transaction_id) == ("ABA", "176015291049704")
    assert reading.purpose == "ហេង សុភា"
    assert reading.day == date(2025, 10, 11)


def test_an_acleda_transfer_is_keyed_by_its_reference_as_its_notice_is() -> None:
    reading = read(
        """
ACLEDA Mobile
Transfer Successful
Amount 9.60 USD
Fee 0.00 USD
Transfer to: CHAN THEA
Reference No: 52841705680
Date: 11-Oct-2025 10:12AM
"""
    )
    assert reading.sure
    assert reading.money == usd("9.60")
    assert (reading.bank, reading.transaction_id) == ("ACLEDA", "52841705680")
    assert reading.purpose == "CHAN THEA"


def test_a_wing_payment_to_a_merchant_by_khqr_names_the_merchant() -> None:
    reading = read(
        """
Wing Bank
Payment successful
KHQR
Paid to: BROWN COFFEE BKK1
Amount: 4.75 USD
Transaction ID: WB2410119876
11/10/2025 09:43
"""
    )
    assert reading.sure
    assert (reading.money, reading.purpose) == (usd("4.75"), "BROWN COFFEE BKK1")
    assert (reading.bank, reading.transaction_id) == ("Wing", "WB2410119876")


def test_a_transfer_screen_without_a_transaction_id_is_unsure() -> None:
    reading = read(
        ABA_TRANSFER.replace("Trx. ID: 176015291049703\n", "").replace("Reference #: 100FT33231234\n", "")
    )
    assert reading.sureness is not Sureness.SURE


def test_a_transfer_showing_two_different_amounts_is_unsure() -> None:
    reading = read(ABA_TRANSFER.replace("-25.00 USD", "-25.00 USD\n-100,000 KHR"))
    assert reading.sureness is Sureness.UNSURE
    assert reading.doubt is Doubt.CANDIDATES


def test_money_received_is_told_apart_from_money_sent() -> None:
    reading = read(
        """
ABA
+50.00 USD
Received from
KEO MALA
Trx. ID: 176015291049799
Oct 12, 2025 08:01 AM
"""
    )
    assert reading.received
    assert reading.purpose == "KEO MALA"


LUCKY = """
LUCKY SUPERMARKET
#123 Street 51, Phnom Penh
Tel: 023 123 456
Date: 03/12/2025 14:05
Water 1.5L    2 x 0.60   1.20
Bread              2.30
Rice 5kg           7.86
SUBTOTAL          11.36
VAT 10%            1.14
TOTAL             12.50
Cash              20.00
Change             7.50
"""


def test_a_receipts_total_is_the_total_line_never_the_subtotal_tax_cash_or_change() -> None:
    reading = read(LUCKY)
    assert reading.kind is ImageKind.RECEIPT
    assert reading.sureness is Sureness.SURE
    assert reading.money == usd("12.50")  # the receipt names no currency: cents are dollars
    assert reading.purpose == "Lucky Supermarket"
    assert reading.day == date(2025, 12, 3)


def test_a_grand_total_wins_over_a_total_before_service() -> None:
    reading = read(
        """
Malis Restaurant
Total 40.00 $
Service charge 2.00 $
Grand Total 42.00 $
"""
    )
    assert reading.sure
    assert reading.money == usd("42.00")


def test_a_dual_currency_receipt_is_in_the_currency_the_member_paid() -> None:
    reading = read(
        """
CAFE AMAZON
Date 05/12/2025
Iced latte            2.50
Total (USD)           2.50
Total (KHR)         10,000
Received KHR        10,000
Change KHR               0
"""
    )
    assert reading.sure
    assert reading.money == khr("10000")


def test_a_dual_currency_receipt_that_does_not_say_how_it_was_paid_is_in_dollars() -> None:
    reading = read(
        """
CAFE AMAZON
Total USD  2.50
Total KHR  10,000
"""
    )
    assert reading.sure
    assert reading.money == usd("2.50")


def test_a_dual_total_that_is_not_the_same_sum_is_unsure() -> None:
    reading = read(
        """
CAFE AMAZON
Total USD  2.50
Total KHR  100,000
"""
    )
    assert reading.sureness is Sureness.UNSURE


def test_a_khmer_receipt_total_is_read_in_riel() -> None:
    reading = read(
        """
ហាងកាហ្វេ សុខា
កាហ្វេទឹកកក ២ x ៥,០០០៛
សរុប ១០,០០០៛
ប្រាក់ទទួល ២០,០០០៛
ប្រាក់អាប់ ១០,០០០៛
"""
    )
    assert reading.sure
    assert reading.money == khr("10000")
    assert reading.purpose == "ហាងកាហ្វេ សុខា"


def test_a_total_printed_under_its_label_is_read() -> None:
    reading = read("ZANDO\nAMOUNT DUE\n$ 35.90\nThank you")
    assert reading.sure
    assert reading.money == usd("35.90")


def test_ocr_lookalike_letters_in_a_total_are_digits() -> None:
    assert read("Kiosk 7\nTOTAL $1O.5O").money == usd("10.50")


def test_a_receipt_without_a_total_line_is_unsure_with_its_largest_amount_proposed() -> None:
    reading = read("Market stall\nFish 3.50 $\nRice 6.00 $")
    assert reading.sureness is Sureness.UNSURE
    assert reading.doubt is Doubt.NO_TOTAL
    assert reading.money == usd("6.00")


def test_two_totals_that_disagree_are_unsure() -> None:
    reading = read("Shop\nTOTAL 12.50 $\nTOTAL 15.50 $")
    assert reading.sureness is Sureness.UNSURE
    assert reading.doubt is Doubt.CANDIDATES


def test_a_total_whose_currency_cannot_be_told_is_unsure() -> None:
    reading = read("Shop\nTOTAL 12000")
    assert reading.sureness is Sureness.UNSURE
    assert reading.doubt is Doubt.CURRENCY


def test_a_dollar_total_that_lost_its_cents_on_a_receipt_printing_cents_is_unsure() -> None:
    reading = read("Shop\nTea 1.25 $\nTOTAL 125 $")
    assert reading.sureness is Sureness.UNSURE


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Happy birthday Sokha!\nSee you at 7",
        "Team photo 2025",
    ],
)
def test_an_image_with_no_money_on_it_reads_as_nothing(text: str) -> None:
    assert read(text).sureness is Sureness.NONE
