"""Why a scenario field is refused, in words: the core's ``ScenarioError`` code and values, worded at the edge.

``scenario_reason(error, words)`` is what forms and the API show (the request's language);
``reason_text(code, params)`` is the English the error carries (logs, the CLI, ``str(error)``).
"""

from __future__ import annotations

from planner.i18n import ENGLISH, Words

__all__ = ["catalog_reason", "catalog_text", "reason_text", "scenario_reason"]


def _kind(words: Words, kind: str) -> str:
    """A JSON value's type in a message ("a string", "a list")."""
    if kind == "object":
        return words.gettext("an object")
    if kind == "list":
        return words.gettext("a list")
    if kind == "string":
        return words.gettext("a string")
    if kind == "boolean":
        return words.gettext("true/false")
    if kind == "null":
        return words.gettext("null")
    return words.gettext("a number")


def _number(words: Words, value) -> str:
    return words.number(value) if words.locale != ENGLISH.locale else f"{value:,}"


def _range(words: Words, p: dict) -> str:
    low, high, got = _number(words, p["low"]), p.get("high"), p.get("got")
    if high is None:
        return words.gettext("enter a number from %(low)s up, got %(got)s", low=low, got=got)
    return words.gettext(
        "enter a number from %(low)s to %(high)s, got %(got)s", low=low, high=_number(words, high), got=got
    )


def reason_text(code: str, params: dict, words: Words = ENGLISH) -> str:  # noqa: C901, PLR0911, PLR0912
    """The reason of a refused scenario field in ``words``' language (English by default)."""
    p = params
    if code == "not_whole":
        return words.gettext("must be a whole number, got %(kind)s", kind=_kind(words, p["kind"]))
    if code == "out_of_range":
        return _range(words, p)
    if code == "not_number":
        return words.gettext("must be a number, got %(kind)s", kind=_kind(words, p["kind"]))
    if code == "not_a_number":
        return words.gettext("%(value)s is not a number", value=p["value"])
    if code == "more_than_zero":
        if p.get("high") is None:
            return words.gettext("enter a number more than 0, got 0")
        return words.gettext("enter a number more than 0 up to %(high)s, got 0", high=_number(words, p["high"]))
    if code == "not_object":
        return words.gettext("must be an object, got %(kind)s", kind=_kind(words, p["kind"]))
    if code == "unknown_key":
        return words.gettext("unknown key (expected one of: %(keys)s)", keys=p["keys"])
    if code == "not_text":
        return words.gettext("must be a non-empty string, got %(kind)s", kind=_kind(words, p["kind"]))
    if code == "control_characters":
        return words.gettext("must not contain control characters (such as a NUL byte)")
    if code == "too_long":
        return words.gettext(
            "must be at most %(limit)d characters, got %(length)d", limit=p["limit"], length=p["length"]
        )
    if code == "not_boolean":
        return words.gettext("must be true or false, got %(kind)s", kind=_kind(words, p["kind"]))
    if code == "unknown_zone":
        return words.gettext("unknown time zone %(name)s (use an IANA name such as Europe/Lisbon)", name=p["name"])
    if code == "not_moment":
        return words.gettext("%(text)s is not a date and time (YYYY-MM-DDTHH:MM)", text=p["text"])
    if code == "outside_years":
        return words.gettext(
            "%(text)s is outside the years %(first)d–%(last)d", text=p["text"], first=p["first"], last=p["last"]
        )
    if code == "unknown_currency":
        return words.gettext(
            "unknown currency %(currency)s (known: %(known)s)", currency=p["currency"], known=p["known"]
        )
    if code == "required":
        return words.gettext("is required")
    if code == "unknown_protocol":
        return words.gettext("unknown protocol %(protocol)s", protocol=p["protocol"])
    if code == "clinic_or_tier":
        return words.gettext("give clinic or clinic_tier, not both")
    if code == "unknown_clinic":
        return words.gettext("unknown clinic %(clinic)s", clinic=p["clinic"])
    if code == "clinic_not_offering":
        return words.gettext(
            "%(clinic)s does not offer %(protocol)s",
            clinic=words.catalog(p["clinic"]),
            protocol=words.catalog(p["protocol"]),
        )
    if code == "unknown_tier":
        return words.gettext("unknown tier %(tier)s (known: %(known)s)", tier=p["tier"], known=p["known"])
    if code == "no_tier_clinic":
        return words.gettext(
            "no %(tier)s clinic offers %(protocol)s", tier=p["tier"], protocol=words.catalog(p["protocol"])
        )
    if code == "no_count":
        return words.gettext(
            "%(protocol)s has no number of sessions to choose: leave it out", protocol=words.catalog(p["protocol"])
        )
    if code == "count_out_of_range":
        return words.gettext(
            "enter a number from %(low)s to %(high)s for %(protocol)s, got %(got)s",
            low=_number(words, p["low"]),
            high=_number(words, p["high"]),
            protocol=words.catalog(p["protocol"]),
            got=p["got"],
        )
    if code == "currency_with_price":
        return words.gettext("is required with a price")
    if code == "inbound_needs_departure":
        return words.gettext("needs a departure (a booked flight home fixes the date)")
    if code == "not_list":
        return words.gettext("must be a list, got %(kind)s", kind=_kind(words, p["kind"]))
    if code == "not_a_treatment":
        return words.gettext("%(protocol)s is not one of the trip's treatments", protocol=p["protocol"])
    if code == "no_step":
        return words.gettext("%(protocol)s has no step %(step)s", protocol=p["protocol"], step=p["step"])
    if code == "occurrence":
        return words.gettext(
            "%(step)s happens %(times)d times, not %(occurrence)d",
            step=p["step"],
            times=p["times"],
            occurrence=p["occurrence"],
        )
    if code == "departure_before":
        return words.gettext(
            "%(departure)s is not after arrival %(arrival)s", departure=p["departure"], arrival=p["arrival"]
        )
    if code == "stay_too_long":
        return words.gettext(
            "a stay of %(days)d days is over the %(limit)d-day limit", days=p["days"], limit=p["limit"]
        )
    if code == "no_treatment":
        return words.gettext("choose at least one treatment")
    if code == "already_chosen":
        return words.gettext("%(protocol)s is already on the trip", protocol=words.catalog(p["protocol"]))
    if code == "json_object":
        return words.gettext("must be a JSON object")
    if code == "pins_list":
        return words.gettext("must be a list")
    if code == "moment":
        return words.gettext("must be a date and time")
    if code == "not_iso":
        return words.gettext("%(value)s is not a date and time", value=p["value"])
    if code == "no_offset":
        return words.gettext("%(value)s has no UTC offset", value=p["value"])
    if code == "nothing_to_fix":
        return words.gettext("nothing to change")
    if code == "not_whole_text":
        return words.gettext("%(value)s is not a whole number", value=p["value"])
    if code == "appointment_gone":
        return words.gettext("that appointment is not in the plan any more; reload the page")
    if code == "unknown_lodging":
        return words.gettext(
            "unknown lodging tier %(lodging)s (known: %(known)s)", lodging=p["lodging"], known=p["known"]
        )
    return code


