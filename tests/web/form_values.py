"""What a page's forms show, read as a browser would: each control's name and the value it would send."""

from __future__ import annotations

from html.parser import HTMLParser


class _Controls(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: dict[str, list[str]] = {}
        self.checkable: set[str] = set()
        self.disabled: set[str] = set()
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._textarea: str | None = None
        self._text: list[str] = []
        #: the values of each <form>, in page order
        self.forms: list[dict[str, list[str]]] = []

    def _add(self, name: str, value: str) -> None:
        self.values.setdefault(name, []).append(value)
        if self.forms:
            self.forms[-1].setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        name = attributes.get("name")
        if name and "disabled" in attributes:
            self.disabled.add(name)
        if tag == "form":
            self.forms.append({})
        if tag == "input" and name:
            kind = (attributes.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                self.checkable.add(name)
                if "checked" in attributes:
                    self._add(name, attributes.get("value") or "on")
            elif kind not in ("submit", "button", "reset", "image", "file"):
                self._add(name, attributes.get("value") or "")
        elif tag == "select" and name:
            self._select, self._options = name, []
        elif tag == "option" and self._select is not None:
            self._options.append((attributes.get("value") or "", "selected" in attributes))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None:
            chosen = [value for value, selected in self._options if selected] or [self._options[0][0]]
            self._add(self._select, chosen[0] if self._options else "")
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            text = "".join(self._text)
            # a browser drops the one line break that follows <textarea>
            self._add(self._textarea, text[2:] if text.startswith("\r\n") else text.removeprefix("\n"))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)


def form_values(body: str) -> dict[str, str]:
    """Each named control of the page and the value it shows ("" for an unticked box), first one per name."""
    parser = _Controls()
    parser.feed(body)
    parser.close()
    shown = {name: values[0] for name, values in parser.values.items()}
    return {**dict.fromkeys(parser.checkable, ""), **shown}


def disabled_controls(body: str) -> set[str]:
    """The names of the page's disabled controls (a browser sends none of them)."""
    parser = _Controls()
    parser.feed(body)
    parser.close()
    return parser.disabled


def each_form(body: str) -> list[dict[str, str]]:
    """The values of each form of the page, in page order (first value per name)."""
    parser = _Controls()
    parser.feed(body)
    parser.close()
    return [{name: values[0] for name, values in form.items()} for form in parser.forms]
