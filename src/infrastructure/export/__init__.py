"""Files made from the ledger for people to keep: a month as .xlsx and .csv."""
