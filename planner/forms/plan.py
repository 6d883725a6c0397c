"""The plan form: treatments, home time zone, flights or the shortest stay, and options."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TimeField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, Regexp, ValidationError

from planner.core.scenario import CLINIC_ZONE, MAX_TRAVELLERS
from planner.forms.base import PlannerForm, in_range, range_message
from planner.i18n.web import current_words
from planner.services.planning.zones import UnknownZone, find_zone
from planner.views.plan_format import catalog_of

#: flight numbers as airlines print them: "KE 912", "OZ541", "TW9102"
FLIGHT_NUMBER = Regexp(
    r"^[A-Za-z0-9]{2}\s?[0-9]{1,4}[A-Za-z]?$", message=_l("Use the airline code and number, e.g. KE 912.")
)

#: lodging choices whose name alone does not say what they mean
_LODGING_LABELS = {
    "none": _l("None: I live in Korea, or stay with family"),
    "budget": lazy_pgettext("lodging", "Budget"),
    "mid": _l("Mid"),
    "upscale": _l("Upscale"),
}


class _Translated:
    """WTForms' own messages ("Not a valid integer value.") in the request's language, as Flask-WTF
    gives its forms (WTF_I18N_ENABLED): a nested plain Form would otherwise speak English."""

    def get_translations(self, form):
        from flask import current_app
        from flask_wtf.i18n import translations

        return translations if current_app.config.get("WTF_I18N_ENABLED", True) else None


class TreatmentForm(Form):
    """One treatment of the trip: which protocol, how many sessions, which clinic or tier."""

    class Meta(_Translated):
        pass

    protocol = SelectField(_l("Treatment"), validate_choice=True)
    #: its bounds are the chosen protocol's (PlanForm.validate_treatments)
    count = IntegerField(_l("Sessions"), validators=[Optional()])
    clinic = SelectField(_l("Clinic"), validate_choice=True)


class PlanForm(PlannerForm):
    """Everything the planner needs for one trip; choices come from the catalog."""

    name = StringField(_l("Your name (optional)"), validators=[Optional(), Length(max=80)])
    treatments = FieldList(FormField(TreatmentForm), min_entries=2, max_entries=2)
    home_timezone = StringField(
        _l("Home time zone"), validators=[DataRequired(_l("Choose the time zone you live in.")), Length(max=64)]
    )
    arrival_date = DateField(_l("Landing in Seoul: date"), validators=[InputRequired(_l("When do you land in Seoul?"))])
    arrival_time = TimeField(_l("Landing time (Seoul)"), validators=[InputRequired(_l("At what time do you land?"))])
    outbound_number = StringField(_l("Flight number (optional)"), validators=[Optional(), Length(max=8), FLIGHT_NUMBER])
    outbound_date = DateField(_l("Take-off from home: date (optional)"), validators=[Optional()])
    outbound_time = TimeField(_l("Take-off time (home)"), validators=[Optional()])
    shortest = BooleanField(_l("Find my shortest stay (I have not booked my flight home)"))
    departure_date = DateField(_l("Flight home from Seoul: date"), validators=[Optional()])
    departure_time = TimeField(_l("Take-off time (Seoul)"), validators=[Optional()])
    inbound_number = StringField(_l("Flight number (optional)"), validators=[Optional(), Length(max=8), FLIGHT_NUMBER])
    inbound_date = DateField(_l("Landing at home: date (optional)"), validators=[Optional()])
    inbound_time = TimeField(_l("Landing time (home)"), validators=[Optional()])
    lodging = SelectField(_l("Lodging"), validate_choice=True)
    currency = SelectField(_l("Currency"), validate_choice=True)
    travellers = IntegerField(
        _l("People travelling"),
        default=1,
        validators=[InputRequired(_l("How many people travel?")), in_range(_l("People travelling"), 1, MAX_TRAVELLERS)],
    )
    interpreter = BooleanField(_l("I need a medical interpreter"))
    insurance = SelectField(
        _l("Health insurance in Korea"),
        choices=[
            SelectChoice("visitor", _l("None: I pay in full (visitor)")),
            SelectChoice("nhi", _l("Enrolled in National Health Insurance (resident)")),
        ],
        validate_choice=True,
    )
    discreet = BooleanField(_l("Discreet calendar titles (no treatment names)"))

    def __init__(
        self,
        *args,
        protocols,
        clinics,
        zones,
        lodgings,
        currencies,
        counts=None,
        earliest_arrival: datetime | None = None,
        audience: str = "patient",
        client_name: str = "",
        **kwargs,
    ):
        """Choices: protocols and clinics as (value, label) pairs, zone names, lodging tiers, currencies.

        ``counts``: protocol id → (min, max) sessions; ``earliest_arrival``: a landing before this
        instant is refused (the caller's "now"); ``audience``: "patient" (the form says "you") or
        "facilitator" (it speaks of ``client_name``).
        """
        super().__init__(*args, **kwargs)
        self._zones = frozenset(zones)
        self._counts = dict(counts or {})
        self._names = dict(protocols)
        self._earliest_arrival = earliest_arrival
        self.lodging.choices = [
            SelectChoice(tier, str(_LODGING_LABELS[tier]) if tier in _LODGING_LABELS else tier.capitalize())
            for tier in lodgings
        ]
        self.currency.choices = [SelectChoice(code, code) for code in currencies]
        for index, entry in enumerate(self.treatments):
            blank = SelectChoice("", _("Choose a treatment") if index == 0 else _("No second treatment"))
            entry.form.protocol.choices = [blank] + [
                SelectChoice(value, catalog_of(label, value)) for value, label in protocols
            ]
            entry.form.clinic.choices = [SelectChoice(value, _clinic_label(value, label)) for value, label in clinics]
        if audience == "facilitator":
            from planner.forms.plan_voice import speak_of_client  # the facilitator's voice (a module of its own)

            speak_of_client(self, client_name)

    def field_named(self, name: str):
        """The field whose HTML name is ``name`` ("treatments-0-count"), or None."""
        head, _, rest = name.partition("-")
        if head != "treatments":
            return self._fields.get(name)
        index, _, part = rest.partition("-")
        if not index.isdigit() or int(index) >= len(self.treatments.entries):
            return None
        return self.treatments.entries[int(index)].form._fields.get(part)

    def validate_home_timezone(self, field) -> None:
        """A city, a country with one zone, or a zone name from the list; ``data`` becomes the zone name."""
        if not field.data:
            return
        try:
            zone = find_zone(field.data, current_words())
        except UnknownZone as error:
            raise ValidationError(str(error)) from None
        if zone not in self._zones:
            raise ValidationError(
                _("Choose a time zone from the list: type your city or country, e.g. Lisbon or Seoul.")
            )
        field.data = zone

    def validate_treatments(self, field) -> None:
        """The first treatment is required; each one's sessions within its protocol's bounds."""
        first = field.entries[0].form
        for entry in field.entries:
            self._check_count(entry.form)
        if not first.protocol.data:
            first.protocol.errors = [*first.protocol.errors, _("Choose a treatment.")]
            raise ValidationError(_("Choose a treatment."))
        second = field.entries[1].form
        if second.protocol.data and second.protocol.data == first.protocol.data:
            second.protocol.errors = [*second.protocol.errors, _("This treatment is already chosen above.")]
            raise ValidationError(_("The same treatment twice."))

    def _check_count(self, entry) -> None:
        """Sessions are for a chosen treatment that has a number to choose, within its bounds."""
        count, protocol = entry.count.data, entry.protocol.data
        if count is None or entry.count.errors or not protocol or protocol not in self._counts:
            return
        bounds = self._counts[protocol]
        if bounds is None:
            words = _(
                "Leave Sessions empty: %(treatment)s has none to choose.",
                treatment=catalog_of(self._names[protocol], protocol),
            )
            entry.count.errors = [*entry.count.errors, words]
        elif not bounds[0] <= count <= bounds[1]:
            entry.count.errors = [*entry.count.errors, range_message(_("Sessions"), *bounds)]

    def validate(self, extra_validators=None) -> bool:
        """Field checks, then the rules between fields (empty optional fields skip inline validators)."""
        valid = super().validate(extra_validators)
        if any(entry.form.count.errors for entry in self.treatments):
            valid = False
        if self._arrives_in_the_past():
            past = _("This landing is in the past: enter the day of the flight to Seoul.")
            self.arrival_date.errors = [*self.arrival_date.errors, past]
            valid = False
        pairs = (
            (self.outbound_date, self.outbound_time, _("Give both the take-off date and time, or neither.")),
            (self.inbound_date, self.inbound_time, _("Give both the landing date and time, or neither.")),
        )
        if not self.shortest.data:
            if self.departure_date.data is None and not self.departure_date.errors:
                self.departure_date.errors = [_("When does your flight home leave? Or tick “Find my shortest stay”.")]
                valid = False
            pairs += ((self.departure_date, self.departure_time, _("At what time does your flight home leave?")),)
        for day, clock, message in pairs:
            if day.errors or clock.errors:
                continue
            if (day.data is None) != (clock.data is None):
                clock.errors = [message]
                valid = False
        return valid

    def _arrives_in_the_past(self) -> bool:
        earliest = self._earliest_arrival
        day, clock = self.arrival_date, self.arrival_time
        if earliest is None or day.errors or clock.errors or day.data is None or clock.data is None:
            return False
        return datetime.combine(day.data, clock.data, tzinfo=ZoneInfo(CLINIC_ZONE)) < earliest


def _clinic_label(value: str, label: str) -> str:
    """A clinic choice: a catalog clinic's name in the page's language; any other choice as it is."""
    kind, _colon, ident = value.partition(":")
    return catalog_of(label, ident) if kind == "clinic" else label


class ScenarioForm(PlannerForm):
    """An unsaved plan carried by the page: its scenario JSON and the discreet choice."""

    scenario = HiddenField(validators=[DataRequired(_l("The plan is missing; start again.")), Length(max=20000)])
    discreet = BooleanField()
    #: the scenario parsed from its JSON, once the form has validated
    scenario_data: dict | None = None

    def validate_scenario(self, field) -> None:
        """The scenario must be a JSON object (the engine checks its contents)."""
        try:
            data = json.loads(field.data)
        except ValueError:
            raise ValidationError(_("The plan could not be read.")) from None
        if not isinstance(data, dict):
            raise ValidationError(_("The plan could not be read."))
        self.scenario_data = data


class FixForm(ScenarioForm):
    """One click on a problem's fix: the values the engine suggested."""

    fix_departure = HiddenField(validators=[Optional(), Length(max=40)])
    fix_arrival = HiddenField(validators=[Optional(), Length(max=40)])
    fix_count = HiddenField(validators=[Optional(), Length(max=4)])
    fix_treatment = HiddenField(validators=[Optional(), Length(max=4)])

    def fix(self) -> dict[str, str]:
        """The fix as the engine wrote it: only the keys that were sent."""
        names = ("departure", "arrival", "count", "treatment")
        return {name: getattr(self, f"fix_{name}").data for name in names if getattr(self, f"fix_{name}").data}


class TripFixForm(PlannerForm):
    """A fix on a saved trip (the trip's scenario is in the database)."""

    fix_departure = FixForm.fix_departure
    fix_arrival = FixForm.fix_arrival
    fix_count = FixForm.fix_count
    fix_treatment = FixForm.fix_treatment
    fix = FixForm.fix


class PinForm(PlannerForm):
    """The time the clinic confirmed for one appointment (Seoul time)."""

    key = HiddenField(validators=[DataRequired(), Length(max=200)])
    date = DateField(_l("Confirmed date"), validators=[InputRequired(_l("Which day did the clinic confirm?"))])
    time = TimeField(_l("Time (Seoul)"), validators=[InputRequired(_l("At what time?"))])


class ActionForm(PlannerForm):
    """A button that changes something (unpin, replace or revoke the link): CSRF only."""
