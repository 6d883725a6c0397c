"""Documents made from a trip for its client: the PDF itinerary (itinerary.py), the help numbers it prints and the
documents checklist (checklist.py)."""

from planner.services.documents.itinerary import FILENAME, Itinerary, itinerary, itinerary_pdf, render_pdf

__all__ = ["FILENAME", "Itinerary", "itinerary", "itinerary_pdf", "render_pdf"]
