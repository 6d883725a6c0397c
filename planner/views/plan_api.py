"""The first JSON API: a scenario in, the plan out (the same document as ``flask plan --format json``).

Deprecated for POST /api/v1/plans (the same plan, with problem details and a spec): it keeps
working, and says so in a ``Deprecation`` header (RFC 9745) with a link to its successor.
"""

from __future__ import annotations

from flask import Blueprint, jsonify, request
from flask_babel import gettext as _

from planner import limits
from planner.core.scenario import ScenarioError
from planner.extensions import csrf
from planner.security import no_store
from planner.services.planning.plans import plan_document, plan_scenario, reason_of

blueprint = Blueprint("plan_api", __name__, url_prefix="/api")
# JSON in, JSON out, nothing stored: no cookie-borne state for a forged request to abuse
csrf.exempt(blueprint)

#: when /api/plan was deprecated (2026-12-01T00:00:00Z), as RFC 9745 writes it
DEPRECATED_SINCE = "@1796083200"


@blueprint.after_request
def _deprecated(response):
    response.headers["Deprecation"] = DEPRECATED_SINCE
    response.headers["Link"] = '</api/v1/plans>; rel="successor-version"'
    return response


def _bad(field: str, reason: str):
    return jsonify(error={"field": field, "reason": reason}), 400


@blueprint.post("/plan")
@limits.plan_api
@no_store
def plan():
    """Plan a scenario posted as JSON; bad input answers 400 with the field and the reason."""
    if not request.is_json:
        return _bad("scenario", _("send the scenario as JSON (Content-Type: application/json)"))
    try:
        scenario = request.get_json(silent=True)
    except RecursionError:  # the JSON decoder gives up on deep nesting with this, not a ValueError
        return _bad("scenario", _("the JSON is nested too deeply"))
    if scenario is None:
        return _bad("scenario", _("the body is not valid JSON"))
    try:
        planned = plan_scenario(scenario)
    except ScenarioError as error:
        return _bad(error.field, reason_of(error))
    return jsonify(plan_document(planned))
