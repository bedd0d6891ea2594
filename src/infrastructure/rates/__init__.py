"""Sources of the day's KHR/USD rate: the National Bank of Cambodia's published page."""
