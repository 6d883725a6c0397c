"""Planning a scenario for the web: the engine of the CLI, with pins, one-click fixes and calendars."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import has_request_context

from planner.core.budget import Budget, compute_budget
from planner.core.calendar import CalendarOptions, TripEvents, render_calendar
from planner.core.catalog import Catalog
from planner.core.model import Plan, TripRequest
from planner.core.render import plan_to_dict
from planner.core.scenario import CLINIC_ZONE, ScenarioError, parse_scenario
from planner.core.schedule import plan as make_plan
from planner.i18n import ENGLISH, Words
from planner.i18n.web import current_words
from planner.services import current_catalog
from planner.services.planning.memo import app_memo
from planner.wording import localize
from planner.wording.budget import word_budget
from planner.wording.errors import scenario_reason

#: namespace of the uuid5 that names an unsaved scenario's calendar (any fixed UUID would do)
UNSAVED_NAMESPACE = uuid.UUID("0c5d7a52-8e3f-4b6a-9d21-7f4e3a9b1c60")


@dataclass(frozen=True)
class StalePin:
    """A stored pin a changed trip no longer accepts (plain values: planned trips outlive a request)."""

    pin_id: int | None
    entry: dict
    title: str
    reason: str  # in the words of the copy it belongs to (``worded``); the memo's copy keeps English
    start: datetime  # in the clinics' zone
    #: the refusal as a value (its code and values), so each language words it afresh
    error: ScenarioError | None = field(default=None, compare=False)


@dataclass(frozen=True)
class PlannedTrip:
    """A scenario with what the engine made of it: the request, the plan and its budget."""

    #: the scenario as planned, pins included
    scenario: dict
    request: TripRequest
    plan: Plan
    budget: Budget
    catalog: Catalog
    #: stored pins the changed trip no longer accepts: planned without them, offered for removal
    stale_pins: tuple[StalePin, ...] = ()

    def is_stale(self, pin) -> bool:
        """Whether a pin (a Pin row or a core Pin) is one of the stale ones."""
        return any(s.entry == _pin_entry(pin) for s in self.stale_pins)


def _pin_entry(pin) -> dict:
    """A pin (a core Pin or a Pin row: same attribute names) as a scenario entry."""
    return {"protocol": pin.protocol, "step": pin.step, "occurrence": pin.occurrence, "start": pin.start.isoformat()}


def check_scenario(scenario: dict, pins: Iterable = (), catalog: Catalog | None = None) -> tuple[dict, TripRequest]:
    """The scenario with the pins added, and its trip request; raises ScenarioError naming the bad field."""
    catalog = catalog or current_catalog()
    if not isinstance(scenario, dict):
        raise ScenarioError("scenario", code="json_object")
    data = dict(scenario)
    extra = [_pin_entry(pin) for pin in pins]
    if extra:
        given = data.get("pins") or []
        if not isinstance(given, list):
            raise ScenarioError("pins", code="pins_list")
        data["pins"] = [*given, *extra]
    return data, parse_scenario(data, catalog)


def split_pins(scenario: dict, pins: Iterable, catalog: Catalog | None = None) -> tuple[list, list[StalePin]]:
    """The pins the scenario accepts (in order), and the others with the reason each is refused.

    Raises ScenarioError when the scenario itself is bad (not one of its pins).
    """
    catalog = catalog or current_catalog()
    kept: list = []
    stale: list[StalePin] = []
    check_scenario(scenario, (), catalog)
    for pin in pins:
        try:
            check_scenario(scenario, [*kept, pin], catalog)
        except ScenarioError as error:
            start = pin.start.astimezone(ZoneInfo(CLINIC_ZONE))
            entry, title = _pin_entry(pin), _pin_title(pin, catalog)
            reason = scenario_reason(error, ENGLISH)
            stale.append(StalePin(getattr(pin, "id", None), entry, title, reason, start, error))
        else:
            kept.append(pin)
    return kept, stale


def _pin_title(pin, catalog: Catalog) -> str:
    """A pin's step in plain words ("Fat harvest", "Acupuncture session 3"), the ids when the catalog lost it."""
    protocol = catalog.protocols.get(pin.protocol)
    try:
        title = protocol.step(pin.step).title if protocol else f"{pin.protocol} {pin.step}"
    except KeyError:
        title = f"{protocol.name}: {pin.step}"
    return title if pin.occurrence == 1 else f"{title} {pin.occurrence}"


def _memo_key(scenario: object, pins: tuple, catalog: Catalog) -> tuple | None:
    """What a plan depends on: the catalog object (kept alive by the memo's entry) and the request."""
    try:
        request = json.dumps([scenario, [_pin_entry(pin) for pin in pins]], sort_keys=True, separators=(",", ":"))
    except (TypeError, ValueError, AttributeError):
        return None  # not a JSON request: planned (and refused) without the memo
    return id(catalog), request


