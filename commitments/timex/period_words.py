"""The words and pattern pieces of named periods: month and weekday names (patterns and
name → number tables), years, day numbers, ordinals, a time of day after a weekday, and how far
back a yearless date may still be read as past.

Shared by the periods' patterns and resolvers (:mod:`commitments.timex.periods`,
:mod:`commitments.timex.period_windows`) and by :mod:`commitments.timex.issue`.
"""

from __future__ import annotations

from commitments.timex.calendar import MONTHS

__all__ = [
    "DATE_YEAR",
    "DAYNUM",
    "MONTH",
    "MONTH_IN_DATE",
    "ORDINALS",
    "RECENT_PAST_DAYS",
    "TIME_OF_DAY",
    "WEEKDAY",
    "WEEKDAYS",
    "YEAR",
    "month_number",
    "weekday_number",
]

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,  # (the fifth Monday of a month; quarters and halves stop at fourth)
    "final": 4,
    "last": 4,
    "front": 1,
    "back": 2,
}

# Full month names; abbreviations only capitalised and followed by a dot or a day number.
MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?=\s*\d)"
    r"|(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)"
)
# In a date next to a day number, a bare capitalised abbreviation is safe ("15 Oct at 14:00").
MONTH_IN_DATE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri)\b\.?)"
)
YEAR = r"(?:19[5-9]\d|20\d\d|21\d\d)"
DATE_YEAR = r"(?:1\d\d\d|[2-9]\d\d\d)"
"""A year right after a day and month ("17 September 3000"): any four digits, 1000-9999.
Standing alone ("by 2030"), only :data:`YEAR` is read as one: "by 3000 troops" is no year."""
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
RECENT_PAST_DAYS = 120
"""A yearless date this many days before the issue date or fewer is read as past, not next year."""
TIME_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|noon))?"


def month_number(word: str) -> int:
    """1–12 for a month name or abbreviation."""
    return MONTHS[word.casefold().rstrip(".")]


def weekday_number(word: str) -> int:
    """0 (Monday) – 6 (Sunday) for a weekday name or abbreviation."""
    return WEEKDAYS[word.casefold().rstrip(".")]
