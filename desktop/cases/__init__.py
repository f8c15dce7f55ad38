"""The application layer: what the screens do (use-cases) and what they read (read models).

Widgets import from here, never from ``desktop.store`` or ``desktop.sync``; what they get back is
dataclasses and ids, never a connection or a cursor.
"""
