"""Issue 11: a Korean, Chinese, Japanese, Russian or Arabic speaker meets no English sentence.

The demo workspace is seeded, and every page a facilitator and a patient can reach by following
links (from the planner's front pages, the dashboard and each client's shared page) is fetched in
every locale: it answers, names its language in ``<html lang>`` (``dir="rtl"`` for Arabic), and its
visible text and labels hold no English sentence (three English words in a row) and no message shown
untranslated (a text that is exactly a message's English). What users typed (client names, trip titles,
notes, emails) is theirs and is left out of the check.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from planner.extensions import db
from planner.i18n import DEFAULT_LOCALE, LOCALES, direction, html_lang, words_for
from planner.i18n.catalogs import extract
from planner.models import Agency, Client, Trip, User
from planner.services.workspace.demo import seed_demo
from tests.web.planner_helpers import form
from tests.web.workspace_factories import log_in

#: three or more English-looking words in a row: a sentence or a label left in English
ENGLISH_RUN = re.compile(r"\b[A-Za-z][a-z']+(?:[ ,]+[A-Za-z][a-z']+){2,}\b")
#: attributes whose text people read (or hear)
READ_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "aria-description")
#: paths never fetched: they change state, leave the app or are not pages
SKIPPED = re.compile(r"^/(static/|logout|api/|feeds/[^/]+\.ics)|\.(ics|pdf|json|css|js)$")
MAX_PAGES = 150


VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
NOT_READ = frozenset({"script", "style", "code", "pre", "template"})


class _Reader(HTMLParser):
    """Visible text, readable attributes, links and the <html> tag's lang and dir.

    Text inside <script>, <style>, <code>, <pre>, or an element with a ``lang`` of its own (the
    language switcher names each language in itself), is not read.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.links: list[str] = []
        self.html_attrs: dict[str, str] = {}
        self._open: list[tuple[str, bool]] = []  # (tag, hidden)

    @property
    def _hidden(self) -> bool:
        return bool(self._open) and self._open[-1][1]

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.html_attrs = values
            return
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        hidden = self._hidden or tag in NOT_READ or "lang" in values
        if not hidden:
            for name in READ_ATTRIBUTES:
                if values.get(name):
                    self.texts.append(values[name])
            if tag == "input" and values.get("type") in ("submit", "button") and values.get("value"):
                self.texts.append(values["value"])
        if tag not in VOID:
            self._open.append((tag, hidden))

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.texts.append(data)


def _read(body: str) -> _Reader:
    reader = _Reader()
    reader.feed(body)
    return reader


def _user_data() -> list[str]:
    """What facilitators and the demo typed: taken out of the pages before looking for English."""
    texts: list[str] = []
    for client in db.session.scalars(db.select(Client)):
        texts += [client.name, client.contact or "", getattr(client, "notes", "") or ""]
    for trip in db.session.scalars(db.select(Trip)):
        texts += [trip.title or "", getattr(trip, "notes", "") or ""]
        traveller = (trip.scenario or {}).get("traveller", {})
        texts.append(traveller.get("name", ""))
    for user in db.session.scalars(db.select(User)):
        texts += [user.email, user.display_name or ""]
    texts += list(db.session.scalars(db.select(Agency.name)))
    return sorted((t for t in texts if t and t.strip()), key=len, reverse=True)


@lru_cache(maxsize=8)
def _untranslated(locale: str) -> frozenset[str]:
    """The English of every message whose translation differs from it: shown as is, it was not translated."""
    words = words_for(locale)
    found = set()
    for message in extract("messages"):
        for english in (message.id,) if isinstance(message.id, str) else message.id:
            if "%" in english or not re.search(r"[A-Za-z]{3}", english):
                continue
            translated = words.pgettext(message.context, english) if message.context else words.gettext(english)
            if translated != english:
                found.add(english)
    return frozenset(found)


def _english_in(texts: list[str], typed: list[str], locale: str) -> list[str]:
    untranslated = _untranslated(locale)
    found = [text.strip() for text in texts if text.strip() in untranslated]
    for text in texts:
        for value in typed:
            text = text.replace(value, " ")
        text = re.sub(r"\S+@\S+|https?://\S+", " ", text)
        found += [match.group(0) for match in ENGLISH_RUN.finditer(text)]
    return found


def _crawl(http, starts: list[str], locale: str) -> dict[str, str]:
    """Every same-site page reachable from ``starts`` (GET only), in ``locale``: path → body."""
    seen: dict[str, str] = {}
    queue = list(starts)
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        parts = urlsplit(path)
        if parts.netloc and parts.netloc != "localhost":
            continue
        key = parts.path + (f"?{parts.query}" if parts.query else "")
        if key in seen or SKIPPED.search(parts.path) or "lang=" in parts.query:
            continue
        # the language asked for as a reader asks: a shared page otherwise speaks its client's language
        asked = key + ("&" if "?" in key else "?") + f"lang={locale}"
        response = http.get(asked, headers={"Accept-Language": html_lang(locale)})
        if response.status_code in (301, 302, 303):
            queue.append(response.headers["Location"])
            seen[key] = ""
            continue
        assert response.status_code == 200, f"{key} in {locale}: {response.status_code}"
        if not response.mimetype == "text/html":
            seen[key] = ""
            continue
        body = response.get_data(as_text=True)
        seen[key] = body
        for link in _read(body).links:
            if link.startswith("#") or link.startswith("mailto:"):
                continue
            queue.append(urljoin(key, link))
    return seen


@pytest.fixture
def demo(app, clock):
    with app.app_context():
        made = seed_demo(clock.now)
        return made


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("locale", [code for code in LOCALES if code != DEFAULT_LOCALE])
def test_no_english_sentence_on_any_page(app, client, demo, locale):
    from planner.services.accounts.users import log_in as open_login

    starts = ["/", "/treatments", "/login", "/register"] + [f"/shared/{trip.link_token}" for trip in demo.trips]
    # the patient's own plan: the form answered, as a visitor
    response = client.post("/plan", data=form(), headers={"Accept-Language": html_lang(locale)})
    assert response.status_code in (200, 303)
    if response.status_code == 303:
        starts.append(response.headers["Location"])
    with app.app_context():
        first = demo.facilitators[0]
        user, token = open_login(first.email, first.password)
        typed = _user_data()
    pages = _crawl(client, starts, locale)
    with app.app_context():
        log_in(client, user, token)
    pages |= _crawl(client, ["/dashboard", "/clients/", "/feeds", "/own/", "/account"], locale)
    assert len([body for body in pages.values() if body]) >= 20
    english: dict[str, list[str]] = {}
    for path, body in pages.items():
        if not body:
            continue
        reader = _read(body)
        assert reader.html_attrs.get("lang") == html_lang(locale), path
        assert reader.html_attrs.get("dir") == direction(locale), path
        found = _english_in(reader.texts, typed, locale)
        if found:
            english[path] = found
    import os

    if os.environ.get("SHOW_ENGLISH"):
        unique = {}
        for path, found in english.items():
            for text in found:
                unique.setdefault(text, path)
        print("\n".join(f"{text!r} @ {path}" for text, path in unique.items()))
    assert not english, f"English left in {locale} on {len(english)} pages: " + "; ".join(
        f"{path}: {found}" for path, found in list(english.items())[:12]
    )
