"""gunicorn settings for the planner: `gunicorn -c gunicorn.conf.py "planner:create_app()"`.

Feed and link tokens are credentials that sit in URL paths, so the access log writes every
token-shaped path segment as "…" (request line, path, query, referrer, headers and environ).
"""

import gc

from gunicorn.glogging import Logger

from planner.services.workspace.feeds import redact_tokens

bind = "127.0.0.1:8000"
workers = 2
worker_class = "sync"
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'


class TokenSafeLogger(Logger):
    """gunicorn's logger with tokens redacted from every access-log atom."""

    def atoms(self, resp, req, environ, request_time):
        """The usual atoms, each text value with its tokens replaced by "…"."""
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: redact_tokens(value) if isinstance(value, str) else value for key, value in atoms.items()}


logger_class = TokenSafeLogger


def post_worker_init(worker):
    """Move the loaded app's objects (catalog, holidays, modules) out of the collector's generations.

    They live as long as the worker, yet every full collection would walk them again: frozen, a
    collection only walks what requests create, which shortens the pauses in the response times' tail.
    """
    gc.freeze()
