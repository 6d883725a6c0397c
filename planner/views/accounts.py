"""Accounts: register, log in and out, change a password, reset it from a link."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user, logout_user

from planner import limits
from planner.errors import HEADINGS
from planner.extensions import limiter, login
from planner.forms.accounts import (
    ApiTokenForm,
    ChangePasswordForm,
    LanguagePreferenceForm,
    LoginForm,
    RegisterForm,
    ResetPasswordForm,
)
from planner.forms.sharing import ActionForm
from planner.i18n.web import COOKIE as LANGUAGE_COOKIE
from planner.security import no_store
from planner.services.accounts import api_tokens, audit
from planner.services.accounts import users as accounts
from planner.services.accounts.users import AccountError

blueprint = Blueprint("accounts", __name__)

#: where the browser keeps its LoginSession token (inside Flask's signed cookie)
BROWSER_KEY = accounts.BROWSER_KEY
#: what a visitor over the login rate limit reads above the form
THROTTLED = _l("Too many login attempts. Please wait a minute, then try again.")


@blueprint.record_once
def _send_anonymous_to_login(state) -> None:
    login.login_view = "accounts.login"
    login.login_message = _l("Please log in to open that page.")
    login.localize_callback = str  # the lazy text in the request's language (a session keeps only plain text)
    login.login_message_category = "info"


def _login_key() -> str:
    """Rate-limit key: the client's address and the email tried (lower-cased)."""
    return f"{request.remote_addr}|{accounts.normalize_email(request.form.get('email', ''))[:254]}"


def _login_limit() -> str:
    return current_app.config.get("LOGIN_RATE_LIMIT", "10 per minute")


def _address_limit() -> str:
    return current_app.config.get("LOGIN_RATE_LIMIT_PER_ADDRESS", "60 per minute")


def _start(user, token: str) -> None:
    """Rotate the session: drop everything the browser had, then log in with a fresh token."""
    session.clear()
    session[BROWSER_KEY] = token
    login_user(user)


def _safe_next(target: str | None) -> str:
    """Only a local path: a ?next= pointing elsewhere would make the login page an open redirect."""
    # browsers read a backslash as "/": "/<backslash>evil.example" would leave the site too
    if target and target.startswith("/") and "\\" not in target and not target.startswith("//"):
        if not urlsplit(target).netloc and target.isprintable():
            return target
    return url_for("dashboard.index")


def _refuse(form, error: AccountError) -> None:
    getattr(form, error.field).errors.append(error.reason)


@blueprint.route("/register", methods=["GET", "POST"])
@limits.register
def register():
    """Create a facilitator account; a taken email gets the same answer as a free one (no enumeration)."""
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            accounts.register(form.email.data, form.password.data, form.display_name.data or "")
        except AccountError as error:
            _refuse(form, error)
        else:
            flash(str(accounts.REGISTERED), "success")
            return redirect(url_for("accounts.login"))
    return render_template("accounts/register.html", form=form)


@blueprint.route("/login", methods=["GET", "POST"], endpoint="login")
@limiter.limit(_login_limit, key_func=_login_key, methods=["POST"])
@limiter.limit(_address_limit, methods=["POST"])
def login_page():
    """Log in with email and password; one answer for an unknown email and a wrong password."""
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user, token = accounts.log_in(form.email.data, form.password.data)
        except AccountError as error:
            _refuse(form, error)
        else:
            _start(user, token)
            return redirect(_safe_next(request.args.get("next")))
    return render_template("accounts/login.html", form=form)


@blueprint.errorhandler(429)
def _too_many_attempts(error):
    """Over the login rate limit: the login form again, the reason next to it, not the generic error page."""
    if request.endpoint != "accounts.login":
        return render_template("errors/error.html", error=error, heading=HEADINGS[429]), 429
    return render_template("accounts/login.html", form=LoginForm(), throttled=str(THROTTLED)), 429


@blueprint.post("/logout")
def logout():
    """Log this browser out (the form carries the CSRF token); other devices stay logged in."""
    accounts.log_out(session.get(BROWSER_KEY))
    logout_user()
    session.clear()
    flash(_("You are logged out."), "info")
    return redirect(url_for("accounts.login"))


@blueprint.get("/account")
@login_required
@no_store
def account():
    """The facilitator's account: their API tokens (a new one shown once) and their own audit log, newest first."""
    from planner.views.api_tokens import take_new_token

    entries = audit.entries_for(current_user.id)
    return render_template(
        "accounts/account.html",
        entries=entries,
        actions=audit.ACTIONS,
        shown=audit.SHOWN,
        tokens=api_tokens.tokens_of(current_user.id),
        new_token=take_new_token(),
        token_form=ApiTokenForm(formdata=None),
        action=ActionForm(formdata=None),
        language_form=LanguagePreferenceForm(formdata=None, language=current_user.language or ""),
    )


@blueprint.post("/account/language")
@login_required
@no_store
def set_language():
    """Keep the facilitator's interface language (empty: the browser's); it applies at once."""
    form = LanguagePreferenceForm()
    if form.validate_on_submit():
        accounts.set_language(current_user._get_current_object(), form.language.data or None)
    response = redirect(url_for("accounts.account"))
    response.delete_cookie(LANGUAGE_COOKIE)  # a ?lang= choice kept in the cookie would hide the preference
    return response


@blueprint.route("/account/password", methods=["GET", "POST"])
@login_required
@no_store
def change_password():
    """Change the password: every other browser is logged out."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            token = accounts.change_password(current_user, form.current_password.data, form.password.data)
        except AccountError as error:
            _refuse(form, error)
        else:
            _start(current_user._get_current_object(), token)
            flash(_("Password changed. Your other devices are logged out."), "success")
            return redirect(url_for("dashboard.index"))
    return render_template("accounts/password.html", form=form)


@blueprint.route("/reset-password/<token>", methods=["GET", "POST"])
@limits.password_reset
@no_store
def reset_password(token: str):
    """Choose a new password from a link made by ``flask reset-password``."""
    form = ResetPasswordForm()
    if accounts.user_for_reset(token) is None:
        return render_template("accounts/reset_expired.html"), 404
    if form.validate_on_submit():
        try:
            accounts.reset_password(token, form.password.data)
        except AccountError as error:
            _refuse(form, error)
        else:
            logout_user()
            session.clear()
            flash(_("Password changed. Log in with the new one."), "success")
            return redirect(url_for("accounts.login"))
    return render_template("accounts/reset.html", form=form)
