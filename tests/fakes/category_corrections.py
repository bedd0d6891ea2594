"""CategoryCorrections in a dictionary, as SQLite keeps them: per ledger, the latest choice wins."""

from collections import defaultdict


class InMemoryCategoryCorrections:
    """Purpose key -> category, per ledger identity."""

    def __init__(self):
        self.by_ledger: defaultdict[str, dict[str, str]] = defaultdict(dict)

    async def learned(self, ledger: str) -> dict[str, str]:
        return self.by_ledger[ledger]

    async def learn(self, ledger: str, purpose_key: str, category: str) -> None:
        self.by_ledger[ledger][purpose_key] = category

    async def forget(self, ledger: str) -> int:
        count = len(self.by_ledger[ledger])
        self.by_ledger[ledger] = {}
        return count