def plan_scenario(
    scenario: dict, pins: Iterable = (), catalog: Catalog | None = None, *, words: Words | None = None
) -> PlannedTrip:
    """Validate a scenario (plus pins) and plan it; raises ScenarioError naming the bad field.

    The engine is deterministic, so the planned trip is kept per process under its scenario, pins
    and catalog: a page view of an unchanged trip does not plan again (PLANNER_PLAN_CACHE_SIZE=0
    turns that off). Callers never change a PlannedTrip (apply_fix copies the scenario).

    The memo keeps the engine's language-neutral plan (codes and values); the plan returned is
    worded in ``words`` (default: the request's language, English outside a request).
    """
    catalog = catalog or current_catalog()
    words = words or edge_words()
    pins = tuple(pins)
    memo = app_memo("plans", "PLANNER_PLAN_CACHE_SIZE", 256)
    key = _memo_key(scenario, pins, catalog)
    # the worded copies are kept too (per language), so an unchanged trip is one object a page can key on
    said = app_memo("worded_plans", "PLANNER_PLAN_CACHE_SIZE", 256)
    told = said.get((key, words.locale)) if key is not None else None
    if told is not None:
        return told
    planned = memo.get(key) if key is not None else None
    if planned is not None:
        return _keep_worded(said, key, worded(planned, words), words)
    # a trip changed since its pins were confirmed: the pins it no longer accepts are reported, not planned
    kept, stale = split_pins(scenario, pins, catalog) if pins else ([], [])
    data, request = check_scenario(scenario, kept, catalog)
    result = make_plan(request, catalog)
    budget = compute_budget(result, request, catalog)
    planned = PlannedTrip(data, request, result, budget, catalog, tuple(stale))
    if key is not None:
        memo.put(key, planned)
    return _keep_worded(said, key, worded(planned, words), words)


def _keep_worded(said, key, planned: PlannedTrip, words: Words) -> PlannedTrip:
    if key is not None:
        said.put((key, words.locale), planned)
    return planned


def edge_words() -> Words:
    """The words of the request (a client's, inside ``client_language``), English outside a request."""
    if has_request_context():
        return current_words()
    return ENGLISH


def reason_of(error: ScenarioError) -> str:
    """Why a field is refused, in the words of the request (English outside a request)."""
    return scenario_reason(error, edge_words())


def worded(planned: PlannedTrip, words: Words) -> PlannedTrip:
    """The planned trip with its plan's and budget's texts in ``words``' language (the memo's copy stays neutral)."""
    stale = tuple(
        replace(s, reason=scenario_reason(s.error, words)) if s.error is not None else s for s in planned.stale_pins
    )
    return replace(
        planned, plan=localize(planned.plan, words), budget=word_budget(planned.budget, words), stale_pins=stale
    )


def plan_document(planned: PlannedTrip) -> dict:
    """The plan as the JSON of the CLI's ``--format json``."""
    return plan_to_dict(planned.plan, planned.budget, planned.catalog, planned.request)


def _moment(value: object, field: str) -> datetime:
    if not isinstance(value, str):
        raise ScenarioError(field, code="moment")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ScenarioError(field, code="not_iso", value=repr(value)) from None
    if moment.tzinfo is None:
        raise ScenarioError(field, code="no_offset", value=repr(value))
    return moment


def apply_fix(scenario: dict, fix: Mapping[str, str], catalog: Catalog | None = None) -> dict:
    """The scenario with a problem's fix applied: a later departure, a later trip or fewer sessions."""
    catalog = catalog or current_catalog()
    request = parse_scenario(scenario, catalog)
    changed = copy.deepcopy(scenario)
    # the engine verified the fix as a whole (planner.core.schedule.fixes.apply_fix): every part of it applies
    if not any(fix.get(name) for name in ("departure", "arrival", "count")):
        raise ScenarioError("fix", code="nothing_to_fix")
    if fix.get("arrival"):
        arrival = _moment(fix["arrival"], "fix.arrival")
        # the whole trip moves unless the fix names the departure too: a booked stay length is kept
        shift = arrival - request.arrival
        changed["arrival"] = arrival.isoformat()
        if request.departure is not None:
            changed["departure"] = (request.departure + shift).isoformat()
    if fix.get("departure"):
        changed["departure"] = _moment(fix["departure"], "fix.departure").isoformat()
    if fix.get("count"):
        index, count = fix.get("treatment", "0"), fix["count"]
        if not (index.isdigit() and int(index) < len(request.treatments)):
            raise ScenarioError("fix.treatment", code="not_a_treatment", protocol=repr(index))
        if not count.isdigit():
            raise ScenarioError("fix.count", code="not_whole_text", value=repr(count))
        changed["treatments"][int(index)]["count"] = int(count)
    return changed


def calendar_file(
    planned: PlannedTrip,
    *,
    host: str,
    discreet: bool,
    trip_uuid: str | None = None,
    stamp: datetime | None = None,
    words: Words = ENGLISH,
) -> bytes:
    """The plan as .ics bytes: a saved trip's events are named by its uuid, an unsaved one's by its scenario.

    Without a ``stamp`` (an unsaved plan has no history) DTSTAMP is the arrival instant, so the
    same scenario always downloads as the same bytes.
    """
    if trip_uuid is None:
        canonical = json.dumps(planned.scenario, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        prefix = f"plan-{uuid.uuid5(UNSAVED_NAMESPACE, canonical)}"
    else:
        prefix = f"trip-{trip_uuid}"
    confirmed = frozenset(a.key for a in planned.plan.appointments if a.pinned)
    name = planned.request.traveller.name
    _ = words.gettext
    options = CalendarOptions(
        calendar_uid=prefix,
        name=_("Treatment trip") if discreet or not name else _("Treatment trip · %(patient)s", patient=name),
        host=host,
        stamp=(stamp or planned.request.arrival).astimezone(UTC),
        discreet=discreet,
        words=words,
    )
    events = TripEvents(planned.plan, planned.request, prefix, confirmed=confirmed)
    return render_calendar([events], planned.catalog, options)
