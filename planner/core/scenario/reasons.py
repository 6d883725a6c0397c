"""Why a scenario field is refused: each code's English sentence, worded in other languages at the edge.

``N_`` only marks a sentence for the translators (``planner.wording.errors`` translates it); the core
says it in English for logs, the CLI and ``str(error)``.
"""

from __future__ import annotations


def N_(text: str) -> str:  # noqa: N802
    """Mark an English sentence for extraction; it is translated where it is shown."""
    return text


#: a JSON value's type, by ``values.kind``'s code
KINDS = {
    "object": N_("an object"),
    "list": N_("a list"),
    "string": N_("a string"),
    "boolean": N_("true/false"),
    "null": N_("null"),
    "number": N_("a number"),
}

#: the reason of each code, with named placeholders
REASONS = {
    "out_of_range_up": N_("enter a number from %(low)s up, got %(got)s"),
    "out_of_range": N_("enter a number from %(low)s to %(high)s, got %(got)s"),
    "not_whole": N_("must be a whole number, got %(kind)s"),
    "not_number": N_("must be a number, got %(kind)s"),
    "not_a_number": N_("%(value)s is not a number"),
    "more_than_zero": N_("enter a number more than 0, got 0"),
    "more_than_zero_up_to": N_("enter a number more than 0 up to %(high)s, got 0"),
    "not_object": N_("must be an object, got %(kind)s"),
    "unknown_key": N_("unknown key (expected one of: %(keys)s)"),
    "not_text": N_("must be a non-empty string, got %(kind)s"),
    "control_characters": N_("must not contain control characters (such as a NUL byte)"),
    "too_long": N_("must be at most %(limit)d characters, got %(length)d"),
    "not_boolean": N_("must be true or false, got %(kind)s"),
    "unknown_zone": N_("unknown time zone %(name)s (use an IANA name such as Europe/Lisbon)"),
    "not_moment": N_("%(text)s is not a date and time (YYYY-MM-DDTHH:MM)"),
    "outside_years": N_("%(text)s is outside the years %(first)d–%(last)d"),
    "unknown_currency": N_("unknown currency %(currency)s (known: %(known)s)"),
    "required": N_("is required"),
    "unknown_protocol": N_("unknown protocol %(protocol)s"),
    "clinic_or_tier": N_("give clinic or clinic_tier, not both"),
    "unknown_clinic": N_("unknown clinic %(clinic)s"),
    "clinic_not_offering": N_("%(clinic)s does not offer %(protocol)s"),
    "unknown_tier": N_("unknown tier %(tier)s (known: %(known)s)"),
    "no_tier_clinic": N_("no %(tier)s clinic offers %(protocol)s"),
    "no_count": N_("%(protocol)s has no number of sessions to choose: leave it out"),
    "count_out_of_range": N_("enter a number from %(low)s to %(high)s for %(protocol)s, got %(got)s"),
    "currency_with_price": N_("is required with a price"),
    "inbound_needs_departure": N_("needs a departure (a booked flight home fixes the date)"),
    "not_list": N_("must be a list, got %(kind)s"),
    "not_a_treatment": N_("%(protocol)s is not one of the trip's treatments"),
    "no_step": N_("%(protocol)s has no step %(step)s"),
    "occurrence": N_("%(step)s happens %(times)d times, not %(occurrence)d"),
    "departure_before": N_("%(departure)s is not after arrival %(arrival)s"),
    "stay_too_long": N_("a stay of %(days)d days is over the %(limit)d-day limit"),
    "no_treatment": N_("choose at least one treatment"),
    "already_chosen": N_("%(protocol)s is already on the trip"),
    "json_object": N_("must be a JSON object"),
    "pins_list": N_("must be a list"),
    "moment": N_("must be a date and time"),
    "not_iso": N_("%(value)s is not a date and time"),
    "no_offset": N_("%(value)s has no UTC offset"),
    "nothing_to_fix": N_("nothing to change"),
    "not_whole_text": N_("%(value)s is not a whole number"),
    "appointment_gone": N_("that appointment is not in the plan any more; reload the page"),
    "unknown_lodging": N_("unknown lodging tier %(lodging)s (known: %(known)s)"),
}

#: the values that are catalog texts (a protocol's, a clinic's name), per code: worded with the catalog's words
CATALOG_VALUES = {
    "clinic_not_offering": ("clinic", "protocol"),
    "no_tier_clinic": ("protocol",),
    "no_count": ("protocol",),
    "count_out_of_range": ("protocol",),
    "already_chosen": ("protocol",),
}
#: the values that are numbers to format (thousands separators)
NUMBERS = ("low", "high")


def english(code: str, params: dict) -> str:
    """The reason in English (the catalog's own texts, numbers as 1,000)."""
    values = dict(params)
    if "kind" in values:
        values["kind"] = KINDS.get(values["kind"], values["kind"])
    for key in NUMBERS:
        if values.get(key) is not None:
            values[key] = f"{values[key]:,}"
    template = REASONS.get(code)
    return template % values if template else code
