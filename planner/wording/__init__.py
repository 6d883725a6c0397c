"""The engine's words, chosen at the edge in the caller's language.

The core (``planner.core``) returns codes and JSON-able values: a Notice's ``code``/``text`` and
``params``, an Unscheduled's ``rule`` and ``params``, a Day's ``note_code``, an Appointment's
``moved_code``, ``name`` and ``total``. ``localize(plan, words)`` returns the plan with every text
field filled in one language, so templates, the API, the .ics writer and the text renderer keep
reading ``.message``, ``.title``, ``.reason``, ``.note`` and ``.moved_by``.

One voice: the sentences read right to the patient and to the facilitator (no "you").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date

from planner.core.model import Appointment, Day, Notice, Plan, Unscheduled
from planner.i18n import ENGLISH, Words

__all__ = [
    "appointment_title",
    "day_note",
    "fix_label",
    "fix_text",
    "localize",
    "moved_text",
    "notice_text",
    "title_text",
    "unscheduled_text",
]


def _day(words: Words, iso: str | None, form: str = "MMMMd") -> str:
    if not iso:
        return ""
    return words.date(date.fromisoformat(iso[:10]), form)


def _long(words: Words, iso: str | None) -> str:
    """ "Friday, March 14, 2025" in the locale's way."""
    return _day(words, iso, "full")


def _weekday(words: Words, iso: str | None) -> str:
    """ "Friday" in the locale's way (a skeleton would shorten it)."""
    if not iso:
        return ""
    return format_date(date.fromisoformat(iso[:10]), "EEEE", locale=words.babel_locale)


def _lower(text: str) -> str:
    """A title inside a sentence (no case in most scripts; the catalog's capital dropped in the others)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() or len(text) == 1 else text


def title_text(words: Words, title: str, n: int = 1, total: int = 1) -> str:
    """A step title in words, with "(n of N)" for a repeated step."""
    name = words.catalog(title)
    if total <= 1:
        return name
    return words.gettext("%(title)s (%(n)d of %(total)d)", title=name, n=n, total=total)


def appointment_title(appointment: Appointment, words: Words = ENGLISH) -> str:
    return title_text(words, appointment.name or appointment.title, appointment.occurrence, appointment.total)


def _zone(words: Words, zone: str) -> str:
    return words.gettext("%(city)s time", city=words.city(zone))


def _days(words: Words, n: int) -> str:
    if n == 0:
        return words.gettext("the same day")
    return words.ngettext("%(num)d day", "%(num)d days", n)


def moved_text(code: str, params: dict, words: Words = ENGLISH) -> str:
    """Why an appointment is not earlier: "1 March is Independence Movement Day"."""
    if code == "closure":
        return words.gettext("the clinic is closed on %(date)s", date=_day(words, params.get("date")))
    if code == "holiday":
        return words.gettext(
            "%(date)s is %(holiday)s", date=_day(words, params.get("date")), holiday=words.catalog(params["name"])
        )
    return ""


def day_note(day: Day, words: Words = ENGLISH) -> str:
    """A day's note: a holiday's name, a closure, "rest after fat harvest"."""
    params = day.note_params
    if day.note_code == "holiday":
        return words.catalog(params["name"])
    if day.note_code == "closure":
        return words.gettext("clinic closure")
    if day.note_code == "rest_after":
        return words.gettext("rest after %(step)s", step=_lower(words.catalog(params["step_title"])))
    return day.note


def fix_text(fix: dict, params: dict, words: Words = ENGLISH) -> str:
    """Everything a fix changes, as nouns ("a stay until Thursday, March 18, 2027, with the flight home moved …")."""
    zone = params.get("fix_zone") or "Asia/Seoul"
    tz = ZoneInfo(zone)
    named = _zone(words, zone)
    parts = []
    if fix.get("arrival"):
        arrival = datetime.fromisoformat(fix["arrival"]).astimezone(tz)
        parts.append(
            words.gettext(
                "an arrival on %(date)s at %(time)s %(zone)s",
                date=words.date(arrival.date(), "MMMMd"),
                time=words.time(arrival),
                zone=named,
            )
        )
    if fix.get("departure"):
        departure = datetime.fromisoformat(fix["departure"]).astimezone(tz)
        when = words.date(departure.date(), "MMMMd")
        before = params.get("fix_before")
        if before and not fix.get("arrival"):
            old = datetime.fromisoformat(before).astimezone(tz)
            if old.time() != departure.time():
                text = words.gettext(
                    "a stay until %(date)s, with the flight home moved from %(before)s to %(after)s %(zone)s",
                    date=when,
                    before=words.time(old),
                    after=words.time(departure),
                    zone=named,
                )
            else:
                text = words.gettext("a stay until %(date)s", date=when)
        else:
            text = words.gettext(
                "a flight home on %(date)s at %(time)s %(zone)s", date=when, time=words.time(departure), zone=named
            )
        parts.append(text)
    if fix.get("count"):
        k = int(fix.get("treatment", "0"))
        names = params.get("fix_names") or []
        name = words.catalog(names[k]) if k < len(names) else words.gettext("the treatment")
        count = int(fix["count"])
        parts.append(words.ngettext("%(num)d session of %(name)s", "%(num)d sessions of %(name)s", count, name=name))
    return words.list(parts)


def fix_label(fix: dict, words: Words = ENGLISH) -> str:
    """A fix's button: "Stay until April 5", "Arrive on March 3, leave on March 12" ("" when there is none)."""

    def day(value: str) -> str:
        return words.date(datetime.fromisoformat(value).date(), "MMMMd")

    try:
        if fix.get("arrival") and fix.get("departure"):
            return words.gettext(
                "Arrive on %(arrival)s, leave on %(departure)s",
                arrival=day(fix["arrival"]),
                departure=day(fix["departure"]),
            )
        if fix.get("departure"):
            return words.gettext("Stay until %(date)s", date=day(fix["departure"]))
        if fix.get("arrival"):
            return words.gettext("Arrive on %(date)s instead", date=day(fix["arrival"]))
    except ValueError:
        return ""
    if fix.get("count"):
        try:
            count = int(fix["count"])
        except ValueError:
            return ""
        return words.ngettext("Book %(num)d session instead", "Book %(num)d sessions instead", count)
    return ""


