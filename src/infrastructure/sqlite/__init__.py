"""SQLite adapters: the state the bot must not lose, in one database file."""
