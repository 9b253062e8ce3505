"""The tracker: remembers commitments across documents and over time.

``store`` keeps them in SQLite (the only module that imports sqlite3), ``merge`` decides when two
mentions are the same commitment, ``report`` groups and filters them, ``tracker`` ties it together.
"""

from commitments.tracker.paths import default_db_path
from commitments.tracker.record import SpeakerRecord, TrackRecord
from commitments.tracker.records import Mention, Suggestion
from commitments.tracker.report import Group, Report, build_report
from commitments.tracker.store import SCHEMA_VERSION, Store
from commitments.tracker.tracker import AddResult, Tracker

__all__ = [
    "SCHEMA_VERSION",
    "AddResult",
    "Group",
    "Mention",
    "Report",
    "SpeakerRecord",
    "Store",
    "Suggestion",
    "TrackRecord",
    "Tracker",
    "build_report",
    "default_db_path",
]
