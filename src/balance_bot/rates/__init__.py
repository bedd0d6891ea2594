"""The rate of the day: the official KHR/USD rate of each day, and dollars and riel added at it."""
