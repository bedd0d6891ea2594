"""Balances: the cash box, the months' totals and the Mini App's month."""
