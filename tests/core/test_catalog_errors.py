"""Every mistake in a protocol or clinic is rejected with the field and the reason."""

from __future__ import annotations

import tomllib
from decimal import Decimal

import pytest

from planner.core.catalog.load import CatalogError, parse_clinic, parse_protocol

PROTOCOL = """
id = "sample-course"
name = "Sample course"
category = "acupuncture"
summary = "A consultation then sessions."
count = { min = 2, max = 6, default = 4 }
typical_stay = [7, 21]

[[steps]]
id = "consultation"
kind = "consultation"
title = "Consultation"
minutes = 60

[steps.prices.local]
low = 20000
typical = 30000
high = 40000
currency = "KRW"
source = "seed 000 — M"

[[steps]]
id = "intensive"
kind = "session"
title = "Session"
minutes = 40
counted = true
count = { min = 2, max = 4, default = 4 }
per_week_max = 2
after = [{ step = "consultation", min_days = 0 }]

[[steps]]
id = "maintenance"
kind = "session"
title = "Maintenance session"
minutes = 40
counted = true
count = { min = 0, max = 2, default = 0 }
per_week_max = 1
after = [{ step = "intensive", min_days = 3, anchor = "last" }]
"""

#: (text in PROTOCOL, its replacement, expected field, words the reason must contain)
PROTOCOL_MISTAKES = [
    ("minutes = 60", "minuts = 60", "steps[0].minuts", "did you mean 'minutes'"),
    ('summary = "A consultation then sessions."', "", "summary", "missing"),
    ('name = "Sample course"', "name = 3", "name", "must be a string"),
    ('kind = "consultation"', 'kind = "consult"', "steps[0].kind", "unknown step kind 'consult'"),
    (
        "count = { min = 2, max = 6, default = 4 }",
        "count = { min = 7, max = 6, default = 6 }",
        "count.min",
        "more than max",
    ),
    (
        "count = { min = 2, max = 6, default = 4 }",
        "count = { min = 2, max = 6, default = 9 }",
        "count.default",
        "outside",
    ),
    ("minutes = 60", "minutes = -5", "steps[0].minutes", "at least 0"),
    ("minutes = 60", "minutes = 0", "steps[0].minutes", "more than 0 minutes"),
    ("minutes = 60", 'minutes = "60"', "steps[0].minutes", "whole number"),
    ("per_week_max = 2", "per_week_max = 0", "steps[1].per_week_max", "between 1 and 7"),
    ("per_week_max = 2", "per_week_max = 8", "steps[1].per_week_max", "between 1 and 7"),
    (
        'step = "consultation", min_days = 0',
        'step = "consultaton"',
        "steps[1].after[0].step",
        "unknown step 'consultaton'",
    ),
    ('step = "consultation", min_days = 0', 'step = "intensive"', "steps[1].after[0].step", "after itself"),
    ('step = "consultation", min_days = 0', 'step = "maintenance"', "steps[1].after", "cycle"),
    (
        'step = "consultation", min_days = 0',
        'step = "consultation", min_days = 3, max_days = 1',
        "steps[1].after[0].max_days",
        "less than min_days",
    ),
    ('anchor = "last"', 'anchor = "middle"', "steps[2].after[0].anchor", "'first' or 'last'"),
    ('id = "maintenance"', 'id = "intensive"', "steps[2].id", "duplicate step id 'intensive'"),
    ('id = "maintenance"', 'id = "Maintenance Phase"', "steps[2].id", "not a valid id"),
    ("low = 20000", "low = 50000", "steps[0].prices.local", "low ≤ typical ≤ high"),
    ("low = 20000", "low = -1", "steps[0].prices.local.low", "negative"),
    ('currency = "KRW"', 'currency = "won"', "steps[0].prices.local.currency", "not a currency code"),
    ('source = "seed 000 — M"', "", "steps[0].prices.local.source", "missing"),
    ("[steps.prices.local]", "[steps.prices.clinic]", "steps[0].prices.clinic", "unknown tier 'clinic'"),
    ("count = { min = 2, max = 6, default = 4 }", "", "count", "missing: step 'intensive' is counted"),
    (
        "count = { min = 2, max = 6, default = 4 }",
        "count = { min = 2, max = 8, default = 4 }",
        "count.max",
        "cannot be reached",
    ),
    ("typical_stay = [7, 21]", "typical_stay = [21, 7]", "typical_stay", "low ≤ high"),
    ("typical_stay = [7, 21]", "typical_stay = 7", "typical_stay", "must be a list"),
    ('anchor = "last" }]', 'anchor = "last" }]\nvisit = 2', "visit_gap", "missing: steps are in 2 visits"),
    (
        "typical_stay = [7, 21]",
        "visit_gap = { min_days = 90, typical_days = 120, max_days = 180 }",
        "visit_gap",
        "every step is in visit 1",
    ),
    ("minutes = 60", "minutes = 60\nvisit = 0", "steps[0].visit", "at least 1"),
    ("counted = true", 'counted = "yes"', "steps[1].counted", "true or false"),
]


