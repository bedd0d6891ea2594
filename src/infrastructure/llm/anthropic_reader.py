"""The paid fallback through the anthropic client, its answer forced into a tool call's input."""

from __future__ import annotations

import logging
from typing import Any

import anthropic

from infrastructure.llm.questions import (
    AnswerT,
    Failure,
    ModelAnswer,
    ModelFailure,
    Question,
    failure_of_status,
    tool_call_in_text,
)

log = logging.getLogger(__name__)
MAX_ANSWER_TOKENS = 1024
# Stop reasons of an answer that did not end: cut at max_tokens or at the context window, refused,
# or paused mid-turn. A tool input cut short can still read as a valid, shorter list.
STOPPED_SHORT = frozenset({"max_tokens", "model_context_window_exceeded", "refusal", "pause_turn"})


class AnthropicReader:
    """One Anthropic model; retries are ExpenseParserClient's, so the deadline holds.

    No `temperature` is sent (newer models refuse it next to other sampling settings, and
    the forced tool leaves little to sample). A model that refuses a forced tool is asked
    for the JSON as text instead, from then on.
    """

    provider = "anthropic"
    paid = True

    def __init__(self, api_key: str, model: str, base_url: str, timeout_seconds: float) -> None:
        self.model = model
        self._forced_tool_refused = False
        self._client = anthropic.AsyncAnthropic(
            api_key=api_key, base_url=base_url, timeout=timeout_seconds, max_retries=0
        )

    async def read(self, text: str, question: Question[AnswerT]) -> ModelAnswer[AnswerT]:
        """Ask the model; errors come back as ModelFailure."""
        if not self._forced_tool_refused:
            try:
                return await self._ask(text, question, forced_tool=True)
            except ModelFailure as failure:
                if not _refuses_forced_tools(failure):
                    raise
                log.warning("%s refuses a forced tool; asking for JSON text from now on", self.model)
                self._forced_tool_refused = True
        return await self._ask(text, question, forced_tool=False)

    async def _ask(
        self, text: str, question: Question[AnswerT], *, forced_tool: bool
    ) -> ModelAnswer[AnswerT]:
        request: dict[str, Any] = {
            "model": self.model,
            "max_tokens": MAX_ANSWER_TOKENS,
            # A model that refuses a forced tool is told to answer with the JSON as text.
            "system": question.system if forced_tool else f"{question.system}\n\n{question.json_only}",
            "messages": [{"role": "user", "content": user_content(question, text)}],
        }
        if forced_tool and question.tools:
            request["tools"] = [
                {"name": tool["name"], "description": tool["description"], "input_schema": tool["parameters"]}
                for tool in question.tools
            ]
            request["tool_choice"] = {"type": "any"}  # one of them, the model's choice
        elif forced_tool:
            request["tools"] = [
                {
                    "name": question.tool_name,
                    "description": question.tool_description,
                    "input_schema": question.schema,
                }
            ]
            request["tool_choice"] = {"type": "tool", "name": question.tool_name}
        try:
            message = await self._client.messages.create(**request)
        except anthropic.APITimeoutError as exc:
            raise ModelFailure(Failure.TIMEOUT, "timeout") from exc
        except anthropic.APIConnectionError as exc:
            raise ModelFailure(Failure.DOWN, type(exc).__name__) from exc
        except anthropic.APIStatusError as exc:
            raise ModelFailure(
                failure_of_status(exc.status_code),
                f"HTTP {exc.status_code}: {_error_message(exc)}",
                retry_after=_retry_after(exc.response.headers.get("retry-after")),
            ) from exc
        except (anthropic.APIError, ValueError, TypeError, RecursionError) as exc:
            # A 200 whose body is not the Messages shape: not JSON, an integer past Python's limit.
            raise ModelFailure(Failure.INVALID, f"unreadable reply: {type(exc).__name__}") from exc
        usage = getattr(message, "usage", None)
        input_tokens = getattr(usage, "input_tokens", None) or 0
        output_tokens = getattr(usage, "output_tokens", None) or 0
        stop_reason = getattr(message, "stop_reason", None)
        if stop_reason in STOPPED_SHORT:
            raise ModelFailure(
                Failure.INVALID,
                f"answer stopped short (stop_reason {stop_reason})",
                input_tokens=input_tokens,
                output_tokens=output_tokens,
            )
        blocks = getattr(message, "content", None) or []
        if forced_tool:
            call = next((block for block in blocks if getattr(block, "type", None) == "tool_use"), None)
            payload: object = None if call is None else call.input
            if question.tools and call is not None:
                payload = {"tool": call.name, "arguments": call.input}
        elif question.tools:
            payload = tool_call_in_text(_json_text(blocks) or "")
        else:
            payload = _json_text(blocks)
        return question.answer(payload, input_tokens, output_tokens)

    async def warm(self) -> None:
        """Nothing to load: the API's models are always there."""

    def tokens_at_most(self, text: str, question: Question[AnswerT]) -> tuple[int, int]:
        """The prompt's tokens at most, and the answer's cap."""
        return question.tokens_at_most(text), MAX_ANSWER_TOKENS

    async def aclose(self) -> None:
        """Close the HTTP connections."""
        await self._client.close()


def user_content(question: Question[AnswerT], text: str) -> str | list[dict[str, Any]]:
    """The user's turn; with an image, the image first, as Anthropic advises."""
    if question.image is None:
        return question.user(text)
    source = {"type": "base64", "media_type": question.image.media_type, "data": question.image.base64}
    return [{"type": "image", "source": source}, {"type": "text", "text": question.user(text)}]


def _refuses_forced_tools(failure: ModelFailure) -> bool:
    return failure.failure is Failure.REFUSED and "tool_choice" in str(failure)


def _error_message(exc: anthropic.APIStatusError) -> str:
    body = exc.body if isinstance(exc.body, dict) else {}
    error = body.get("error") if isinstance(body.get("error"), dict) else {}
    message = error.get("message") if isinstance(error, dict) else None
    return str(message)[:300] if message else "no message"


def _json_text(blocks: list[Any]) -> str | None:
    """The JSON object in the text blocks of an answer, from its first '{' to its last '}'."""
    text = "".join(getattr(block, "text", "") for block in blocks if getattr(block, "type", None) == "text")
    start, end = text.find("{"), text.rfind("}")
    return text[start : end + 1] if 0 <= start < end else None


def _retry_after(raw: str | None) -> float | None:
    try:
        return max(0.0, float(raw)) if raw is not None else None
    except ValueError:
        return None
