"""Reading a PDF back for the tests: its text (whitespace collapsed) and the fonts embedded in it."""

from __future__ import annotations

import io
import re
from datetime import date

from babel.dates import format_date, format_skeleton
from pypdf import PdfReader

from planner.i18n import words_for


def pdf_text(body: bytes) -> str:
    """Every page's text, runs of whitespace (line breaks included) read as one space."""
    reader = PdfReader(io.BytesIO(body))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def embedded_fonts(body: bytes) -> set[str]:
    """The base names of the fonts whose glyphs are embedded in the file ("Noto-Sans-CJK-KR"), subset tags cut."""
    reader = PdfReader(io.BytesIO(body))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described["/FontDescriptor"].get_object()
            if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                names.add(str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1])
    return names


def long_day(value: date, locale: str) -> str:
    """A date as the plan's day headings write it in ``locale`` (Babel, independently of the app's filters)."""
    if locale == "en":
        return format_date(value, "EEEE d MMMM y", locale="en")
    return format_skeleton("yMMMMEEEEd", value, locale=words_for(locale).babel_locale)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def shows(text: str, phrase: str, *, rtl: bool = False) -> bool:
    """Whether ``phrase`` is in the PDF's text, its words in order, punctuation and spacing aside.

    pypdf reads a right-to-left line in its visual order, so in Arabic the words of a phrase come
    out last to first ("2027 مارس 1 الاثنين،"): with ``rtl`` either order counts.
    """
    words = "".join(_words(text))
    orders = [_words(phrase)] + ([list(reversed(_words(phrase)))] if rtl else [])
    return any("".join(order) in words for order in orders)
