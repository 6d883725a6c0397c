"""Extract, update and check the gettext catalogs (``make translations``; the completeness test).

``python -m planner.i18n.catalogs update`` extracts both domains from the sources and brings every
locale's ``.po`` up to date (new messages untranslated, removed ones dropped, no fuzzy guesses);
``check`` lists what the completeness test refuses: a message missing, untranslated, fuzzy or
obsolete in a locale, or whose placeholders differ from the English.
"""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from planner.i18n import DEFAULT_LOCALE, LOCALES, TRANSLATIONS_DIR

ROOT = TRANSLATIONS_DIR.parent
MAPPINGS = {"messages": ROOT / "babel.cfg", "catalog": ROOT / "babel-catalog.cfg"}
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "N_": None,
    "_l": None,
    "lazy_gettext": None,
    "lazy_ngettext": (1, 2),
    "lazy_pgettext": ((1, "c"), 2),
}
#: printf-style placeholders: %(name)s, %s, %d; "%%" is a literal percent sign
_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]")


_FIXED_DATE = datetime(2026, 12, 1, tzinfo=UTC)


def extract(domain: str) -> Catalog:
    """The domain's messages as the sources hold them now."""
    with open(MAPPINGS[domain]) as mapping:
        method_map, options_map = parse_mapping_cfg(mapping)
    # a fixed creation date: the header would otherwise change on every run and conflict in every merge
    catalog = Catalog(project="planner", domain=domain, charset="utf-8", creation_date=_FIXED_DATE)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",), strip_comment_tags=True
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def po_path(locale: str, domain: str) -> Path:
    return TRANSLATIONS_DIR / locale / "LC_MESSAGES" / f"{domain}.po"


def update() -> None:
    """Write the templates and bring every locale's catalogs up to date with the sources."""
    for domain in MAPPINGS:
        template = extract(domain)
        with open(TRANSLATIONS_DIR / f"{domain}.pot", "wb") as out:
            write_po(out, template, width=100, sort_output=True, include_lineno=False)
        for locale in LOCALES:
            if locale == DEFAULT_LOCALE:
                continue
            path = po_path(locale, domain)
            if path.exists():
                with open(path, "rb") as existing:
                    catalog = read_po(existing, locale=locale, domain=domain)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                catalog = Catalog(locale=locale, domain=domain, project="planner", charset="utf-8")
            catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
            catalog.creation_date = _FIXED_DATE
            catalog.obsolete.clear()
            catalog.fuzzy = False  # a header marked fuzzy makes pybabel compile skip the whole file
            with open(path, "wb") as out:
                write_po(out, catalog, width=100, sort_output=True, include_previous=False, include_lineno=False)


def placeholders(text: str) -> list[str]:
    return sorted(m.group(0) for m in _PLACEHOLDER.finditer(text) if m.group(0) != "%%")


def problems() -> list[str]:
    """Everything the completeness test refuses, one line each."""
    found: list[str] = []
    for domain in MAPPINGS:
        wanted = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in extract(domain) if m.id}
        for locale in LOCALES:
            if locale == DEFAULT_LOCALE:
                continue
            path = po_path(locale, domain)
            if not path.exists():
                found.append(f"{locale}/{domain}: no {path.name}")
                continue
            with open(path, "rb") as source:
                catalog = read_po(source, locale=locale, domain=domain)
            if catalog.fuzzy:
                found.append(f"{locale}/{domain}: the header is marked fuzzy (pybabel compile would skip the file)")
            have = set()
            for message in catalog:
                if not message.id:
                    continue
                singular = message.id if isinstance(message.id, str) else message.id[0]
                have.add((singular, message.context))
                where = f"{locale}/{domain}: {singular[:70]!r}"
                strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
                if not all(s and s.strip() for s in strings):
                    found.append(f"{where} is not translated")
                if message.fuzzy:
                    found.append(f"{where} is fuzzy")
                ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
                for string in strings:
                    if string and set(placeholders(string)) - {"%(num)d", "%(num)s"} != set(placeholders(ids[-1])) - {
                        "%(num)d",
                        "%(num)s",
                    }:
                        found.append(f"{where} has placeholders {placeholders(string)}, not {placeholders(ids[-1])}")
            for singular, _context in sorted(wanted - have, key=str):
                found.append(f"{locale}/{domain}: {singular[:70]!r} is missing (run make translations)")
            for singular, _context in sorted(have - wanted, key=str):
                found.append(f"{locale}/{domain}: {singular[:70]!r} is obsolete (run make translations)")
            if catalog.obsolete:
                found.append(f"{locale}/{domain}: {len(catalog.obsolete)} obsolete entries (#~)")
    return found


def stale() -> list[Path]:
    """The ``.po`` files whose ``.mo`` is missing or older."""
    return [
        po
        for po in sorted(TRANSLATIONS_DIR.glob("*/LC_MESSAGES/*.po"))
        if not po.with_suffix(".mo").exists() or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]


def compile_stale() -> int:
    """Compile the stale catalogs (what ``make`` does with pybabel compile); how many were written."""
    from babel.messages.mofile import write_mo

    written = 0
    for po in stale():
        with open(po, "rb") as source:
            catalog = read_po(source)
        with open(po.with_suffix(".mo"), "wb") as out:
            write_mo(out, catalog)
        written += 1
    return written


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
        return 0
    if argv[:1] == ["compile"]:
        print(f"{compile_stale()} catalogs compiled")
        return 0
    if argv[:1] == ["check"]:
        listed = problems()
        print("\n".join(listed) or "every message is translated in every locale")
        return 1 if listed else 0
    print("usage: python -m planner.i18n.catalogs update|compile|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
