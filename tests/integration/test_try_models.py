"""Tests that `balance-bot try` spends nothing on a paid model unless asked, against the fake models."""

import asyncio
import socket
import sys
from pathlib import Path

from tests.fakes.model_script import answer

BIN = Path(sys.executable).parent
DRIVER = "paid 15 to the driver who brought the chairs"  # no rule decides it: a model is asked


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def try_chat(folder, dotenv, *arguments):
    """`balance-bot try` as an operator runs it, with this .env, typing the driver's message."""
    (folder / ".env").write_text(dotenv)
    done = await asyncio.create_subprocess_exec(
        str(BIN / "balance-bot"),
        "try",
        *arguments,
        cwd=folder,
        env={"PATH": str(BIN)},
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(done.communicate(f"{DRIVER}\n/quit\n".encode()), timeout=60)
    assert done.returncode == 0, err.decode()
    return out.decode()


def paid_dotenv(anthropic_api, ollama_host):
    return (
        "PARSER_LLM=ollama,anthropic\n"
        f"OLLAMA_HOST={ollama_host}\n"
        f"ANTHROPIC_API_KEY={anthropic_api.api_key}\n"
        f"ANTHROPIC_BASE_URL={anthropic_api.url}\n"
    )


async def test_try_never_calls_the_paid_model_of_the_env_and_says_how_to_let_it(anthropic_api, tmp_path):
    anthropic_api.script.answers[DRIVER] = answer(15, "UNKNOWN", "driver")
    out = await try_chat(tmp_path, paid_dotenv(anthropic_api, f"http://127.0.0.1:{closed_port()}"))
    assert anthropic_api.requests == []
    assert "No local model answers at http://127.0.0.1:" in out
    assert "No paid model is called while trying; `balance-bot try --paid` (or `make run PAID=1`)" in out


async def test_try_reads_with_the_local_model_when_it_answers(ollama, anthropic_api, tmp_path):
    ollama.script.answers[DRIVER] = answer(15, "USD", "driver who brought the chairs")
    out = await try_chat(tmp_path, paid_dotenv(anthropic_api, ollama.url))
    assert ollama.script.asked == [DRIVER]
    assert anthropic_api.requests == []
    assert f"Messages are read by the local model qwen2.5:3b-instruct at {ollama.url}" in out
    assert "Logged: 15.00 USD" in out


async def test_try_calls_the_paid_model_only_when_asked_with_paid(anthropic_api, tmp_path):
    anthropic_api.script.answers[DRIVER] = answer(15, "USD", "driver who brought the chairs")
    out = await try_chat(tmp_path, paid_dotenv(anthropic_api, f"http://127.0.0.1:{closed_port()}"), "--paid")
    assert len(anthropic_api.requests) == 1
    assert "Paid model:" in out
    assert "Logged: 15.00 USD" in out
