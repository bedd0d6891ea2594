"""The local model through the ollama client, its answer held to the JSON schema by `format`."""

from __future__ import annotations

import httpx
import ollama

from infrastructure.llm.answer import ANSWER_SCHEMA, model_answer
from infrastructure.llm.expense_parser_client import Failure, ModelAnswer, ModelFailure, failure_of_status
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
            raise ModelFailure(failure_of_status(exc.status_code), exc.error) from exc
        except httpx.TimeoutException as exc:
            raise ModelFailure(Failure.TIMEOUT, type(exc).__name__) from exc
        except (ConnectionError, httpx.HTTPError) as exc:
            raise ModelFailure(Failure.DOWN, type(exc).__name__) from exc
        return model_answer(
            response.message.content or "", response.prompt_eval_count or 0, response.eval_count or 0
        )

    async def aclose(self) -> None:
        """Close the HTTP connections."""
        await self._client._client.aclose()