def scenario_reason(error, words: Words = ENGLISH) -> str:
    """A ``ScenarioError``'s reason in ``words``' language: from its code and values, else its own text."""
    code = getattr(error, "code", "")
    if not code:
        return error.reason
    return reason_text(code, error.params, words)


#: a catalog mistake's reason per code (the protocol and clinic editors show them; the files' own, English)
_CATALOG = {
    "missing": lambda w, p: w.gettext("missing (required)"),
    "at_least": lambda w, p: w.gettext("must be at least %(minimum)s, got %(value)s", **p),
    "empty": lambda w, p: w.gettext("must not be empty"),
    "bad_id": lambda w, p: w.gettext("'%(value)s' is not a valid id (use lowercase letters, digits and hyphens)", **p),
    "interval_order": lambda w, p: w.gettext("ends at %(end)s, which is not after its start %(start)s", **p),
    "no_step": lambda w, p: w.gettext("a protocol needs at least one step"),
    "min_over_max": lambda w, p: w.gettext("min %(min)d is more than max %(max)d", **p),
    "default_outside": lambda w, p: w.gettext("default %(default)d is outside min..max (%(min)d..%(max)d)", **p),
    "per_week": lambda w, p: w.gettext("must be between 1 and 7, got %(value)s", **p),
    "no_minutes": lambda w, p: w.gettext("a %(kind)s visit must last more than 0 minutes", **p),
    "low_risk": lambda w, p: w.gettext("only an invasive step waits for jet lag, so only it can be low risk"),
    "in_person_remote": lambda w, p: w.gettext("only a remote step can be held in person, not a %(kind)s", **p),
    "in_person_title": lambda w, p: w.gettext("needs in_person_if_present = true"),
    "max_under_min": lambda w, p: w.gettext("max_days %(max)d is less than min_days %(min)d", **p),
    "negative": lambda w, p: w.gettext("must not be negative, got %(value)s", **p),
    "price_order": lambda w, p: w.gettext("must be low ≤ typical ≤ high, got %(low)s/%(typical)s/%(high)s", **p),
    "no_language": lambda w, p: w.gettext("must name at least one language"),
    "unknown_zone": lambda w, p: w.gettext("unknown IANA time zone '%(name)s' (e.g. Asia/Seoul)", **p),
    "interval_overlap": lambda w, p: w.gettext(
        "starts before the previous interval ends (list them in order, without overlap)"
    ),
    "duplicate_step": lambda w, p: w.gettext("duplicate step id '%(step)s' (also steps[%(other)d])", **p),
    "after_itself": lambda w, p: w.gettext("step '%(step)s' cannot come after itself", **p),
    "unknown_step": lambda w, p: w.gettext("unknown step '%(step)s'", **p),
    "later_visit": lambda w, p: w.gettext("'%(step)s' is in a later visit than '%(other)s'", **p),
    "visit_gaps": lambda w, p: w.gettext("visits must be numbered 1, 2, … without gaps, got %(visits)s", **p),
    "gap_missing": lambda w, p: w.gettext(
        "missing: steps are in %(visits)d visits, so the gap between trips is required", **p
    ),
    "gap_unneeded": lambda w, p: w.gettext("given, but every step is in visit 1"),
    "min_stay_count": lambda w, p: w.gettext("needs one number per trip (%(visits)d), got %(given)d", **p),
    "cycle": lambda w, p: w.gettext("steps wait for each other in a cycle: %(loop)s", **p),
    "count_missing": lambda w, p: w.gettext("missing: step '%(step)s' is counted, so the protocol needs a count", **p),
    "count_unneeded": lambda w, p: w.gettext("given, but no step has counted = true"),
    "count_unreachable": lambda w, p: w.gettext(
        "%(max)d cannot be reached: the counted steps allow at most %(reachable)d", **p
    ),
}


def catalog_text(code: str, params: dict, words: Words = ENGLISH) -> str:
    """A catalog mistake's reason in ``words``' language (English by default)."""
    worded = _CATALOG.get(code)
    return worded(words, params) if worded else code


def catalog_reason(error, words: Words = ENGLISH) -> str:
    """A ``CatalogError``'s reason in ``words``' language: from its code and values, else its own (English) text."""
    code = getattr(error, "code", "")
    if not code:
        return error.reason
    return catalog_text(code, error.params, words)
