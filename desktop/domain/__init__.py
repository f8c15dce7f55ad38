"""Plain dataclasses, code lists and validation; no Qt, no SQL."""
