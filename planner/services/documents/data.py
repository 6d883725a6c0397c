"""The checklist's data file (planner/data/entry.toml), read once and checked: a typo fails loudly."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from planner.core.catalog import Catalog
from planner.services.documents.rules import ITEM_CODES, RECORD_ITEMS, EntryRules, RecordRule

#: the data file next to the others the planner ships (the catalog folder holds only its own files)
ENTRY_FILE = Path(__file__).resolve().parents[2] / "data" / "entry.toml"
#: the items whose source is in [sources] (record items carry theirs in [[records]])
SOURCED = tuple(code for code in ITEM_CODES if code not in RECORD_ITEMS)


class EntryDataError(ValueError):
    """The data file is wrong: names the entry and why."""


def _codes(values, where: str) -> frozenset[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise EntryDataError(f"{where}: a list of strings")
    return frozenset(values)


def parse_entry_data(data: dict) -> tuple[frozenset[str], dict[str, str], tuple[RecordRule, ...]]:
    """The visa-waiver nationalities, each item's source and the record rules of the file's contents."""
    waiver = data.get("visa_waiver", {})
    nationalities = _codes(waiver.get("nationalities"), "visa_waiver.nationalities")
    bad = sorted(code for code in nationalities if len(code) != 2 or not code.isalpha() or not code.isupper())
    if bad:
        raise EntryDataError(f"visa_waiver.nationalities: not ISO 3166 alpha-2 codes: {', '.join(bad)}")
    if not waiver.get("source"):
        raise EntryDataError("visa_waiver.source: required")
    sources = data.get("sources", {})
    missing = [code for code in SOURCED if not sources.get(code)]
    unknown = [code for code in sources if code not in SOURCED]
    if missing or unknown:
        raise EntryDataError(f"sources: missing {missing or 'none'}, unknown {unknown or 'none'}")
    records = []
    for n, rule in enumerate(data.get("records", [])):
        if rule.get("item") not in RECORD_ITEMS or not rule.get("source"):
            raise EntryDataError(f"records[{n}]: item one of {', '.join(RECORD_ITEMS)}, and a source")
        categories = _codes(rule.get("categories", []), f"records[{n}].categories")
        protocols = _codes(rule.get("protocols", []), f"records[{n}].protocols")
        records.append(RecordRule(rule["item"], rule["source"], categories, protocols))
    return nationalities, dict(sources), tuple(records)


@lru_cache(maxsize=1)
def _entry_file() -> tuple[frozenset[str], dict[str, str], tuple[RecordRule, ...]]:
    with ENTRY_FILE.open("rb") as handle:
        return parse_entry_data(tomllib.load(handle))


def entry_rules(catalog: Catalog) -> EntryRules:
    """The rules with the catalog's figures: the C-3-3's days, the K-ETA fee and its exemption's end."""
    nationalities, sources, records = _entry_file()
    fee = catalog.costs.keta
    return EntryRules(
        visa_waiver=nationalities,
        sources=sources,
        records=records,
        visa_days=catalog.rules.visa_days,
        keta_fee=fee.typical,
        keta_currency=fee.currency,
        keta_exemption_ends=catalog.costs.keta_exemption_ends,
    )
