"""HTML and CSS laid out as PDF bytes by WeasyPrint, for the itinerary and the payment receipt.

WeasyPrint is imported when a PDF is made, not when the app starts: a machine without Pango still
serves every page, and only the PDF routes fail (docs/deployment.md lists the packages).
"""

from __future__ import annotations


def write_pdf(page: str, style: str) -> bytes:
    """``page`` laid out with ``style``; self-contained: nothing it names (a link, a typed address) is fetched."""
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=())
    return HTML(string=page, url_fetcher=fetcher).write_pdf(stylesheets=[CSS(string=style, url_fetcher=fetcher)])
