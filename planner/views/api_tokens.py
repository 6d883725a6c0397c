"""Personal API tokens on the account page: make one (shown once, after the redirect) and revoke one."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from planner.clock import utcnow
from planner.forms.accounts import ApiTokenForm
from planner.forms.sharing import ActionForm
from planner.security import no_store
from planner.services.accounts import api_tokens

blueprint = Blueprint("api_tokens", __name__, url_prefix="/account/tokens")

#: where a new token waits in the signed session for the one page that shows it (popped there)
NEW_TOKEN_KEY = "new_api_token"


@blueprint.before_request
@login_required
def _facilitators_only() -> None:
    """Only a logged-in facilitator manages their tokens."""


def take_new_token() -> str | None:
    """The token made by the last POST, once: the account page calls this and shows it."""
    return session.pop(NEW_TOKEN_KEY, None)


@blueprint.post("")
@no_store
def create():
    """Make a token; the redirected account page shows it once."""
    form = ApiTokenForm()
    if not form.validate_on_submit():
        reasons = [error for errors in form.errors.values() for error in errors]
        flash(_("The token was not made: %(reasons)s", reasons=" ".join(str(reason) for reason in reasons)), "error")
        return redirect(url_for("accounts.account", _anchor="tokens"))
    try:
        row, token = api_tokens.create_api_token(
            current_user.id, form.name.data, read_only=form.read_only.data, now=utcnow()
        )
    except api_tokens.TokenNameError as error:
        flash(_("The token was not made: %(reason)s", reason=error), "error")
    else:
        session[NEW_TOKEN_KEY] = token
        flash(_("Token “%(name)s” made. Copy it now: it is shown only this once.", name=row.name), "success")
    return redirect(url_for("accounts.account", _anchor="tokens"))


@blueprint.post("/<int:token_id>/revoke")
@no_store
def revoke(token_id: int):
    """Revoke a token: requests with it answer 401 from now on."""
    form = ActionForm()
    if not form.validate_on_submit():
        flash(_("That token could not be revoked: the page had expired, try again."), "error")
    elif api_tokens.revoke_api_token(current_user.id, token_id, utcnow()):
        flash(_("Token revoked."), "success")
    else:
        abort(404)  # another facilitator's token, or none: the same answer as for every other object
    return redirect(url_for("accounts.account", _anchor="tokens"))
