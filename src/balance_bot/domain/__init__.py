"""The pure core: money, parsing, expenses; no I/O of any kind."""
