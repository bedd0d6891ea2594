"""Receipts and transfer screenshots: a photo's words read into an expense, and what the group hears."""
