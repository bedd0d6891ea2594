"""Google's per-minute Sheets quotas for the fake Sheets API: per account ("per user") and per project.

Google counts read and write requests apart, per service account ("Read requests per minute per
user", 60 by default) and per Google Cloud project ("Read requests per minute", 300 by default; all
the accounts whose keys carry the project's project_id share it). A request over either answers 429
RESOURCE_EXHAUSTED with the quota's metric and limit, and no Retry-After: the minute must refill.
The bodies are the real ones (as in AutomaApp/automa#1342, Sage-Bionetworks/data_curator#110 for an
account's limit, n8n-io/n8n#16750 for the project's). Only the requests let through are counted,
and every one is kept with its account, project and time on the fake's clock, so that a bench can
print the writes of each minute per account and per project.
"""

from __future__ import annotations

import zlib
from collections import Counter, deque
from dataclasses import dataclass
from typing import Any, Literal

READS = frozenset({"values.get", "values.batchGet", "get"})
DEFAULT_PROJECT = "petty-cash"
DEFAULT_PROJECT_NUMBER = "123456789012"
Kind = Literal["read", "write"]
By = Literal["account", "project"]
_METRIC = {"read": "Read requests", "write": "Write requests"}
_WINDOW = 60.0


@dataclass(frozen=True)
class Admitted:
    """One request Google let through: what it was, when (the fake's clock), by whom."""

    kind: Kind
    at: float
    account: str
    project: str


def project_number(project_id: str) -> str:
    """The 12-digit project number Google names a project by in its errors (made up, stable)."""
    if project_id == DEFAULT_PROJECT:
        return DEFAULT_PROJECT_NUMBER
    return str(100_000_000_000 + zlib.crc32(project_id.encode()) % 900_000_000_000)


def kind_of(call: str) -> Kind:
    """Whether a Sheets call ('append', 'values.get', ...) spends the read or the write quota."""
    return "read" if call in READS else "write"


def quota_exceeded(kind: Kind, per_user: bool, project_id: str, limit: int) -> dict[str, Any]:
    """Google's 429 body for a request over an account's ("per user") or a project's minute."""
    number = project_number(project_id)
    metric = _METRIC[kind]
    scope = "User" if per_user else "Project"
    limit_name = f"{metric} per minute per user" if per_user else f"{metric} per minute"
    return {
        "error": {
            "code": 429,
            "message": (
                f"Quota exceeded for quota metric '{metric}' and limit '{limit_name}' of service "
                f"'sheets.googleapis.com' for consumer 'project_number:{number}'."
            ),
            "status": "RESOURCE_EXHAUSTED",
            "details": [
                {
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                    "reason": "RATE_LIMIT_EXCEEDED",
                    "domain": "googleapis.com",
                    "metadata": {
                        "quota_limit": f"{kind.capitalize()}RequestsPerMinutePer{scope}",
                        "quota_unit": "1/min/{project}/{user}" if per_user else "1/min/{project}",
                        "quota_location": "global",
                        "quota_limit_value": str(limit),
                        "consumer": f"projects/{number}",
                        "service": "sheets.googleapis.com",
                        "quota_metric": f"sheets.googleapis.com/{kind}_requests",
                    },
                },
                {
                    "@type": "type.googleapis.com/google.rpc.Help",
                    "links": [
                        {
                            "description": "Request a higher quota limit.",
                            "url": "https://cloud.google.com/docs/quotas/help/request_increase",
                        }
                    ],
                },
            ],
        }
    }


class Quotas:
    """The four minute buckets (reads and writes, per account and per project) and the record.

    A limit of None is no limit, as the fake had before: a test turns on the ones it is about.
    A request is over a limit when that many requests were let through in the 60 seconds before it.
    Not thread-safe: the fake calls it under its lock.
    """

    def __init__(self) -> None:
        self.per_user: dict[Kind, int | None] = {"read": None, "write": None}
        self.per_project: dict[Kind, int | None] = {"read": None, "write": None}
        self.admitted: list[Admitted] = []
        self.refused: Counter[tuple[Kind, str]] = Counter()  # (kind, "user" or "project")
        self._recent: dict[tuple[Kind, By, str], deque[float]] = {}

    def admit(self, call: str, account: str, project: str, now: float) -> dict[str, Any] | None:
        """None when the request goes through (and is counted), else Google's 429 body."""
        kind = kind_of(call)
        checks: tuple[tuple[By, str, int | None], ...] = (
            ("account", account, self.per_user[kind]),
            ("project", project, self.per_project[kind]),
        )
        for by, name, limit in checks:
            recent = self._recent.setdefault((kind, by, name), deque())
            while recent and recent[0] <= now - _WINDOW:
                recent.popleft()
            if limit is not None and len(recent) >= limit:
                self.refused[(kind, "user" if by == "account" else "project")] += 1
                return quota_exceeded(kind, by == "account", project, limit)
        for by, name, _ in checks:
            self._recent[(kind, by, name)].append(now)
        self.admitted.append(Admitted(kind, now, account, project))
        return None

    def per_minute(self, kind: Kind = "write", by: By = "account") -> dict[str, dict[int, int]]:
        """Requests let through in each minute of the clock (its seconds // 60), per account or project."""
        counts: dict[str, Counter[int]] = {}
        for request in self.admitted:
            if request.kind == kind:
                name = request.account if by == "account" else request.project
                counts.setdefault(name, Counter())[int(request.at // 60)] += 1
        return {name: dict(sorted(minutes.items())) for name, minutes in counts.items()}

    def most_in_any_minute(self, kind: Kind = "write", by: By = "account") -> dict[str, int]:
        """The most requests let through within any 60 seconds, per account or project."""
        times: dict[str, list[float]] = {}
        for request in self.admitted:
            if request.kind == kind:
                name = request.account if by == "account" else request.project
                times.setdefault(name, []).append(request.at)
        most = {}
        for name, ats in times.items():
            ats.sort()
            start, best = 0, 0
            for end, at in enumerate(ats):
                while ats[start] <= at - _WINDOW:
                    start += 1
                best = max(best, end - start + 1)
            most[name] = best
        return most
