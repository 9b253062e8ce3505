"""Extraction: a document in, its commitments out (see :mod:`.pipeline`)."""

from commitments.extraction.pipeline import extract, extract_document, parse_due

__all__ = ["extract", "extract_document", "parse_due"]
