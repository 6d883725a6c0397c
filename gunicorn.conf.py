"""gunicorn settings for the planner: `gunicorn -c gunicorn.conf.py "planner:create_app()"`.

Feed and link tokens are credentials that sit in URL paths, so both gunicorn logs (access and
error) write every token as "…", in whatever form it came (see planner/logs.py).
"""

import gc

from gunicorn.glogging import Logger

from planner.logs import protect

bind = "127.0.0.1:8000"
workers = 2
worker_class = "sync"
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'


class TokenSafeLogger(Logger):
    """gunicorn's logger with tokens redacted from every record of the access and error logs."""

    def setup(self, cfg):
        """gunicorn's handlers, each with the token filter."""
        super().setup(cfg)
        protect(self.error_log)
        protect(self.access_log)


logger_class = TokenSafeLogger


def post_worker_init(worker):
    """Move the loaded app's objects (catalog, holidays, modules) out of the collector's generations.

    They live as long as the worker, yet every full collection would walk them again: frozen, a
    collection only walks what requests create, which shortens the pauses in the response times' tail.
    """
    gc.freeze()
