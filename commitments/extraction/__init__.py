"""Extraction: a document in, its commitments out.

The pipeline (:mod:`.pipeline`) runs segmentation (sentences, quotes) → speakers (attributions,
pronouns, names) → cues → time expressions (issue and due windows) and makes
:class:`~commitments.records.Commitment` records. Its parts: :mod:`.attribution` (who said it),
:mod:`.binding` (which time expression dates which commitment), :mod:`.phrasing` (the action's
words), :mod:`.patterns` (the regular expressions they share).
"""

from commitments.extraction.aliases import AliasTable
from commitments.extraction.binding import parse_due
from commitments.extraction.pipeline import extract, extract_document

__all__ = ["AliasTable", "extract", "extract_document", "parse_due"]
