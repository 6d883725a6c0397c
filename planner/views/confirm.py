"""The confirmation step of every destructive action: a page that says what happens and what is lost.

The page's form posts ``confirm=yes`` with the CSRF token; the action's POST without it does
nothing and sends the browser to this page (so an old button, a crafted form or a double click
never deletes anything). It works without JavaScript, under the strict CSP.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import redirect, render_template

from planner.forms.sharing import ConfirmForm


@dataclass(frozen=True)
class Confirmation:
    """What the confirmation page says and where its buttons go."""

    #: the question, as the page's title ("Revoke link 3?")
    title: str
    #: what the action does, in a sentence or two
    what: str
    #: what cannot be undone afterwards
    undo: str
    #: the action's URL (the form posts there with confirm=yes)
    action: str
    #: the danger button's words ("Revoke the link")
    button: str
    #: where "Keep" goes back to
    back: str
    #: the stylesheet of the page's area: css/workspace.css (a facilitator's) or css/planner.css (a patient's)
    stylesheet: str = "css/workspace.css"


def ask(confirmation: Confirmation, status: int = 200):
    """The confirmation page."""
    return render_template("confirm.html", confirmation=confirmation, form=ConfirmForm(formdata=None)), status


def answer() -> str:
    """What the POST carries: "confirmed", "unconfirmed" (no confirm=yes: ask first) or "expired" (CSRF)."""
    form = ConfirmForm()
    if form.validate_on_submit():
        return "confirmed"
    csrf = getattr(form, "csrf_token", None)  # absent when CSRF is switched off (the tests)
    return "expired" if csrf is not None and csrf.errors else "unconfirmed"


def to_the_question(url: str):
    """A destructive POST without its confirmation: nothing happens, the browser is sent to the question."""
    return redirect(url, code=303)
