"""URLs and calendar names that RFC 5545 parsers choke on (issue 16, item 23).

A source URL holding a literal backslash-n was read back by icalendar as a line break in a URI
and the whole VTODO calendar was rejected; NAME and X-WR-CALNAME kept ``,`` ``;`` ``\\`` unescaped.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse

import icalendar
import pytest
from ical_helpers import commitment, lint, parse_everywhere, tracked, unfold

from commitments.outputs.calendar import to_ical

AS_OF = dt.date(2025, 9, 3)
URLS = [
    "https://example.org/a\\nb",
    "https://example.org/a\\\\b;c,d",
    'https://example.org/"quoted"',
    "https://example.org/café?q=1&r=2#frag",
]


@pytest.mark.parametrize("todo", [False, True], ids=["events", "tasks"])
@pytest.mark.parametrize("url", URLS, ids=["backslash-n", "backslashes", "quotes", "non-ascii"])
def test_a_hostile_url_leaves_a_calendar_every_parser_reads(url: str, todo: bool) -> None:
    data = to_ical([tracked(commitment(url=url))], as_of=AS_OF, todo=todo)
    assert lint(data) == []
    assert parse_everywhere(data) == ((0, 1) if todo else (1, 0))
    parsed = icalendar.Calendar.from_ical(data)
    (component,) = parsed.walk("VTODO" if todo else "VEVENT")
    assert urllib.parse.unquote(str(component["url"])) == url


_TEXT_VALUE = re.compile(r"(?:[^\\,;]|\\[\\,;nN])*")


def _unescape(value: str) -> str:
    """RFC 5545 TEXT unescaping (3.3.11)."""
    return re.sub(r"\\([\\,;nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


@pytest.mark.parametrize(
    "name",
    ["Trump, Putin; and co", "back\\slash", "a\\nb", "plain"],
    ids=["comma-semicolon", "backslash", "backslash-n", "plain"],
)
@pytest.mark.parametrize("todo", [False, True], ids=["events", "tasks"])
def test_the_calendar_name_is_escaped_as_text(name: str, todo: bool) -> None:
    data = to_ical([tracked()], as_of=AS_OF, name=name, todo=todo)
    lines = unfold(data)
    for prop in ("NAME", "X-WR-CALNAME"):
        (value,) = [line.split(":", 1)[1] for line in lines if line.startswith(prop + ":")]
        assert _TEXT_VALUE.fullmatch(value), value
        assert _unescape(value) == name
    parse_everywhere(data)
