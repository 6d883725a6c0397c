"""The facilitator's workspace: clients, the dashboard, their trips, sharing, feeds, own
protocols and clinics, privacy (export and erase) and the demo data.

It imports the core, the models, ``services.planning`` and ``services.accounts``.
"""
