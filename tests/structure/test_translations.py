"""Every message in every locale: translated, not fuzzy, not obsolete, with the English placeholders.

The sources are extracted afresh (both domains), so a string marked for translation and not yet
translated fails here, as does a translation left behind by a string that changed.
"""

from __future__ import annotations

from babel.messages.pofile import read_po

from planner.i18n import DEFAULT_LOCALE, LOCALES, TRANSLATIONS_DIR
from planner.i18n.catalogs import placeholders, problems


def test_every_message_is_translated_in_every_locale():
    listed = problems()
    assert not listed, f"{len(listed)} translation problems, the first ones:\n" + "\n".join(listed[:40])


def test_every_locale_has_both_domains():
    for locale in LOCALES:
        if locale == DEFAULT_LOCALE:
            continue
        for domain in ("messages", "catalog"):
            path = TRANSLATIONS_DIR / locale / "LC_MESSAGES" / f"{domain}.po"
            with open(path, "rb") as source:
                catalog = read_po(source, locale=locale)
            assert len(catalog) > 10, f"{path.name} of {locale} is nearly empty"


def test_placeholders_are_read_as_translators_see_them():
    assert placeholders("%(n)d days from %(city)s, 100%% sure") == ["%(city)s", "%(n)d"]
    assert placeholders("%s and %d") == ["%d", "%s"]
