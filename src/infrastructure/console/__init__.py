"""The terminal adapter: `balance-bot try`, a group chat without any accounts."""
