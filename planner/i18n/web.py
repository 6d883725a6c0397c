"""The request's language, chosen once: ``?lang=`` (kept in a cookie), the cookie, the facilitator's
preference, ``Accept-Language``, English. Flask-Babel formats and translates with it; templates get
the switcher's languages, ``lang`` and ``dir``; ``client_language`` renders a client's things in the
client's language whatever the facilitator's own.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta
from urllib.parse import urlencode

from flask import Flask, g, request
from flask_babel import Babel, force_locale, get_locale, refresh
from flask_login import current_user
from sqlalchemy.exc import SQLAlchemyError

from planner.i18n import (
    DEFAULT_LOCALE,
    TRANSLATIONS_DIR,
    Words,
    languages,
    native_name,
    negotiate,
    normalize,
    words_for,
)

#: the cookie that remembers a language chosen with ``?lang=``
COOKIE = "lang"
COOKIE_AGE = timedelta(days=365)

babel = Babel()


def select_locale() -> str:
    """The request's locale (see the module's docstring for the order)."""
    chosen = normalize(request.args.get("lang")) or normalize(request.cookies.get(COOKIE))
    if chosen:
        return chosen
    if g.get("page_language"):  # the language a patient's saved trip was planned in (prefer_page_language)
        return g.page_language
    try:  # the facilitator's preference; a database that is down must not take the page's language with it
        preferred = getattr(current_user, "language", None) if current_user else None
    except SQLAlchemyError:
        preferred = None
    if preferred and normalize(preferred):
        return normalize(preferred)
    best = negotiate(tag for tag, _quality in request.accept_languages)
    return best or DEFAULT_LOCALE


def prefer_page_language(locale: str | None) -> None:
    """Show this page in ``locale`` unless the reader chose a language (``?lang=``, the cookie): a patient's
    saved trip opened on another device speaks the language it was planned in."""
    code = normalize(locale)
    if code and code != g.get("page_language"):
        g.page_language = code
        refresh()


def current_locale() -> str:
    """The locale words are chosen in now (a forced client locale inside ``client_language``)."""
    locale = get_locale()
    if locale is None:
        return DEFAULT_LOCALE
    return normalize(str(locale)) or ("zh_Hans" if locale.language == "zh" else DEFAULT_LOCALE)


def current_words() -> Words:
    return words_for(current_locale())


@contextmanager
def client_language(locale: str | None):
    """Render a client's page, calendar or message in the client's language (one of LOCALES)."""
    code = normalize(locale) or DEFAULT_LOCALE
    with force_locale(code):
        yield words_for(code)


def _remember_choice(response):
    chosen = normalize(request.args.get("lang"))
    if chosen and request.cookies.get(COOKIE) != chosen:
        response.set_cookie(
            COOKIE,
            chosen,
            max_age=int(COOKIE_AGE.total_seconds()),
            samesite="Lax",
            secure=request.is_secure,
            httponly=True,
        )
    if not response.headers.get("Content-Language"):
        response.headers["Content-Language"] = current_words().lang
    response.vary.add("Accept-Language")
    response.vary.add("Cookie")
    return response


def _switch_url(locale: str) -> str:
    """This page in ``locale``: a link relative to the page, so it can only ever lead back to it.

    Only the query changes (``lang`` set, the rest kept), never the path: a path the browser reads as
    another host ("/\\evil.example") must not become a link. A page answering a POST (an error shown
    after a form) has no GET of its own, so its links lead to the planner's front page instead.
    """
    if request.method not in ("GET", "HEAD"):
        return "/?" + urlencode({"lang": locale})
    args = request.args.to_dict(flat=False)
    args["lang"] = [locale]
    return "?" + urlencode(args, doseq=True)


def _template_values():
    words = current_words()
    return {
        "languages": languages(),
        "locale": words.locale,
        "html_lang": words.lang,
        "text_dir": words.dir,
        "switch_language_url": _switch_url,
        "words": words,
    }


def language_name(tag: str | None) -> str:
    """A language tag as its language names itself ("zh_Hans" → "简体中文"); a tag none of the six names stays."""
    locale = normalize(tag)
    return native_name(locale) if locale else (tag or "")


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LOCALE)
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(TRANSLATIONS_DIR))
    app.config.setdefault("BABEL_DOMAIN", "messages")
    babel.init_app(app, locale_selector=select_locale)
    app.after_request(_remember_choice)
    app.context_processor(_template_values)
    app.add_template_filter(lambda text: current_words().catalog(text or ""), "catalog")
    app.add_template_filter(language_name, "language_name")
    from planner.i18n.catalogs import stale

    if stale():
        app.logger.warning("the translations are not compiled: run make run (or pybabel compile); pages show English")
