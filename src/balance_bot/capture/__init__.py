"""Capture: a member's message in, rows in the sheet and the group's reply plan out."""
