"""Email: a message is recorded, sent after the commit by a background job, and retried (docs/deployment.md).

``planner.jobs.mail.queue_message(...)`` writes a MailRecord (``records.new_record``), commits and
enqueues ``send_message``, which builds the letter of the record's kind (``records.LETTERS``) and
hands it to the transport: a class of the deployment's own (``PLANNER_MAIL_SENDER``), SMTP
(``PLANNER_SMTP_URL``), or, with neither, an ``.eml`` file in ``instance/outbox/``.
"""
