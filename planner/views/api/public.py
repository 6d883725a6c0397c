"""The anonymous part of API v1: plan a scenario, read the catalog's protocols and clinics."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_smorest import Blueprint

from planner import limits
from planner.core.scenario import ScenarioError
from planner.services import current_catalog
from planner.services.planning.plans import plan_document, plan_scenario, reason_of
from planner.services.planning.treatments import summarize, tiers_offering
from planner.views.api import sharing_schemas as out
from planner.views.api.common import errors, json_body, reads, register_api_blueprint
from planner.views.api.problems import problem
from planner.views.api.schemas import PLAN, SCENARIO

blueprint = Blueprint("api_v1_public", __name__, url_prefix="/api/v1", description="Anonymous: plans and the catalog")
register_api_blueprint(blueprint)


@blueprint.post("/plans")
@limits.plan_api
@blueprint.doc(
    requestBody={"required": True, "content": {"application/json": {"schema": SCENARIO}}},
    responses={"200": {"description": "The plan", "content": {"application/json": {"schema": PLAN}}}},
)
@errors(blueprint, 400, 415, 422, 429)
def plan():
    """Plan a scenario: the same JSON as `flask plan --format json`; nothing is stored."""
    scenario = json_body()
    try:
        planned = plan_scenario(scenario)
    except ScenarioError as error:
        raise problem(422, reason_of(error), error.field) from None
    return plan_document(planned), 200, {"Cache-Control": "no-store"}


#: the first endpoint, views/plan_api.py, in the spec: it keeps working and says it is deprecated
DEPRECATED_PLAN = {
    "deprecated": True,
    "tags": ["Deprecated"],
    "summary": "Plan a scenario (deprecated since 2026-12-01: use POST /api/v1/plans, which answers the same plan)",
    "requestBody": {"required": True, "content": {"application/json": {"schema": SCENARIO}}},
    "responses": {
        "200": {
            "description": "The plan",
            "headers": {
                "Deprecation": {"description": "RFC 9745: when it was deprecated", "schema": {"type": "string"}}
            },
            "content": {"application/json": {"schema": PLAN}},
        },
        "default": {
            "description": 'An error: {"error": {"field", "reason"}} for a refused scenario',
            "content": {"application/json": {"schema": {"type": "object", "required": ["error"]}}},
        },
    },
}


def _protocol(catalog, protocol) -> dict:
    return {
        "id": protocol.id,
        "name": protocol.name,
        "category": protocol.category,
        "summary": protocol.summary,
        "tiers": list(tiers_offering(catalog, protocol)),
    }


@blueprint.get("/protocols")
@reads(blueprint, 200, out.ProtocolList)
def protocols():
    """Every treatment protocol of the catalog, by id."""
    catalog = current_catalog()
    return {"items": [_protocol(catalog, catalog.protocols[pid]) for pid in sorted(catalog.protocols)]}


@blueprint.get("/protocols/<protocol_id>")
@reads(blueprint, 200, out.ProtocolDetail)
@errors(blueprint, 404)
def protocol(protocol_id: str):
    """One protocol with its steps (occurrences at its default count)."""
    catalog = current_catalog()
    found = catalog.protocols.get(protocol_id)
    if found is None:
        raise problem(404, _("no protocol has this id"), "protocol_id")
    summary = summarize(catalog, found)
    steps = [
        {
            "id": s.step.id,
            "kind": s.step.kind.value,
            "title": s.step.title,
            "minutes": s.step.minutes,
            "occurrences": s.occurrences,
            "description": s.step.description,
        }
        for s in summary.steps
    ]
    return {**_protocol(catalog, found), "steps": steps}


@blueprint.get("/clinics")
@reads(blueprint, 200, out.ClinicList)
def clinics():
    """Every clinic of the catalog, by id."""
    catalog = current_catalog()
    items = [
        {
            "id": c.id,
            "name": c.name,
            "city": c.city,
            "address": c.address,
            "timezone": c.timezone,
            "tier": c.tier,
            "languages": list(c.languages),
            "categories": list(c.categories),
        }
        for c in (catalog.clinics[cid] for cid in sorted(catalog.clinics))
    ]
    return {"items": items}
