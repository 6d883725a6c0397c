"""A notice (a problem or a warning) in words: one sentence per code and text."""

from __future__ import annotations

from planner.core.model import Notice
from planner.i18n import ENGLISH, Words
from planner.wording.phrases import (
    _capital,
    _day,
    _days,
    _join,
    _long,
    _lower,
    _stamp,
    _time,
    _title,
    _trip,
    _weekday,
    _works_if,
    _zone,
    fix_text,
    moved_text,
)


def _pin_text(p: dict, text: str, notice: Notice, words: Words) -> str:
    title, on = _title(words, p), _day(words, p.get("date"))
    if text == "pin_outside_stay":
        return words.gettext(
            "The confirmed %(title)s on %(date)s is outside the stay; change the flight or ask the clinic to move it.",
            title=title,
            date=on,
        )
    if text == "pin_outside_hours":
        return words.gettext(
            "The confirmed %(title)s on %(date)s is outside the clinic's opening hours; "
            "please check it with the clinic.",
            title=title,
            date=on,
        )
    if text == "pin_too_late":
        return words.gettext(
            "The confirmed %(title)s on %(date)s starts after %(latest)s %(zone)s, the latest start the protocol "
            "asks for; please check it with the clinic.",
            title=title,
            date=on,
            latest=p["latest"],
            zone=_zone(words, p["zone"]),
        )
    if text == "pin_gap":
        low, high = p["min_days"], p.get("max_days")
        window = f"{low}+" if high is None else f"{low}–{high}"
        return words.ngettext(
            "The confirmed %(title)s on %(date)s is %(num)d day after %(other)s; the protocol asks for %(window)s "
            "days between them.",
            "The confirmed %(title)s on %(date)s is %(num)d days after %(other)s; the protocol asks for %(window)s "
            "days between them.",
            p["gap"],
            title=title,
            date=on,
            other=_title(words, p, "anchor", "anchor_n", "anchor_total"),
            window=window,
        )
    if text == "pin_overlap":
        return words.gettext(
            "The confirmed %(title)s on %(date)s overlaps %(other)s.",
            title=title,
            date=on,
            other=_title(words, p, "other", "other_n", "other_total"),
        )
    if text == "pin_too_soon":
        start = p["start"]
        sentence = words.ngettext(
            "The clinic confirmed the %(title)s at %(time)s on %(date)s, but the flight lands at %(land)s and the "
            "clinic can be reached from %(ready)s (%(zone)s, %(num)d hour after landing); ask the clinic for a later "
            "time, or arrive earlier.",
            "The clinic confirmed the %(title)s at %(time)s on %(date)s, but the flight lands at %(land)s and the "
            "clinic can be reached from %(ready)s (%(zone)s, %(num)d hours after landing); ask the clinic for a later "
            "time, or arrive earlier.",
            p["hours"],
            title=title,
            time=_time(words, start),
            date=_day(words, start),
            land=_stamp(words, p["land"], start),
            ready=_stamp(words, p["ready"], start),
            zone=_zone(words, p["zone"]),
        )
        if notice.fix:
            return _join(words, sentence, _works_if(notice, words))
        return sentence
    # "pin_blocks": a confirmed appointment leaves no room before it
    return words.gettext(
        "The confirmed %(pinned)s on %(date)s leaves no room for the %(step)s before it; ask the clinic to move it.",
        pinned=_lower(words.catalog(p.get("pinned", ""))),
        date=on,
        step=_lower(words.catalog(p.get("step_title", ""))),
    )


