"""Bug: the pages kept for anonymous visitors (the plan form, the catalog) were kept once for every language,
so whoever came first chose the language (and the direction) of the page for everyone after."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("path", ["/", "/treatments", "/treatments/acupuncture-chronic-pain"])
def test_each_language_gets_its_own_kept_page(app, path):
    for code, direction in [("ko", "ltr"), ("ar", "rtl"), ("en", "ltr")]:
        page = app.test_client().get(f"{path}?lang={code}")
        assert page.status_code == 200
        assert f'<html lang="{code}" dir="{direction}">' in page.get_data(as_text=True), code
