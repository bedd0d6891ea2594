"""What a model is asked: the prompts, the JSON schema its answer is held to, and how it is read."""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any, Generic, TypeVar

AnswerT = TypeVar("AnswerT")


class Failure(StrEnum):
    """Why a model gave no usable answer."""

    DOWN = "down"
    TIMEOUT = "timeout"
    RATE_LIMITED = "rate_limited"
    OVERLOADED = "overloaded"
    SERVER_ERROR = "server_error"
    REFUSED = "refused"  # 4xx: a wrong key, an unknown model
    INVALID = "invalid"  # off-schema; a reading the text does not bear out is logged as "rejected:<why>"


RETRYABLE = frozenset({Failure.RATE_LIMITED, Failure.OVERLOADED, Failure.SERVER_ERROR})


def failure_of_status(status: int) -> Failure:
    """What an HTTP error status means for the cascade (529 is Anthropic's 'overloaded')."""
    if status == 429:
        return Failure.RATE_LIMITED
    if status in (503, 529):
        return Failure.OVERLOADED
    if status >= 500:
        return Failure.SERVER_ERROR
    return Failure.REFUSED


class ModelFailure(Exception):
    """A model call that gave no usable answer; the tokens it cost are still counted."""

    def __init__(
        self,
        failure: Failure,
        detail: str,
        *,
        retry_after: float | None = None,
        input_tokens: int = 0,
        output_tokens: int = 0,
    ) -> None:
        super().__init__(f"{failure}: {detail}")
        self.failure = failure
        self.detail = detail  # a refusal's own words, as the service gave them
        self.retry_after = retry_after
        self.input_tokens = input_tokens
        self.output_tokens = output_tokens


@dataclass(frozen=True, slots=True)
class ModelAnswer(Generic[AnswerT]):
    """A model's answer to a question and the tokens it took."""

    answer: AnswerT
    input_tokens: int
    output_tokens: int


@dataclass(frozen=True, slots=True)
class ShownImage:
    """An image shown to a model beside the question: its bytes, their media type, and its size."""

    data: bytes
    media_type: str  # image/jpeg, image/png, image/gif or image/webp, as the bytes are
    width: int
    height: int

    @property
    def base64(self) -> str:
        """The bytes as the APIs carry them."""
        return base64.b64encode(self.data).decode("ascii")

    @property
    def tokens(self) -> int:
        """What the image costs in input tokens, as Anthropic counts it: a token per 750 pixels."""
        return math.ceil(self.width * self.height / 750)


class InvalidAnswer(ValueError):
    """The model's answer is not the JSON the schema asks for."""


@dataclass(frozen=True)
class Question(Generic[AnswerT]):
    """One kind of question: every reader asks it the same way, each through its own API.

    `read_answer` turns the decoded JSON (a tool call's input, or the text's JSON with numbers as
    Decimal) into the answer, raising InvalidAnswer for anything off-schema.
    """

    name: str  # what the call log calls it
    system: str
    user_template: str
    json_only: str
    schema: dict[str, Any]
    tool_name: str
    tool_description: str
    read_answer: Callable[[object], AnswerT]
    # Tools to choose among (function definitions) instead of one answer held to `schema`: the
    # payload read is then {"tool": name, "arguments": {...}}.
    tools: tuple[dict[str, Any], ...] = ()
    image: ShownImage | None = None  # what the question is about, when it is an image

    def user(self, text: str) -> str:
        """The user's turn; the text goes in as data, never as a format string."""
        return self.user_template.replace("{message}", text)

    def tokens_at_most(self, text: str) -> int:
        """An upper bound of the prompt's tokens: a byte-level tokenizer makes no more than one
        token per UTF-8 byte, whatever the script; and the image's tokens."""
        image_tokens = self.image.tokens if self.image is not None else 0
        return len(self.system.encode()) + len(self.user(text).encode()) + image_tokens

    def answer(self, payload: object, input_tokens: int, output_tokens: int) -> ModelAnswer[AnswerT]:
        """The answer of a call: JSON text (Ollama) or a tool call's input (Anthropic), None if absent.

        Anything off-schema is a ModelFailure that still counts the tokens the call cost.
        """
        try:
            if payload is None:
                raise InvalidAnswer("no answer in the reply")
            answer = self.read_answer(decoded(payload) if isinstance(payload, str) else payload)
        except InvalidAnswer as exc:
            raise ModelFailure(
                Failure.INVALID, str(exc), input_tokens=input_tokens, output_tokens=output_tokens
            ) from exc
        return ModelAnswer(answer, input_tokens, output_tokens)


def decoded(text: str) -> object:
    """JSON text with its numbers as Decimal; InvalidAnswer when it is not JSON."""
    try:
        return json.loads(text, parse_float=Decimal, parse_int=Decimal)
    except json.JSONDecodeError as exc:
        raise InvalidAnswer(f"not JSON: {exc.msg}") from exc
    except RecursionError as exc:
        raise InvalidAnswer("JSON nested too deep") from exc


def tool_call_in_text(text: str) -> object:
    """A tool call a model wrote as JSON text: {"name": .., "arguments": ..}, {"tool": .., ...} or
    {"function": {"name": .., "arguments": ..}}, from its first '{' to its last '}'; None if none."""
    start, end = text.find("{"), text.rfind("}")
    if not 0 <= start < end:
        return None
    try:
        found = json.loads(text[start : end + 1])
    except (json.JSONDecodeError, RecursionError):
        return None
    if isinstance(found, dict) and isinstance(found.get("function"), dict):
        found = found["function"]
    if not isinstance(found, dict):
        return None
    name = found.get("tool", found.get("name"))
    arguments = found.get("arguments", found.get("parameters", {}))
    if isinstance(arguments, str):
        try:
            arguments = json.loads(arguments)
        except json.JSONDecodeError:
            return None
    return {"tool": name, "arguments": arguments} if isinstance(name, str) else None
