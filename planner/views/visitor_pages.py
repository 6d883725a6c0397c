"""Pages that are the same for every anonymous visitor, rendered once and kept per process.

The plan form and the catalog pages depend only on the catalog and the quarter of an hour (the
zones' differences to Seoul); rendering them for every request was most of their time. A kept
page holds a slot where each visitor's CSRF token goes; a logged-in facilitator, or a page with
flash messages, is always rendered afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from flask import g, request, session
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from planner.i18n.web import current_locale
from planner.services import current_catalog
from planner.services.planning.memo import app_memo

#: where the visitor's CSRF token goes in a kept page (a NUL never appears in rendered HTML)
CSRF_SLOT = "\x00csrf-token\x00"


#: the query parameters a kept page may have
KEPT_QUERIES = frozenset({"treatment", "lang"})


def visitor_page(render: Callable[[], str], *key: Hashable) -> str:
    """The page ``render()`` makes, kept per endpoint, catalog, language and ``key`` for anonymous visitors."""
    # a page is kept only for the queries it reads (its language links carry the page's query along)
    if current_user.is_authenticated or session.get("_flashes") or set(request.args) - KEPT_QUERIES:
        return render()
    catalog = current_catalog()
    memo = app_memo("visitor_pages", "PLANNER_PAGE_CACHE_SIZE", 64)
    full_key = (request.endpoint, id(catalog), current_locale(), request.query_string, *key)
    kept = memo.get(full_key)
    if kept is None:
        body = render()
        token = g.get("csrf_token")  # set by Flask-WTF when the page rendered a CSRF field
        kept = (catalog, body.replace(token, CSRF_SLOT) if token else body)
        memo.put(full_key, kept)
    body = kept[1]
    return body.replace(CSRF_SLOT, generate_csrf()) if CSRF_SLOT in body else body
