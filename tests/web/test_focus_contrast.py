"""The focus ring stands out at least 3:1 (WCAG 2.2, 1.4.11) from what is around it, on the page and in the header."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).resolve().parents[2] / "static" / "style.css").read_text(encoding="utf-8")


def _colour(value: str) -> tuple[float, float, float]:
    """An #rrggbb or var(--name) value of the stylesheet as sRGB channels in 0..1."""
    if match := re.fullmatch(r"var\((--[\w-]+)\)", value.strip()):
        value = re.search(rf"{match.group(1)}:\s*(#[0-9a-fA-F]{{6}})", CSS).group(1)
    return tuple(int(value.strip()[i : i + 2], 16) / 255 for i in (1, 3, 5))


def luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG relative luminance of an sRGB colour."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours of the stylesheet."""
    high, low = sorted((luminance(_colour(a)), luminance(_colour(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _rule(selector: str) -> str:
    return re.search(rf"(?m)^{re.escape(selector)}\s*\{{([^}}]*)\}}", CSS).group(1)


def test_the_contrast_formula_matches_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#f2b705", "#fbfaf7") < 3  # the old gold ring, about 1.8:1


def test_the_focus_ring_on_the_page():
    ring = re.search(r"outline:\s*\S+\s+solid\s+([^;]+);", _rule(":focus-visible")).group(1)
    assert contrast(ring, "var(--paper)") >= 3
    assert contrast(ring, "var(--card)") >= 3


def test_the_focus_ring_in_the_header():
    ring = re.search(r"outline-color:\s*([^;]+);", _rule(".site-header :focus-visible")).group(1)
    header = re.search(r"background:\s*([^;]+);", _rule(".site-header")).group(1)
    assert contrast(ring, header) >= 3
