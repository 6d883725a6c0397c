"""The messages a facilitator sends a client about a trip: "your plan" and "your plan changed".

``letters`` builds each message from its MailRecord when it is sent (``planner.services.mail.records.LETTERS``);
``content`` words it in the client's language; ``sending`` previews, queues and lists them for the pages
and the API. See docs/architecture.md, "Messages to clients".
"""
