"""Without PLANNER_SMTP_URL every message is an .eml file in the outbox, so a local run needs no mail server."""

from __future__ import annotations

import email
from email.policy import default
from pathlib import Path

from planner import config
from planner.extensions import db
from planner.jobs.mail import queue_message
from planner.models import MailRecord
from tests.mail import sample_letters


def _queue(app, people, clock, to="li.na@example.com") -> int:
    owner_id, client_id = people
    with app.app_context():
        return queue_message(
            owner_id=owner_id, client_id=client_id, to=to, subject="您的行程", kind="sample", now=clock.now
        ).id


def test_a_message_without_smtp_is_an_eml_file_in_the_outbox(app, people, clock):
    record_id = _queue(app, people, clock)
    [path] = Path(app.config["PLANNER_OUTBOX"]).iterdir()
    assert path.suffix == ".eml"
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert (message["From"], message["To"], message["Subject"]) == (
        "Planner <planner@example.com>",
        "li.na@example.com",
        "您的行程",
    )
    assert message.get_body(preferencelist=("plain",)).get_content().startswith("您好！")
    assert "<b>您的行程</b>" in message.get_body(preferencelist=("html",)).get_content()
    attached = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    assert attached["itinerary.pdf"] == sample_letters.PDF and "BEGIN:VCALENDAR" in attached["行程.ics"]
    with app.app_context():
        record = db.session.get(MailRecord, record_id)
        assert (record.status, record.attempts, record.error) == ("sent", 1, None)
        assert record.created_at <= record.sent_at <= clock.now
        assert record.message_id == message["Message-ID"]


def test_outbox_files_sort_by_time_and_never_share_a_name(app, people, clock):
    first = _queue(app, people, clock, "a@example.com")
    clock.advance(seconds=1)
    second = _queue(app, people, clock, "b@example.com")
    third = _queue(app, people, clock, "c@example.com")  # within the same second: still a name of its own
    names = sorted(path.name for path in Path(app.config["PLANNER_OUTBOX"]).iterdir())
    assert len(names) == 3 and all(name.endswith(".eml") and not name.startswith(".") for name in names)
    read = [email.message_from_bytes((Path(app.config["PLANNER_OUTBOX"]) / n).read_bytes()) for n in names]
    assert [message["To"] for message in read] == ["a@example.com", "b@example.com", "c@example.com"]
    assert names[0].startswith(f"{clock.now:%Y%m%d}-")
    assert first < second < third


def test_the_outbox_is_in_the_instance_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")
    for name in ("PLANNER_SMTP_URL", "PLANNER_MAIL_FROM", "PLANNER_HOST"):
        monkeypatch.delenv(name, raising=False)
    settings = config.from_environment(tmp_path)
    assert settings["PLANNER_OUTBOX"] == str(tmp_path / "outbox")
    assert settings["PLANNER_SMTP_URL"] is None
    assert settings["PLANNER_MAIL_FROM"] == "Planner <planner@planner.local>"
