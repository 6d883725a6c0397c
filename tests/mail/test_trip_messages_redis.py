"""A trip message on RQ and a real Redis (TEST_REDIS_URL): the page says queued, a worker builds and sends it."""

from __future__ import annotations

import re

from planner.jobs.worker import run_worker
from tests.mail.test_mail_redis import app_config, jobs  # noqa: F401 (the Redis fixtures)
from tests.mail.trip_message_helpers import ADDRESS, chinese_client_trip


def test_the_plan_is_queued_then_a_worker_sends_it_with_a_working_link(app, client, clock, jobs, smtp_server):  # noqa: F811
    _, inbox = smtp_server
    people = chinese_client_trip(app, client, clock)
    page = client.post(f"/trips/{people.trip_id}/messages/plan", follow_redirects=True)
    assert f"Queued for {ADDRESS}" in page.text
    assert jobs.count == 1 and inbox.messages == []
    run_worker(app, burst=True)
    [(_, rcpt_tos, message)] = inbox.messages
    assert rcpt_tos == [ADDRESS]
    [token] = re.findall(r"/shared/([A-Za-z0-9_-]{43})", message.get_body(preferencelist=("plain",)).get_content())
    assert client.get(f"/shared/{token}").status_code == 200
    assert "sent" in client.get(f"/trips/{people.trip_id}").text
