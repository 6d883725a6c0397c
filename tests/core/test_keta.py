"""The K-ETA line's note follows the arrival date: the 67-country exemption ends on 31 Dec 2026."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from budget_factories import make_catalog, make_costs, make_plan, make_request

from planner.core.catalog.load import DEFAULT_DIRECTORY, CatalogError, load_catalog
from planner.wording.budget import compute_budget

SEOUL = ZoneInfo("Asia/Seoul")
EXEMPT = "Not needed under 18, from 65, or for the 67 exempt countries until 31 Dec 2026."
EVERYONE = "Needed by every visitor except under 18 or from 65."


def keta_note(arrival: datetime, catalog) -> str:
    """The note on the K-ETA line of a one-traveller budget arriving then."""
    budget = compute_budget(make_plan(), make_request(arrival=arrival, needs_keta=True), catalog)
    (line,) = [line for line in budget.lines if line.code == "keta"]
    return line.note


@pytest.mark.parametrize(
    ("arrival", "expected"),
    [
        (datetime(2026, 1, 5, 8, tzinfo=SEOUL), EXEMPT),
        (datetime(2026, 12, 31, 23, 30, tzinfo=SEOUL), EXEMPT),
        (datetime(2027, 1, 1, 0, 30, tzinfo=SEOUL), EVERYONE),
        # 1 Jan 2027 at 00:30 in Seoul, written in UTC: still the first day without the exemption
        (datetime(2026, 12, 31, 15, 30, tzinfo=ZoneInfo("UTC")), EVERYONE),
        (datetime(2027, 6, 1, 8, tzinfo=SEOUL), EVERYONE),
    ],
)
def test_the_note_depends_on_the_arrival_date(arrival, expected):
    catalog = make_catalog(costs=make_costs(keta_exemption_ends=date(2026, 12, 31)))
    assert keta_note(arrival, catalog) == expected


def test_without_a_known_exemption_everyone_needs_it():
    assert keta_note(datetime(2026, 1, 5, 8, tzinfo=SEOUL), make_catalog()) == EVERYONE


def test_the_shipped_catalog_ends_the_exemption_on_31_december_2026_with_a_source():
    costs = load_catalog().costs
    assert costs.keta_exemption_ends == date(2026, 12, 31)
    assert "K-ETA" in costs.sources["keta_exemption"]


@pytest.mark.parametrize(
    ("table", "field", "reason"),
    [
        ('[keta_exemption]\nends = "31/12/2026"\nsource = "x"\n', "keta_exemption.ends", "YYYY-MM-DD"),
        ("[keta_exemption]\nends = 2026-12-31\n", "keta_exemption.source", "missing"),
        ('[keta_exemption]\nend = 2026-12-31\nsource = "x"\n', "keta_exemption.end", "unknown"),
    ],
)
def test_a_bad_exemption_table_names_its_field(tmp_path, table, field, reason):
    shutil.copytree(DEFAULT_DIRECTORY, tmp_path / "catalog")
    costs = tmp_path / "catalog" / "costs.toml"
    text = costs.read_text(encoding="utf-8")
    costs.write_text(text[: text.index("[keta_exemption]")] + table, encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_catalog(tmp_path / "catalog")
    assert err.value.field == field and reason in str(err.value)
