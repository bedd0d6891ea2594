"""The models in order of preference, asked one question within a deadline, a budget and a log."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from decimal import Decimal
from typing import Generic, Protocol, TypeVar

from balance_bot.ports import Clock
from infrastructure.llm.questions import RETRYABLE, AnswerT, Failure, ModelAnswer, ModelFailure, Question

log = logging.getLogger(__name__)

MILLION = Decimal(1_000_000)
# Less time than this left before the deadline is not worth a call.
MIN_CALL_SECONDS = 0.2
ResultT = TypeVar("ResultT")


class ModelReader(Protocol):
    """One provider's model, asked to read a message."""

    provider: str
    model: str
    paid: bool

    async def read(self, text: str, question: Question[AnswerT]) -> ModelAnswer[AnswerT]:
        """The model's answer to the question about the text; ModelFailure when there is none."""
        ...

    async def warm(self) -> None:
        """Have the model loaded, so the next message does not wait for it; nothing for an API."""
        ...

    def tokens_at_most(self, text: str, question: Question[AnswerT]) -> tuple[int, int]:
        """(input, output) tokens a call on the text may cost at most: what the budget reserves."""
        ...

    async def aclose(self) -> None:
        """Close the connections."""
        ...


@dataclass(frozen=True, slots=True)
class LlmCall:
    """One row of the call log."""

    at: datetime
    month: str
    provider: str
    model: str
    outcome: str  # "ok", "unsure", a Failure, or "rejected:<why>"
    latency_ms: int
    input_tokens: int
    output_tokens: int
    cost_usd: Decimal
    fallback_reason: str | None  # why an earlier choice did not answer; None for the first choice
    chat_id: int | None
    question: str = "expenses"  # the Question's name: "expenses", "categories", "images"...


class CallLog(Protocol):
    """Where calls are logged and the month's paid spend is read back."""

    async def record(self, call: LlmCall) -> None:
        """Log one call."""
        ...

    async def paid_cost(self, month: str) -> Decimal:
        """What paid calls cost this month, in USD."""
        ...

    async def claim_budget_notice(self, month: str) -> bool:
        """True the first time it is asked for a month: the admins are told once."""
        ...


@dataclass(frozen=True, slots=True)
class BudgetReached:
    """The month's budget for paid calls is spent."""

    month: str
    spent_usd: Decimal
    budget_usd: Decimal
    chat_id: int | None


class Timer(Protocol):
    """Elapsed time and waiting, injected so that tests skip the waits."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Wait."""
        ...


class SystemTimer:
    """The real monotonic clock and asyncio.sleep."""

    def monotonic(self) -> float:
        """time.monotonic()."""
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        """asyncio.sleep()."""
        await asyncio.sleep(seconds)


@dataclass(frozen=True)
class LlmPolicy:
    """The operator's limits on LLM use; every figure comes from the settings."""

    timezone: tzinfo
    confidence_threshold: float = 0.6
    deadline_seconds: float = 8.0
    attempts_per_provider: int = 2
    monthly_budget_usd: Decimal = Decimal(5)
    prices: Mapping[str, tuple[Decimal, Decimal]] = field(default_factory=dict)
    rest_seconds: float = 30.0  # a model that is down is not asked again for this long


