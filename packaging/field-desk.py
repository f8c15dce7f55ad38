"""The bundle's entry point (PyInstaller runs a script, not a package's ``__main__``)."""

from desktop.app import main

raise SystemExit(main())
