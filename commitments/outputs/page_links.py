"""The status page's links: a source's web address, a feed's webcal://, http(s):// and Google
Calendar subscriptions, and an "add to Google Calendar" link for one commitment."""

from __future__ import annotations

import datetime as dt
import urllib.parse

import attrs

from commitments.records import Commitment

__all__ = ["FeedLinks", "feed_links", "google_event", "short_url", "web_url"]


def web_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address with a host, else ``None`` (never ``javascript:``,
    never a local path)."""
    if not url:
        return None
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme.casefold() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def short_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    text = parts.netloc + (parts.path if parts.path != "/" else "")
    return text if len(text) <= 60 else text[:59] + "…"


@attrs.frozen(kw_only=True)
class FeedLinks:
    """Where to subscribe to a feed: webcal://, http(s):// and Google Calendar's subscribe."""

    https: str
    scheme: str
    """``https`` or ``http``: the link's own scheme, as its text."""
    webcal: str | None = None
    google: str | None = None


def feed_links(path: str, base_url: str | None, *, static: bool) -> FeedLinks | None:
    """The links to the feed at ``path`` ("/speakers/donald-trump.ics"): absolute with a base
    URL; relative to the server without one; none in a static page without one."""
    if base_url is None:
        return None if static else FeedLinks(https=path, scheme="https")
    scheme, _, rest = base_url.partition("://")
    webcal = f"webcal://{rest}{path}"
    google = "https://calendar.google.com/calendar/render?" + urllib.parse.urlencode(
        {"cid": webcal}
    )
    return FeedLinks(https=f"{base_url}{path}", scheme=scheme, webcal=webcal, google=google)


def google_event(commitment: Commitment, source: str | None) -> str | None:
    """An "add to Google Calendar" link for one dated commitment: an all-day event over its
    due window (no server needed)."""
    due = commitment.due
    if due is None:
        return None
    end = due.latest + dt.timedelta(days=1)
    title = commitment.action.strip()
    if commitment.speaker:
        title = f"{commitment.speaker}: {title}"
    details = "“" + " ".join(commitment.text.split()) + "”"
    if source:
        details += f"\n\nSource: {source}"
    query = {
        "action": "TEMPLATE",
        "text": title[:200],
        "dates": f"{due.earliest:%Y%m%d}/{end:%Y%m%d}",
        "details": details[:1000],
    }
    return "https://calendar.google.com/calendar/render?" + urllib.parse.urlencode(query)
