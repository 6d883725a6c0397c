"""The facilitator's clients over the API: list (search, paging), create, read, update, delete."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_smorest import Blueprint

from planner.database import writes_on_read
from planner.extensions import db
from planner.models import Client
from planner.services.accounts import audit
from planner.services.accounts.roles import assigned_only
from planner.services.paging import keyset_page
from planner.services.workspace import clients
from planner.views.api import schemas
from planner.views.api.auth import SECURITY, owner, token_required
from planner.views.api.common import errors, reads, register_api_blueprint
from planner.views.api.problems import problem

blueprint = Blueprint("api_v1_clients", __name__, url_prefix="/api/v1", description="A facilitator's clients")
register_api_blueprint(blueprint)


def owned_client(client_id: int) -> Client:
    """One of the token owner's clients; 404 for any other id (another facilitator's too)."""
    found = db.session.scalar(clients.owned(owner().agency_id, assigned_only(owner())).where(Client.id == client_id))
    if found is None:
        raise problem(404, _("you have no client with this id"), "client_id")
    return found


@blueprint.get("/clients")
@token_required(write=False)
@blueprint.arguments(schemas.ClientSearchArgs, location="query", as_kwargs=True)
@reads(blueprint, 200, schemas.ClientPage)
@errors(blueprint, 401, 422)
@blueprint.doc(security=SECURITY)
def index(**args):
    """Your clients whose name or contact holds ``q``, in the order they were added."""
    query = clients.owned(owner().agency_id, assigned_only(owner())).where(
        *clients.search_conditions(owner().agency_id, args.get("q", ""), assigned_only(owner()))
    )
    items, cursor = keyset_page(query, Client.id, args)
    return {"items": items, "next": cursor}


@blueprint.post("/clients")
@token_required(write=True)
@blueprint.arguments(schemas.ClientIn)
@blueprint.response(201, schemas.ClientOut)
@errors(blueprint, 401, 403, 422)
@blueprint.doc(security=SECURITY)
def create(values: dict):
    """Add a client."""
    return clients.create_client(owner().agency_id, values, coordinator_id=owner().id)


@blueprint.get("/clients/<int:client_id>")
@writes_on_read
@token_required(write=False)
@reads(blueprint, 200, schemas.ClientOut)
@errors(blueprint, 401, 404)
@blueprint.doc(security=SECURITY)
def show(client_id: int):
    """One of your clients, with their health notes (the read goes in your audit log, as on the pages)."""
    client = owned_client(client_id)
    if client.notes:
        audit.record_now(owner().id, "notes_viewed", client.id)
    return client


@blueprint.patch("/clients/<int:client_id>")
@token_required(write=True)
@blueprint.arguments(schemas.ClientPatch)
@blueprint.response(200, schemas.ClientOut)
@errors(blueprint, 401, 403, 404, 422)
@blueprint.doc(security=SECURITY)
def update(changes: dict, client_id: int):
    """Change some of a client's fields (the others stay)."""
    client = owned_client(client_id)
    values = {name: getattr(client, name) for name in clients.FIELDS} | changes
    return clients.update_client(client, values)


@blueprint.delete("/clients/<int:client_id>")
@token_required(write=True)
@blueprint.response(204)
@errors(blueprint, 401, 403, 404)
@blueprint.doc(security=SECURITY)
def delete(client_id: int):
    """Delete a client with all their trips, pins, links and feeds."""
    clients.delete_client(owned_client(client_id))
    return ""
