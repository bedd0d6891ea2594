"""Bakong's client against the fake Bakong API: a paid QR, one not paid, and every way Bakong refuses."""

import json
import logging
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from balance_bot.domain.money import Currency, Money
from balance_bot.payments.qr_ports import BakongMerchant, BakongRefusal, BakongRefused, BakongUnavailable
from infrastructure.bakong.client import BakongClient
from infrastructure.bakong.khqr import BakongKhqrMaker
from tests.fakes.loopback import serve

TEAM = BakongMerchant("team_cash@aclb", "Petty Cash Team", "Phnom Penh")
PAID_AT = datetime(2026, 12, 3, 3, 15, 30, tzinfo=UTC)


@pytest.fixture
async def client(bakong):
    client = BakongClient(bakong.url, bakong.token)
    yield client
    await client.close()


def qr_of(amount, currency=Currency.USD):
    return BakongKhqrMaker()(TEAM, Money(Decimal(amount), currency))


async def test_a_paid_qr_is_its_transaction_hash_payer_amount_and_time(bakong, client):
    khqr = qr_of("50.00")
    transaction_hash = bakong.pays(khqr.text, PAID_AT, from_account="sokha_chan@abaa")
    payment = await client.paid(khqr.md5)
    assert payment is not None
    assert (payment.hash, payment.from_account, payment.to_account) == (
        transaction_hash,
        "sokha_chan@abaa",
        "team_cash@aclb",
    )
    assert payment.money == Money(Decimal(50), Currency.USD)
    assert payment.paid_at == datetime(2026, 12, 3, 3, 15, 31, 200000, tzinfo=UTC)
    assert bakong.asked == [khqr.md5]
    assert bakong.authorizations == [f"Bearer {bakong.token}"]


async def test_a_qr_paid_in_riel_keeps_its_amount_whole(bakong, client):
    khqr = qr_of(200000, Currency.KHR)
    bakong.pays(khqr.text, PAID_AT)
    payment = await client.paid(khqr.md5)
    assert payment is not None
    assert payment.money == Money(Decimal(200000), Currency.KHR)


async def test_a_qr_not_paid_or_whose_payment_failed_has_no_payment(bakong, client):
    waiting, failed = qr_of(5), qr_of(6)
    bakong.failed.add(failed.md5)
    assert await client.paid(waiting.md5) is None
    assert await client.paid(failed.md5) is None


async def test_an_expired_token_is_refused_for_good_and_no_message_names_it(bakong, client, caplog):
    bakong.token_expired = True
    with caplog.at_level(logging.DEBUG), pytest.raises(BakongRefused) as refused:
        await client.paid(qr_of(5).md5)
    assert refused.value.refusal is BakongRefusal.TOKEN
    assert bakong.token not in str(refused.value)
    assert bakong.token not in caplog.text
    assert bakong.token not in repr(client)


async def test_a_wrong_token_is_refused_like_an_expired_one(bakong):
    client = BakongClient(bakong.url, "not-the-token")
    try:
        with pytest.raises(BakongRefused) as refused:
            await client.paid(qr_of(5).md5)
    finally:
        await client.close()
    assert refused.value.refusal is BakongRefusal.TOKEN


async def test_an_address_outside_cambodia_gets_403_and_is_refused_for_good(bakong, client):
    bakong.outside_cambodia = True
    with pytest.raises(BakongRefused) as refused:
        await client.paid(qr_of(5).md5)
    assert refused.value.refusal is BakongRefusal.OUTSIDE_CAMBODIA


async def test_bakong_not_answering_is_unavailable_for_now(bakong):
    await bakong.stop()
    client = BakongClient(bakong.url, bakong.token)
    try:
        with pytest.raises(BakongUnavailable):
            await client.paid(qr_of(5).md5)
    finally:
        await client.close()


def paid_with(**data):
    """A paid answer whose transaction is `data`."""
    return json.dumps({"responseCode": 0, "responseMessage": "ok", "errorCode": None, "data": data})


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (500, "<html>Internal Server Error</html>"),
        (200, "not json"),
        (200, '["not", "an", "object"]'),
        (200, json.dumps({"responseCode": 0, "responseMessage": "ok", "errorCode": None, "data": None})),
        (200, paid_with(hash="", amount=1.0, currency="USD")),
        (200, paid_with(hash="ab", amount=True, currency="USD")),
        (200, paid_with(hash="ab", amount=1.0, currency="EUR")),
        (
            200,
            json.dumps(
                {"responseCode": 1, "responseMessage": "Cannot connect", "errorCode": 9, "data": None}
            ),
        ),
        (
            429,
            json.dumps({"responseCode": 1, "responseMessage": "Too many", "errorCode": None, "data": None}),
        ),
    ],
)
async def test_an_answer_that_says_nothing_usable_is_unavailable_for_now(status, body):
    from aiohttp import web

    async def answer(request):
        return web.Response(status=status, text=body, content_type="application/json")

    app = web.Application()
    app.router.add_post("/v1/check_transaction_by_md5", answer)
    runner, url = await serve(app)
    client = BakongClient(url, "token")
    try:
        with pytest.raises(BakongUnavailable):
            await client.paid("0123456789abcdef0123456789abcdef")
    finally:
        await client.close()
        await runner.cleanup()
