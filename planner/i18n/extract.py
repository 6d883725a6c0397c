"""Babel extractor of the catalog's patient-facing texts (the ``catalog`` gettext domain).

Referenced from ``babel-catalog.cfg``; each text becomes a message whose msgid is the English text
and whose comment says where it is (``protocol acupuncture-acute-pain: steps[consultation].title``).
Sources, ids, codes and numbers are not patient-facing and are not extracted.
"""

from __future__ import annotations

import tomllib

#: the keys whose string values (or lists of strings) patients read
TEXT_KEYS = frozenset(
    {
        "name",
        "summary",
        "title",
        "in_person_title",
        "description",
        "text",
        "cautions",
        "insurance_note",
        "address",
        "city",
        "label",
        "note",
    }
)


def _walk(value, where: str):
    if isinstance(value, dict):
        label = value.get("id")
        for key, item in value.items():
            here = f"{where}.{key}" if not label else f"{where}[{label}].{key}"
            if key in TEXT_KEYS:
                texts = item if isinstance(item, list) else [item]
                for text in texts:
                    if isinstance(text, str) and text.strip():
                        yield here, text
            elif isinstance(item, dict | list):
                yield from _walk(item, here)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item, where)


def catalog_texts(data: dict):
    """(where, text) for every patient-facing text of a parsed catalog file."""
    yield from _walk(data, "")


#: the years whose public-holiday names are extracted (fixed, so extraction never depends on today)
HOLIDAY_YEARS = range(2025, 2036)


def holiday_names(data: dict) -> list[tuple[str, str]]:
    """(country, name) of every public holiday the clinics of a catalog file close for, in HOLIDAY_YEARS:
    the pages and calendars name them, and the ``holidays`` package names them in English only for most
    of the planner's languages."""
    from planner.core.model.clinic import public_holidays

    countries = sorted({c["holiday_country"] for c in data.get("clinics", []) if c.get("holiday_country")})
    names = []
    for country in countries:
        seen = set()
        for year in HOLIDAY_YEARS:
            for name in public_holidays(country, year).values():
                if name not in seen:
                    seen.add(name)
                    names.append((country, name))
    return names


def extract_catalog(fileobj, keywords, comment_tags, options):
    """Babel extraction method: (lineno, funcname, message, comments) per text."""
    content = fileobj.read().decode("utf-8")
    data = tomllib.loads(content)
    lines = content.splitlines()
    for where, text in catalog_texts(data):
        lineno = next((i + 1 for i, line in enumerate(lines) if _quoted(text) in line), 0)
        yield lineno, None, text, [where.lstrip(".")]
    for country, name in holiday_names(data):
        yield 0, None, name, [f"public holiday ({country}; the clinics close)"]


def _quoted(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')[:60]