def _works_if(notice: Notice, words: Words) -> str:
    """The verified fix as a sentence, or where to ask when there is none."""
    if notice.fix:
        return words.gettext("It works with %(change)s.", change=fix_text(notice.fix, notice.params, words))
    return words.gettext("Ask the clinic about other days, or choose another clinic.")


def _join(words: Words, first: str, second: str) -> str:
    return words.gettext("%(first)s %(second)s", first=first, second=second)


def _title(words: Words, params: dict, key: str = "title", n: str = "n", total: str = "total") -> str:
    return title_text(words, params.get(key, ""), params.get(n, 1), params.get(total, 1))


def _trip(words: Words, trip: int) -> str:
    if trip == 1:
        return words.gettext("the first trip")
    if trip == 2:
        return words.gettext("the second trip")
    return words.gettext("trip %(number)d", number=trip)


def _time(words: Words, iso: str) -> str:
    return words.time(datetime.fromisoformat(iso))


def _stamp(words: Words, iso: str, on: str) -> str:
    """A local time, with its date when that is not the appointment's."""
    moment = datetime.fromisoformat(iso)
    if moment.date().isoformat() == on[:10]:
        return words.time(moment)
    return words.gettext("%(time)s on %(date)s", time=words.time(moment), date=words.date(moment.date(), "MMMMd"))


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


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def unscheduled_text(item: Unscheduled, words: Words = ENGLISH) -> str:
    """Why an occurrence could not be placed, in one sentence."""
    p, rule = item.params, item.rule
    if rule == "stay_too_short":
        return words.gettext("It does not fit before the flight home on %(date)s.", date=_day(words, p.get("date")))
    if rule == "fit_to_fly":
        return words.gettext(
            "It must be at least %(days)s before the flight home on %(date)s, to be fit to fly.",
            days=_days(words, p.get("days", 0)),
            date=_day(words, p.get("date")),
        )
    if rule == "window_missed":
        return words.gettext(
            "The %(anchor)s on %(weekday)s leaves no open day within %(days)s.",
            anchor=_lower(_title(words, p, "anchor", "anchor_n", "anchor_total")),
            weekday=_weekday(words, p.get("date")),
            days=_days(words, p.get("days", 0)),
        )
    if rule == "pin_conflict":
        if p.get("outside_stay"):
            return words.gettext(
                "The confirmed time is outside the stay: change the flight or ask the clinic to move it."
            )
        return words.gettext(
            "The confirmed %(pinned)s on %(date)s leaves no room for it before.",
            pinned=_lower(_title(words, p, "pinned", "pinned_n", "pinned_total")),
            date=_day(words, p.get("date")),
        )
    if rule == "waits_for_unscheduled":
        return words.gettext(
            "It waits for the %(step)s, which is not scheduled yet.",
            step=_lower(_title(words, p, "waits_for", "waits_n", "waits_total")),
        )
    if rule == "cannot_fit":
        return words.gettext("It cannot be fitted within %(days)d days of arrival.", days=p.get("days", 0))
    return item.reason or rule


def _appointment(appointment: Appointment, words: Words) -> Appointment:
    return replace(
        appointment,
        title=appointment_title(appointment, words),
        moved_by=moved_text(appointment.moved_code, appointment.moved_params, words),
        preparation=tuple(words.catalog(text) for text in appointment.preparation),
    )


def _unscheduled(item: Unscheduled, words: Words) -> Unscheduled:
    title = title_text(words, item.name or item.title, item.occurrence, item.total)
    return replace(item, title=title, reason=unscheduled_text(item, words))


def localize(plan: Plan, words: Words = ENGLISH) -> Plan:
    """The plan with every text field in ``words``' language (the plan itself, shared by caches, is not changed).

    Localizing again (in another language) is fine: titles are built from ``name``, the catalog text.
    """
    return replace(
        plan,
        appointments=tuple(_appointment(a, words) for a in plan.appointments),
        days=tuple(replace(d, note=day_note(d, words)) for d in plan.days),
        problems=tuple(replace(n, message=notice_text(n, words)) for n in plan.problems),
        warnings=tuple(replace(n, message=notice_text(n, words)) for n in plan.warnings),
        unscheduled=tuple(_unscheduled(u, words) for u in plan.unscheduled),
    )
