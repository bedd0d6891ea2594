"""Money coming in: the payment notices banks post in Telegram, read as top-ups of the box."""
