"""balance-bot: petty-cash expenses from a Telegram group into a monthly ledger."""
