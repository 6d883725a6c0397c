"""SQLAlchemy rows. Each module holds one idea; importing this package registers them all."""

from planner.models.account import User
from planner.models.agency import Agency, Invitation
from planner.models.api_token import ApiToken
from planner.models.audit import AuditEntry
from planner.models.change import TripChange
from planner.models.checklist import ChecklistTick
from planner.models.client import Client
from planner.models.confirmation import ClinicConfirmation, ConfirmationChange
from planner.models.custom import CustomClinic, CustomProtocol
from planner.models.mail import MailRecord
from planner.models.quote import Payment, Quote, QuoteChange, QuoteLine
from planner.models.reminder import ReminderSubscription, SentReminder
from planner.models.session import LoginSession
from planner.models.summary import TripAppointment
from planner.models.trip import EventRevision, FeedToken, Pin, ShareLink, Trip

__all__ = [
    "Agency",
    "ApiToken",
    "AuditEntry",
    "ChecklistTick",
    "Client",
    "ClinicConfirmation",
    "ConfirmationChange",
    "CustomClinic",
    "CustomProtocol",
    "EventRevision",
    "FeedToken",
    "Invitation",
    "LoginSession",
    "MailRecord",
    "Payment",
    "Pin",
    "Quote",
    "QuoteChange",
    "QuoteLine",
    "ReminderSubscription",
    "SentReminder",
    "ShareLink",
    "Trip",
    "TripAppointment",
    "TripChange",
    "User",
]
