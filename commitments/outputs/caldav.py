"""Publishing to a CalDAV server (RFC 4791): each entry a calendar object resource, by its UID.

The only module of the project that imports the ``caldav`` library (when :func:`publish_caldav`
runs). Publishing is idempotent: an entry whose SEQUENCE and DTSTAMP the server already holds is
left alone, so a second publish of the same records sends nothing. SEQUENCE and DTSTAMP move with
every change a subscriber would see (see :mod:`commitments.outputs.calendar`), so comparing them
is comparing the entry.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

import attrs

from commitments.errors import OutputError
from commitments.outputs.calendar import EventStyle, calendar_items
from commitments.outputs.sources import Sources
from commitments.records import Tracked

__all__ = ["PublishResult", "publish_caldav"]

_STAMP = re.compile(r"^(SEQUENCE|DTSTAMP)[;:](?:[^:\r\n]*:)?([^\r\n]*)$", re.MULTILINE)


@attrs.frozen(kw_only=True)
class PublishResult:
    """What a publish did, by UID."""

    created: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: int = 0
    """Entries the server already held as they are."""


def _version(data: str) -> tuple[str, str]:
    """SEQUENCE and DTSTAMP of the one component in ``data`` (unfolded)."""
    text = data.replace("\r\n", "\n").replace("\n ", "").replace("\n\t", "")
    found = dict(_STAMP.findall(text))
    return found.get("SEQUENCE", "").strip(), found.get("DTSTAMP", "").strip()


def publish_caldav(
    tracked: Iterable[Tracked],
    *,
    url: str,
    user: str | None,
    password: str | None,
    calendar: str,
    as_of: dt.date,
    todo: bool = False,
    events: EventStyle = "due-day",
    alarm: dt.timedelta | None = None,
    sources: Sources | None = None,
    timeout: float = 30.0,
) -> PublishResult:
    """Put the entries of ``tracked`` into the CalDAV calendar named ``calendar`` at ``url``
    (made if missing); :class:`OutputError` if the server cannot be reached or refuses."""
    items = calendar_items(
        tracked, as_of=as_of, todo=todo, events=events, alarm=alarm, sources=sources
    )
    import caldav  # (here: only `publish` needs it, and it is slow to import)
    from caldav.lib import error as dav_error

    try:
        client: Any = caldav.DAVClient(url=url, username=user, password=password, timeout=timeout)  # type: ignore[operator]
        target = _calendar(client.principal(), calendar)
        created, updated, unchanged = [], [], 0
        for uid, data in items:
            text = data.decode("utf-8")
            try:
                existing: Any = target.object_by_uid(uid)
            except dav_error.NotFoundError:
                existing = None
            if existing is None:
                # Verbatim: caldav would raise SEQUENCE itself otherwise.
                add = target.add_todo if todo else target.add_event
                add(text, increase_seqno=False)
                created.append(uid)
            elif _version(str(existing.data)) == _version(text):
                unchanged += 1
            else:
                existing.data = text
                existing.save(increase_seqno=False)
                updated.append(uid)
    except dav_error.DAVError as exc:
        raise OutputError(f"the CalDAV server refused: {exc}", source=url) from exc
    except OSError as exc:
        raise OutputError(f"cannot reach the CalDAV server ({exc})", source=url) from exc
    return PublishResult(created=tuple(created), updated=tuple(updated), unchanged=unchanged)


def _calendar(principal: Any, name: str) -> Any:
    for candidate in principal.calendars():
        if candidate.get_display_name() == name:
            return candidate
    return principal.make_calendar(name=name)
