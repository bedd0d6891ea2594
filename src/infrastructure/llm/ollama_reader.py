"""The local model through the ollama client, its answer held to the JSON schema by `format`."""

from __future__ import annotations

from typing import Any

import httpx
import ollama

from infrastructure.llm.questions import (
    AnswerT,
    Failure,
    ModelAnswer,
    ModelFailure,
    Question,
    failure_of_status,
    tool_call_in_text,
)

# The most tokens an answer may take: a 50-entry list fits, a model looping on whitespace stops.
MAX_ANSWER_TOKENS = 1024
# Loading a model takes seconds: warming it waits longer than a message ever would.
WARM_TIMEOUT_SECONDS = 120.0
# `check`'s test chat asks for next to nothing: it is there to be refused or not.
PROBE_TOKENS = 1


class OllamaReader:
    """One Ollama model; each call bounded by its own timeout (the client has none by default)."""

    provider = "ollama"
    paid = False

    def __init__(
        self, host: str, model: str, timeout_seconds: float, keep_alive: float | str = "24h"
    ) -> None:
        self.model = model
        self._sees_images = False
        self._keep_alive = keep_alive
        self._client = ollama.AsyncClient(host=host, timeout=httpx.Timeout(timeout_seconds))
        self._warm_client = ollama.AsyncClient(host=host, timeout=httpx.Timeout(WARM_TIMEOUT_SECONDS))

    async def read(self, text: str, question: Question[AnswerT]) -> ModelAnswer[AnswerT]:
        """Ask the model; errors come back as ModelFailure."""
        # With tools, no `format`: Ollama's grammar would hold the answer to the schema and the model
        # would never call a tool.
        held: dict[str, Any] = (
            {"tools": [{"type": "function", "function": tool} for tool in question.tools]}
            if question.tools
            else {"format": question.schema}
        )
        user: dict[str, Any] = {"role": "user", "content": question.user(text)}
        if question.image is not None:
            await self._check_sees_images()
            user["images"] = [question.image.data]
        try:
            response = await self._client.chat(
                model=self.model,
                messages=[{"role": "system", "content": question.system}, user],
                options=_options(MAX_ANSWER_TOKENS),
                keep_alive=self._keep_alive,
                think=False,  # a thinking model an operator chose answers at once
                stream=False,
                **held,
            )
        except (ollama.ResponseError, ConnectionError, httpx.HTTPError) as exc:
            raise _failure(exc) from exc
        input_tokens, output_tokens = response.prompt_eval_count or 0, response.eval_count or 0
        if response.done_reason == "length":
            # Cut at num_predict, what came may still read as an answer: a list short of its end.
            raise ModelFailure(
                Failure.INVALID,
                f"answer cut at {MAX_ANSWER_TOKENS} tokens (done_reason length)",
                input_tokens=input_tokens,
                output_tokens=output_tokens,
            )
        content = response.message.content or ""
        payload: object = content
        if question.tools:
            calls = response.message.tool_calls or []
            # Small models often write the call as JSON in the content instead of as a tool call.
            payload = (
                {"tool": calls[0].function.name, "arguments": dict(calls[0].function.arguments)}
                if calls
                else tool_call_in_text(content)
            )
        return question.answer(payload, input_tokens, output_tokens)

    async def _check_sees_images(self) -> None:
        """Refuse an image to a model without vision: older Ollamas drop the image and let the model
        answer from the text alone, newer ones refuse it. A model is asked once, when it sees them."""
        if self._sees_images:
            return
        try:
            shown = await self._client.show(self.model)
        except (ollama.ResponseError, ConnectionError, httpx.HTTPError) as exc:
            raise _failure(exc) from exc
        # An Ollama that lists no capabilities cannot tell: the model is taken to see.
        if shown.capabilities is not None and "vision" not in shown.capabilities:
            raise ModelFailure(Failure.REFUSED, f"{self.model} cannot see images (no vision capability)")
        self._sees_images = True

    async def warm(self) -> None:
        """Load the model and keep it loaded: a chat with no messages loads it and answers nothing."""
        await self._warm_client.chat(model=self.model, messages=[], keep_alive=self._keep_alive)

    async def probe(self, schema: dict[str, Any]) -> None:
        """One short chat as a message's, with the same keep_alive, options, `think` and `format`,
        for `check`: what Ollama refuses there it would refuse for every message. ModelFailure
        carries Ollama's own words. The first call loads the model, so it waits as warm() does."""
        try:
            await self._warm_client.chat(
                model=self.model,
                messages=[{"role": "user", "content": "Answer with an empty list of entries."}],
                options=_options(PROBE_TOKENS),
                keep_alive=self._keep_alive,
                think=False,
                format=schema,
                stream=False,
            )
        except (ollama.ResponseError, ConnectionError, httpx.HTTPError) as exc:
            raise _failure(exc) from exc

    def tokens_at_most(self, text: str, question: Question[AnswerT]) -> tuple[int, int]:
        """A local model costs nothing; the figures are the prompt's and the answer's bounds."""
        return question.tokens_at_most(text), MAX_ANSWER_TOKENS

    async def aclose(self) -> None:
        """Close the HTTP connections."""
        await self._client._client.aclose()
        await self._warm_client._client.aclose()


def _options(answer_tokens: int) -> dict[str, Any]:
    return {"temperature": 0, "num_predict": answer_tokens}


def _failure(exc: Exception) -> ModelFailure:
    """An error of the client as the cascade reads it; a refusal in Ollama's own words."""
    if isinstance(exc, ollama.ResponseError):
        return ModelFailure(failure_of_status(exc.status_code), exc.error)
    if isinstance(exc, httpx.TimeoutException):
        return ModelFailure(Failure.TIMEOUT, type(exc).__name__)
    return ModelFailure(Failure.DOWN, type(exc).__name__)
