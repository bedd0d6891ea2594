"""The Telegram adapter: the python-telegram-bot Application, thin handlers, and the reply texts."""
