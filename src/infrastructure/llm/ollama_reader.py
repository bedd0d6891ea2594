"""The local model through the ollama client, its answer held to the JSON schema by `format`."""

from __future__ import annotations

import httpx
import ollama

from infrastructure.llm.answer import ANSWER_SCHEMA, InvalidAnswer, proposal_from_text
from infrastructure.llm.expense_parser_client import Failure, ModelAnswer, ModelFailure
from infrastructure.llm.prompts import Prompts


class OllamaReader:
    """One Ollama model; each call bounded by its own timeout (the client has none by default)."""

    provider = "ollama"
    paid = False

    def __init__(self, host: str, model: str, timeout_seconds: float, prompts: Prompts) -> None:
        self.model = model
        self._prompts = prompts
        self._client = ollama.AsyncClient(host=host, timeout=httpx.Timeout(timeout_seconds))

    async def read(self, text: str) -> ModelAnswer:
        """Ask the model; errors come back as ModelFailure."""
        try:
            response = await self._client.chat(
                model=self.model,
                messages=[
                    {"role": "system", "content": self._prompts.system},
                    {"role": "user", "content": self._prompts.user(text)},
                ],
                format=ANSWER_SCHEMA,
                options={"temperature": 0},
                stream=False,
            )
        except ollama.ResponseError as exc:
            raise ModelFailure(_failure_of_status(exc.status_code), exc.error) from exc
        except httpx.TimeoutException as exc:
            raise ModelFailure(Failure.TIMEOUT, type(exc).__name__) from exc
        except (ConnectionError, httpx.HTTPError) as exc:
            raise ModelFailure(Failure.DOWN, type(exc).__name__) from exc
        input_tokens, output_tokens = response.prompt_eval_count or 0, response.eval_count or 0
        try:
            proposal = proposal_from_text(response.message.content or "")
        except InvalidAnswer as exc:
            raise ModelFailure(
                Failure.INVALID, str(exc), input_tokens=input_tokens, output_tokens=output_tokens
            ) from exc
        return ModelAnswer(proposal, input_tokens, output_tokens)

    async def aclose(self) -> None:
        """Close the HTTP connections."""
        await self._client._client.aclose()


def _failure_of_status(status: int) -> Failure:
    if status == 429:
        return Failure.RATE_LIMITED
    if status == 503:
        return Failure.OVERLOADED
    if status >= 500:
        return Failure.SERVER_ERROR
    return Failure.REFUSED