def _base() -> dict:
    return tomllib.loads(PROTOCOL, parse_float=Decimal)


def _protocol_with(old: str, new: str) -> dict:
    assert old in PROTOCOL, old
    return tomllib.loads(PROTOCOL.replace(old, new, 1), parse_float=Decimal)


def test_the_base_protocol_is_valid():
    protocol = parse_protocol(_base())
    assert [s.id for s in protocol.counted_steps] == ["intensive", "maintenance"]
    assert protocol.occurrences(6) == {"consultation": 1, "intensive": 4, "maintenance": 2}


@pytest.mark.parametrize(("old", "new", "field", "reason"), PROTOCOL_MISTAKES)
def test_protocol_mistakes_name_the_field_and_the_reason(old, new, field, reason):
    with pytest.raises(CatalogError) as caught:
        parse_protocol(_protocol_with(old, new), where="protocols/sample.toml")
    err = caught.value
    assert (err.file, err.protocol, err.field) == ("protocols/sample.toml", "sample-course", field)
    assert reason in err.reason
    assert str(err) == f"protocols/sample.toml: protocol 'sample-course': {field}: {err.reason}"
    assert "\n" not in str(err)


def test_a_protocol_count_without_counted_steps_is_refused():
    data = _base()
    for step in data["steps"]:
        step.pop("counted", None)
    with pytest.raises(CatalogError, match=r"count: given, but no step has counted = true"):
        parse_protocol(data)


def test_a_later_visit_cannot_be_waited_for_by_an_earlier_one():
    data = _base()
    data["steps"][2]["visit"] = 2
    data["steps"][1]["after"] = [{"step": "maintenance"}]
    data["steps"][2]["after"] = [{"step": "consultation"}]
    data["visit_gap"] = {"min_days": 21, "typical_days": 21, "max_days": 35}
    with pytest.raises(CatalogError) as caught:
        parse_protocol(data)
    assert caught.value.field == "steps[1].after[0].step"
    assert "later visit" in caught.value.reason


def test_a_float_amount_is_refused_because_money_is_decimal():
    data = _base()
    data["steps"][0]["prices"]["local"]["low"] = 20000.0
    with pytest.raises(CatalogError, match=r"steps\[0\]\.prices\.local\.low: must be a decimal number"):
        parse_protocol(data)


def test_amounts_may_be_decimal_strings_from_a_web_form():
    data = _protocol_with("low = 20000", 'low = "20,000"')
    assert parse_protocol(data).steps[0].prices["local"].low == Decimal(20000)


def test_a_currency_outside_the_rate_table_is_refused_when_the_table_is_given():
    data = _protocol_with('currency = "KRW"', 'currency = "CHF"')
    assert parse_protocol(data).steps[0].prices["local"].currency == "CHF"
    with pytest.raises(CatalogError, match=r"unknown currency 'CHF' \(the rate table has KRW, USD\)"):
        parse_protocol(data, currencies={"KRW", "USD"})


def test_a_protocol_that_is_not_a_table_is_refused():
    with pytest.raises(CatalogError, match="must be a table"):
        parse_protocol(["not", "a", "table"])  # type: ignore[arg-type]


