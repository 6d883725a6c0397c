"""Password rules and hashing: argon2id, length 8–1024, the most common passwords refused.

A common word dressed up is as weak as the word: "Summer2024!", "Qwerty123!" and "P@ssw0rd!" are a
base word of the common list with digits, a year or symbols around it (and look-alike digits in it).
"""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_babel import gettext as _

MIN_LENGTH = 8
#: long passphrases are welcome; the cap only stops someone making the server hash megabytes
MAX_LENGTH = 1024
COMMON_PASSWORDS = Path(__file__).resolve().parents[2] / "data" / "common-passwords.txt"

#: what people put around a word to pass a password rule: digits, years, symbols
_DECORATION = string.digits + string.punctuation + " "
#: look-alike characters inside the word ("p@ssw0rd")
_LOOK_ALIKES = str.maketrans("@4310!$5+7", "aaeioisstt")
#: a shorter base is too likely to be part of a real passphrase to refuse
_MIN_BASE = 4

_hasher = PasswordHasher()


@cache
def _common() -> frozenset[str]:
    return frozenset(COMMON_PASSWORDS.read_text(encoding="utf-8").split())


@cache
def _base_words() -> frozenset[str]:
    """The words under the common passwords: "summer" from "summer69", "qwerty" from "qwerty123"."""
    bases = (word.strip(_DECORATION) for word in _common())
    return frozenset(base for base in bases if len(base) >= _MIN_BASE and base.isalpha())


def _dressed_up_common_word(lowered: str) -> bool:
    """Whether the password is one common base word with only digits and symbols around it."""
    core = lowered.strip(_DECORATION)
    word = core.translate(_LOOK_ALIKES)
    return word.isalpha() and word in _base_words()


@cache
def _dummy_hash() -> str:
    """A hash to verify against when the email is unknown, so both answers take as long."""
    return _hasher.hash("not the password of anyone: only here to spend the same time")


def password_problem(password: str, email: str = "") -> str | None:
    """Why a new password is refused (a sentence in the request's language), or None: length, common, the email."""
    if len(password) < MIN_LENGTH:
        return _("The password must be at least %(num)d characters.", num=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return _("The password must be at most %(num)d characters.", num=MAX_LENGTH)
    lowered = password.lower()
    if lowered in _common():
        return _("The password is one of the most common passwords; choose another (a few unrelated words work well).")
    if _dressed_up_common_word(lowered):
        return _(
            "The password is a common word with digits or symbols added, which guessers try first; "
            "choose another (a few unrelated words work well)."
        )
    if email and lowered in (email.lower(), email.lower().partition("@")[0]):
        return _("The password must not be your email address.")
    return None


def hash_password(password: str) -> str:
    """The argon2id hash to store."""
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches; with no stored hash, spend the same time and say no."""
    if len(password) > MAX_LENGTH:
        return False
    try:
        return _hasher.verify(stored_hash or _dummy_hash(), password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether the hash was made with weaker parameters than today's (rehash at next login)."""
    return _hasher.check_needs_rehash(stored_hash)
