"""The phrases the engine's sentences are made of: dates, titles, days, moves, fixes."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date

from planner.core.model import Appointment, Day, Notice
from planner.i18n import ENGLISH, Words


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


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
