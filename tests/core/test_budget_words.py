"""The budget's labels and notes are codes and values in the core, worded at the edge through gettext."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from budget_factories import make_catalog, make_plan, make_request

from planner.i18n import ENGLISH, Words, words_for
from planner.i18n.catalogs import extract
from planner.wording.budget import budget_label, budget_note, compute_budget, word_budget


@dataclass(frozen=True)
class Marked(Words):
    """Korean words whose every sentence is marked, to see which texts went through gettext."""

    def gettext(self, message: str, **values) -> str:
        return "«" + (message % values if values else message) + "»"

    def ngettext(self, singular: str, plural: str, n: int, **values) -> str:
        return "«" + ((singular if n == 1 else plural) % {"num": n, **values}) + "»"


def _budget():
    return compute_budget(make_plan(), make_request(interpreter=True, needs_keta=True), make_catalog())


def test_the_core_budget_is_english_and_carries_codes():
    budget = _budget()
    for line in budget.lines:
        assert line.label_text is not None and line.label
        assert word_budget(budget, ENGLISH).lines == budget.lines
    assert all(isinstance(line.amount.typical, Decimal) for line in budget.lines)


def test_a_korean_budget_takes_every_label_and_note_through_gettext():
    words = Marked(words_for("ko").locale)
    budget = word_budget(_budget(), words)
    assert budget.lines
    for line in budget.lines:
        assert line.label.startswith("«") or "«" in line.label, line.label
        if line.note_texts:
            assert line.note.startswith("«"), line.note
    assert all(note.startswith("«") for note in budget.notes)
    # the amounts are the same Decimals in every language
    assert [line.amount for line in budget.lines] == [line.amount for line in _budget().lines]


def test_the_budget_sentences_are_in_the_messages_catalog():
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in extract("messages")}
    for text in (
        "%(hotel)s, one room × %(nights)s",
        "Meals × %(days)s × %(people)s",
        "Medical interpreter × %(visits)s",
        "K-ETA (electronic travel authorization) × %(people)s",
        "National Health Insurance: your share %(percent)s%% — to be confirmed with the clinic",
        "Not needed under 18, from 65, or for the 67 exempt countries until %(date)s.",
        "The departure date is not known yet, so lodging and meals are not counted for that trip.",
        "The flight to Korea has no price and is not counted.",
        "%(num)d person",
    ):
        assert text in ids, text


def test_every_code_has_words():
    budget = _budget()
    for line in budget.lines:
        assert budget_label(line.label_text) != line.label_text.code
        for text in line.note_texts:
            assert budget_note(text) != text.code
