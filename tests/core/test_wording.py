"""The engine's words at the edge (issue 11): the core returns codes and values, ``planner.wording``
words them in any locale, and the core itself writes no English sentence."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

from hypothesis import given, settings
from strategies import examples, real_trips, trips

from planner.core.catalog.load import load_catalog
from planner.core.schedule import run
from planner.i18n import ENGLISH, LOCALES, words_for
from planner.wording import day_note, localize, notice_text, unscheduled_text

CATALOG = load_catalog()
SCHEDULE = Path(__file__).resolve().parents[2] / "planner" / "core" / "schedule"
#: three words in a row: a sentence (ids, codes and ISO formats have none)
SENTENCE = re.compile(r"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+")


def _json(values: dict) -> None:
    assert json.loads(json.dumps(values)) == values, values


def _every_locale(result) -> None:
    """Every text of the plan renders in every locale, from values that are JSON as they are."""
    for notice in (*result.problems, *result.warnings):
        assert notice.message == "", "the core writes no words"
        _json(notice.params)
    for item in result.unscheduled:
        assert item.reason == ""
        _json(item.params)
    for day in result.days:
        _json(day.note_params)
    for appointment in result.appointments:
        _json(appointment.moved_params)
    for locale in LOCALES:
        words = words_for(locale)
        worded = localize(result, words)
        for notice in (*worded.problems, *worded.warnings):
            assert notice.message and "%(" not in notice.message, (locale, notice)
            assert notice.message != notice.code, f"{notice.code}/{notice.text} has no sentence"
        for item in worded.unscheduled:
            assert item.reason and item.reason != item.rule and "%(" not in item.reason, (locale, item)
            assert item.title
        for day in worded.days:
            assert (day.note != "") == (day.note_code != ""), day
        for appointment in worded.appointments:
            assert appointment.title and "%(" not in appointment.title
            assert (appointment.moved_by != "") == (appointment.moved_code != "")


@settings(max_examples=examples(40), deadline=None)
@given(trips())
def test_every_notice_renders_in_every_locale(trip):
    request, catalog = trip
    _every_locale(run.plan(request, catalog))


@settings(max_examples=examples(20), deadline=None)
@given(real_trips(CATALOG))
def test_every_notice_of_the_shipped_catalog_renders_in_every_locale(request):
    _every_locale(run.plan(request, CATALOG))


def test_localize_leaves_the_core_plan_alone_and_can_be_repeated():
    request = _short_trip()
    neutral = run.plan(request, CATALOG)
    english = localize(neutral, ENGLISH)
    assert neutral.problems[0].message == ""
    korean = localize(english, words_for("ko"))
    assert localize(korean, ENGLISH) == english
    assert [a.title for a in localize(korean, ENGLISH).appointments] == [a.title for a in english.appointments]


def test_the_english_words_are_neutral():
    result = localize(run.plan(_short_trip(), CATALOG), ENGLISH)
    problem = result.problems[0]
    assert problem.code == "stay_too_short" and problem.params["until"] == "2027-03-18"
    assert problem.message == (
        "The treatments need until Thursday, 18 March 2027; it works with a stay until 18 March, "
        "with the flight home moved from 11:00 to 18:00 Seoul time."
    )
    assert notice_text(problem) == problem.message
    left = result.unscheduled[0]
    assert (left.rule, left.params) == ("stay_too_short", {"date": "2027-03-05"})
    assert unscheduled_text(left) == "It does not fit before the flight home on 5 March."
    assert left.title == "Acupuncture session (intensive phase) (3 of 6)"
    holiday = next(d for d in result.days if d.note_code)
    assert holiday.note_params == {"date": "2027-03-01", "name": "Independence Movement Day"}
    assert day_note(holiday) == "Independence Movement Day"
    for text in [n.message for n in result.warnings] + [problem.message]:
        assert not re.search(r"\b[Yy]ou(r)?\b", text), text


def test_a_korean_plan_has_korean_dates():
    result = localize(run.plan(_short_trip(), CATALOG), words_for("ko"))
    assert "2027년 3월 18일 목요일" in result.problems[0].message


def test_the_schedule_builds_no_english_sentence():
    """The schedule's modules hold no sentence literal outside docstrings and input errors (see planner.wording)."""
    found = []
    for path in sorted(SCHEDULE.glob("*.py")):
        tree = ast.parse(path.read_text())
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        # input errors (raise ValueError("field: …")) are the scenario's, shown by forms: not the plan's words
        raised = {id(inner) for node in ast.walk(tree) if isinstance(node, ast.Raise) for inner in ast.walk(node)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            if id(node) not in docstrings and id(node) not in raised:
                if SENTENCE.search(node.value):
                    found.append(f"{path.name}:{node.lineno}: {node.value!r}")
    assert found == []


def _short_trip():
    from planner.core.scenario import parse_scenario

    scenario = {
        "traveller": {"name": "Ana", "home_timezone": "Europe/Lisbon"},
        "arrival": "2027-02-28T16:00",
        "departure": "2027-03-05T11:00",
        "treatments": [{"protocol": "acupuncture-chronic-pain", "count": 6, "clinic_tier": "local"}],
    }
    return parse_scenario(scenario, CATALOG)
