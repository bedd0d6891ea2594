"""Categories and budgets: each row's category, learned corrections, budgets crossed."""
