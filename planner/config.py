"""Settings from the environment; an SQLite file in instance/ by default.

``PLANNER_ENV`` is ``development`` (the default) or ``production``, in any case; any other value
stops the app at start, so a typo never runs production with development settings.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

#: the values PLANNER_ENV may take
ENVIRONMENTS = ("development", "production")
#: the shortest SECRET_KEY production accepts (256 bits)
MIN_SECRET_BYTES = 32
#: a year, as HSTS preload lists require
HSTS = "max-age=31536000; includeSubDomains"


class ConfigError(RuntimeError):
    """A setting in the environment is missing or wrong; the message says which and what to do."""


def environment() -> str:
    """PLANNER_ENV, lower-cased: "development" when unset; any other unknown value is refused."""
    name = os.environ.get("PLANNER_ENV", "").strip().lower() or "development"
    if name not in ENVIRONMENTS:
        raise ConfigError(f"PLANNER_ENV must be one of {', '.join(ENVIRONMENTS)} (any case), not {name[:40]!r}")
    return name


def _secret_key(instance_path: Path, production: bool) -> str:
    """SECRET_KEY from the environment; for local runs, a random key kept in instance/."""
    key = os.environ.get("SECRET_KEY")
    if production and len((key or "").encode()) < MIN_SECRET_BYTES:
        raise ConfigError(
            f"SECRET_KEY must be set to at least {MIN_SECRET_BYTES} bytes in production "
            "(make one with: python -c 'import secrets; print(secrets.token_urlsafe(48))')"
        )
    if key:
        return key
    path = instance_path / "secret_key"
    if not path.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def _minutes(name: str, default: int) -> timedelta:
    """A duration in whole minutes from the environment, refused at start when it is not a positive number."""
    value = os.environ.get(name, str(default)).strip()
    if not value.isdigit() or int(value) < 1:
        raise ConfigError(f"{name} must be a whole number of minutes (at least 1), not {value!r}")
    return timedelta(minutes=int(value))


def _whole(name: str, default: int | None, minimum: int) -> int | None:
    """A whole number from the environment (None: unset and no default), refused at start when it is not one."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < minimum:
        raise ConfigError(f"{name} must be a whole number (at least {minimum}), not {value[:40]!r}")
    return int(value)


