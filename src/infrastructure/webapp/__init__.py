"""The Mini App: a web page inside Telegram showing a group's month, served by the bot itself."""
