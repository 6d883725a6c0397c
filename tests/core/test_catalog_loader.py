"""load_catalog reads every file, and a mistake in any of them names the file, the field and the reason."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core.catalog.load import (
    DEFAULT_DIRECTORY,
    CatalogError,
    clinic_to_dict,
    load_catalog,
    parse_clinic,
    parse_protocol,
    protocol_to_dict,
)
from planner.core.catalog.reader import Invalid, clock, hhmm


@pytest.fixture
def directory(tmp_path):
    target = tmp_path / "catalog"
    shutil.copytree(DEFAULT_DIRECTORY, target)
    return target


def _edit(directory, name: str, old: str, new: str) -> None:
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


#: (file, text in it, replacement, expected file, protocol or clinic, field, words of the reason)
FILE_MISTAKES = [
    ("rates.toml", "USD = 1450", "USD = 0", "rates.toml", "", "per_unit.USD", "more than 0"),
    ("rates.toml", "USD = 1450", "USD = -3", "rates.toml", "", "per_unit.USD", "more than 0"),
    ("rates.toml", "USD = 1450", "usd = 1450", "rates.toml", "", "per_unit.usd", "not a currency code"),
    ("rates.toml", 'base = "KRW"', 'bse = "KRW"', "rates.toml", "", "bse", "did you mean 'base'"),
    ("rates.toml", "date = 2026-10-01", 'date = "soon"', "rates.toml", "", "date", "YYYY-MM-DD"),
    (
        "costs.toml",
        'high = 300\ncurrency = "USD"',
        'high = 300\ncurrency = "CHF"',
        "costs.toml",
        "",
        "interpreter.currency",
        "unknown currency 'CHF'",
    ),
    ("costs.toml", "[keta]", "[k_eta]", "costs.toml", "", "k_eta", "did you mean 'keta'"),
    ("costs.toml", "typical = 240000", "typical = 400000", "costs.toml", "", "lodging.mid", "low ≤ typical ≤ high"),
    ("costs.toml", "[lodging.upscale]", "[lodging.luxury]", "costs.toml", "", "lodging.luxury", "unknown key"),
    (
        "rules.toml",
        "visa_days = { value = 90,",
        "visa_days = { value = -1,",
        "rules.toml",
        "",
        "visa_days.value",
        "at least 0",
    ),
    (
        "rules.toml",
        "clot_risk_days = {",
        "clot_days = {",
        "rules.toml",
        "",
        "clot_days",
        "did you mean 'clot_risk_days'",
    ),
    (
        "rules.toml",
        '["08:00", "21:00"]',
        '["21:00", "08:00"]',
        "rules.toml",
        "",
        "home_awake.value",
        "not after its start",
    ),
    ("rules.toml", 'value = "18:00"', 'value = "6pm"', "rules.toml", "", "default_departure_time.value", "HH:MM"),
    (
        "rules.toml",
        "value = 0.67, source",
        "value = 0.67, sorce",
        "rules.toml",
        "",
        "west_days_per_zone.sorce",
        "did you mean 'source'",
    ),
    (
        "protocols/stem-cell.toml",
        '    { step = "harvest", min_days = 0, max_days = 0 },',
        '    { step = "harvst", min_days = 0, max_days = 0 },',
        "protocols/stem-cell.toml",
        "stem-cell-knee-svf",
        "steps[3].after[1].step",
        "unknown step 'harvst'",
    ),
    (
        "protocols/stem-cell.toml",
        'currency = "USD"',
        'currency = "CHF"',
        "protocols/stem-cell.toml",
        "stem-cell-knee-svf",
        "steps[3].prices.*.currency",
        "unknown currency 'CHF'",
    ),
    (
        "protocols/checkup.toml",
        'id = "health-checkup"',
        'id = "stem-cell-face"',
        "protocols/stem-cell.toml",
        "stem-cell-face",
        "id",
        "duplicate protocol id (also in protocols/checkup.toml)",
    ),
    (
        "protocols/checkup.toml",
        'id = "health-checkup"\n',
        "",
        "protocols/checkup.toml",
        "",
        "protocols[0].id",
        "missing",
    ),
    (
        "protocols/checkup.toml",
        "[[protocols]]",
        "[[protocol]]",
        "protocols/checkup.toml",
        "",
        "protocol",
        "did you mean 'protocols'",
    ),
    ("protocols/dental.toml", "minutes = 120", "minutes = 120 120", "protocols/dental.toml", "", "", "not valid TOML"),
    (
        "clinics/seoul.toml",
        'categories = ["dental"]',
        'categories = ["dentist"]',
        "clinics/seoul.toml",
        "sample-dental-clinic",
        "categories[0]",
        "no protocol has category 'dentist'",
    ),
    (
        "clinics/seoul.toml",
        'timezone = "Asia/Seoul"',
        'timezone = "Seoul"',
        "clinics/seoul.toml",
        "sample-km-clinic-gangnam",
        "timezone",
        "unknown IANA time zone",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "file", "subject_id", "field", "reason"), FILE_MISTAKES)
def test_a_mistake_in_a_file_names_the_file_the_field_and_the_reason(
    directory, name, old, new, file, subject_id, field, reason
):
    _edit(directory, name, old, new)
    with pytest.raises(CatalogError) as caught:
        load_catalog(directory)
    err = caught.value
    assert (err.file, err.protocol, err.field) == (file, subject_id, field)
    assert reason in err.reason
    assert "\n" not in str(err) and str(err).startswith(f"{file}: ")


def test_the_message_reads_as_one_line_naming_everything(directory):
    _edit(
        directory,
        "protocols/stem-cell.toml",
        '    { step = "harvest", min_days = 0, max_days = 0 },',
        '    { step = "harvst", min_days = 0, max_days = 0 },',
    )
    with pytest.raises(CatalogError) as caught:
        load_catalog(directory)
    assert str(caught.value) == (
        "protocols/stem-cell.toml: protocol 'stem-cell-knee-svf': steps[3].after[1].step: unknown step 'harvst'"
    )


def test_a_duplicate_clinic_across_files_is_refused(directory):
    shutil.copy(directory / "clinics" / "seoul.toml", directory / "clinics" / "seoul-copy.toml")
    with pytest.raises(CatalogError, match=r"duplicate clinic id \(also in clinics/seoul-copy.toml\)"):
        load_catalog(directory)


@pytest.mark.parametrize(("name", "reason"), [("rates.toml", "missing file"), ("rules.toml", "missing file")])
def test_a_missing_file_is_refused(directory, name, reason):
    (directory / name).unlink()
    with pytest.raises(CatalogError, match=f"^{name}: {reason}$"):
        load_catalog(directory)


def test_a_misspelt_file_name_is_refused_rather_than_ignored(directory):
    (directory / "cost.toml").write_text("", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"^cost.toml: unexpected file"):
        load_catalog(directory)


def test_an_empty_protocols_folder_is_refused(directory):
    shutil.rmtree(directory / "protocols")
    (directory / "protocols").mkdir()
    with pytest.raises(CatalogError, match="no protocol files"):
        load_catalog(directory)


def test_a_missing_directory_is_refused(tmp_path):
    with pytest.raises(CatalogError, match="catalog directory not found"):
        load_catalog(tmp_path / "nowhere")


def test_an_extra_protocol_file_is_read(directory):
    text = (directory / "protocols" / "checkup.toml").read_text(encoding="utf-8")
    (directory / "protocols" / "extra.toml").write_text(text.replace('"health-checkup"', '"basic-checkup"'), "utf-8")
    assert {"health-checkup", "basic-checkup"} <= set(load_catalog(directory).protocols)


def test_every_shipped_protocol_round_trips_through_its_dict():
    catalog = load_catalog()
    for protocol in catalog.protocols.values():
        copy = parse_protocol(protocol_to_dict(protocol), currencies=catalog.rates.currencies)
        assert copy == protocol
        # prices are left out of Step equality, so compare them on their own
        assert [s.prices for s in copy.steps] == [s.prices for s in protocol.steps]


def test_every_shipped_clinic_round_trips_with_closures_and_openings():
    for clinic in load_catalog().clinics.values():
        changed = replace(
            clinic,
            closures=frozenset({date(2026, 8, 3)}),
            openings={date(2026, 8, 9): ((time(10), time(12)),), date(2026, 8, 10): ()},
        )
        for original in (clinic, changed):
            copy = parse_clinic(clinic_to_dict(original))
            assert copy == original and copy.openings == original.openings


@given(st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_a_time_of_day_round_trips_through_hh_mm(value):
    assert clock(hhmm(value), "at") == value


@given(st.text(max_size=6).filter(lambda s: not (len(s) == 5 and s[2] == ":" and s.replace(":", "", 1).isascii())))
def test_anything_but_hh_mm_is_refused(text):
    with pytest.raises(Invalid):
        clock(text, "at")
