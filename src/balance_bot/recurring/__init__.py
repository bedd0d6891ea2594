"""Recurring costs: rent, salaries, subscriptions written on their days, once each."""
