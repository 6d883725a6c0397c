"""The dashboard: a member's next appointments, trips with problems and what waits; finance sees the money only."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from planner.clock import utcnow
from planner.i18n.web import current_words
from planner.security import no_store
from planner.services.accounts.roles import assigned_only, can
from planner.services.workspace.dashboard import dashboard
from planner.services.workspace.payments import current_quotes

blueprint = Blueprint("dashboard", __name__)


@blueprint.get("/dashboard")
@login_required
@no_store
def index():
    """The next 14 days of appointments, trips with problems, trips awaiting clinic confirmation, balances due."""
    if not can(current_user, "health"):  # finance: balances and quotes, never an appointment or a note
        return render_template("dashboard/money.html", quotes=current_quotes(current_user.agency_id))
    board = dashboard(current_user.agency_id, utcnow(), current_words(), coordinator_id=assigned_only(current_user))
    return render_template("dashboard/index.html", board=board)
