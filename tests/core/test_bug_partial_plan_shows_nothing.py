"""A trip that does not fit used to show no appointment and a budget without treatment cost.

Now it gets the best schedule the engine can make: every occurrence that fits is placed, the rest
is listed in ``unscheduled`` with a reason and a rule code, and the budget prices every step.
"""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from icalendar import Calendar
from rules_oracle import violations
from strategies import examples, trips
from worded import plan

from planner.core import plan_from_dict
from planner.core.calendar import CalendarOptions, TripEvents, render_calendar
from planner.core.catalog import load_catalog
from planner.core.render import plan_to_text
from planner.core.scenario import parse_scenario
from planner.wording.budget import compute_budget

SHORT = {
    "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-02-28T16:00",
    "departure": "2027-03-05T11:00",
    "treatments": [{"protocol": "acupuncture-chronic-pain", "count": 6, "clinic_tier": "local"}],
    "lodging": "mid",
    "currency": "EUR",
}
KNEE = {
    "traveller": {"name": "Ana", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-03-02T08:00",
    "departure": "2027-03-06T18:00",
    "treatments": [{"protocol": "stem-cell-knee-svf"}],
    "currency": "EUR",
}
CATALOG = load_catalog()
RULES = {"stay_too_short", "fit_to_fly", "window_missed", "pin_conflict", "cannot_fit", "waits_for_unscheduled"}


def test_a_stay_too_short_places_what_fits_and_lists_the_rest():
    result = plan_from_dict(SHORT)
    assert result["feasible"] is False
    placed = {a["key"] for a in result["appointments"]}
    assert placed == {
        "acupuncture-chronic-pain-consultation-1",
        "acupuncture-chronic-pain-intensive-1",
        "acupuncture-chronic-pain-intensive-2",
    }
    waiting = result["unscheduled"]
    assert [(u["step"], u["occurrence"]) for u in waiting] == [("intensive", n) for n in (3, 4, 5, 6)]
    assert set(waiting[0]) == {"protocol", "step", "occurrence", "title", "reason", "rule", "params"}
    assert waiting[0]["rule"] == "stay_too_short"
    assert "5 March" in waiting[0]["reason"]
    assert waiting[0]["params"] == {"date": "2027-03-05"}
    assert all(u["rule"] == "waits_for_unscheduled" for u in waiting[1:])
    # the placed part is on the days, and the problem still offers the departure that works
    listed = {key for day in result["days"] for key in day["appointments"]}
    assert listed == placed
    assert result["problems"][0]["code"] == "stay_too_short"


def test_the_budget_prices_every_requested_step_and_says_what_is_not_scheduled():
    result = plan_from_dict(SHORT)
    lines = [line for line in result["budget"]["lines"] if line["code"] == "treatment"]
    sessions = next(line for line in lines if "Acupuncture session" in line["label"])
    assert sessions["quantity"] == "6"
    assert sessions["note"].startswith("4 of 6 not scheduled yet")
    consultation = next(line for line in lines if "consultation" in line["label"].lower())
    assert consultation["note"] == ""


def test_a_knee_trip_too_short_for_the_harvest_still_costs_the_injection():
    result = plan_from_dict(KNEE)
    assert result["feasible"] is False
    assert [a["step"] for a in result["appointments"]] == ["consultation"]
    by_step = {u["step"]: u for u in result["unscheduled"]}
    assert by_step["harvest"]["rule"] == "fit_to_fly"
    assert by_step["injection"]["rule"] == "waits_for_unscheduled"
    labels = [line["label"] for line in result["budget"]["lines"] if line["code"] == "treatment"]
    assert any("Knee injection" in label for label in labels)


def test_text_and_calendar_show_the_placed_part_marked_as_not_working():
    request = parse_scenario(SHORT, CATALOG)
    result = plan(request, CATALOG)
    text = plan_to_text(plan_from_dict(SHORT))
    assert "Feasible: no" in text
    assert "Not scheduled yet" in text
    assert "Acupuncture session (intensive phase) (3 of 6): It does not fit" in text
    options = CalendarOptions(calendar_uid="c", name="Trip", host="example.org", stamp=datetime(2027, 1, 1, tzinfo=UTC))
    events = Calendar.from_ical(render_calendar([TripEvents(result, request, "t")], CATALOG, options)).walk("VEVENT")
    appointments = [e for e in events if "consultation" in str(e["UID"]) or "intensive" in str(e["UID"])]
    assert len(appointments) == 3
    assert all("does not work yet" in str(e["DESCRIPTION"]) for e in appointments)
    # the problems are said once, in the arrival day's note; each event points there instead of repeating them
    (note,) = [e for e in events if "plan-status" in str(e["UID"])]
    problem = result.problems[0].message
    assert problem in str(note["DESCRIPTION"])
    assert not any(problem in str(e["DESCRIPTION"]) for e in appointments)
    assert all("see the note on your arrival day" in str(e["DESCRIPTION"]) for e in appointments)


def test_a_plan_that_works_has_nothing_unscheduled_and_no_calendar_mark():
    works = SHORT | {"departure": "2027-03-21T11:00"}
    result = plan_from_dict(works)
    assert result["feasible"] is True
    assert result["unscheduled"] == []
    request = parse_scenario(works, CATALOG)
    options = CalendarOptions(calendar_uid="c", name="Trip", host="example.org", stamp=datetime(2027, 1, 1, tzinfo=UTC))
    ics = render_calendar([TripEvents(plan(request, CATALOG), request, "t")], CATALOG, options)
    assert b"does not work yet" not in ics


@settings(max_examples=examples(60), deadline=None)
@given(trips())
def test_a_plan_that_does_not_work_places_what_fits_and_explains_the_rest(trip):
    request, catalog = trip
    result = plan(request, catalog)
    # the oracle checks the placed part keeps every rule and placed + unscheduled = every occurrence
    assert violations(result, request, catalog) == []
    assert {u.rule for u in result.unscheduled} <= RULES
    if result.unscheduled:
        assert not result.feasible
        budget = compute_budget(result, request, catalog)
        priced = sum(line.quantity for line in budget.lines if line.code == "treatment")
        every = [(a.protocol, a.step, a.clinic) for a in result.appointments]
        every += [(u.protocol, u.step, u.clinic) for u in result.unscheduled]
        wanted = sum(1 for p, s, c in every if catalog.protocols[p].step(s).price_for(catalog.clinics[c].tier))
        assert priced == wanted