def _intervals(name: str, default: tuple[int, ...]) -> tuple[int, ...]:
    """Seconds between retries, comma-separated ("30,120,600"), refused at start when not whole numbers."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    parts = [part.strip() for part in value.split(",")]
    if not all(part.isdigit() for part in parts) or len(parts) > 20:
        raise ConfigError(f"{name} must be whole numbers of seconds separated by commas, not {value[:40]!r}")
    return tuple(int(part) for part in parts)


#: the SMTP schemes and their default ports: smtp (plain, STARTTLS with ?starttls=1) and smtps (TLS from the start)
SMTP_PORTS = {"smtp": 25, "smtps": 465}
#: what a PLANNER_SMTP_URL looks like, for the messages that refuse one
SMTP_EXAMPLE = "smtp://user:password@host:587?starttls=1 or smtps://user:password@host:465"
_YES_NO = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}


@dataclass(frozen=True)
class SmtpSettings:
    """A mail server from PLANNER_SMTP_URL (the password never shows in its repr)."""

    host: str
    port: int
    #: TLS from the first byte (smtps), else a plain connection
    tls: bool
    #: STARTTLS after EHLO (smtp with ?starttls=1)
    starttls: bool
    #: log in when set
    username: str | None
    password: str | None = field(repr=False)
    #: seconds for the connection and for each reply
    timeout: float = 10.0


def smtp_settings(url: str, name: str = "PLANNER_SMTP_URL") -> SmtpSettings:
    """The mail server a URL names; a ConfigError naming ``name`` (never the password) when it is wrong."""

    def refuse(reason: str) -> ConfigError:
        return ConfigError(f"{name} must look like {SMTP_EXAMPLE}: {reason}")

    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise refuse("the host or port cannot be read") from None
    if parts.scheme not in SMTP_PORTS:
        raise refuse("the scheme must be smtp or smtps")
    if not parts.hostname:
        raise refuse("it names no host")
    if parts.path not in ("", "/") or parts.fragment:
        raise refuse("it has a path or fragment")
    options = dict(parse_qsl(parts.query, keep_blank_values=True))
    unknown = sorted(set(options) - {"starttls", "timeout"})
    if unknown:
        raise refuse(f"unknown option {unknown[0][:20]!r} (starttls and timeout are known)")
    starttls = _YES_NO.get(options.get("starttls", "0").strip().lower())
    if starttls is None:
        raise refuse("starttls must be 1 or 0")
    if starttls and parts.scheme == "smtps":
        raise refuse("smtps is TLS already: starttls goes with smtp")
    timeout = options.get("timeout", "10").strip()
    if not timeout.isdigit() or not 1 <= int(timeout) <= 300:
        raise refuse("timeout must be a whole number of seconds from 1 to 300")
    return SmtpSettings(
        host=parts.hostname,
        port=port or SMTP_PORTS[parts.scheme],
        tls=parts.scheme == "smtps",
        starttls=starttls,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password is not None else None,
        timeout=float(timeout),
    )


def _mail_settings(instance_path: Path, host: str) -> dict:
    """PLANNER_SMTP_URL (checked at start) and PLANNER_MAIL_FROM (required with it); without SMTP, the outbox."""
    url = os.environ.get("PLANNER_SMTP_URL", "").strip() or None
    if url is not None:
        smtp_settings(url)
    sender = os.environ.get("PLANNER_MAIL_FROM", "").strip()
    if not sender and url is not None:
        raise ConfigError("PLANNER_MAIL_FROM must be set with PLANNER_SMTP_URL (the address mail is sent from)")
    if sender and ("@" not in parseaddr(sender)[1] or any(c in sender for c in "\r\n")):
        example = "Planner <planner@example.com>"
        raise ConfigError(f"PLANNER_MAIL_FROM must be an address such as {example!r}, not {sender[:60]!r}")
    return {
        "PLANNER_SMTP_URL": url,
        "PLANNER_MAIL_FROM": sender or f"Planner <planner@{host}>",
        # without PLANNER_SMTP_URL, each message is written here as an .eml file
        "PLANNER_OUTBOX": str(instance_path / "outbox"),
    }


def _engine_options() -> dict:
    """The database pool: PLANNER_DB_POOL_SIZE and PLANNER_DB_MAX_OVERFLOW per process, when set."""
    options: dict = {"pool_pre_ping": True, "hide_parameters": True}
    for name, option in (("PLANNER_DB_POOL_SIZE", "pool_size"), ("PLANNER_DB_MAX_OVERFLOW", "max_overflow")):
        value = _whole(name, None, 0 if option == "max_overflow" else 1)
        if value is not None:
            options[option] = value
    return options


def from_environment(instance_path: Path) -> dict:
    """The configuration mapping for an app whose instance folder is ``instance_path``."""
    env = environment()
    production = env == "production"
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{instance_path / 'planner.sqlite3'}"
    if database.startswith("postgres://"):  # the form some hosts give
        database = "postgresql+psycopg://" + database.removeprefix("postgres://")
    elif database.startswith("postgresql://"):
        database = "postgresql+psycopg://" + database.removeprefix("postgresql://")
    lifetime = _minutes("PLANNER_SESSION_MAX_MINUTES", 12 * 60)
    host = os.environ.get("PLANNER_HOST", "planner.local")
    settings = {
        "PLANNER_ENV": env,
        "SECRET_KEY": _secret_key(instance_path, production),
        "SQLALCHEMY_DATABASE_URI": database,
        "SQLALCHEMY_ENGINE_OPTIONS": _engine_options(),
        "PLANNER_HOST": host,
        "PLANNER_BASE_URL": os.environ.get("PLANNER_BASE_URL", "http://127.0.0.1:5000"),
        "PLANNER_CATALOG": os.environ.get("PLANNER_CATALOG") or None,
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        # the job queue's Redis; unset, jobs run inline (docs/deployment.md)
        "PLANNER_REDIS_URL": os.environ.get("PLANNER_REDIS_URL") or None,
        "PLANNER_JOB_QUEUE": os.environ.get("PLANNER_JOB_QUEUE") or "planner",
        # a failed job is tried again after each of these waits, then kept as failed
        "PLANNER_JOB_RETRY_INTERVALS": _intervals("PLANNER_JOB_RETRY_INTERVALS", (30, 120, 600)),
        # how many proxies in front of the app set X-Forwarded-*: ProxyFix trusts exactly that many
        "PLANNER_PROXY_COUNT": _whole("PLANNER_PROXY_COUNT", 0, 0),
        **_mail_settings(instance_path, host),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        # a login ends after this long without a request, and this long after it began (checked on the server)
        "SESSION_IDLE_TIMEOUT": _minutes("PLANNER_SESSION_IDLE_MINUTES", 30),
        "SESSION_ABSOLUTE_LIFETIME": lifetime,
        # the signed cookie and the CSRF token are refused past the same lifetime, whatever the browser says
        "PERMANENT_SESSION_LIFETIME": lifetime,
        "WTF_CSRF_TIME_LIMIT": int(lifetime.total_seconds()),
    }
    if production:
        settings |= {
            # __Host-: the browser keeps the cookie only if Secure, on "/", without a Domain
            "SESSION_COOKIE_NAME": "__Host-session",
            "SESSION_COOKIE_PATH": "/",
            "SESSION_COOKIE_DOMAIN": None,
            "REMEMBER_COOKIE_NAME": "__Host-remember_token",
            "REMEMBER_COOKIE_SECURE": True,
            "REMEMBER_COOKIE_PATH": "/",
            "REMEMBER_COOKIE_DOMAIN": None,
            "PLANNER_HSTS": HSTS,
        }
    return settings
