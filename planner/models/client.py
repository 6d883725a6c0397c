"""A facilitator's clients (patients). Notes are health data."""

from __future__ import annotations

import unicodedata
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.extensions import db
from planner.models.base import UTCDateTime, utcnow

#: the longest health notes a client may have (the form and the column hold the same bound)
NOTES_MAX = 10_000
#: letters NFKD does not split into a base letter and a mark ("Đặng" is looked up as "dang")
_SINGLE_LETTERS = str.maketrans({"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"})


def fold(text: str) -> str:
    """Text as search compares it: accents dropped (NFKD, marks removed), case folded, spaces collapsed.

    The same on every database: "Nguyễn" and "NGUYEN" both give "nguyen".
    """
    # compatibility forms first ("🄐" → "(A)"), so that the case folding sees the letters they hold
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(unicodedata.normalize("NFKC", bare).casefold().translate(_SINGLE_LETTERS).split())


class Client(db.Model):
    """A patient a facilitator plans trips for."""

    __tablename__ = "clients"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the agency that owns this client; every query is scoped by it
    owner_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"), index=True)
    #: the coordinator in charge of the client (a coordinator who does not see all sees only theirs)
    coordinator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    #: the client's name as the facilitator writes it
    name: Mapped[str] = mapped_column(String(200))
    #: email or phone, free text
    contact: Mapped[str] = mapped_column(String(200), default="")
    #: IANA zone of the client's home, for remote follow-ups
    home_timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    #: the client's language, one of planner.i18n.LOCALES: their shared page, calendar and feed use it
    language: Mapped[str] = mapped_column(String(16), default="en")
    #: the client's nationality, ISO 3166-1 alpha-2 ("PT"), for the entry papers; None: not known
    nationality: Mapped[str | None] = mapped_column(String(2), default=None)
    #: health notes: never in a calendar, never cached, never logged
    notes: Mapped[str] = mapped_column(String(NOTES_MAX), default="")
    #: fold(name) and fold(contact) on two lines, written on every save: accent- and case-blind search
    search_text: Mapped[str] = mapped_column(String(1000), default="")
    #: when the client was added
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: last edit
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    trips = relationship("Trip", back_populates="client", cascade="all, delete-orphan", passive_deletes=True)


Index("ix_clients_owner_search", Client.owner_id, Client.search_text)


@event.listens_for(Client, "before_insert")
@event.listens_for(Client, "before_update")
def _fill_search_text(mapper, connection, client: Client) -> None:
    """Keep the search column in step with the name and contact, whoever saves the client."""
    client.search_text = f"{fold(client.name or '')}\n{fold(client.contact or '')}"
