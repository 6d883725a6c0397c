"""Reminders from a trip's plan: the rules (rules.py, pure), the client's subscriptions, the claimed
sends and their letter (``planner.jobs.reminders`` sends those that are due)."""
