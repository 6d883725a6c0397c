"""3 of 24 common passwords passed the check ("Password123!", "Qwerty123!", "Summer2024!"): a common
base word with digits, a year or symbols around it is now refused like the word itself."""

from __future__ import annotations

import pytest

from planner.services.accounts.passwords import password_problem

DRESSED_UP = ["Password123!", "Qwerty123!", "Summer2024!", "P@ssw0rd!", "!!Welcome2025", "Dragon#1", "monkey 2024"]
FINE = [
    "correct horse battery staple",
    "Summer in Lisbon, 2024!",
    "tr0ub4dor&3-sunrise",
    "aZ9#kq2!xP",
    "summerhouse-kite-7",
    "Jx7$wq!2Ln",
]


@pytest.mark.parametrize("password", DRESSED_UP)
def test_a_common_word_with_digits_or_symbols_is_refused(password):
    assert "common word with digits or symbols added" in password_problem(password)


@pytest.mark.parametrize("password", FINE)
def test_passphrases_and_random_passwords_pass(password):
    assert password_problem(password) is None


@pytest.mark.parametrize("password", ["Password123!", "Qwerty123!", "Summer2024!"])
def test_register_refuses_them_next_to_the_field(client, password):
    response = client.post("/register", data={"email": "fac@example.com", "password": password, "confirm": password})
    assert response.status_code == 200
    assert "common word with digits or symbols added" in response.get_data(as_text=True)
