"""Tests for logging: secrets never reach a log line."""

import logging

from infrastructure.logging_setup import RedactSecrets, configure_logging

TOKEN = "123456:AAE-secret-token"


def record(message, *args, exc_info=None):
    return logging.LogRecord("httpx", logging.INFO, __file__, 1, message, args, exc_info)


def test_a_token_in_a_message_or_its_arguments_is_redacted():
    redact = RedactSecrets([TOKEN, None])
    plain = record("POST https://api.telegram.org/bot%s/getUpdates", TOKEN)
    assert redact.filter(plain)
    assert plain.getMessage() == "POST https://api.telegram.org/bot[REDACTED]/getUpdates"


def test_a_token_in_a_traceback_is_redacted():
    try:
        raise RuntimeError(f"failed calling /bot{TOKEN}/getMe")
    except RuntimeError:
        import sys

        failure = record("request failed", exc_info=sys.exc_info())
    RedactSecrets([TOKEN]).filter(failure)
    assert TOKEN not in failure.exc_text


def test_configured_logging_keeps_http_request_lines_out(capsys):
    configure_logging([TOKEN])
    logging.getLogger("httpx").info("HTTP Request: POST https://api.telegram.org/bot%s/getMe", TOKEN)
    logging.getLogger("balance").warning("token is %s", TOKEN)
    err = capsys.readouterr().err
    assert TOKEN not in err
    assert "token is [REDACTED]" in err
    assert "HTTP Request" not in err
