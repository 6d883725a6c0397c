"""Issue 11: the engine's words are chosen at the edge, in the caller's language.

The plan cache keeps the engine's neutral plan (codes and values); each request words it in its
own language, and what the database keeps stays English.
"""

from __future__ import annotations

SHORT = {
    "traveller": {"name": "Ana", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-02-28T16:00",
    "departure": "2027-03-05T11:00",
    "treatments": [{"protocol": "acupuncture-chronic-pain", "count": 6, "clinic_tier": "local"}],
}


def _problem(client, query: str = "") -> dict:
    response = client.post(f"/api/plan{query}", json=SHORT)
    assert response.status_code == 200
    return response.get_json()["problems"][0]


def test_the_api_words_the_plan_in_the_callers_language_from_the_same_cached_plan(client):
    english = _problem(client)
    assert english["code"] == "stay_too_short" and english["params"]["until"] == "2027-03-18"
    assert english["message"].startswith("The treatments need until Thursday, 18 March 2027;")
    korean = _problem(client, "?lang=ko")
    assert (korean["code"], korean["params"], korean["fix"]) == (english["code"], english["params"], english["fix"])
    assert "2027년 3월 18일 목요일" in korean["message"]
    # the cached plan was not changed by the Korean request
    client.set_cookie("lang", "en")
    assert _problem(client, "?lang=en") == english


def test_every_locale_answers_with_its_words(client):
    from planner.i18n import LOCALES

    for locale in LOCALES:
        problem = _problem(client, f"?lang={locale}")
        assert problem["message"] and "%(" not in problem["message"], (locale, problem)


def test_the_plan_page_in_korean_words_its_problem_and_fix_button(client):
    from tests.web.planner_helpers import fix_buttons, form

    body = client.post("/plan?lang=ko", data=form(departure_date="2027-03-10"), follow_redirects=True)
    page = body.get_data(as_text=True)
    assert body.status_code == 200 and 'lang="ko"' in page
    [(fields, label)] = fix_buttons(page)
    assert "fix_departure" in fields and "월" in label and "%(" not in page
