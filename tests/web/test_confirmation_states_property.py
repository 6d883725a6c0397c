"""Property: whatever answers are posted in whatever order, a confirmation only moves along TRANSITIONS,
every accepted move is recorded once, and a confirmed appointment is pinned at its confirmed time."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from planner.clock import utcnow
from planner.extensions import db
from planner.models import ClinicConfirmation, ConfirmationChange, Pin, Trip
from planner.services.planning.revisions import planned_trip
from planner.services.workspace import confirmations
from tests.web.workspace_factories import create_client, create_facilitator, create_trip

STATES = ("not_asked", "asked", "confirmed", "declined")
IDENTITY = ("stem-cell-knee-svf", "consultation", 1)
DETAILS = {"asked_to": "Dr Kim", "alternative": "later", "confirmed_by": "Ms Lee", "reference": "R"}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moves=st.lists(st.sampled_from(STATES), max_size=6))
def test_no_transition_outside_the_allowed_ones(app, moves):
    with app.app_context():
        db.session.execute(db.delete(ConfirmationChange))
        db.session.execute(db.delete(ClinicConfirmation))
        db.session.execute(db.delete(Pin))
        db.session.execute(db.delete(Trip))
        db.session.commit()
        from planner.models import User

        user = db.session.scalar(select(User)) or create_facilitator()[0]
        trip = create_trip(user, create_client(user, "Ana Silva"))
        start = next(a.start for a in planned_trip(trip).plan.appointments if a.key.endswith("consultation-1"))
        state, accepted = "not_asked", []
        for move in moves:
            details = DETAILS | {"start": start}
            try:
                confirmations.change(trip, planned_trip(trip), IDENTITY, move, details, user_id=user.id, now=utcnow())
            except confirmations.Refused as refused:
                assert move not in confirmations.TRANSITIONS[state], (state, move)
                assert refused.code == "transition"
            else:
                assert move in confirmations.TRANSITIONS[state], (state, move)
                accepted.append((state, move))
                state = move
            trip = db.session.get(Trip, trip.id)
        stored = db.session.scalar(select(ClinicConfirmation).where(ClinicConfirmation.trip_id == trip.id))
        assert (stored.state if stored else "not_asked") == state
        changes = db.session.scalars(select(ConfirmationChange).order_by(ConfirmationChange.id)).all()
        assert [(c.from_state, c.to_state) for c in changes] == accepted
        pins = db.session.scalars(select(Pin).where(Pin.trip_id == trip.id)).all()
        if "confirmed" in [move for _, move in accepted]:
            assert [p.start for p in pins] == [start]
        else:
            assert pins == []
