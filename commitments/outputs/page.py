"""The status page: what is due soon, what lapsed, what was kept or broken, as HTML.

One page, rendered on the server from a Jinja2 template (autoescaped: every text from a
document is escaped) with inline CSS and inline SVG timelines, so it reads without JavaScript,
opens with no network and fits a phone. :func:`render_page` makes it from tracked records (or
the tracker's entries, whose mentions and history give the timelines' revision and follow-up
marks) and, from the CLI, each speaker's record as the tracker gives it; :class:`StatusPage`
makes it for each request of ``commitments serve`` (``/status``);
``commitments report --html FILE`` writes it as one static file (``static=True``: no filter
form, no links that need the server).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs
import jinja2

from commitments.outputs.calendar import DEFAULT_NAME
from commitments.outputs.page_filters import (
    DUE_SOON,
    Filters,
    Record,
    RecordLike,
    Section,
    section_of,
    status_counts,
)
from commitments.outputs.page_links import web_url
from commitments.outputs.page_view import EntryLike, Item, build_view

__all__ = [
    "DUE_SOON",
    "EntryLike",
    "Filters",
    "Record",
    "RecordLike",
    "Section",
    "StatusPage",
    "render_page",
    "section_of",
    "status_counts",
    "web_url",
]


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("commitments.outputs", "templates"),
        autoescape=True,  # every text from a document is escaped, in HTML and in the SVG
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_page(
    items: Iterable[Item],
    *,
    as_of: dt.date,
    filters: Filters | None = None,
    name: str = DEFAULT_NAME,
    base_url: str | None = None,
    static: bool = False,
    records: Iterable[RecordLike] | None = None,
) -> str:
    """The status page of ``items`` (tracked records or tracker entries) on ``as_of``.

    ``records``: each speaker's record on ``as_of`` as the tracker gives it
    (``Tracker.record(as_of=…).speakers``); without them (no store behind the page) each
    speaker's record counts the statuses of their commitments. ``filters`` chooses what is
    shown (each speaker's record counts all their commitments).
    ``base_url`` (``https://example.org/feeds``): where the feeds are, for webcal:// and Google
    Calendar links. ``static``: a file with no server behind it (no filter form; feed links only
    with a base URL).
    """
    view = build_view(
        items,
        as_of=as_of,
        filters=filters,
        name=name,
        base_url=base_url,
        static=static,
        records=records,
    )
    return _environment().get_template("status.html.j2").render(page=view)


@attrs.frozen(kw_only=True)
class StatusPage:
    """The page for each request of the feed server: ``page(query, as_of)`` is its HTML."""

    items: Callable[[], Iterable[Item]]
    """Called once per request: the records (or entries) as they are now."""
    records: Callable[[dt.date], Iterable[RecordLike]] | None = None
    """Called once per request with its day: each speaker's record then (``Tracker.record``);
    ``None``: the statuses counted."""
    name: str = DEFAULT_NAME
    base_url: str | None = None

    def __call__(self, query: Mapping[str, Sequence[str]], as_of: dt.date) -> str:
        filters = Filters.from_query(query)
        return render_page(
            self.items(),
            as_of=as_of,
            filters=filters,
            name=self.name,
            base_url=self.base_url,
            records=self.records(as_of) if self.records is not None else None,
        )
