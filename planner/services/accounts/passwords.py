"""Password rules and hashing: argon2id, length 8–1024, the most common passwords refused."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 8
#: long passphrases are welcome; the cap only stops someone making the server hash megabytes
MAX_LENGTH = 1024
COMMON_PASSWORDS = Path(__file__).resolve().parents[2] / "data" / "common-passwords.txt"

_hasher = PasswordHasher()


@cache
def _common() -> frozenset[str]:
    return frozenset(COMMON_PASSWORDS.read_text(encoding="utf-8").split())


@cache
def _dummy_hash() -> str:
    """A hash to verify against when the email is unknown, so both answers take as long."""
    return _hasher.hash("not the password of anyone: only here to spend the same time")


def password_problem(password: str, email: str = "") -> str | None:
    """Why a new password is refused, or None: length, the common list, or the email itself."""
    if len(password) < MIN_LENGTH:
        return f"must be at least {MIN_LENGTH} characters"
    if len(password) > MAX_LENGTH:
        return f"must be at most {MAX_LENGTH} characters"
    lowered = password.lower()
    if lowered in _common():
        return "is one of the most common passwords; choose another (a few unrelated words work well)"
    if email and lowered in (email.lower(), email.lower().partition("@")[0]):
        return "must not be your email address"
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