CLINIC = """
id = "sample-clinic"
name = "Sample Clinic"
city = "Seoul"
address = "1 Sample-ro (fictional)"
timezone = "Asia/Seoul"
holiday_country = "KR"
tier = "local"
languages = ["ko", "en"]
categories = ["acupuncture"]
lunch = ["13:00", "14:00"]
closures = [2026-08-03]
sample = true

[hours]
mon = [["09:00", "18:00"]]
tue = [["09:00", "18:00"]]
wed = [["09:00", "13:00"], ["14:00", "20:00"]]
thu = [["09:00", "18:00"]]
fri = [["09:00", "18:00"]]
sat = [["09:00", "13:00"]]
sun = []

[openings]
"2026-08-09" = [["10:00", "12:00"]]
"""

CLINIC_MISTAKES = [
    ('timezone = "Asia/Seoul"', 'timezone = "Asia/Seul"', "timezone", "unknown IANA time zone 'Asia/Seul'"),
    ('timezone = "Asia/Seoul"', 'timezone = "../etc"', "timezone", "unknown IANA time zone"),
    ('holiday_country = "KR"', 'holiday_country = "XX"', "holiday_country", "unknown holiday country 'XX'"),
    ('tier = "local"', 'tier = "premium"', "tier", "unknown tier 'premium'"),
    ('lunch = ["13:00", "14:00"]', 'lunch = ["13:00", "12:00"]', "lunch", "not after its start"),
    ('lunch = ["13:00", "14:00"]', 'lunch = ["1pm", "14:00"]', "lunch[0]", "HH:MM"),
    ('mon = [["09:00", "18:00"]]', 'mon = [["9:00", "18:00"]]', "hours.mon[0][0]", "HH:MM"),
    ('mon = [["09:00", "18:00"]]', 'mon = [["09:00", "24:00"]]', "hours.mon[0][1]", "HH:MM"),
    ('mon = [["09:00", "18:00"]]', 'mon = [["18:00", "09:00"]]', "hours.mon[0]", "not after its start"),
    ('mon = [["09:00", "18:00"]]', 'mon = [["09:00", "18:00"], ["17:00", "20:00"]]', "hours.mon[1]", "overlap"),
    ('mon = [["09:00", "18:00"]]', 'mon = ["09:00", "18:00"]', "hours.mon[0]", "pair of times"),
    ('mon = [["09:00", "18:00"]]', "", "hours.mon", "missing"),
    ("sun = []", "sun = []\nsunday = []", "hours.sunday", "did you mean 'sun'"),
    ('languages = ["ko", "en"]', 'languages = ["Korean"]', "languages[0]", "not a language code"),
    ('languages = ["ko", "en"]', "languages = []", "languages", "at least one"),
    ("closures = [2026-08-03]", 'closures = ["3 Aug"]', "closures[0]", "YYYY-MM-DD"),
    ('"2026-08-09"', '"Aug 9"', "openings.Aug 9", "YYYY-MM-DD"),
    ("sample = true", "sampel = true", "sampel", "did you mean 'sample'"),
    ('id = "sample-clinic"', 'id = "Sample Clinic"', "id", "not a valid id"),
]


def _clinic_with(old: str, new: str) -> dict:
    assert old in CLINIC, old
    return tomllib.loads(CLINIC.replace(old, new, 1), parse_float=Decimal)


@pytest.mark.parametrize(("old", "new", "field", "reason"), CLINIC_MISTAKES)
def test_clinic_mistakes_name_the_field_and_the_reason(old, new, field, reason):
    with pytest.raises(CatalogError) as caught:
        parse_clinic(_clinic_with(old, new), where="clinics/seoul.toml")
    err = caught.value
    assert (err.file, err.field) == ("clinics/seoul.toml", field)
    assert reason in err.reason
    assert str(err).startswith("clinics/seoul.toml: clinic '")


def test_a_clinic_may_have_no_public_holidays():
    clinic = parse_clinic(_clinic_with('holiday_country = "KR"', 'holiday_country = ""'))
    assert clinic.holiday_country == ""
