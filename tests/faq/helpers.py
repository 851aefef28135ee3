from __future__ import annotations

from html.parser import HTMLParser

from faq.forms import started_token


def ask_data(**overrides) -> dict:
    """A valid ask-form POST, shown long enough ago to pass the minimum fill time."""
    data = {
        "question": "Can CAR T-cell therapy stop progressive MS from getting worse?",
        "context": "I read about a trial in Germany.",
        "email": "",
        "consent": "on",
        "about": "",
        "started": started_token(seconds_ago=30),
        "website": "",
    }
    data.update(overrides)
    return data


class _FormInputs(HTMLParser):
    def __init__(self, form_action: str) -> None:
        super().__init__()
        self.action, self.inside, self.values = form_action, False, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "post" and attrs.get("action") == self.action:
            self.inside = True
        elif tag == "input" and self.inside and attrs.get("name") and attrs.get("type") == "hidden":
            self.values[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def hidden_inputs(html: str, action: str) -> dict:
    """The hidden inputs of the POST form that submits to `action` (what the browser would send)."""
    parser = _FormInputs(action)
    parser.feed(html)
    return parser.values
