"""The ``commitments`` command-line application (a thin layer over the library)."""
