"""The Mini App's launch data checked as Telegram signs it, on a sample Telegram itself issued."""

from datetime import UTC, datetime, timedelta

import pytest

from infrastructure.webapp.init_data import InitDataRefused, verify_init_data

# Issued by Telegram to a Mini App and published with its bot's token in the README of
# Telegram-Mini-Apps/init-data-golang: it carries `signature` (the Ed25519 one, for third parties),
# which is one more field of the data-check string; only `hash` is left out.
REAL_INIT_DATA = (
    "user=%7B%22id%22%3A279058397%2C%22first_name%22%3A%22Vladislav%20%2B%20-%20%3F%20%5C%2F%22%2C"
    "%22last_name%22%3A%22Kibenko%22%2C%22username%22%3A%22vdkfrost%22%2C%22language_code%22%3A%22ru"
    "%22%2C%22is_premium%22%3Atrue%2C%22allows_write_to_pm%22%3Atrue%2C%22photo_url%22%3A%22https%3A"
    "%5C%2F%5C%2Ft.me%5C%2Fi%5C%2Fuserpic%5C%2F320%5C%2F4FPEE4tmP3ATHa57u6MqTDih13LTOiMoKoLDRG4PnSA.svg"
    "%22%7D&chat_instance=8134722200314281151&chat_type=private&auth_date=1733509682"
    "&signature=TYJxVcisqbWjtodPepiJ6ghziUL94-KNpG8Pau-X7oNNLNBM72APCpi_RKiUlBvcqo5L-LAxIc3dnTzcZX_PDg"
    "&hash=a433d8f9847bd6addcc563bff7cc82c89e97ea0d90c11fe5729cae6796a36d73"
)
ITS_BOT_TOKEN = "7342037359:AAHI25ES9xCOMPokpYoz-p8XVrZUdygo2J4"
SIGNED_AT = datetime.fromtimestamp(1733509682, tz=UTC)


def test_launch_data_telegram_issued_with_a_signature_field_is_valid() -> None:
    user = verify_init_data(
        REAL_INIT_DATA, ITS_BOT_TOKEN, SIGNED_AT + timedelta(minutes=1), timedelta(days=1)
    )

    assert (user.user_id, user.username, user.language_code) == (279058397, "vdkfrost", "ru")
    assert user.name == "Vladislav + - ? / Kibenko"
    assert user.auth_date == SIGNED_AT


def test_the_same_launch_data_without_its_signature_field_is_refused_as_forged() -> None:
    without_signature = "&".join(
        part for part in REAL_INIT_DATA.split("&") if not part.startswith("signature=")
    )

    with pytest.raises(InitDataRefused) as refused:
        verify_init_data(without_signature, ITS_BOT_TOKEN, SIGNED_AT, timedelta(days=1))

    assert refused.value.reason == "forged"


def test_the_same_launch_data_under_another_bots_token_is_refused_as_forged() -> None:
    with pytest.raises(InitDataRefused) as refused:
        verify_init_data(REAL_INIT_DATA, "123456:TEST-TOKEN", SIGNED_AT, timedelta(days=1))

    assert refused.value.reason == "forged"
