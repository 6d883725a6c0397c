"""What is wrong in a catalog entry (a protocol's, a clinic's): each code's English sentence.

``N_`` only marks a sentence for the translators; the protocol and clinic editors show it in the
facilitator's language (``planner.wording.errors.catalog_reason``); files and logs read the English.
"""

from __future__ import annotations


def N_(text: str) -> str:  # noqa: N802
    """Mark an English sentence for extraction; it is translated where it is shown."""
    return text


#: the reason of each code, with named placeholders
REASONS = {
    "missing": N_("missing (required)"),
    "at_least": N_("must be at least %(minimum)s, got %(value)s"),
    "empty": N_("must not be empty"),
    "bad_id": N_("'%(value)s' is not a valid id (use lowercase letters, digits and hyphens)"),
    "interval_order": N_("ends at %(end)s, which is not after its start %(start)s"),
    "no_step": N_("a protocol needs at least one step"),
    "min_over_max": N_("min %(min)d is more than max %(max)d"),
    "default_outside": N_("default %(default)d is outside min..max (%(min)d..%(max)d)"),
    "per_week": N_("must be between 1 and 7, got %(value)s"),
    "no_minutes": N_("a %(kind)s visit must last more than 0 minutes"),
    "low_risk": N_("only an invasive step waits for jet lag, so only it can be low risk"),
    "in_person_remote": N_("only a remote step can be held in person, not a %(kind)s"),
    "in_person_title": N_("needs in_person_if_present = true"),
    "max_under_min": N_("max_days %(max)d is less than min_days %(min)d"),
    "negative": N_("must not be negative, got %(value)s"),
    "price_order": N_("must be low ≤ typical ≤ high, got %(low)s/%(typical)s/%(high)s"),
    "no_language": N_("must name at least one language"),
    "unknown_zone": N_("unknown IANA time zone '%(name)s' (e.g. Asia/Seoul)"),
    "interval_overlap": N_("starts before the previous interval ends (list them in order, without overlap)"),
    "duplicate_step": N_("duplicate step id '%(step)s' (also steps[%(other)d])"),
    "after_itself": N_("step '%(step)s' cannot come after itself"),
    "unknown_step": N_("unknown step '%(step)s'"),
    "later_visit": N_("'%(step)s' is in a later visit than '%(other)s'"),
    "visit_gaps": N_("visits must be numbered 1, 2, … without gaps, got %(visits)s"),
    "gap_missing": N_("missing: steps are in %(visits)d visits, so the gap between trips is required"),
    "gap_unneeded": N_("given, but every step is in visit 1"),
    "min_stay_count": N_("needs one number per trip (%(visits)d), got %(given)d"),
    "cycle": N_("steps wait for each other in a cycle: %(loop)s"),
    "count_missing": N_("missing: step '%(step)s' is counted, so the protocol needs a count"),
    "count_unneeded": N_("given, but no step has counted = true"),
    "count_unreachable": N_("%(max)d cannot be reached: the counted steps allow at most %(reachable)d"),
}


def english(code: str, params: dict) -> str:
    """The reason in English."""
    template = REASONS.get(code)
    return template % params if template else code
