"""The catalog: protocols, clinics, costs, exchange rates and travel rules, from TOML files."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from datetime import date, time
from decimal import Decimal
from pathlib import Path

from planner.core.catalog.clinics import clinic_to_dict, parse_clinic
from planner.core.catalog.protocol_dicts import protocol_to_dict
from planner.core.catalog.protocols import parse_protocol, price_range
from planner.core.catalog.reader import CatalogError, Invalid, Table, clock, currency, day, interval
from planner.core.model import Clinic, Costs, MoneyRange, Protocol, Rates, TravelRules

__all__ = [
    "DEFAULT_DIRECTORY",
    "Catalog",
    "CatalogError",
    "clinic_to_dict",
    "load_catalog",
    "parse_clinic",
    "parse_protocol",
    "protocol_to_dict",
]

#: the package's own catalog files
DEFAULT_DIRECTORY = Path(__file__).resolve().parents[2] / "catalog"
_SINGLE_FILES = ("costs.toml", "rates.toml", "rules.toml")
_LODGING_TIERS = ("budget", "mid", "upscale")


@dataclass(frozen=True)
class Catalog:
    """Everything the planner knows before a trip is asked for."""

    protocols: dict[str, Protocol] = field(hash=False, compare=False)
    clinics: dict[str, Clinic] = field(hash=False, compare=False)
    costs: Costs
    rates: Rates
    rules: TravelRules = TravelRules()
    #: TravelRules field name → source of its value (from rules.toml)
    rule_sources: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    def clinic_for(self, protocol_id: str, tier: str | None) -> Clinic | None:
        """The first clinic (by id) of the tier that offers the protocol's category."""
        category = self.protocols[protocol_id].category
        for clinic_id in sorted(self.clinics):
            clinic = self.clinics[clinic_id]
            if (tier is None or clinic.tier == tier) and (not clinic.categories or category in clinic.categories):
                return clinic
        return None


def load_catalog(directory: Path | None = None) -> Catalog:
    """Read and validate every catalog file in a directory (default: the package's catalog)."""
    root = Path(directory) if directory is not None else DEFAULT_DIRECTORY
    _reject_strays(root)
    rates = _section("rates.toml", _read(root, "rates.toml"), _rates)
    known = frozenset(rates.currencies)
    costs = _section("costs.toml", _read(root, "costs.toml"), lambda t: _costs(t, known))
    rules, rule_sources = _section("rules.toml", _read(root, "rules.toml"), _rules)
    protocols, _ = _collect(
        root, "protocols", lambda d, where: parse_protocol(d, where=where, currencies=known), "protocol"
    )
    clinics, clinic_files = _collect(root, "clinics", parse_clinic, "clinic")
    categories = {p.category for p in protocols.values()}
    for clinic in clinics.values():
        for i, category in enumerate(clinic.categories):
            if category not in categories:
                raise CatalogError(
                    clinic_files[clinic.id],
                    clinic.id,
                    f"categories[{i}]",
                    f"no protocol has category '{category}' (known: {', '.join(sorted(categories))})",
                    subject="clinic",
                )
    return Catalog(
        protocols=protocols, clinics=clinics, costs=costs, rates=rates, rules=rules, rule_sources=rule_sources
    )


def _reject_strays(root: Path) -> None:
    """A misspelt file name would otherwise be silently ignored."""
    if not root.is_dir():
        raise CatalogError(str(root.name), "", "", "catalog directory not found")
    for path in sorted(root.glob("*.toml")):
        if path.name not in _SINGLE_FILES:
            raise CatalogError(
                path.name,
                "",
                "",
                f"unexpected file (expected {', '.join(_SINGLE_FILES)}, protocols/*.toml, clinics/*.toml)",
            )


def _read(root: Path, name: str) -> dict:
    path = root / name
    if not path.is_file():
        raise CatalogError(name, "", "", "missing file")
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle, parse_float=Decimal)
    except tomllib.TOMLDecodeError as err:
        raise CatalogError(name, "", "", f"not valid TOML: {err}") from None
    except UnicodeDecodeError:
        raise CatalogError(name, "", "", "not UTF-8 text") from None


def _section(name: str, data: dict, parse):
    """Run a single-file parser, turning field mistakes into CatalogError for that file."""
    try:
        return parse(Table(data))
    except Invalid as err:
        raise CatalogError(name, "", err.field, err.reason) from None


