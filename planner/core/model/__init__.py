"""The domain's values: protocols and their steps, clinics, the trip request, the plan, money.

Frozen dataclasses and enums with the few rules that belong to a value (a range's arithmetic,
a clinic's hours on a day). It imports nothing of the core: every other package builds on it.
"""
