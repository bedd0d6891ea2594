"""`make score`: a parser command scored against a labelled corpus of group-chat messages.

The project's own scorer, so a clone scores its corpus (tests/corpus/) with nothing beside it:
    python bench/score.py CORPUS.jsonl [--quiet] -- .venv/bin/balance-bot parse
Each corpus line is {"id", "text", "expect": [statuses], "entries": [{"amount", "currency",
"currency_guess"?, "keys"?}]}; the parser answers one JSON line per message, in order. Each case
is judged, worst first: wrong_saved (an expense saved with a wrong amount, currency, purpose or
count), false_alarm (chatter the bot would answer), missed (an expense it would ignore), asked (it
would ask where it should save, or save where it should ask), else correct. It reads only the
standard library: it runs on the bot's runtime install.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

VERDICTS = ("correct", "asked", "missed", "false_alarm", "wrong_saved")
# A purpose that keeps a currency word kept part of the amount.
CURRENCY_MARKS = re.compile(r"[$៛]|\b(usd|khr|riels?|dollars?)\b|រៀល|ដុល្លារ", re.IGNORECASE)


def judge(case: dict[str, Any], answer: dict[str, Any]) -> tuple[str, str]:
    """The case's verdict on the parser's answer, and why when it is not correct."""
    expected = case["expect"]
    status = answer.get("status")
    entries = answer.get("entries") or []
    if status in expected:
        if status in ("ignore", "unclear"):
            return "correct", ""
        wanted = case.get("entries", [])
        if len(entries) != len(wanted):
            return "wrong_saved", f"{len(entries)} entries, want {len(wanted)}"
        for want, got in zip(wanted, entries, strict=True):
            wrong = _wrong_in_entry(want, got, check_purpose=status == "expense")
            if wrong:
                return "wrong_saved", f"{wrong}: got {got}"
        return "correct", ""
    if "ignore" in expected:
        return "false_alarm", f"status {status}"
    if status == "ignore":
        return "missed", ""
    if status == "expense" and expected == ["purpose_missing"]:
        return "asked", "saved without asking for the purpose"
    if status in ("unclear", "purpose_missing"):
        return "asked", f"status {status}"
    return "wrong_saved", f"status {status}"


def _wrong_in_entry(want: dict[str, Any], got: dict[str, Any], *, check_purpose: bool) -> str | None:
    if _amount(got.get("amount")) != _amount(want["amount"]):
        return "amount"
    currency = str(got.get("currency", "")).upper()
    allowed = {want["currency"], "UNKNOWN"} if want.get("currency_guess") else {want["currency"]}
    if currency not in allowed:
        return "currency"
    if check_purpose:
        purpose = str(got.get("purpose") or "").lower()
        if any(key.lower() not in purpose for key in want.get("keys", [])) or CURRENCY_MARKS.search(purpose):
            return "purpose"
    return None


def _amount(value: object) -> Decimal | None:
    try:
        return Decimal(str(value).replace(",", ""))
    except InvalidOperation:
        return None


def score(corpus: Path, command: list[str], *, quiet: bool = False) -> int:
    """Print each case the parser got wrong (unless quiet) and the tally; 1 when the parser failed."""
    cases = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    feed = "".join(
        json.dumps({"id": case["id"], "text": case["text"]}, ensure_ascii=False) + "\n" for case in cases
    )
    done = subprocess.run(command, input=feed, capture_output=True, text=True, encoding="utf-8", timeout=600)
    answers = [line for line in done.stdout.splitlines() if line.strip()]
    if done.returncode != 0 or len(answers) != len(cases):
        print(done.stderr[-2000:], file=sys.stderr)
        print(f"parser failed: exit {done.returncode}, {len(answers)} answers for {len(cases)} cases")
        return 1
    tally = dict.fromkeys(VERDICTS, 0)
    for case, line in zip(cases, answers, strict=True):
        try:
            answer = json.loads(line)
        except json.JSONDecodeError:
            answer = {"status": "invalid"}
        verdict, why = judge(case, answer)
        tally[verdict] += 1
        if verdict != "correct" and not quiet:
            print(f"{verdict:12} {case['id']}  {case['text']!r}  {why}")
    share = 100.0 * tally["correct"] / len(cases) if cases else 100.0
    print(
        f"correct {tally['correct']}/{len(cases)} ({share:.1f}%)  wrong_saved {tally['wrong_saved']}  "
        f"false_alarm {tally['false_alarm']}  missed {tally['missed']}  asked {tally['asked']}"
    )
    return 0


def main(arguments: list[str]) -> int:
    """`score.py CORPUS [--quiet] -- COMMAND...`."""
    if "--" not in arguments:
        print(__doc__, file=sys.stderr)
        return 2
    split = arguments.index("--")
    options, command = arguments[:split], arguments[split + 1 :]
    corpora = [option for option in options if not option.startswith("--")]
    if len(corpora) != 1 or not command:
        print(__doc__, file=sys.stderr)
        return 2
    return score(Path(corpora[0]), command, quiet="--quiet" in options)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
