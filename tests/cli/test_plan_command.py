"""``flask plan`` and ``flask catalog``: good paths, and one line + status 2 for every bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from icalendar import Calendar

import planner

GOOD = {
    "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-02-28T16:00",
    "departure": "2027-03-21T11:00",
    "treatments": [{"protocol": "acupuncture-chronic-pain", "count": 6, "clinic_tier": "local"}],
    "lodging": "mid",
    "currency": "EUR",
}


@pytest.fixture
def scenario_file(tmp_path):
    """Write a scenario (dict, or raw text) to a file and return its path."""

    def write(content) -> str:
        path = tmp_path / "scenario.json"
        path.write_text(content if isinstance(content, str) else json.dumps(content))
        return str(path)

    return write


def _bad(runner, path, field_and_reason: str):
    result = runner.invoke(args=["plan", path])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert field_and_reason in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"treatments": [{"protocol": "reiki"}]}, "treatments[0].protocol: unknown protocol 'reiki'"),
        ({"treatments": [{"protocol": "health-checkup", "clinic": "nowhere"}]}, "treatments[0].clinic: unknown clinic"),
        (
            {"treatments": [{"protocol": "acupuncture-chronic-pain", "count": 14}]},
            "treatments[0].count: enter a number from 6 to 12 for Acupuncture for chronic pain, got 14",
        ),
        ({"departure": "2027-02-27T10:00"}, "departure: "),
        ({"departure": "2028-03-10T10:00"}, "departure: a stay of 376 days is over the 365-day limit"),
        ({"traveller": {"home_timezone": "Europe/Atlantis"}}, "traveller.home_timezone: unknown time zone"),
        ({"arrival": "2027-02-31T16:00"}, "arrival: '2027-02-31T16:00' is not a date and time"),
        ({"treatments": []}, "treatments: choose at least one treatment"),
    ],
)
def test_bad_scenario(runner, scenario_file, change, message):
    _bad(runner, scenario_file(GOOD | change), message)


def test_not_json(runner, scenario_file):
    _bad(runner, scenario_file("{'arrival': nope"), "not JSON")


def test_missing_file(runner, tmp_path):
    _bad(runner, str(tmp_path / "absent.json"), "absent.json: no such file")


def test_text_itinerary(runner, scenario_file):
    result = runner.invoke(args=["plan", scenario_file(GOOD)])
    assert result.exit_code == 0, result.output
    assert "Feasible: yes" in result.output
    # the stay runs from 28 February to 21 March: both ends appear as days
    assert "Sun 28 Feb 2027  arrival" in result.output
    assert "Sun 21 Mar 2027  departure" in result.output
    assert "Total: " in result.output and "EUR" in result.output


def test_json_plan(runner, scenario_file):
    result = runner.invoke(args=["plan", scenario_file(GOOD), "--format", "json"])
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    assert plan["feasible"] is True
    assert plan["days"][0]["date"] == "2027-02-28" and plan["days"][-1]["date"] == "2027-03-21"
    sessions = [a for a in plan["appointments"] if a["step"] != "consultation" and a["kind"] == "session"]
    assert len(sessions) == 6
    assert all(a["start"].endswith("+09:00") for a in plan["appointments"] if a["in_person"])
    assert plan["budget"]["currency"] == "EUR"


def test_a_trip_that_cannot_work_is_not_bad_input(runner, scenario_file):
    # six sessions at most twice a week cannot fit in two days
    result = runner.invoke(args=["plan", scenario_file(GOOD | {"departure": "2027-03-02T11:00"}), "--format", "json"])
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    assert plan["feasible"] is False
    assert plan["problems"] and all(p["code"] and p["message"] for p in plan["problems"])


def test_ics_is_deterministic(runner, scenario_file, tmp_path):
    path = scenario_file(GOOD)
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    for output in (first, second):
        assert runner.invoke(args=["plan", path, "--format", "ics", "-o", str(output)]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    calendar = Calendar.from_ical(first.read_bytes())
    assert len([e for e in calendar.walk("VEVENT") if "session" in str(e["SUMMARY"]).lower()]) >= 6


def test_discreet_calendar_does_not_name_the_treatment(runner, scenario_file):
    result = runner.invoke(args=["plan", scenario_file(GOOD), "--format", "ics", "--discreet"])
    assert result.exit_code == 0
    events = Calendar.from_ical(result.stdout_bytes).walk("VEVENT")
    assert events
    for event in events:
        assert "acupuncture" not in str(event.get("SUMMARY", "")).lower()
        assert "acupuncture" not in str(event.get("DESCRIPTION", "")).lower()


def test_catalog_lists_protocols(runner):
    result = runner.invoke(args=["catalog"])
    assert result.exit_code == 0
    line = next(x for x in result.output.splitlines() if x.startswith("acupuncture-chronic-pain "))
    assert "6-12 sessions" in line


@pytest.fixture
def broken_catalog(tmp_path):
    """A copy of the shipped catalog with an unknown currency in the rates file."""
    source = Path(planner.__file__).parent / "catalog"
    target = tmp_path / "catalog"
    shutil.copytree(source, target)
    rates = target / "rates.toml"
    rates.write_text(rates.read_text().replace("base = ", "base_currency = ", 1))
    return target


@pytest.mark.parametrize("command", [["catalog"], ["plan", "scenario.json"]])
def test_broken_catalog_is_one_line(broken_catalog, monkeypatch, command, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")
    (tmp_path / "scenario.json").write_text(json.dumps(GOOD))
    monkeypatch.chdir(tmp_path)
    app = planner.create_app(
        {
            "TESTING": True,
            "PLANNER_CATALOG": str(broken_catalog),
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        }
    )
    result = app.test_cli_runner().invoke(args=command)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: catalog: rates.toml")
