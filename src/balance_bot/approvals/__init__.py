"""Approvals: expenses over a group's threshold wait for an admin's Approve or Reject."""
