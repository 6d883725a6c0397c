"""Nationalities as ISO 3166-1 alpha-2 codes, named in the reader's language by Babel (CLDR)."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale

from planner.i18n import Words

#: CLDR regions with two-letter codes that are no one's nationality (unions, pseudo-locales, unknown)
NOT_NATIONALITIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"})


@lru_cache(maxsize=1)
def nationality_codes() -> frozenset[str]:
    """Every code a client's nationality may be."""
    names = Locale.parse("en").territories
    return frozenset(code for code in names if len(code) == 2 and code.isalpha() and code not in NOT_NATIONALITIES)


def nationality_name(code: str, words: Words) -> str:
    """A nationality's country or territory in ``words``' language ("PT" → "Portugal", "포르투갈")."""
    return words.babel_locale.territories.get(code) or Locale.parse("en").territories.get(code, code)


def nationality_choices(words: Words) -> list[tuple[str, str]]:
    """(code, name) of every nationality, by name in ``words``' language."""
    pairs = [(code, nationality_name(code, words)) for code in nationality_codes()]
    return sorted(pairs, key=lambda pair: pair[1].casefold())
