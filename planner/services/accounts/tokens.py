"""Secret tokens for private links, share links, feeds and password resets.

Tokens come from `secrets`; only their sha256 is stored, so a database leak does not leak
working links. sha256 (not a slow hash) is right here: the tokens have 256 bits of entropy.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets


def new_token() -> tuple[str, str]:
    """A fresh URL-safe token and its hash (store the hash, show the token once)."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def hash_token(token: str) -> str:
    """The stored form of a token: hex sha256."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_matches(token: str, stored_hash: str) -> bool:
    """Compare a presented token with a stored hash in constant time."""
    return hmac.compare_digest(hash_token(token), stored_hash)
