"""The paid fallback through the anthropic client, its answer forced into a tool call's input."""

from __future__ import annotations

import anthropic

from infrastructure.llm.answer import ANSWER_SCHEMA, model_answer
from infrastructure.llm.expense_parser_client import Failure, ModelAnswer, ModelFailure, failure_of_status
from infrastructure.llm.prompts import Prompts

TOOL_NAME = "record_expenses"
MAX_ANSWER_TOKENS = 1024


class AnthropicReader:
    """One Anthropic model; retries are ExpenseParserClient's, so the deadline holds."""

    provider = "anthropic"
    paid = True

    def __init__(
        self, api_key: str, model: str, base_url: str, timeout_seconds: float, prompts: Prompts
    ) -> None:
        self.model = model
        self._prompts = prompts
        self._client = anthropic.AsyncAnthropic(
            api_key=api_key, base_url=base_url, timeout=timeout_seconds, max_retries=0
        )

    async def read(self, text: str) -> ModelAnswer:
        """Ask the model; errors come back as ModelFailure."""
        try:
            message = await self._client.messages.create(
                model=self.model,
                max_tokens=MAX_ANSWER_TOKENS,
                temperature=0,
                system=self._prompts.system,
                messages=[{"role": "user", "content": self._prompts.user(text)}],
                tools=[
                    {
                        "name": TOOL_NAME,
                        "description": "Record the expenses the message reports, as the rules say.",
                        "input_schema": ANSWER_SCHEMA,
                    }
                ],
                tool_choice={"type": "tool", "name": TOOL_NAME},
            )
        except anthropic.APITimeoutError as exc:
            raise ModelFailure(Failure.TIMEOUT, "timeout") from exc
        except anthropic.APIConnectionError as exc:
            raise ModelFailure(Failure.DOWN, type(exc).__name__) from exc
        except anthropic.APIStatusError as exc:
            raise ModelFailure(
                failure_of_status(exc.status_code),
                f"HTTP {exc.status_code}",
                retry_after=_retry_after(exc.response.headers.get("retry-after")),
            ) from exc
        call = next((block for block in message.content if block.type == "tool_use"), None)
        return model_answer(
            None if call is None else call.input, message.usage.input_tokens, message.usage.output_tokens
        )

    async def aclose(self) -> None:
        """Close the HTTP connections."""
        await self._client.close()


def _retry_after(raw: str | None) -> float | None:
    try:
        return max(0.0, float(raw)) if raw is not None else None
    except ValueError:
        return None
