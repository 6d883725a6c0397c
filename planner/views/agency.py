"""The agency page: its members and roles, invitations by one-time link, removal, and joining from a link.

Only owners change anything here (planner.views.gate); every member can see who is in the
agency. A new invitation's link is shown once to the owner after the redirect when the planner
has no mail server, and emailed to the invited address when it has one.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user
from sqlalchemy.exc import IntegrityError

from planner.clock import utcnow
from planner.extensions import db
from planner.forms.agency import ROLE_NAMES, InviteForm, JoinForm, RoleForm, SettingsForm
from planner.forms.sharing import ActionForm
from planner.models import Agency
from planner.security import no_store
from planner.services.accounts import agencies, users
from planner.services.mail.transport import MailConfigError, Outbox, configured_transport
from planner.services.messages import invitations
from planner.views import shown_once

blueprint = Blueprint("agency", __name__)


def _page(invite_form: InviteForm | None = None, status: int = 200, settings_form: SettingsForm | None = None):
    agency = current_user.agency
    now = utcnow()
    settings = settings_form or SettingsForm(obj=agency)
    page = render_template(
        "agency/index.html",
        agency=agency,
        members=agencies.members(agency.id),
        invitations=agencies.pending_invitations(agency.id, now),
        invite_form=invite_form or InviteForm(),
        role_form=RoleForm(),
        settings_form=settings,
        action=ActionForm(),
        role_names=ROLE_NAMES,
        new_link=shown_once.take("invitation", agency.id),
    )
    return page, status


@blueprint.get("/agency")
@login_required
@no_store
def index():
    """The agency's members, pending invitations and settings."""
    return _page()


def _mail_configured() -> bool:
    """Whether messages leave the machine (SMTP set up), not only land in the outbox folder."""
    try:
        return not isinstance(configured_transport(utcnow()), Outbox)
    except MailConfigError:
        return False


@blueprint.post("/agency/invitations")
@login_required
@no_store
def invite():
    """Invite someone by a one-time link (emailed with a mail server, else shown once here)."""
    form = InviteForm()
    if not form.validate_on_submit():
        return _page(form, 422)
    try:
        invitation, token = agencies.invite(current_user, form.email.data, form.role.data, utcnow())
    except agencies.MemberError as error:
        getattr(form, error.field).errors = [error.reason]
        db.session.rollback()
        return _page(form, 422)
    db.session.commit()
    if _mail_configured():
        invitations.send_invitation(invitation, utcnow())
        flash(_("Invitation sent to %(email)s. The link works once, for 7 days.", email=invitation.email), "success")
    else:
        shown_once.keep("invitation", current_user.agency_id, token)
        flash(
            _("Invitation made for %(email)s: copy the link below and send it to them.", email=invitation.email),
            "success",
        )
    return redirect(url_for("agency.index", _anchor="invitations"))


@blueprint.post("/agency/invitations/<int:invitation_id>/withdraw")
@login_required
def withdraw(invitation_id: int):
    """Withdraw an invitation that was not used yet."""
    if not ActionForm().validate_on_submit():
        flash(_("The form expired; please try again."), "error")
    elif agencies.withdraw(current_user.agency_id, invitation_id, utcnow()):
        db.session.commit()
        flash(_("Invitation withdrawn: its link no longer works."), "success")
    else:
        abort(404)
    return redirect(url_for("agency.index", _anchor="invitations"))


@blueprint.post("/agency/members/<int:member_id>/role")
@login_required
def set_role(member_id: int):
    """Give a member another role."""
    if agencies.member(current_user.agency_id, member_id) is None:
        abort(404)
    form = RoleForm()
    if not form.validate_on_submit():
        flash(_("The role was not changed: choose one of the roles."), "error")
        return redirect(url_for("agency.index"))
    try:
        member = agencies.set_role(current_user, member_id, form.role.data, utcnow())
    except agencies.MemberError as error:
        if error.field == "member":
            abort(404)
        flash(error.reason, "error")
        return redirect(url_for("agency.index"))
    db.session.commit()
    flash(
        _("%(name)s is now: %(role)s", name=member.display_name or member.email, role=ROLE_NAMES[member.role]),
        "success",
    )
    return redirect(url_for("agency.index"))


@blueprint.post("/agency/members/<int:member_id>/remove")
@login_required
def remove(member_id: int):
    """Remove a member: their sessions and API tokens end now."""
    if not ActionForm().validate_on_submit():
        flash(_("The form expired; please try again."), "error")
        return redirect(url_for("agency.index"))
    try:
        member = agencies.remove(current_user, member_id, utcnow())
    except agencies.MemberError as error:
        if error.field == "member":
            abort(404)
        flash(error.reason, "error")
        return redirect(url_for("agency.index"))
    db.session.commit()
    flash(
        _(
            "%(name)s was removed: they are logged out everywhere and their API tokens no longer work.",
            name=member.display_name or member.email,
        ),
        "success",
    )
    return redirect(url_for("agency.index"))


@blueprint.post("/agency/settings")
@login_required
def settings():
    """Rename the agency; let coordinators see every client, or only theirs."""
    form = SettingsForm()
    if not form.validate_on_submit():
        return _page(status=422, settings_form=form)
    current_user.agency.name = form.name.data.strip()
    current_user.agency.coordinators_see_all = form.coordinators_see_all.data
    db.session.commit()
    flash(_("Agency settings saved."), "success")
    return redirect(url_for("agency.index"))


@blueprint.route("/join/<token>", methods=["GET", "POST"])
@no_store
def join(token: str):
    """Make one's account from an invitation link, then log in (the link is used up)."""
    invitation = agencies.open_invitation(token, utcnow())
    if invitation is None:
        return render_template("agency/join_closed.html"), 404
    form = JoinForm()
    if form.validate_on_submit():
        try:
            user = agencies.accept(token, form.password.data, form.display_name.data or "", utcnow())
        except agencies.MemberError as error:
            db.session.rollback()
            getattr(form, error.field if error.field in ("password",) else "password").errors = [error.reason]
        else:
            try:
                db.session.commit()
            except IntegrityError:  # the same link used a moment ago by another request
                db.session.rollback()
                return render_template("agency/join_closed.html"), 404
            user, browser = users.log_in(user.email, form.password.data)
            session.clear()
            session[users.BROWSER_KEY] = browser
            login_user(user)
            flash(_("Welcome to %(agency)s.", agency=user.agency.name), "success")
            return redirect(url_for("dashboard.index"))
    status = 422 if form.errors else 200
    page = render_template(
        "agency/join.html",
        form=form,
        invitation=invitation,
        invitation_agency=db.session.get(Agency, invitation.agency_id).name,
        role_names=ROLE_NAMES,
    )
    return page, status