def _collect(root: Path, folder: str, parse, subject: str) -> tuple[dict, dict[str, str]]:
    """Parse the `[[protocols]]` / `[[clinics]]` lists of every file in a folder, ids unique.

    Returns the items by id and, by id, the file each came from.
    """
    found: dict = {}
    origin: dict[str, str] = {}
    paths = sorted((root / folder).glob("*.toml"))
    if not paths:
        raise CatalogError(f"{folder}/", "", "", f"no {subject} files (*.toml)")
    for path in paths:
        where = f"{folder}/{path.name}"
        data = _read(root, where)
        try:
            entries = Table(data).expect((folder,)).items(folder, required=True)
        except Invalid as err:
            raise CatalogError(where, "", err.field, err.reason) from None
        for i, entry in enumerate(entries):
            try:
                item = parse(entry, where=where)
            except CatalogError as err:
                if not err.protocol:
                    raise CatalogError(where, "", f"{folder}[{i}].{err.field}", err.reason) from None
                raise
            if item.id in found:
                raise CatalogError(
                    where, item.id, "id", f"duplicate {subject} id (also in {origin[item.id]})", subject=subject
                )
            found[item.id] = item
            origin[item.id] = where
    return found, origin


def _money(table: Table, known: frozenset[str]) -> tuple[MoneyRange, str]:
    price = price_range(table, known)
    return MoneyRange(price.low, price.typical, price.high, price.currency), price.source


def _costs(table: Table, known: frozenset[str]) -> Costs:
    # the exemption's end date is read from a table of its own, with its source
    names = [f.name for f in fields(Costs) if f.name not in ("sources", "keta_exemption_ends")]
    table.expect([*names, "keta_exemption"])
    sources: dict[str, str] = {}
    lodging_table = table.table("lodging", required=True).expect(_LODGING_TIERS)
    lodging = {}
    for tier in _LODGING_TIERS:
        lodging[tier], sources[f"lodging.{tier}"] = _money(lodging_table.table(tier, required=True), known)
    lodging_table.done()
    ranges = {}
    for name in ("airport_transfer", "local_transport", "meals", "interpreter", "keta"):
        ranges[name], sources[name] = _money(table.table(name, required=True), known)
    exemption = _keta_exemption(table.table("keta_exemption"), sources)
    table.done()
    return Costs(lodging=lodging, sources=sources, keta_exemption_ends=exemption, **ranges)


def _keta_exemption(table: Table | None, sources: dict[str, str]) -> date | None:
    """The last arrival date of the K-ETA exemption (optional table), its source kept in ``sources``."""
    if table is None:
        return None
    table.expect(["ends", "source"])
    ends = day(table.raw("ends"), table.at("ends"))
    sources["keta_exemption"] = table.text("source", required=True)
    table.done()
    return ends


def _rates(table: Table) -> Rates:
    table.expect(f.name for f in fields(Rates))
    base = currency(table.text("base", required=True), "base", None)
    per_unit_table = table.table("per_unit", required=True)
    per_unit = {}
    for code in per_unit_table.data:
        path = per_unit_table.at(str(code))
        currency(str(code), path, None)
        rate = per_unit_table.amount(code)
        if rate <= 0:
            raise Invalid(path, f"must be more than 0, got {rate}")
        if code == base and rate != 1:
            raise Invalid(path, f"the base currency's rate must be 1, got {rate}")
        per_unit[code] = rate
    rates = Rates(
        date=day(table.raw("date"), "date"),
        base=base,
        per_unit=per_unit,
        source=table.text("source", required=True),
    )
    table.done()
    return rates


def _rules(table: Table) -> tuple[TravelRules, dict[str, str]]:
    values, sources = {}, {}
    table.expect(f.name for f in fields(TravelRules))
    for rule in fields(TravelRules):
        entry = table.table(rule.name, required=True).expect(("value", "source"))
        sources[rule.name] = entry.text("source", required=True)
        values[rule.name] = _rule_value(entry, type(rule.default))
        entry.done()
    table.done()
    return TravelRules(**values), sources


def _rule_value(entry: Table, kind: type):
    """A rule's value, read with the type of the TravelRules default."""
    if kind is int:
        return entry.integer("value", required=True)
    if kind is Decimal:
        value = entry.amount("value")
        if value < 0:
            raise Invalid(entry.at("value"), f"must not be negative, got {value}")
        return value
    if kind is time:
        return clock(entry.raw("value"), entry.at("value"))
    return interval(entry.raw("value"), entry.at("value"))
