"""Logs without credentials: every token in a log record is written as "…", on every logger.

Feed, link and reset tokens sit in URL paths, and a URL reaches the logs in many forms: the raw
request line (percent-encoded characters, extra characters after the token), the decoded path in
Flask's "Exception on /feeds/<token>.ics", a referrer. A word counts as a token when, once its
percent escapes are decoded, it holds a run of 43 or more URL-safe characters (``new_token()``
makes 43); the whole word goes, so a token with characters added or encoded leaks nothing.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote

#: a word of a URL: unreserved characters and percent escapes
_WORD = re.compile(r"(?:[A-Za-z0-9_.~-]|%[0-9A-Fa-f]{2})+")
#: what a token looks like once decoded (43 URL-safe characters; longer runs are tokens with extras)
_TOKEN_RUN = re.compile(r"[A-Za-z0-9_-]{43,}")
#: loggers whose records reach the logs of a running planner (development server, gunicorn, the app)
LOGGERS = ("", "planner", "werkzeug", "gunicorn", "gunicorn.error", "gunicorn.access", "sqlalchemy")


def _redact_word(match: re.Match) -> str:
    word = match.group()
    decoded = unquote(word) if "%" in word else word
    if not _TOKEN_RUN.search(decoded):
        return word
    return "….ics" if decoded.endswith(".ics") else "…"


def redact_tokens(text: str) -> str:
    """The text with every token-shaped word (decoded, with anything stuck to it) replaced by "…"."""
    return _WORD.sub(_redact_word, text)


class RedactTokens(logging.Filter):
    """Rewrite a record's message, traceback and stack with its tokens redacted (the record stays)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "planner_redacted", False):
            return True
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # arguments that do not fit the format: keep both, redacted
            message = f"{record.msg} {record.args!r}"
        record.msg = redact_tokens(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact_tokens(record.exc_text)
        if record.stack_info:
            record.stack_info = redact_tokens(record.stack_info)
        record.planner_redacted = True
        return True


_FILTER = RedactTokens()


def protect(logger: logging.Logger) -> None:
    """Redact tokens in what this logger and each of its handlers write.

    A logger's own filters see only records logged on it, not those its children propagate,
    so the filter also goes on every handler, where every record passes.
    """
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
    for handler in logger.handlers:
        if _FILTER not in handler.filters:
            handler.addFilter(_FILTER)


def protect_all(*extra: logging.Logger) -> None:
    """Protect the root, app, development-server, gunicorn and SQLAlchemy loggers (and ``extra``)."""
    for name in LOGGERS:
        protect(logging.getLogger(name))
    for logger in extra:
        protect(logger)
