"""A plan as JSON (the document ``flask plan`` and the API return) and as a text itinerary.

It imports ``model``, ``catalog`` and ``budget``, the things it renders.
"""
