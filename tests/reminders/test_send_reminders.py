"""send-reminders through a real SMTP server on loopback: each due reminder arrives once, even from two
workers at a time, in the client's language and with a discreet subject; running it again sends nothing."""

from __future__ import annotations

import threading

import pytest

from planner.extensions import db
from planner.jobs import reminders as reminder_jobs
from planner.jobs.reminders import send_due_reminders
from planner.models import MailRecord, ReminderSubscription
from planner.services.reminders import rules
from planner.services.reminders.sending import due_reminders
from tests.mail.conftest import PASSWORD, USER
from tests.reminders.conftest import EMAIL, claimed, share_trip

#: words of the knee trip's treatment that no subject line may carry
TREATMENT_WORDS = ("knee", "stem", "cell", "svf", "fat", "injection", "harvest")


@pytest.fixture
def app_config(mail_config, smtp_server) -> dict:
    """Mail through the loopback server, logging in."""
    port, _ = smtp_server
    return {**mail_config, "PLANNER_SMTP_URL": f"smtp://{USER}:{PASSWORD}@127.0.0.1:{port}?timeout=10"}


def _subscribe(app, token: str, address: str = EMAIL) -> None:
    assert app.test_client().post(f"/shared/{token}/reminders", data={"email": address}).status_code == 303


def _due_now(app) -> list:
    with app.app_context():
        return due_reminders(app.config["PLANNER_CLOCK"]())


def test_send_reminders_sends_what_is_due_once_in_the_clients_language(app, runner, clock, smtp_server):
    _, inbox = smtp_server
    with app.app_context():
        shared = share_trip(language="ko", name="김지우")
    _subscribe(app, shared.token)
    clock.advance(days=100)  # 24 Feb 2027: the visa papers (1 Feb) and the painkillers (a week before) are due
    due = _due_now(app)
    assert sorted(d.reminder.code for d in due) == [rules.PREPARATION, rules.VISA]
    result = runner.invoke(args=["send-reminders"])
    assert result.exit_code == 0, result.output
    assert result.output == "reminders due 2, queued 2\n"
    assert len(inbox.messages) == 2
    # discreet subjects, translated: "Reminder: your travel papers", "Reminder: preparing for your appointment"
    assert {m["Subject"] for _, _, m in inbox.messages} == {"알림: 여행 서류", "알림: 진료 예약 준비"}
    for _from, rcpt_tos, message in inbox.messages:
        assert rcpt_tos == [EMAIL]
        assert not any(word in message["Subject"].lower() for word in TREATMENT_WORDS)
        text = message.get_body(preferencelist=("plain",)).get_content()
        html = message.get_body(preferencelist=("html",)).get_content()
        assert '<html lang="ko"' in html
        assert "요일" in text  # the date is written in Korean
        assert "/reminders/stop/" in text and message["List-Unsubscribe"].startswith("<http")
    with app.app_context():
        records = db.session.scalars(db.select(MailRecord)).all()
        assert {(r.kind, r.status, r.trip_id) for r in records} == {("reminder", "sent", shared.trip_id)}
    result = runner.invoke(args=["send-reminders"])
    assert result.output == "reminders due 0, queued 0\n"
    assert len(inbox.messages) == 2


def test_a_reminder_whose_appointment_has_passed_is_not_sent(app, runner, clock, smtp_server):
    _, inbox = smtp_server
    with app.app_context():
        shared = share_trip()
    _subscribe(app, shared.token)
    clock.advance(days=500)  # every appointment of the trip is long past
    assert runner.invoke(args=["send-reminders"]).output == "reminders due 0, queued 0\n"
    assert inbox.messages == [] and claimed(app) == []


def test_a_cancelled_trip_sends_nothing(app, runner, clock, smtp_server):
    with app.app_context():
        shared = share_trip()
        from planner.models import Trip

        db.session.get(Trip, shared.trip_id).status = "cancelled"
        db.session.commit()
    _subscribe(app, shared.token)
    clock.advance(days=100)
    assert runner.invoke(args=["send-reminders"]).output == "reminders due 0, queued 0\n"


def _two_workers(app, monkeypatch) -> list:
    """Run send_due_reminders in two threads, each in its own app context (its own session and
    connection); both find the same due reminders before either claims one."""
    found_both = threading.Barrier(2, timeout=30)
    real = reminder_jobs.due_reminders

    def then_wait(now):
        found = real(now)
        found_both.wait()
        return found

    monkeypatch.setattr(reminder_jobs, "due_reminders", then_wait)
    results, errors = [], []

    def work():
        try:
            with app.app_context():
                results.append(send_due_reminders())
                db.session.remove()
        except BaseException as error:  # noqa: BLE001 (reported by the test thread)
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return results


def test_two_workers_at_once_send_each_due_reminder_exactly_once(app, clock, smtp_server, monkeypatch):
    _, inbox = smtp_server
    with app.app_context():
        first = share_trip()
        second = share_trip(language="zh", name="王芳", email="second@example.com")
    _subscribe(app, first.token)
    _subscribe(app, first.token, "companion@example.com")
    _subscribe(app, second.token, "wang.fang@example.com")
    clock.advance(days=100)
    due = _due_now(app)
    assert len(due) == 6  # three subscriptions, each with its visa papers and painkillers
    results = _two_workers(app, monkeypatch)
    assert sorted(r.due for r in results) == [6, 6]  # both found every one …
    assert sum(r.queued for r in results) == 6  # … and each was claimed by one of them
    ids = [message["Message-ID"] for _, _, message in inbox.messages]
    assert len(ids) == len(set(ids)) == 6
    keys = claimed(app)
    assert len(keys) == len(set(keys)) == 6
    with app.app_context():
        records = db.session.scalars(db.select(MailRecord)).all()
        assert sorted(r.message_id for r in records) == sorted(ids)
        assert {r.status for r in records} == {"sent"}
        subscribed = db.session.scalars(db.select(ReminderSubscription.email)).all()
    received = sorted(to for _, rcpt_tos, _ in inbox.messages for to in rcpt_tos)
    assert received == sorted(2 * subscribed)
    again = _two_workers(app, monkeypatch)
    assert [r.queued for r in again] == [0, 0]
    assert len(inbox.messages) == 6
