"""Documents made from a trip: the PDF itinerary and the documents checklist."""
