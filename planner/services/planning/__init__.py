"""The patient's planning: scenarios from forms, plans and their pages, the catalog a plan is
made from (with a facilitator's own entries), memos, calendar revisions and saved trips.

It imports the core, the models and ``services.accounts`` (tokens); never ``workspace``.
"""
