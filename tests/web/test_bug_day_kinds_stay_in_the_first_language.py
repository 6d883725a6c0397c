"""Bug: a day's kind ("Arrival", "Rest day") stayed in the language of the first page that imported the
plan macros (a module-level ``{% set %}`` of translated words is evaluated once per process)."""

from __future__ import annotations

from planner.i18n import words_for
from tests.web.planner_helpers import form


def test_each_page_names_the_days_in_its_own_language(client):
    english = client.post("/plan?lang=en", data=form(), follow_redirects=True).get_data(as_text=True)
    assert "Arrival" in english
    for locale in ("ko", "ar", "ru"):
        body = client.post(f"/plan?lang={locale}", data=form(), follow_redirects=True).get_data(as_text=True)
        words = words_for(locale)
        assert words.gettext("Arrival") != "Arrival"
        assert words.gettext("Arrival") in body and words.gettext("Treatment day") in body
        assert ">Arrival<" not in body and "Treatment day" not in body
