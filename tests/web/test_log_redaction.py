"""Token redaction: every form a token URL takes in a log line, on every logger the app writes to."""

from __future__ import annotations

import logging

import pytest

from planner.logs import RedactTokens, redact_tokens

TOKEN = "Ab3_-" * 8 + "xyz"  # 43 URL-safe characters, as new_token() makes


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"GET /feeds/{TOKEN}.ics HTTP/1.1", "GET /feeds/….ics HTTP/1.1"),
        (f"GET /feeds/%41{TOKEN[1:]}.ics HTTP/1.1", "GET /feeds/….ics HTTP/1.1"),
        (f"GET /shared/{TOKEN}%2Etrip HTTP/1.1", "GET /shared/… HTTP/1.1"),
        (f"GET /t/{TOKEN}extra/edit HTTP/1.1", "GET /t/…/edit HTTP/1.1"),
        (f"GET /t/{TOKEN}~~/edit HTTP/1.1", "GET /t/…/edit HTTP/1.1"),
        (f"GET /reset-password/{TOKEN[:20]}%{ord(TOKEN[20]):02x}{TOKEN[21:]}", "GET /reset-password/…"),
        (f"Exception on /shared/{TOKEN}/trip.ics [GET]", "Exception on /shared/…/trip.ics [GET]"),
        ("GET /treatments/stem-cell-knee-svf?q=%20a HTTP/1.1", "GET /treatments/stem-cell-knee-svf?q=%20a HTTP/1.1"),
    ],
)
def test_every_form_of_a_token_is_redacted(line, expected):
    assert redact_tokens(line) == expected


def test_a_record_is_redacted_in_its_arguments_and_its_traceback():
    try:
        raise LookupError(f"no link {TOKEN}")
    except LookupError:
        import sys

        record = logging.LogRecord("planner", logging.ERROR, __file__, 1, "Exception on %s", (f"/t/{TOKEN}",), None)
        record.exc_info = sys.exc_info()
    RedactTokens().filter(record)
    written = logging.Formatter().format(record)
    assert TOKEN not in written
    assert "Exception on /t/…" in written and "LookupError: no link …" in written


@pytest.mark.parametrize("name", ["planner", "werkzeug", "sqlalchemy.engine.Engine", "some.library"])
def test_the_app_redacts_what_its_loggers_write(app, name, caplog):
    """The app's, werkzeug's and propagated loggers: what reaches a handler has no token."""
    with caplog.at_level(logging.INFO):
        logging.getLogger(name).warning("asked for /feeds/%s.ics", TOKEN)
        app.logger.warning("Exception on /shared/%s [GET]", TOKEN)
    assert TOKEN not in caplog.text
    assert "/shared/… [GET]" in caplog.text


def test_a_record_whose_arguments_do_not_fit_is_still_written_redacted():
    record = logging.LogRecord("planner", logging.ERROR, __file__, 1, "two %s %s", (f"/t/{TOKEN}",), None)
    assert RedactTokens().filter(record)
    assert TOKEN not in record.getMessage() and "/t/…" in record.getMessage()