OnBudgetReached = Callable[[BudgetReached], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Verdict(Generic[ResultT]):
    """What one model's answer is worth: a result when it is sure and borne out, else why not
    ('unsure', 'rejected:<why>')."""

    result: ResultT | None
    outcome: str = "ok"


@dataclass
class InFlight:
    """What the paid calls in flight may cost: counted against the budget before their cost is
    logged, by every cascade that shares the month's budget."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    reserved: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class Asked(Generic[ResultT]):
    """The first sure result of the cascade, if any; and whether a model answered but was unsure."""

    result: ResultT | None
    unsure: bool = False


class ModelCascade:
    """Asks each model in turn until one answers surely; never beyond the deadline nor the budget.

    Every question (an expense read, a category chosen) shares the models' rest after failures,
    the month's budget for paid calls, and the call log.
    """

    def __init__(
        self,
        readers: Sequence[ModelReader],
        policy: LlmPolicy,
        call_log: CallLog,
        clock: Clock,
        timer: Timer | None = None,
        on_budget_reached: OnBudgetReached | None = None,
        in_flight: InFlight | None = None,
    ) -> None:
        self._readers = tuple(readers)
        self.policy = policy
        self._log = call_log
        self._clock = clock
        self._timer = timer or SystemTimer()
        self._on_budget_reached = on_budget_reached
        self._resting_until: dict[str, float] = {}
        self._last_failure: dict[str, Failure] = {}
        self._noticed_months: set[str] = set()
        # The budget's check and the reservation of a call's most cost are one step across chats.
        self._in_flight = in_flight or InFlight()
        self._warming: set[asyncio.Task[None]] = set()

    async def ask(
        self,
        question: Question[AnswerT],
        text: str,
        judge: Callable[[AnswerT], Verdict[ResultT]],
        chat_id: int | None,
    ) -> Asked[ResultT]:
        """The first sure result within the deadline, and whether a model was unsure."""
        deadline = self._timer.monotonic() + self.policy.deadline_seconds
        fallback_reason: str | None = None
        unsure = False
        for reader in self._readers:
            skip, reserved = await self._reason_to_skip(reader, question, text, chat_id)
            if skip is None:
                try:
                    verdict = await self._ask(
                        reader, question, text, judge, deadline, fallback_reason, chat_id
                    )
                finally:
                    self._in_flight.reserved -= reserved
                if verdict.result is not None:
                    return Asked(verdict.result)
                unsure |= verdict.outcome == "unsure"
                skip = verdict.outcome
            fallback_reason = f"{reader.provider} {skip}"
        return Asked(None, unsure)

    def beside(self, readers: Sequence[ModelReader], policy: LlmPolicy) -> ModelCascade:
        """Other models under other limits (the vision models, slower), sharing this cascade's call
        log, month's budget, calls in flight and budget notice; each keeps its own models' rests."""
        return ModelCascade(
            readers, policy, self._log, self._clock, self._timer, self._on_budget_reached, self._in_flight
        )

    def warm(self) -> None:
        """Load the local models in the background, as the bot starts: the first hard message of
        the day should not wait for a model to load, nor go to the paid one because it did."""
        for reader in self._readers:
            self._warm(reader)

    def _warm(self, reader: ModelReader) -> None:
        if reader.paid:
            return
        task = asyncio.get_running_loop().create_task(self._warm_quietly(reader))
        self._warming.add(task)
        task.add_done_callback(self._warming.discard)

    @staticmethod
    async def _warm_quietly(reader: ModelReader) -> None:
        try:
            await reader.warm()
        except Exception as exc:  # a model that cannot load now is asked, and reported, per message
            log.info("LLM %s could not be warmed: %s", reader.provider, exc)

    async def aclose(self) -> None:
        """Close every model's connections."""
        for task in list(self._warming):
            task.cancel()
        for reader in self._readers:
            await reader.aclose()

    def _call_cost_at_most(self, reader: ModelReader, question: Question[AnswerT], text: str) -> Decimal:
        """What the reader's calls on this text may cost, its retries included."""
        if not reader.paid:
            return Decimal(0)
        input_tokens, output_tokens = reader.tokens_at_most(text, question)
        return self._cost(reader, input_tokens, output_tokens) * self.policy.attempts_per_provider

    async def _reason_to_skip(
        self, reader: ModelReader, question: Question[AnswerT], text: str, chat_id: int | None
    ) -> tuple[str | None, Decimal]:
        """Why the reader is not asked, if it is not; and what its calls reserve of the budget."""
        nothing = Decimal(0)
        if self._timer.monotonic() < self._resting_until.get(reader.provider, 0.0):
            return f"resting after {self._last_failure[reader.provider]}", nothing
        if not reader.paid:
            return None, nothing
        budget = self.policy.monthly_budget_usd
        if budget <= 0:
            return "off (no budget)", nothing
        month = self._month()
        reserve = self._call_cost_at_most(reader, question, text)
        async with self._in_flight.lock:
            spent = await self._log.paid_cost(month)
            if spent + self._in_flight.reserved + reserve <= budget:
                self._in_flight.reserved += reserve  # calls in flight count before their cost is logged
                return None, reserve
        if month not in self._noticed_months:
            self._noticed_months.add(month)  # no write per message once the month's notice is claimed
            if await self._log.claim_budget_notice(month) and self._on_budget_reached is not None:
                await self._on_budget_reached(BudgetReached(month, spent, budget, chat_id))
        return "over budget", nothing

    async def _ask(
        self,
        reader: ModelReader,
        question: Question[AnswerT],
        text: str,
        judge: Callable[[AnswerT], Verdict[ResultT]],
        deadline: float,
        fallback_reason: str | None,
        chat_id: int | None,
    ) -> Verdict[ResultT]:
        """A sure verdict, or why there is none: 'unsure', a Failure, 'rejected:<why>', 'no time'."""
        why = "no time"
        for attempt in range(self.policy.attempts_per_provider):
            remaining = deadline - self._timer.monotonic()
            if remaining < MIN_CALL_SECONDS:
                return Verdict(None, why)
            started = self._timer.monotonic()
            try:
                async with asyncio.timeout(remaining):
                    answer = await reader.read(text, question)
                verdict = judge(answer.answer)
            except Exception as exc:  # whatever a reader raises, the member's message goes on
                failure = self._as_failure(reader, question, text, exc)
                await self._record(
                    reader, question, failure.failure, started, failure, fallback_reason, chat_id
                )
                self._note_failure(reader, failure.failure)
                if failure.failure is Failure.TIMEOUT:
                    self._warm(reader)  # it may have been unloaded: have it ready for the next message
                why = failure.failure.value
                wait = self._retry_wait(failure, attempt)
                if wait is None or self._timer.monotonic() + wait + MIN_CALL_SECONDS > deadline:
                    return Verdict(None, why)
                await self._timer.sleep(wait)
                continue
            self._last_failure.pop(reader.provider, None)
            await self._record(reader, question, verdict.outcome, started, answer, fallback_reason, chat_id)
            return verdict
        return Verdict(None, why)

    @staticmethod
    def _as_failure(
        reader: ModelReader, question: Question[AnswerT], text: str, exc: Exception
    ) -> ModelFailure:
        """A reader's exception as a model failure; a paid call abandoned at its timeout, or answered
        with what cannot be read, still cost its prompt's tokens."""
        if isinstance(exc, ModelFailure | TimeoutError):
            failure = exc if isinstance(exc, ModelFailure) else ModelFailure(Failure.TIMEOUT, "deadline")
        else:
            log.warning("LLM %s failed unexpectedly: %s: %s", reader.provider, type(exc).__name__, exc)
            failure = ModelFailure(Failure.INVALID, f"{type(exc).__name__} while reading the answer")
        billed = failure.failure in (Failure.TIMEOUT, Failure.INVALID)
        if billed and reader.paid and not failure.input_tokens:
            # The prompt was sent and is billed, whatever came back: the budget counts it.
            failure.input_tokens = reader.tokens_at_most(text, question)[0]
        return failure

    def _retry_wait(self, failure: ModelFailure, attempt: int) -> float | None:
        if failure.failure not in RETRYABLE or attempt + 1 >= self.policy.attempts_per_provider:
            return None
        return failure.retry_after if failure.retry_after is not None else 0.5 * 2**attempt

    def _note_failure(self, reader: ModelReader, failure: Failure) -> None:
        twice = self._last_failure.get(reader.provider) is failure
        self._last_failure[reader.provider] = failure
        # One refused connection or two timeouts in a row: the next messages need not wait on it.
        if failure in (Failure.DOWN, Failure.REFUSED) or (failure is Failure.TIMEOUT and twice):
            self._resting_until[reader.provider] = self._timer.monotonic() + self.policy.rest_seconds
            log.warning(
                "LLM %s is %s; not asked for %.0f s", reader.provider, failure, self.policy.rest_seconds
            )

    async def _record(
        self,
        reader: ModelReader,
        question: Question[AnswerT],
        outcome: str,
        started: float,
        tokens: ModelAnswer[AnswerT] | ModelFailure,
        fallback_reason: str | None,
        chat_id: int | None,
    ) -> None:
        call = LlmCall(
            at=self._clock.now(),
            month=self._month(),
            provider=reader.provider,
            model=reader.model,
            outcome=outcome,
            latency_ms=round((self._timer.monotonic() - started) * 1000),
            input_tokens=tokens.input_tokens,
            output_tokens=tokens.output_tokens,
            cost_usd=self._cost(reader, tokens.input_tokens, tokens.output_tokens),
            fallback_reason=fallback_reason,
            chat_id=chat_id,
            question=question.name,
        )
        try:
            await self._log.record(call)
        except Exception:  # the log must never cost the member an answer
            log.exception("could not log an LLM call")

    def _cost(self, reader: ModelReader, input_tokens: int, output_tokens: int) -> Decimal:
        if not reader.paid:
            return Decimal(0)
        prices = self.policy.prices
        # An unknown paid model is priced as the dearest one in the table (which lists the
        # provider's dearest), so the budget still holds.
        price_in, price_out = prices.get(reader.model) or max(
            prices.values(), default=(Decimal(0), Decimal(0))
        )
        return (input_tokens * price_in + output_tokens * price_out) / MILLION

    def _month(self) -> str:
        return self._clock.now().astimezone(self.policy.timezone).strftime("%Y-%m")
