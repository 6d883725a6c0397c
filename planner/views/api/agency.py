"""The token's agency over the API: its members and roles (any member reads); invitations, role changes
and removals (owners only, planner.views.api.auth)."""

from __future__ import annotations

import marshmallow as ma
from flask import current_app
from flask_babel import gettext as _
from flask_smorest import Blueprint
from marshmallow import validate

from planner.clock import utcnow
from planner.extensions import db
from planner.models.agency import ROLES
from planner.services.accounts import agencies
from planner.services.mail.transport import MailConfigError, Outbox, configured_transport
from planner.services.messages import invitations
from planner.views.api.auth import SECURITY, owner, token_required
from planner.views.api.common import errors, reads, register_api_blueprint
from planner.views.api.problems import problem

blueprint = Blueprint("api_v1_agency", __name__, url_prefix="/api/v1/agency", description="The agency and its members")
register_api_blueprint(blueprint)


class MemberOut(ma.Schema):
    """A member of the agency and their role."""

    id = ma.fields.Integer(required=True)
    email = ma.fields.String(required=True)
    display_name = ma.fields.String(required=True)
    role = ma.fields.String(required=True, validate=validate.OneOf(ROLES))


class AgencyOut(ma.Schema):
    """The agency, whether coordinators see every client, and its current members (owners first)."""

    id = ma.fields.Integer(required=True)
    name = ma.fields.String(required=True)
    coordinators_see_all = ma.fields.Boolean(required=True)
    members = ma.fields.List(ma.fields.Nested(MemberOut), required=True)


class InvitationIn(ma.Schema):
    """Whom to invite, and with which role."""

    email = ma.fields.Email(required=True, validate=validate.Length(max=254))
    role = ma.fields.String(required=True, validate=validate.OneOf(ROLES))


class InvitationOut(ma.Schema):
    """An invitation; ``url`` is its one-time link, given here once when the planner sends no mail."""

    id = ma.fields.Integer(required=True)
    email = ma.fields.String(required=True)
    role = ma.fields.String(required=True)
    expires_at = ma.fields.DateTime(required=True)
    url = ma.fields.String(allow_none=True, metadata={"description": "null when the invitation was emailed"})


class RoleIn(ma.Schema):
    """A member's new role."""

    role = ma.fields.String(required=True, validate=validate.OneOf(ROLES))


def _refused(error: agencies.MemberError):
    if error.field == "member":
        return problem(404, _("your agency has no member with this id"), "member_id")
    return problem(409 if error.field in ("remove", "role") else 422, error.reason, error.field)


@blueprint.get("")
@token_required(write=False)
@reads(blueprint, 200, AgencyOut)
@errors(blueprint, 401)
@blueprint.doc(security=SECURITY)
def show():
    """The token's agency and its members."""
    agency = owner().agency
    return {
        "id": agency.id,
        "name": agency.name,
        "coordinators_see_all": agency.coordinators_see_all,
        "members": agencies.members(agency.id),
    }


@blueprint.post("/invitations")
@token_required(write=True)
@blueprint.arguments(InvitationIn)
@blueprint.response(201, InvitationOut)
@errors(blueprint, 401, 403, 422)
@blueprint.doc(security=SECURITY)
def invite(values: dict):
    """Invite someone by a one-time link (7 days): emailed when mail is set up, else in the answer, once."""
    now = utcnow()
    try:
        invitation, token = agencies.invite(owner(), values["email"], values["role"], now)
    except agencies.MemberError as error:
        db.session.rollback()
        raise _refused(error) from None
    db.session.commit()
    try:
        mailed = not isinstance(configured_transport(now), Outbox)
    except MailConfigError:
        mailed = False
    url = None
    if mailed:
        invitations.send_invitation(invitation, now)
    else:
        url = f"{current_app.config['PLANNER_BASE_URL'].rstrip('/')}/join/{token}"
    return {**{k: getattr(invitation, k) for k in ("id", "email", "role", "expires_at")}, "url": url}


@blueprint.patch("/members/<int:member_id>")
@token_required(write=True)
@blueprint.arguments(RoleIn)
@blueprint.response(200, MemberOut)
@errors(blueprint, 401, 403, 404, 409, 422)
@blueprint.doc(security=SECURITY)
def set_role(values: dict, member_id: int):
    """Give a member another role (409 for the agency's last owner)."""
    try:
        member = agencies.set_role(owner(), member_id, values["role"], utcnow())
    except agencies.MemberError as error:
        db.session.rollback()
        raise _refused(error) from None
    db.session.commit()
    return member


@blueprint.delete("/members/<int:member_id>")
@token_required(write=True)
@blueprint.response(204)
@errors(blueprint, 401, 403, 404, 409)
@blueprint.doc(security=SECURITY)
def remove(member_id: int):
    """Remove a member: their sessions, API tokens and own calendars end now (409 for oneself)."""
    try:
        agencies.remove(owner(), member_id, utcnow())
    except agencies.MemberError as error:
        db.session.rollback()
        raise _refused(error) from None
    db.session.commit()
    return ""
