"""The engine's words as the facilitator reads them: about the client by name, not to "you".

The engine writes its problems, warnings and fixes to the patient ("your flight home", "It works
if you stay until …"); the patient's pages show them as they are. The facilitator's pages pass
them through ``about_client``, one table of the phrases the engine uses, so the facilitator reads
"Maria's flight home" and "It works if Maria stays until …". The languages issue moves the
engine's words to the edge; this table goes with them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from flask import Blueprint

#: the verbs the engine puts after "you", as they read after a name
_VERBS = {
    "arrive": "arrives",
    "fly": "flies",
    "stay": "stays",
    "book": "books",
    "land": "lands",
    "are": "is",
    "return": "returns",
    "need": "needs",
    "pay": "pays",
}
_YOU_VERB = re.compile(r"\b([Yy]ou) (" + "|".join(_VERBS) + r")\b")
#: a second verb of the same fix ("arrive on … and fly home on …") follows "and"
_AND_VERB = re.compile(r"(\b(?:arrives|flies|stays|books) [^.;]*? and )(" + "|".join(_VERBS) + r")\b")
_YOUR = re.compile(r"\b([Yy]our)\b")


@lru_cache(maxsize=4096)
def _about(text: str, name: str) -> str:
    who = name.strip() or "the client"
    text = _YOU_VERB.sub(lambda m: f"{_cap(who, m.group(1))} {_VERBS[m.group(2)]}", text)
    previous = None
    while previous != text:
        previous, text = text, _AND_VERB.sub(lambda m: m.group(1) + _VERBS[m.group(2)], text)
    return _YOUR.sub(lambda m: f"{_cap(who, m.group(1))}'s", text)


def _cap(who: str, word: str) -> str:
    """The name where "you" or "your" was, capitalised at the start of a sentence ("the client" → "The client")."""
    return who[0].upper() + who[1:] if word[0].isupper() else who


def about_client(text: str, name: str | None) -> str:
    """``text`` as the facilitator reads it about ``name`` (unchanged when ``name`` is None: the patient's page)."""
    if name is None or not text:
        return text
    return _about(str(text), name)


def register_voice(blueprint: Blueprint) -> None:
    """Make ``about_client`` a filter of every template: ``{{ notice.message | about_client(name) }}``."""
    blueprint.add_app_template_filter(about_client, "about_client")
