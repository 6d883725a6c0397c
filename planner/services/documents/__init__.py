"""Documents made from a trip for its client: the PDF itinerary (itinerary.py) and the help numbers it prints."""

from planner.services.documents.itinerary import FILENAME, Itinerary, itinerary, itinerary_pdf, render_pdf

__all__ = ["FILENAME", "Itinerary", "itinerary", "itinerary_pdf", "render_pdf"]
