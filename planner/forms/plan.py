"""The plan form: treatments, home time zone, flights or the shortest stay, and options."""

from __future__ import annotations

import json

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
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp, ValidationError

from planner.core.scenario import MAX_TRAVELLERS
from planner.forms.base import PlannerForm

#: flight numbers as airlines print them: "KE 912", "OZ541", "TW9102"
FLIGHT_NUMBER = Regexp(
    r"^[A-Za-z0-9]{2}\s?[0-9]{1,4}[A-Za-z]?$", message="Use the airline code and number, e.g. KE 912."
)

#: lodging choices whose name alone does not say what they mean
_LODGING_LABELS = {"none": "None: I live in Korea, or stay with family"}


class TreatmentForm(Form):
    """One treatment of the trip: which protocol, how many sessions, which clinic or tier."""

    protocol = SelectField("Treatment", validate_choice=True)
    count = IntegerField("Sessions", validators=[Optional(), NumberRange(min=0, max=99)])
    clinic = SelectField("Clinic", validate_choice=True)


class PlanForm(PlannerForm):
    """Everything the planner needs for one trip; choices come from the catalog."""

    name = StringField("Your name (optional)", validators=[Optional(), Length(max=80)])
    treatments = FieldList(FormField(TreatmentForm), min_entries=2, max_entries=2)
    home_timezone = StringField(
        "Home time zone", validators=[DataRequired("Choose the time zone you live in."), Length(max=64)]
    )
    arrival_date = DateField("Landing in Seoul: date", validators=[InputRequired("When do you land in Seoul?")])
    arrival_time = TimeField("Landing time (Seoul)", validators=[InputRequired("At what time do you land?")])
    outbound_number = StringField("Flight number (optional)", validators=[Optional(), Length(max=8), FLIGHT_NUMBER])
    outbound_date = DateField("Take-off from home: date (optional)", validators=[Optional()])
    outbound_time = TimeField("Take-off time (home)", validators=[Optional()])
    shortest = BooleanField("Find my shortest stay (I have not booked my flight home)")
    departure_date = DateField("Flight home from Seoul: date", validators=[Optional()])
    departure_time = TimeField("Take-off time (Seoul)", validators=[Optional()])
    inbound_number = StringField("Flight number (optional)", validators=[Optional(), Length(max=8), FLIGHT_NUMBER])
    inbound_date = DateField("Landing at home: date (optional)", validators=[Optional()])
    inbound_time = TimeField("Landing time (home)", validators=[Optional()])
    lodging = SelectField("Lodging", validate_choice=True)
    currency = SelectField("Currency", validate_choice=True)
    travellers = IntegerField(
        "People travelling",
        default=1,
        validators=[InputRequired("How many people travel?"), NumberRange(min=1, max=MAX_TRAVELLERS)],
    )
    interpreter = BooleanField("I need a medical interpreter")
    insurance = SelectField(
        "Health insurance in Korea",
        choices=[
            SelectChoice("visitor", "None: I pay in full (visitor)"),
            SelectChoice("nhi", "Enrolled in National Health Insurance (resident)"),
        ],
        validate_choice=True,
    )
    discreet = BooleanField("Discreet calendar titles (no treatment names)")

    def __init__(self, *args, protocols, clinics, zones, lodgings, currencies, **kwargs):
        """Choices: protocols and clinics as (value, label) pairs, zone names, lodging tiers, currencies."""
        super().__init__(*args, **kwargs)
        self._zones = frozenset(zones)
        self.lodging.choices = [SelectChoice(tier, _LODGING_LABELS.get(tier, tier.capitalize())) for tier in lodgings]
        self.currency.choices = [SelectChoice(code, code) for code in currencies]
        for index, entry in enumerate(self.treatments):
            blank = SelectChoice("", "Choose a treatment" if index == 0 else "No second treatment")
            entry.form.protocol.choices = [blank] + [SelectChoice(value, label) for value, label in protocols]
            entry.form.clinic.choices = [SelectChoice(value, label) for value, label in clinics]

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
        """The zone must be an IANA name from the list (a city, such as Europe/Lisbon)."""
        if field.data and field.data.strip() not in self._zones:
            raise ValidationError("Choose a time zone from the list, e.g. Europe/Lisbon.")

    def validate_treatments(self, field) -> None:
        """The first treatment is required; each one's sessions belong with a chosen treatment."""
        first = field.entries[0].form
        if not first.protocol.data:
            first.protocol.errors = [*first.protocol.errors, "Choose a treatment."]
            raise ValidationError("Choose a treatment.")
        second = field.entries[1].form
        if second.protocol.data and second.protocol.data == first.protocol.data:
            second.protocol.errors = [*second.protocol.errors, "This treatment is already chosen above."]
            raise ValidationError("The same treatment twice.")

    def validate(self, extra_validators=None) -> bool:
        """Field checks, then the rules between fields (empty optional fields skip inline validators)."""
        valid = super().validate(extra_validators)
        pairs = (
            (self.outbound_date, self.outbound_time, "Give both the take-off date and time, or neither."),
            (self.inbound_date, self.inbound_time, "Give both the landing date and time, or neither."),
        )
        if not self.shortest.data:
            if self.departure_date.data is None and not self.departure_date.errors:
                self.departure_date.errors = ["When does your flight home leave? Or tick “Find my shortest stay”."]
                valid = False
            pairs += ((self.departure_date, self.departure_time, "At what time does your flight home leave?"),)
        for day, clock, message in pairs:
            if day.errors or clock.errors:
                continue
            if (day.data is None) != (clock.data is None):
                clock.errors = [message]
                valid = False
        return valid


class ScenarioForm(PlannerForm):
    """An unsaved plan carried by the page: its scenario JSON and the discreet choice."""

    scenario = HiddenField(validators=[DataRequired("The plan is missing; start again."), Length(max=20000)])
    discreet = BooleanField()
    #: the scenario parsed from its JSON, once the form has validated
    scenario_data: dict | None = None

    def validate_scenario(self, field) -> None:
        """The scenario must be a JSON object (the engine checks its contents)."""
        try:
            data = json.loads(field.data)
        except ValueError:
            raise ValidationError("The plan could not be read.") from None
        if not isinstance(data, dict):
            raise ValidationError("The plan could not be read.")
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
    date = DateField("Confirmed date", validators=[InputRequired("Which day did the clinic confirm?")])
    time = TimeField("Time (Seoul)", validators=[InputRequired("At what time?")])


class ActionForm(PlannerForm):
    """A button that changes something (unpin, replace or revoke the link): CSRF only."""