def notice_text(notice: Notice, words: Words = ENGLISH) -> str:
    """A problem or warning in words (one or two sentences)."""
    p, code = notice.params, notice.code
    if code == "pin_conflict":
        return _pin_text(p, notice.text, notice, words)
    if code == "stay_too_short":
        until = _long(words, p.get("until"))
        if notice.fix:
            change = fix_text(notice.fix, p, words)
            return words.gettext(
                "The treatments need until %(date)s; it works with %(change)s.", date=until, change=change
            )
        return words.gettext(
            "The treatments need until %(date)s; a stay until %(short)s fits them.",
            date=until,
            short=_day(words, p.get("until")),
        )
    if code == "window_missed":
        sentence = words.gettext(
            "A %(anchor)s on %(weekday)s leaves no open day within %(days)s for the %(step)s.",
            anchor=_lower(words.catalog(p.get("anchor", ""))),
            weekday=_weekday(words, p.get("date")),
            days=_days(words, p.get("days", 0)),
            step=_lower(words.catalog(p.get("step_title", ""))),
        )
        return _join(words, sentence, _works_if(notice, words))
    if code == "cannot_fit":
        sentence = words.gettext(
            "The %(step)s cannot be fitted within %(days)d days of arrival.",
            step=_lower(words.catalog(p.get("step_title", ""))),
            days=p.get("days", 0),
        )
        return _join(words, sentence, _works_if(notice, words))
    if code == "holiday_moved":
        when = _day(words, p.get("date"))
        because = moved_text(p.get("because", ""), p.get("because_params") or {}, words)
        if p.get("home_time"):
            return words.gettext(
                "%(title)s is on %(date)s (home time) because %(because)s.",
                title=_title(words, p),
                date=when,
                because=because,
            )
        return words.gettext(
            "%(title)s is on %(date)s because %(because)s.", title=_title(words, p), date=when, because=because
        )
    if code == "remote_hour":
        return words.gettext(
            "%(title)s is at %(time)s home time on %(date)s: no hour is both open at the clinic and between "
            "%(start)s and %(end)s at home, so this is the nearest one; ask the clinic for an earlier or later slot.",
            title=_title(words, p),
            time=p["time"],
            date=_day(words, p.get("date")),
            start=p["awake_from"],
            end=p["awake_to"],
        )
    trip = p.get("trip", 0)
    if code == "jetlag_buffer":
        if trip:
            return words.ngettext(
                "On %(trip)s, procedures wait %(num)d day after landing, so that the body clock has adjusted to the "
                "time difference.",
                "On %(trip)s, procedures wait %(num)d days after landing, so that the body clock has adjusted to the "
                "time difference.",
                p["days"],
                trip=_trip(words, trip),
            )
        return words.ngettext(
            "Procedures wait %(num)d day after landing, so that the body clock has adjusted to the time difference.",
            "Procedures wait %(num)d days after landing, so that the body clock has adjusted to the time difference.",
            p["days"],
        )
    if code == "clot_risk":
        values = {
            "date": _day(words, p.get("date")),
            "days": _days(words, p.get("days", 0)),
            "step": _lower(words.catalog(p.get("step_title", ""))),
            "limit": p.get("long_flight_hours", 0),
        }
        advice = words.gettext(
            "A flight over %(limit)s hours about doubles the risk of a blood clot, more so in the week after a "
            "procedure: walk about, drink water, ask about compression stockings.",
            limit=values["limit"],
        )
        hours = p.get("hours")
        if hours and trip:
            first = words.gettext(
                "The %(hours)s-hour flight home from %(trip)s on %(date)s is %(days)s after the %(step)s.",
                hours=hours,
                trip=_trip(words, trip),
                **values,
            )
        elif hours:
            first = words.gettext(
                "The %(hours)s-hour flight home on %(date)s is %(days)s after the %(step)s.", hours=hours, **values
            )
        elif trip:
            first = words.gettext(
                "The flight home from %(trip)s on %(date)s is %(days)s after the %(step)s.",
                trip=_trip(words, trip),
                **values,
            )
        else:
            first = words.gettext("The flight home on %(date)s is %(days)s after the %(step)s.", **values)
        return _join(words, first, advice)
    if code == "visa_limit":
        if trip:
            return words.gettext(
                "The stay of %(trip)s is %(days)d days, longer than the %(visa)d days a C-3-3 medical visa allows; "
                "a longer stay needs a G-1-10 medical treatment visa.",
                trip=_trip(words, trip),
                days=p["days"],
                visa=p["visa_days"],
            )
        return words.gettext(
            "A stay of %(days)d days is longer than the %(visa)d days a C-3-3 medical visa allows; a longer stay "
            "needs a G-1-10 medical treatment visa.",
            days=p["days"],
            visa=p["visa_days"],
        )
    if code == "short_stay":
        values = {"days": _days(words, p.get("days", 0)), "fewest": p.get("fewest", 0)}
        if trip:
            return words.gettext(
                "%(trip)s is %(days)s; the clinic advises at least %(fewest)d days for it (time to heal and be checked "
                "before flying): ask the clinic before booking.",
                trip=_capital(_trip(words, trip)),
                **values,
            )
        return words.gettext(
            "The trip is %(days)s; the clinic advises at least %(fewest)d days for it (time to heal and be checked "
            "before flying): ask the clinic before booking.",
            **values,
        )
    return notice.message or code
