"""Outputs: JSON, tables and calendars built from commitments."""
