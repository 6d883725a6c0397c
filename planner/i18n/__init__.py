"""The planner's six languages: which they are, how a request's tag maps to one, and their words.

Pure Python on Babel (no Flask), so the CLI, the background jobs and the core's tests can choose
words for a locale the caller names. The web edge (``planner.i18n.web``) picks the request's
locale and hands templates the same translations through Flask-Babel.

Two gettext domains, both under ``translations/<locale>/LC_MESSAGES/``:
- ``messages``: the pages, forms, flashes, API problems and the engine's notices (``planner.wording``);
- ``catalog``: the catalog's patient-facing texts (protocol names, steps, cautions, clinics),
  extracted from the TOML files by ``planner.i18n.extract``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from functools import cached_property, lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_datetime, format_time, get_timezone_location
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal
from babel.support import NullTranslations, Translations

#: the offered locales, in the order the language switcher lists them
LOCALES: tuple[str, ...] = ("en", "ko", "zh_Hans", "ja", "ru", "ar")
DEFAULT_LOCALE = "en"
#: locales written right to left
RTL: frozenset[str] = frozenset({"ar"})
#: where the gettext catalogs live (the repository's ``translations/``)
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "translations"
DOMAINS = ("messages", "catalog")

#: language subtags that name one of the locales (every Chinese tag reads Simplified Chinese:
#: zh, zh-CN, zh-SG as the issue asks; zh-TW and zh-HK too, since Simplified serves those
#: readers better than English until a Traditional locale exists)
_LANGUAGE_OF = {"en": "en", "ko": "ko", "zh": "zh_Hans", "ja": "ja", "ru": "ru", "ar": "ar"}


def normalize(tag: str | None) -> str | None:
    """A BCP 47 or POSIX tag ("ko-KR", "zh_Hans_CN", "zh-SG", "ar") → one of LOCALES, else None."""
    if not tag:
        return None
    language = str(tag).strip().replace("_", "-").split("-", 1)[0].lower()
    return _LANGUAGE_OF.get(language)


def negotiate(tags) -> str | None:
    """The first of ``tags`` (in the caller's order of preference) that names one of LOCALES."""
    for tag in tags:
        locale = normalize(tag)
        if locale is not None:
            return locale
    return None


def html_lang(locale: str) -> str:
    """The locale as an HTML ``lang`` / iCalendar LANGUAGE tag: "zh_Hans" → "zh-Hans"."""
    return locale.replace("_", "-")


def direction(locale: str) -> str:
    """ "rtl" for Arabic, else "ltr"."""
    return "rtl" if locale in RTL else "ltr"


def native_name(locale: str) -> str:
    """A language named in itself, as a switcher shows it: "한국어", "简体中文", "العربية"."""
    if locale == "zh_Hans":
        return "简体中文"
    name = Locale.parse(locale).get_display_name(locale) or locale
    return name[:1].upper() + name[1:]


def languages() -> tuple[tuple[str, str], ...]:
    """(locale, its own name) for each offered locale."""
    return tuple((code, native_name(code)) for code in LOCALES)


@lru_cache(maxsize=16)
def _translations(locale: str, domain: str):
    if locale == DEFAULT_LOCALE:
        return NullTranslations()
    loaded = Translations.load(str(TRANSLATIONS_DIR), [locale], domain)
    return loaded


@dataclass(frozen=True)
class Words:
    """The words and formats of one locale: gettext for the sentences, Babel for dates and money.

    Messages use named ``%(name)s`` placeholders, filled after translation, so a translator may
    move them; ``catalog`` translates a catalog text (a protocol's name, a step's title, …).
    """

    locale: str

    @cached_property
    def _messages(self):
        return _translations(self.locale, "messages")

    @cached_property
    def _catalog(self):
        return _translations(self.locale, "catalog")

    @cached_property
    def babel_locale(self) -> Locale:
        return Locale.parse(self.locale)

    @cached_property
    def date_locale(self) -> Locale:
        """The locale dates are written in: English pages write "Thursday 18 March" (en_GB's order,
        as the rest of the pages do), every other locale its own CLDR patterns."""
        return Locale.parse("en_GB") if self.locale == DEFAULT_LOCALE else self.babel_locale

    @property
    def lang(self) -> str:
        return html_lang(self.locale)

    @property
    def dir(self) -> str:
        return direction(self.locale)

    def gettext(self, message: str, **values) -> str:
        text = self._messages.gettext(message)
        return text % values if values else text

    _ = gettext

    def ngettext(self, singular: str, plural: str, n: int, **values) -> str:
        text = self._messages.ngettext(singular, plural, n)
        return text % {"num": n, **values}

    def pgettext(self, context: str, message: str, **values) -> str:
        text = self._messages.pgettext(context, message)
        return text % values if values else text

    def catalog(self, text: str) -> str:
        """A catalog text in this locale (the English text itself when it has no translation)."""
        return self._catalog.gettext(text) if text else text

    # -- formats (Babel, CLDR) -------------------------------------------------------------
    def date(self, value: date, form: str = "medium") -> str:
        """A date: "full" (weekday, day, month, year), "long", "medium", "short", or a skeleton
        such as "MMMEd" (weekday, day, month without the year) or "MMMMd"; patterns follow the locale."""
        if isinstance(value, datetime):
            value = value.replace(tzinfo=None)
        if form in ("full", "long", "medium", "short"):
            return format_date(value, form, locale=self.date_locale)
        return _skeleton(value, form, self.date_locale)

    def time(self, value: time | datetime) -> str:
        """A wall-clock time, 24-hour where the locale allows: "14:30"."""
        if isinstance(value, datetime):
            value = value.replace(tzinfo=None)
        return format_time(value, "HH:mm", locale=self.babel_locale)

    def datetime(self, value: datetime, form: str = "medium") -> str:
        return format_datetime(value.replace(tzinfo=None), form, locale=self.date_locale)

    def money(self, amount: Decimal, currency: str) -> str:
        return format_currency(amount, currency, locale=self.babel_locale)

    def number(self, value) -> str:
        return format_decimal(value, locale=self.babel_locale)

    def list(self, items, style: str = "standard") -> str:
        """ "a, b and c" in the locale's way."""
        items = [str(item) for item in items]
        return format_list(items, style=style, locale=self.babel_locale) if items else ""

    def city(self, zone: str) -> str:
        """A time zone's city as the locale names it ("Seoul", "서울", "首尔")."""
        if zone in ("UTC", "Etc/UTC"):
            return "UTC"
        return get_timezone_location(zone, locale=self.babel_locale, return_city=True)


def _skeleton(value: date, skeleton: str, locale: Locale) -> str:
    from babel.dates import format_skeleton

    return format_skeleton(skeleton, value, locale=locale)


@lru_cache(maxsize=16)
def words_for(locale: str | None) -> Words:
    """The Words of ``locale`` (any tag; unknown → English)."""
    return Words(normalize(locale) or DEFAULT_LOCALE)


ENGLISH = words_for(DEFAULT_LOCALE)
