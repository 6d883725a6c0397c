"""The PDF itinerary read back: the client's name, every appointment's date in the client's language,
the help numbers, and the scripts of Korean, Chinese, Arabic and Russian clients with their fonts embedded.

WeasyPrint is slow, so each client's PDF is made once for the module, in an app context without a
request (as a mail job makes it), on the injected clock.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from planner import create_app
from planner.extensions import db
from planner.i18n import words_for
from planner.services.documents import itinerary_pdf
from planner.services.documents.checklist import save_ticks, trip_checklist
from planner.services.planning.revisions import planned_trip
from tests.conftest import TEST_NOW, Clock
from tests.documents.pdf_reading import embedded_fonts, long_day, pdf_text, shows
from tests.web.workspace_factories import create_client, create_facilitator, create_trip

#: a client per script: their language and their name as the facilitator wrote it
CLIENTS = {
    "ko": "김지우",
    "zh_Hans": "王芳",
    "ar": "ليلى حسن",
    "ru": "Ольга Иванова",
}
HANGUL = re.compile(r"[\uac00-\ud7a3]")
HAN = re.compile(r"[\u4e00-\u9fff]")
ARABIC = re.compile(r"[\u0600-\u06ff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@dataclass(frozen=True)
class Made:
    """One client's PDF: its bytes, text and fonts, and the dates of the appointments it must show."""

    body: bytes = field(repr=False)
    text: str
    fonts: set[str]
    dates: list[str]
    #: the trip's documents checklist as the shared page words it
    checklist: list = field(default_factory=list)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Made]:
    database = tmp_path_factory.mktemp("pdf") / "planner.sqlite3"
    config = {"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}", "PLANNER_CLOCK": Clock(TEST_NOW)}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SECRET_KEY", "test-secret-key")
        patch.delenv("DATABASE_URL", raising=False)
        app = create_app(config)
    made = {}
    with app.app_context():
        import planner.models  # noqa: F401  (registers every table)

        db.create_all()
        owner, _ = create_facilitator()
        owner.display_name = "Mina Park"
        for locale, name in CLIENTS.items():
            trip = create_trip(owner, create_client(owner, name, language=locale))
            body = itinerary_pdf(trip, words=words_for(trip.shown_language), now=TEST_NOW)
            plan = planned_trip(trip).plan
            days = [a.start.astimezone(ZoneInfo(a.timezone)).date() for a in plan.appointments]
            made[locale] = Made(body, pdf_text(body), embedded_fonts(body), [long_day(d, locale) for d in days])
        # the documents checklist, its first item ticked off by the facilitator
        trip = create_trip(owner, create_client(owner, "Ana Silva"))
        english = words_for("en")
        first = trip_checklist(trip, english)[0]
        save_ticks(trip, [first.code], TEST_NOW)
        db.session.commit()
        items = trip_checklist(trip, english)
        body = itinerary_pdf(trip, words=english, now=TEST_NOW)
        made["checklist"] = Made(body, pdf_text(body), embedded_fonts(body), [], items)
        db.session.remove()
        db.drop_all()
        db.engine.dispose()
    return made


@pytest.mark.parametrize("locale", CLIENTS)
def test_the_pdf_names_the_client_and_their_coordinator(pdfs, locale):
    made = pdfs[locale]
    assert made.body.startswith(b"%PDF-")
    assert CLIENTS[locale] in made.text
    assert "Mina Park" in made.text and "first@example.com" in made.text


@pytest.mark.parametrize("locale", CLIENTS)
def test_every_appointment_date_is_written_in_the_clients_language(pdfs, locale):
    made = pdfs[locale]
    assert len(made.dates) >= 5
    missing = [day for day in made.dates if not shows(made.text, day, rtl=words_for(locale).dir == "rtl")]
    assert missing == []


@pytest.mark.parametrize("locale", CLIENTS)
def test_the_help_numbers_are_korea_s_current_ones(pdfs, locale):
    numbers = set(re.findall(r"(?<![\d:.,-])\d{3,4}(?![\d:.,-])", pdfs[locale].text))
    assert {"119", "112", "1330", "1345", "120"} <= numbers
    assert "1339" not in numbers  # no longer an emergency line


def test_a_korean_client_reads_hangul_beyond_their_name(pdfs):
    made = pdfs["ko"]
    assert HANGUL.search(made.text.replace(CLIENTS["ko"], ""))
    assert "Noto-Sans-CJK-KR" in made.fonts


def test_a_chinese_client_reads_chinese_in_the_simplified_forms(pdfs):
    made = pdfs["zh_Hans"]
    assert HAN.search(made.text.replace(CLIENTS["zh_Hans"], ""))
    assert "Noto-Sans-CJK-SC" in made.fonts


def test_an_arabic_client_gets_an_arabic_font_and_a_latin_one(pdfs):
    made = pdfs["ar"]
    assert ARABIC.search(made.text)
    assert "Noto-Sans-Arabic" in made.fonts
    assert "Noto-Sans" in made.fonts  # the Latin addresses and numbers, which Noto Sans Arabic lacks


def test_a_russian_client_gets_noto_sans_for_cyrillic(pdfs):
    made = pdfs["ru"]
    assert CYRILLIC.search(made.text)
    assert "Noto-Sans" in made.fonts


@pytest.mark.parametrize("locale", CLIENTS)
def test_every_glyph_comes_from_a_noto_font_the_stylesheet_names(pdfs, locale):
    # a family the stylesheet does not name (DejaVu, …) would mean fontconfig filled in for a missing glyph
    assert pdfs[locale].fonts
    assert all(name.startswith("Noto-Sans") for name in pdfs[locale].fonts), pdfs[locale].fonts


def test_the_pdf_is_dated_by_the_callers_clock(pdfs):
    assert PdfReader(io.BytesIO(pdfs["ru"].body)).metadata.creation_date == TEST_NOW


def test_the_documents_checklist_shows_each_item_with_its_state_and_source(pdfs):
    made = pdfs["checklist"]
    assert "Documents to bring" in made.text
    assert len(made.checklist) >= 3 and made.checklist[0].done and not any(i.done for i in made.checklist[1:])
    for item in made.checklist:
        state = "Ready" if item.done else "To do"
        assert shows(made.text, f"{item.label} ({state})"), item.label
        assert shows(made.text, f"Source: {item.source}"), item.source
