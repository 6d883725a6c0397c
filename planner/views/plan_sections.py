"""The plan page's content, rendered once per state of a saved trip and kept per process.

Rendering the calendar, days and budget costs far more than the rest of a request, and it is the
same for every view of an unchanged trip. The kept text is rendered with marks in place of the
only per-request values inside it (the CSRF token, one value per request with Flask-WTF, and
the private link's token), which are put back at serve time. Everything else the text shows is
in the key: the page's language, the planned trip (the plan memo's object for the scenario, pins and catalog), the
trip's title, discreet flag and pin rows, and the host of the external link. The page itself
stays ``Cache-Control: no-store``: only this process keeps the text, never a browser.
"""

from __future__ import annotations

import json
import secrets

from flask import render_template, request
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from planner.forms.plan import PinForm
from planner.i18n.web import current_locale, current_words
from planner.services.planning.memo import app_memo
from planner.services.planning.plan_view import plan_page
from planner.services.planning.plans import PlannedTrip

#: stand-ins for the per-request values; random per process, so no stored text can contain them
CSRF_MARK = f"csrf{secrets.token_hex(16)}"
TOKEN_MARK = f"link{secrets.token_hex(16)}"


def _render(planned: PlannedTrip, discreet: bool, page, token, pin_form, csrf_token, plan_id=None) -> str:
    return render_template(
        "planner/_page.html",
        shown=plan_page(planned, current_words()),
        scenario_json=json.dumps(planned.scenario, ensure_ascii=False, sort_keys=True),
        discreet=discreet,
        page=page,
        token=token,
        pin_form=pin_form,
        pins={(p.protocol, p.step, p.occurrence): p for p in page.trip.pins} if page else {},
        csrf_token=csrf_token,
        plan_id=plan_id,
    )


def plan_content(
    planned: PlannedTrip,
    *,
    discreet: bool,
    page=None,
    token: str | None = None,
    pin_form: PinForm | None = None,
    plan_id: str | None = None,
) -> Markup:
    """The plan page's content: from the memo for a saved trip's plain view, rendered afresh otherwise.

    ``plan_id`` names an unsaved plan this browser keeps (its "Change my answers" link).
    """
    if page is None or pin_form is not None:
        # an unsaved plan carries its scenario in the page; a refused pin shows what was typed
        return Markup(_render(planned, discreet, page, token, pin_form, generate_csrf, plan_id))
    trip = page.trip
    pins = tuple((p.id, p.protocol, p.step, p.occurrence) for p in trip.pins)
    key = (id(planned), trip.title, trip.discreet, discreet, pins, request.host_url, current_locale())
    memo = app_memo("plan_content", "PLANNER_PAGE_CACHE_SIZE", 64)
    kept = memo.get(key)
    if kept is None:
        # the entry keeps ``planned`` alive, so its id in the key cannot name another plan
        kept = (planned, _render(planned, discreet, page, TOKEN_MARK, None, lambda: CSRF_MARK))
        memo.put(key, kept)
    return Markup(kept[1].replace(CSRF_MARK, generate_csrf()).replace(TOKEN_MARK, token))
